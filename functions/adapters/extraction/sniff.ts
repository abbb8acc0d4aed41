/**
 * Content-type sniffing by magic bytes, never by file name. Works on the first bytes of a file
 * (4 KB is enough in practice; the whole file is fine too).
 */

export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
export const ZIP = 'application/zip';
export const PNG = 'image/png';
export const JPEG = 'image/jpeg';
/** OLE compound file: Word 97-2003 .doc, and also encrypted OOXML documents. */
export const CFB = 'application/x-cfb';
export const TEXT = 'text/plain';
export const HTML = 'text/html';
export const MARKDOWN = 'text/markdown';

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

function indexOfAscii(bytes: Uint8Array, needle: string, limit = bytes.length): number {
  const first = needle.charCodeAt(0);
  const end = Math.min(limit, bytes.length) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/**
 * Decode bytes as text if they look like text: valid UTF-8 (a sequence cut off at the end of a
 * prefix is fine), or failing that GB18030, which Chinese agencies' older files still use; and no
 * NUL or stray control characters.
 */
export function decodeTextLike(
  bytes: Uint8Array,
  { partial = false }: { partial?: boolean } = {},
): { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' } | undefined {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(body, { stream: partial });
    } catch {
      continue;
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/.test(text)) return undefined;
    return { text, encoding };
  }
  return undefined;
}

/**
 * The content type of a file from its first bytes: PDF, DOCX (a ZIP holding `word/…`), other
 * OOXML/ZIP, PNG, JPEG, OLE compound files, HTML and plain text. Undefined when unknown.
 */
export function sniffContentType(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return undefined;
  // PDF readers accept the header anywhere in the first 1024 bytes.
  if (indexOfAscii(bytes, '%PDF-', 1024) >= 0) return PDF;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // Entry names are stored uncompressed in the local headers and the central directory.
    if (indexOfAscii(bytes, 'word/') >= 0) return DOCX;
    if (indexOfAscii(bytes, 'xl/') >= 0) return XLSX;
    if (indexOfAscii(bytes, 'ppt/') >= 0) return PPTX;
    return ZIP;
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return CFB;
  const decoded = decodeTextLike(bytes.subarray(0, 8192), { partial: true });
  if (!decoded) return undefined;
  if (/^\s*(?:<!doctype\s+html|<html[\s>])/i.test(decoded.text)) return HTML;
  return TEXT;
}
