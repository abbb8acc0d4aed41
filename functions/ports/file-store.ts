/**
 * Documents in the private bucket: incoming attachments, drafts, answer documents, originals.
 * Nothing here can reach the public bucket; only the release step (application/release) holds
 * a PublicFileWriter, and only after it has checked an approved secrecy review.
 */
export interface StoredFile {
  readonly key: string;
  readonly contentType: string;
  readonly sizeBytes: number;
}

export interface PresignedUpload {
  readonly url: string;
  readonly method: 'PUT';
  /** Headers the client must send exactly as signed (content type and length are bound). */
  readonly headers: Record<string, string>;
  readonly expiresInSeconds: number;
}

export interface PrivateFileStore {
  put(key: string, body: Uint8Array, contentType: string): Promise<StoredFile>;
  get(key: string): Promise<Uint8Array | undefined>;
  /** First bytes of an object, for content sniffing without downloading it whole. */
  head(key: string): Promise<StoredFile | undefined>;
  readStart(key: string, bytes: number): Promise<Uint8Array | undefined>;
  delete(key: string): Promise<void>;
  copy(fromKey: string, toKey: string): Promise<void>;
  presignUpload(key: string, contentType: string, sizeBytes: number): Promise<PresignedUpload>;
  /** A short-lived download link; `fileName` becomes the Content-Disposition. */
  presignDownload(key: string, fileName: string, expiresInSeconds?: number): Promise<string>;
}

/** The only writer of the public bucket. Constructed for the release step alone. */
export interface PublicFileWriter {
  put(key: string, body: Uint8Array, contentType: string, fileName: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Keys under a prefix (`files/<release>/`), so the release step knows what is public. */
  list(prefix: string): Promise<string[]>;
}

/** A released copy as the public sees it. */
export interface PublicFile {
  readonly body: Uint8Array;
  readonly contentType: string;
  readonly contentDisposition?: string;
}

/**
 * Reads the public bucket the way the CDN serves it (/files/*). In AWS CloudFront reads it and
 * nothing in the app needs this; local mode has no CDN, so the app serves /files/* itself.
 */
export interface PublicFileReader {
  get(key: string): Promise<PublicFile | undefined>;
}

/**
 * Headers every download carries, whoever serves it (CloudFront's response headers policy on
 * /files/*, the local /files/* route): a file is saved, never rendered in the portal's origin,
 * never sniffed into HTML, and if it is opened anyway it runs in a sandbox with no scripts.
 */
export const DOWNLOAD_SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'",
} as const;
