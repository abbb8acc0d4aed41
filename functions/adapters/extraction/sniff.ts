import { constants as zlib, inflateSync } from 'node:zlib';
import { INFLATE_LIMIT, tooComplexMessage } from './errors';
import { MAX_INFLATED_BYTES } from './limits';

/**
 * Content-type sniffing by magic bytes, never by file name, and the upload check built on it:
 * a file must be one thing only. Works on the first bytes of a file (4 KB is enough to tell the
 * type) or on the whole file, which lets the PDF checks see every object. Pure: no I/O.
 */

import type { UploadInspection } from '#ports/content';
import { CFB, DOCX, HTML, JPEG, MARKDOWN, PDF, PNG, PPTX, TEXT, XLSX, ZIP } from '#domain/content-types';

export { CFB, DOCX, HTML, JPEG, MARKDOWN, PDF, PNG, PPTX, TEXT, XLSX, ZIP };

/** `text/plain; charset=utf-8` → `text/plain`. */
export function normaliseContentType(contentType: string | undefined): string | undefined {
  const t = contentType?.split(';')[0]?.trim().toLowerCase();
  return t || undefined;
}

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

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

/** One char per byte, so ASCII patterns can be matched in any ASCII-compatible file. */
export const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/**
 * Decode bytes as text if they look like text: valid UTF-8 (a sequence cut off at the end of a
 * prefix is fine), or failing that GB18030, which Chinese agencies' older files still use; and no
 * NUL or stray control characters.
 */
