/* The results of reading a document: declared by the port the application uses. */
export type { DocumentMetadata, ExtractedText, ExtractionWarning, ExtractionWarningCode, MetadataField } from '#ports/content';
