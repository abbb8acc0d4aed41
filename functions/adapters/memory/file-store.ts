import type { PresignedUpload, PrivateFileStore, StoredFile } from '#ports/file-store';

/** In-memory private bucket for unit tests; the S3 contract suite holds it to s3rver's behaviour. */
export class MemoryFileStore implements PrivateFileStore {
  readonly objects = new Map<string, { body: Uint8Array; contentType: string }>();

  async put(key: string, body: Uint8Array, contentType: string): Promise<StoredFile> {
    this.objects.set(key, { body: new Uint8Array(body), contentType });
    return { key, contentType, sizeBytes: body.byteLength };
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    return this.objects.get(key)?.body;
  }

  async head(key: string): Promise<StoredFile | undefined> {
    const o = this.objects.get(key);
    return o ? { key, contentType: o.contentType, sizeBytes: o.body.byteLength } : undefined;
  }

  async readStart(key: string, bytes: number): Promise<Uint8Array | undefined> {
    return this.objects.get(key)?.body.slice(0, bytes);
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }

  async copy(fromKey: string, toKey: string): Promise<void> {
    const o = this.objects.get(fromKey);
    if (o) this.objects.set(toKey, { ...o });
  }

  async presignUpload(key: string, contentType: string, sizeBytes: number): Promise<PresignedUpload> {
    return { url: `memory://upload/${key}`, method: 'PUT', headers: { 'Content-Type': contentType, 'Content-Length': String(sizeBytes) }, expiresInSeconds: 300 };
  }

  async presignDownload(key: string, fileName: string): Promise<string> {
    return `memory://download/${key}?name=${encodeURIComponent(fileName)}`;
  }
}
