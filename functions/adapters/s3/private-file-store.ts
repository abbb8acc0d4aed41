import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { StorageUnavailableError } from '#domain/errors';
import type { PresignedUpload, PrivateFileStore, StoredFile } from '#ports/file-store';
import { contentDisposition } from '#domain/content-disposition';

const UPLOAD_URL_TTL = 300;
const DOWNLOAD_URL_TTL = 300;

export class S3PrivateFileStore implements PrivateFileStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, body: Uint8Array, contentType: string): Promise<StoredFile> {
    await guard(() => this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.byteLength })));
    return { key, contentType, sizeBytes: body.byteLength };
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw translate(error);
    }
  }

  async head(key: string): Promise<StoredFile | undefined> {
    try {
      const out = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { key, contentType: out.ContentType ?? 'application/octet-stream', sizeBytes: out.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw translate(error);
    }
  }

  async readStart(key: string, bytes: number): Promise<Uint8Array | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${bytes - 1}` }));
      return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw translate(error);
    }
  }

  async delete(key: string): Promise<void> {
    await guard(() => this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
  }

  async copy(fromKey: string, toKey: string): Promise<void> {
    await guard(() => this.s3.send(new CopyObjectCommand({ Bucket: this.bucket, Key: toKey, CopySource: `${this.bucket}/${encodeURIComponent(fromKey)}` })));
  }

  async presignUpload(key: string, contentType: string, sizeBytes: number): Promise<PresignedUpload> {
    // Content-Type and Content-Length are signed headers: S3 refuses an upload whose type or
    // size differs from what the app approved.
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType, ContentLength: sizeBytes });
    const url = await getSignedUrl(this.s3, command, {
      expiresIn: UPLOAD_URL_TTL,
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    return { url, method: 'PUT', headers: { 'Content-Type': contentType, 'Content-Length': String(sizeBytes) }, expiresInSeconds: UPLOAD_URL_TTL };
  }

  async presignDownload(key: string, fileName: string, expiresInSeconds = DOWNLOAD_URL_TTL): Promise<string> {
    // Saved, never rendered: an attachment of no particular type, so no browser turns an uploaded
    // file into a page on the bucket's origin, whatever the object's stored type says.
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: contentDisposition(fileName),
      ResponseContentType: 'application/octet-stream',
      ResponseCacheControl: 'private, no-store',
    });
    return getSignedUrl(this.s3, command, { expiresIn: expiresInSeconds });
  }
}

export function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return error instanceof NoSuchKey || error instanceof NotFound || e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}

async function guard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw translate(error);
  }
}

/** S3 faults (5xx, throttling, network) become one calm "try again later" error; nothing half-written is reported as done. */
export function translate(error: unknown): Error {
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode ?? 0;
  if (
    status >= 500 ||
    /SlowDown|Throttl|ServiceUnavailable|InternalError|ECONNREFUSED|TimeoutError|AbortError/.test(e.name ?? '') ||
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH)$/.test(e.code ?? '')
  ) {
    return new StorageUnavailableError(`S3: ${e.name ?? 'error'}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}
