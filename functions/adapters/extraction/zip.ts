import { inflateRawSync } from 'node:zlib';
import { CorruptDocumentError, DocumentTooComplexError, INFLATE_LIMIT } from './errors';
import { MAX_INFLATED_BYTES, MAX_ZIP_ENTRIES } from './limits';

/*
 * ZIP bomb guard for DOCX, run before JSZip or mammoth touch the file. Both inflate whatever an
 * entry holds, so the sizes are checked here first: the sizes the central directory declares
 * (sum ≤ MAX_INFLATED_BYTES, at most MAX_ZIP_ENTRIES entries), then every entry is inflated
 * with its declared size as a hard cap, because a declared size can lie. After that, whatever
 * the libraries read is bounded by sizes that were checked.
 */

const tooLarge = (detail: string) => new DocumentTooComplexError(INFLATE_LIMIT, detail);
const tooMany = (detail: string) => new DocumentTooComplexError(`包含超过 ${MAX_ZIP_ENTRIES} 个内部文件`, detail);
const corrupt = (detail: string) => new CorruptDocumentError('DOCX', detail);

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

const u16 = (v: DataView, at: number) => v.getUint16(at, true);
const u32 = (v: DataView, at: number) => v.getUint32(at, true);
const u64 = (v: DataView, at: number) => Number(v.getBigUint64(at, true));

function centralDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory record: 22 bytes plus a comment of up to 64 KB, at the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(view, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end of central directory record');
  let count = u16(view, eocd + 10);
  let cdSize = u32(view, eocd + 12);
  let cdOffset = u32(view, eocd + 16);
  let cdEnd = eocd;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the locator just before the record points at the 64-bit record.
    const locator = eocd - 20;
    if (locator < 0 || u32(view, locator) !== 0x07064b50) throw corrupt('ZIP64 locator missing');
    cdEnd = u64(view, locator + 8);
    if (cdEnd + 56 > bytes.length || u32(view, cdEnd) !== 0x06064b50) throw corrupt('ZIP64 record missing');
    count = u64(view, cdEnd + 32);
    cdSize = u64(view, cdEnd + 40);
    cdOffset = u64(view, cdEnd + 48);
  }
  // Checked before anything is read, so a directory of a million entries costs nothing.
  if (count > MAX_ZIP_ENTRIES) throw tooMany(`${count} entries declared`);
  // JSZip would look elsewhere for a directory that is not right before the end record.
  if (cdOffset + cdSize !== cdEnd) throw corrupt('central directory not where the end record says');

  const entries: Entry[] = [];
  let declared = 0;
  // Like JSZip, read entries for as long as there are entry headers, whatever the count says.
  for (let at = cdOffset; at + 46 <= cdEnd && u32(view, at) === 0x02014b50;) {
    if (entries.length === MAX_ZIP_ENTRIES) throw tooMany(`more than ${MAX_ZIP_ENTRIES} entries in the central directory`);
    const nameLength = u16(view, at + 28);
    const extraLength = u16(view, at + 30);
    const commentLength = u16(view, at + 32);
    let compressedSize = u32(view, at + 20);
    let size = u32(view, at + 24);
    let localHeaderOffset = u32(view, at + 42);
    // ZIP64 extended information (0x0001) holds, in this order, the fields that read 0xffffffff.
    for (let x = at + 46 + nameLength, end = Math.min(x + extraLength, cdEnd); x + 4 <= end;) {
      const id = u16(view, x);
      const len = u16(view, x + 2);
      if (id === 0x0001) {
        let p = x + 4;
        const fieldEnd = Math.min(p + len, end);
        if (size === 0xffffffff && p + 8 <= fieldEnd) ((size = u64(view, p)), (p += 8));
        if (compressedSize === 0xffffffff && p + 8 <= fieldEnd) ((compressedSize = u64(view, p)), (p += 8));
        if (localHeaderOffset === 0xffffffff && p + 8 <= fieldEnd) localHeaderOffset = u64(view, p);
      }
      x += 4 + len;
    }
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, Math.min(nameLength, cdEnd - at - 46)).toString('utf8');
    entries.push({ name, method: u16(view, at + 10), compressedSize, size, localHeaderOffset });
    declared += size;
    if (declared > MAX_INFLATED_BYTES) throw tooLarge(`declared uncompressed sizes exceed ${MAX_INFLATED_BYTES} bytes`);
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (entries.length === 0 && count > 0) throw corrupt('central directory empty');
  return entries;
}

/** Throws DocumentTooComplexError for a ZIP bomb, CorruptDocumentError for a damaged ZIP. */
export function checkZip(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of centralDirectory(bytes)) {
    const at = e.localHeaderOffset;
    if (at + 30 > bytes.length || u32(view, at) !== 0x04034b50) throw corrupt(`local header of ${e.name} missing`);
    const dataStart = at + 30 + u16(view, at + 26) + u16(view, at + 28);
    if (dataStart + e.compressedSize > bytes.length) throw corrupt(`data of ${e.name} outside the file`);
    const data = bytes.subarray(dataStart, dataStart + e.compressedSize);
    if (e.method === 0) {
      if (data.length > e.size) throw tooLarge(`${e.name}: stored data larger than declared`);
    } else if (e.method === 8) {
      let inflated: Buffer;
      try {
        // One byte more than declared is allowed out, so a lie is seen; zlib stops there.
        inflated = inflateRawSync(data, { maxOutputLength: e.size + 1 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(`${e.name} inflates beyond its declared ${e.size} bytes`);
        throw corrupt(`${e.name}: ${(error as Error).message}`);
      }
      if (inflated.length > e.size) throw tooLarge(`${e.name} inflates beyond its declared ${e.size} bytes`);
    } else {
      throw corrupt(`${e.name}: compression method ${e.method} not supported`);
    }
  }
}
