/**
 * What the application asks of file content: its digest, what it really is (by its bytes, never
 * its name), its text and metadata for the secrecy scan, and Markdown as plain text. The adapter
 * (functions/adapters/extraction/content-port.ts) does the parsing, in worker threads where it is
 * heavy; use cases see only this port, so none of them imports a parser.
 */

// The results of reading a document: plain data, so they cross the worker boundary unchanged.

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

/** Whether an upload is one accepted thing, by its bytes. */
export type UploadInspection =
  | { readonly ok: true; readonly contentType: string }
  | {
      readonly ok: false;
      /** `unknown-type`: not a file type we know (callers give their own "accepted types" message). The rest are refusals. */
      readonly code: 'unknown-type' | 'polyglot' | 'active-content' | 'active-markup' | 'too-complex';
      /** For the uploader, in Chinese. */
      readonly message: string;
      /** For logs, in English. */
      readonly reason: string;
    };

export interface ContentPort {
  /** SHA-256 of bytes, or of a string's UTF-8 encoding, as lower-case hex. */
  sha256(data: Uint8Array | string): string;
  inspect(bytes: Uint8Array): UploadInspection;
  extractText(bytes: Uint8Array, contentType?: string): Promise<ExtractedText>;
  documentMetadata(bytes: Uint8Array, contentType?: string): Promise<DocumentMetadata>;
  /** Markdown as the text a reader sees; `includeUrls` for secrecy scanning, which must see every character published. */
  markdownToText(source: string, options?: { readonly includeUrls?: boolean }): string;
  /** Markdown as safe HTML (no raw HTML, safe URLs only), headings shifted by `headingOffset`. */
  markdownToHtml(source: string, options?: { readonly headingOffset?: number }): string;
}