export function decodeTextLike(bytes: Uint8Array, { partial = false }: { partial?: boolean } = {}): { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' } | undefined {
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

// ---------------------------------------------------------------------------------------------
// Active content

/**
 * Markup a browser would run or render: the elements that carry HTML, SVG, scripts or embedded
 * content, an HTML doctype, an XSLT stylesheet, and event-handler attributes inside any tag
 * (`<img src=x onerror=…>`). Tag names must be followed by a tag delimiter, and bare names only:
 * `<w:body>` in an uncompressed DOCX part is not HTML.
 */
const MARKUP = /<(?:html|head|body|script|style|svg|math|iframe|frame|frameset|object|embed|applet|form|meta|base|link)[\s/>]|<!doctype\s+html|<\?xml-stylesheet|<[a-z][^<>]*?[\s/"']on[a-z]+\s*=/i;
/** Script URLs, also with the blanks browsers strip from URLs (`java\tscript:`). */
const SCRIPT_URL = /j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:|v\s*b\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i;
/** How much of a binary file is searched for markup: what browsers and viewers sniff, and then some. */
const HEAD_BYTES = 8192;

/**
 * PDF names that make a file do something besides show pages: run JavaScript, launch programs,
 * submit or import form data, carry files or multimedia, or XFA forms (which script). /OpenAction
 * and /AA are not listed: opening at page 1 is common and harmless, and when they run JavaScript
 * the action dictionary names /JavaScript and /JS.
 */
const ACTIVE_PDF_NAMES = new Set(['JavaScript', 'JS', 'Launch', 'SubmitForm', 'ImportData', 'EmbeddedFile', 'EmbeddedFiles', 'GoToE', 'XFA']);
const PDF_NAME = /\/([^\s\0()<>[\]{}/%]+)/g;

/** The first active name in PDF object syntax (`/J#61vaScript` is `/JavaScript`), or undefined. */
export function activePdfName(objects: string): string | undefined {
  for (const m of objects.matchAll(PDF_NAME)) {
    const name = m[1]!.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (ACTIVE_PDF_NAMES.has(name) || name.startsWith('RichMedia')) return name;
  }
  return undefined;
}

/** Where a script URL or active name sits in PDF object syntax; undefined when there is none. */
export function activePdfContent(objects: string): string | undefined {
  const name = activePdfName(objects);
  if (name) return `PDF name /${name}`;
  if (SCRIPT_URL.test(objects)) return 'script URL in a PDF object';
  return undefined;
}

export interface PdfStream {
  /** The object text before the `stream` keyword (its dictionary). */
  readonly dict: string;
  /** Offsets of the stream data (after the end-of-line that follows `stream`). */
  readonly start: number;
  readonly end: number;
}

/**
 * Split a PDF (as latin1) into its object syntax outside streams, and the streams. Stream data
 * is binary, usually compressed; searching it for names would find `/JS` by chance in one large
 * file in fifty. A stream without `endstream` (a prefix of a file) runs to the end.
 */
export function splitPdf(s: string): { outside: string; streams: PdfStream[] } {
  const outside: string[] = [];
  const streams: PdfStream[] = [];
  const keyword = />>\s*stream(?:\r\n|\r|\n)?/g;
  let pos = 0;
  for (let m = keyword.exec(s); m; m = keyword.exec(s)) {
    const start = m.index + m[0].length;
    outside.push(s.slice(pos, start));
    const objStart = s.lastIndexOf('obj', m.index);
    const endstream = s.indexOf('endstream', start);
    const end = endstream < 0 ? s.length : endstream;
    streams.push({ dict: s.slice(objStart < pos ? pos : objStart, m.index + 2), start, end });
    pos = end;
    keyword.lastIndex = end;
  }
  outside.push(s.slice(pos));
  return { outside: outside.join('\n'), streams };
}

/**
 * The objects packed in compressed object streams (/ObjStm, PDF 1.5+; pdf-lib and many writers
 * put the catalog there), inflated within MAX_INFLATED_BYTES in all. Undefined past the limit.
 * Streams that are encrypted, damaged or use a predictor are skipped; pdfjs checks them while
 * reading (pdf.ts).
 */
function objectStreams(bytes: Uint8Array, streams: readonly PdfStream[]): string[] | undefined {
  const texts: string[] = [];
  let budget = MAX_INFLATED_BYTES;
  for (const { dict, start, end } of streams) {
    if (!/\/Type\s*\/ObjStm\b/.test(dict) || !/\/FlateDecode\b/.test(dict) || /\/DecodeParms\b/.test(dict)) continue;
    let objects: Buffer;
    try {
      // Z_SYNC_FLUSH: a stream cut off (a file prefix) still yields what it has.
      objects = inflateSync(bytes.subarray(start, end), { maxOutputLength: budget + 1, finishFlush: zlib.Z_SYNC_FLUSH });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
      continue;
    }
    budget -= objects.length;
    if (budget < 0) return undefined;
    texts.push(objects.toString('latin1'));
  }
  return texts;
}

// ---------------------------------------------------------------------------------------------
// Inspection

export type { UploadInspection };

export const REFUSAL_MESSAGES = {
  'unknown-type': '无法识别文件类型。请上传 PDF、Word（DOCX）、图片或纯文本文件。',
  polyglot: '文件内容与其类型不符：其中夹带了网页代码或另一种文件格式（可能是伪装的文件），出于安全原因不予接收。请用原软件重新导出为 PDF、Word 或图片后上传。',
  'active-content': 'PDF 文件含有脚本、自动执行的动作、表单提交或嵌入的附件，出于安全原因不予接收。请用“另存为 PDF”或“打印为 PDF”生成不含这些内容的普通 PDF 后重新上传。',
  'active-markup': '文本文件中含有网页或 SVG 代码（如脚本、事件属性），出于安全原因不予接收。请上传纯文本，或转换为 PDF 后上传。',
  'too-complex': tooComplexMessage(INFLATE_LIMIT),
} as const;

const refuse = (code: Exclude<UploadInspection, { ok: true }>['code'], reason: string): UploadInspection => ({
  ok: false,
  code,
  message: REFUSAL_MESSAGES[code],
  reason,
});

function typeByMagic(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF;
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
  return undefined;
}

/**
 * What an upload is, by content, and whether to refuse it although its type is known:
 * - `%PDF-` must be at offset 0, with no BOM or blank before it. PDF readers accept the header
 *   anywhere in the first 1024 bytes, which is what lets one file be a PDF to a reader and a web
 *   page, image or archive to everything else; a file whose `%PDF-` is elsewhere in that range is
 *   such a polyglot. (A BOM before `%PDF-` only comes from treating a PDF as text, which also
 *   breaks its binary parts.)
 * - A binary file (PDF, ZIP/DOCX, PNG, JPEG, OLE) with HTML/SVG/script markup in its first 8 KB,
 *   or for a PDF anywhere outside its streams, is a polyglot.
 * - A PDF with JavaScript, launch, form-submission, embedded-file, multimedia or XFA names, or a
 *   script URL, in its objects is refused: outside streams, and inside compressed object streams.
 *   Extraction asks pdfjs as well (pdf.ts).
 * - Text with such markup (SVG, an HTML fragment without `<!doctype html>`/`<html>` at the start)
 *   is refused; a page that starts like HTML is HTML, which callers accept or not by type.
 */
export function inspectUpload(bytes: Uint8Array): UploadInspection {
  if (bytes.length === 0) return refuse('unknown-type', 'empty file');
  const magic = typeByMagic(bytes);
  if (magic !== PDF && indexOfAscii(bytes, '%PDF-', 1024) >= 0) return refuse('polyglot', `%PDF- header after offset 0 in ${magic ?? 'a non-binary file'}`);
  if (magic) {
    const head = latin1(bytes.subarray(0, HEAD_BYTES));
    // (A script URL in a PDF is active content, looked for below.)
    const m = MARKUP.exec(head) ?? (magic === PDF ? null : SCRIPT_URL.exec(head));
    if (m) return refuse('polyglot', `${magic} with markup ${JSON.stringify(m[0].slice(0, 40))} in its first ${HEAD_BYTES} bytes`);
    if (magic === PDF) {
      const { outside, streams } = splitPdf(latin1(bytes));
      const markup = MARKUP.exec(outside);
      if (markup) return refuse('polyglot', `PDF with markup ${JSON.stringify(markup[0].slice(0, 40))} outside its streams`);
      const active = activePdfContent(outside);
      if (active) return refuse('active-content', active);
      const packed = objectStreams(bytes, streams);
      if (!packed) return refuse('too-complex', `PDF object streams inflate beyond ${MAX_INFLATED_BYTES} bytes`);
      for (const objects of packed) {
        const found = activePdfContent(objects);
        if (found) return refuse('active-content', `${found} in an object stream`);
      }
    }
    return { ok: true, contentType: magic };
  }
  const decoded = decodeTextLike(bytes.subarray(0, HEAD_BYTES), { partial: true });
  if (!decoded) return refuse('unknown-type', 'neither a known binary format nor text');
  if (/^\s*(?:<!doctype\s+html|<html[\s>])/i.test(decoded.text)) return { ok: true, contentType: HTML };
  // UTF-8 and GB18030 keep ASCII as ASCII (GB18030's trail bytes never include < or =), so the
  // raw bytes are searched; UTF-16 is decoded first.
  const whole = decoded.encoding.startsWith('utf-16') ? (decodeTextLike(bytes)?.text ?? decoded.text) : latin1(bytes);
  const m = MARKUP.exec(whole) ?? SCRIPT_URL.exec(whole);
  if (m) return refuse('active-markup', `text with markup ${JSON.stringify(m[0].slice(0, 40))}`);
  return { ok: true, contentType: TEXT };
}

/**
 * The content type of a file from its first bytes: PDF, DOCX (a ZIP holding `word/…`), other
 * OOXML/ZIP, PNG, JPEG, OLE compound files, HTML and plain text. Undefined when unknown, and
 * also for files inspectUpload refuses (polyglots, active content), so every caller refuses them.
 */
export function sniffContentType(bytes: Uint8Array): string | undefined {
  const inspection = inspectUpload(bytes);
  return inspection.ok ? inspection.contentType : undefined;
}
