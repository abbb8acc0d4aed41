import { extractionPool, type ExtractionRequest } from './pool';
import type { DocumentMetadata, ExtractedText } from './types';

export type { DocumentMetadata, ExtractedText, ExtractionWarning, ExtractionWarningCode, MetadataField } from './types';
export { normaliseContentType } from './sniff';
export { HIDDEN_SECTION_MARKER } from './html';

/*
 * The public face of extraction. The reading itself (read.ts) runs in a worker thread (pool.ts)
 * under the limits of limits.ts; errors come back as the same classes with the same messages.
 */

function inWorker(op: ExtractionRequest['op'], bytes: Uint8Array, contentType: string | undefined): Promise<unknown> {
  // A copy, transferred: posting a view would clone its whole underlying buffer (a Buffer's
  // shared slab, a larger file), and the caller keeps its bytes.
  const copy = new Uint8Array(bytes);
  const request: ExtractionRequest = { op, bytes: copy, ...(contentType !== undefined ? { contentType } : {}) };
  return extractionPool().run(request, [copy.buffer]);
}

/**
 * Extract the text of a document for the secrecy scanner. Supported: plain text and Markdown
 * (UTF-8, UTF-16 with BOM, GB18030), HTML, PDF (text layer of all pages, plus annotations) and
 * DOCX (body, headers/footers, notes, comments, deleted revisions). Images are accepted with a
 * warning (no OCR). Throws CorruptDocumentError, EncryptedDocumentError,
 * UnsupportedContentTypeError, DocumentTooComplexError (limits.ts) or RefusedDocumentError
 * (what inspectUpload refuses, and PDF scripts or attachments found while reading); never
 * anything else for bad input.
 */
export async function extractText(bytes: Uint8Array, contentType?: string): Promise<ExtractedText> {
  return (await inWorker('text', bytes, contentType)) as ExtractedText;
}

/**
 * Document properties that travel with a file and may leak names: PDF Author and XMP dc:creator,
 * DOCX creator, lastModifiedBy, manager, and the authors of comments and tracked changes. Other
 * properties are listed too (title, keywords…) so the reviewer sees everything that is published.
 * Text, HTML and images: no fields. Same errors as extractText.
 */
export async function documentMetadata(bytes: Uint8Array, contentType?: string): Promise<DocumentMetadata> {
  return (await inWorker('metadata', bytes, contentType)) as DocumentMetadata;
}
