/**
 * RFC 6266 Content-Disposition with the RFC 5987 UTF-8 name, so Chinese names download intact,
 * and a plain-ASCII `filename` for clients that read only that: each run of other characters
 * becomes `asciiReplacement` (YSQ-2026-000001-答复告知书.docx → YSQ-2026-000001-answer.docx).
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment', asciiReplacement = '_'): string {
  const fallback = fileName.replace(/[^\x20-\x7e]+/g, asciiReplacement).replace(/["\\]/g, '_');
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987's attr-char does not allow them.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
