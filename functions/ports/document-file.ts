import type { OfficialDocument } from '#domain/requests/official-document';

/**
 * Writes a signed document as a file for the agency's own seal workflow, laid out after GB/T 9704
 * where it applies (A4, the margins, 2号 title, 3号 body, 22 lines a page, 落款 and 成文日期 with
 * room for the seal). One adapter per format owns it: functions/adapters/documents/docx-writer.ts
 * (Word and WPS, fonts named for the agency's machines) and pdf-writer.ts (font embedded, prints
 * the same everywhere).
 */
export interface DocumentFileWriter {
  render(doc: OfficialDocument): Promise<Uint8Array>;
}

/** The formats a signed document downloads in, with their media types. */
export const DOCUMENT_FILE_FORMATS = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

export type DocumentFileFormat = keyof typeof DOCUMENT_FILE_FORMATS;
