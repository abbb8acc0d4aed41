import { DeleteObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { PublicFileWriter } from '../../ports/file-store';
import { contentDisposition } from './content-disposition';
import { translate } from './private-file-store';

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
}
