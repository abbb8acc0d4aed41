/** Content types the portal accepts, reads or refuses, named once (pure data). */
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
