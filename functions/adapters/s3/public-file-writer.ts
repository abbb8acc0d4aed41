import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { PublicFile, PublicFileReader, PublicFileWriter } from '#ports/file-store';
import { contentDisposition } from '#domain/content-disposition';
import { isMissing, translate } from './private-file-store';

/**
 * Writes released copies to the public bucket. Only the release composition
 * (functions/handlers/release.ts in AWS, the release step in local mode) constructs this; a test
 * asserts no other module imports it, and in AWS only the release function's role may write there.
 */
export class S3PublicFileWriter implements PublicFileWriter {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, body: Uint8Array, contentType: string, fileName: string): Promise<void> {
    try {
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          ContentLength: body.byteLength,
          ContentDisposition: contentDisposition(fileName),
          CacheControl: 'public, max-age=300',
        }),
      );
    } catch (error) {
      throw translate(error);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      throw translate(error);
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    try {
      do {
        const out = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
        for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key);
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
      } while (token);
    } catch (error) {
      throw translate(error);
    }
    return keys;
  }
}

/** Local mode's CDN stand-in: reads released copies for the app's /files/* route (read only). */
export class S3PublicFileReader implements PublicFileReader {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async get(key: string): Promise<PublicFile | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        body: out.Body ? await out.Body.transformToByteArray() : new Uint8Array(),
        contentType: out.ContentType ?? 'application/octet-stream',
        ...(out.ContentDisposition ? { contentDisposition: out.ContentDisposition } : {}),
      };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw translate(error);
    }
  }
}
