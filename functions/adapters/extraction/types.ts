/* The results of reading a document; plain data, so they cross the worker boundary unchanged. */

export type ExtractionWarningCode = 'no-text-layer' | 'image-not-checked' | 'hidden-content' | 'legacy-encoding';

/** Something the reviewer must know: the scanner could not see all of the file, or saw more. */
export interface ExtractionWarning {
  readonly code: ExtractionWarningCode;
  readonly message: string;
}

export interface ExtractedText {
  /** The type actually read (magic bytes win over a declared binary type). */
  readonly contentType: string;
  /**
   * Text to scan. For HTML, PDF and DOCX, parts not visible on the page but carried in the file
   * (comments, annotations, headers/footers, deleted revisions, attributes) follow `hiddenStart`.
   */
  readonly text: string;
  /** Offset where the not-visible parts begin; undefined when there are none. */
  readonly hiddenStart?: number;
  readonly pageCount?: number;
  /** PDF: offset in `text` where each page starts. */
  readonly pageStarts?: readonly number[];
  readonly warnings: readonly ExtractionWarning[];
}

export interface MetadataField {
  /** Stable key, e.g. `author`, `lastModifiedBy`, `xmp:dc:creator`. */
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** True for fields that normally hold a person's name. */
  readonly mayIdentifyPerson: boolean;
}

export interface DocumentMetadata {
  readonly contentType: string;
  readonly fields: readonly MetadataField[];
  /** One message per person-identifying field that is filled in (no values in the message). */
  readonly warnings: readonly string[];
}
