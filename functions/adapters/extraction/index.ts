export { extractText, documentMetadata, normaliseContentType, HIDDEN_SECTION_MARKER } from './extract';
export type { ExtractedText, ExtractionWarning, ExtractionWarningCode, DocumentMetadata, MetadataField } from './extract';
export { sniffContentType, PDF, DOCX, PNG, JPEG, TEXT, HTML, MARKDOWN } from './sniff';
export { sha256Hex, contentDigest, type ContentPart } from './digest';
export { DocumentExtractionError, CorruptDocumentError, EncryptedDocumentError, UnsupportedContentTypeError } from './errors';
export { htmlToText, decodeEntities } from './html';
