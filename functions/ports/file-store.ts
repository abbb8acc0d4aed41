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
}
