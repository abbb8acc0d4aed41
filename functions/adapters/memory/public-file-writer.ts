import type { PublicFileWriter } from '#ports/file-store';

/** In-memory public bucket for unit tests; the file-store contract suite holds it to s3rver's behaviour. */
export class MemoryPublicFileWriter implements PublicFileWriter {
  readonly objects = new Map<string, { body: Uint8Array; contentType: string; fileName: string }>();

  async put(key: string, body: Uint8Array, contentType: string, fileName: string): Promise<void> {
    this.objects.set(key, { body: new Uint8Array(body), contentType, fileName });
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  text(key: string): string {
    return new TextDecoder().decode(this.objects.get(key)!.body);
  }
}
