import type { OfficialDocument } from '#domain/requests/official-document';

/**
 * Writes a signed document as a Word file (.docx) for the agency's own seal workflow: staff open it
 * in Word or WPS, sign and seal it there. The layout follows GB/T 9704 where it applies (A4, the
 * margins, 2号 title, 3号 仿宋 body, 22 lines a page, 落款 and 成文日期 with room for the seal).
 * The adapter (functions/adapters/documents/docx-writer.ts) owns the file format.
 */
export interface WordDocumentWriter {
  render(doc: OfficialDocument): Promise<Uint8Array>;
}
