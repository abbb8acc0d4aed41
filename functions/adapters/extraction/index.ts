export { extractText, documentMetadata, normaliseContentType, HIDDEN_SECTION_MARKER } from './extract';
export type { ExtractedText, ExtractionWarning, ExtractionWarningCode, DocumentMetadata, MetadataField } from './extract';
export { sniffContentType, inspectUpload, type UploadInspection, PDF, DOCX, PNG, JPEG, TEXT, HTML, MARKDOWN } from './sniff';
export { sha256Hex, contentDigest, type ContentPart } from './digest';
export { DocumentExtractionError, CorruptDocumentError, EncryptedDocumentError, UnsupportedContentTypeError, DocumentTooComplexError, RefusedDocumentError } from './errors';
export { htmlToText, decodeEntities } from './html';
export { MAX_INFLATED_BYTES, MAX_ZIP_ENTRIES, MAX_PDF_PAGES, MAX_TEXT_CHARS, MAX_EXTRACTION_MS, MAX_WORKER_HEAP_MB } from './limits';
