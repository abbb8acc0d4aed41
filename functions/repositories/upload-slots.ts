import type { RecordStore } from '#ports/record-store';
import { keys } from './keys';

/** A presigned browser upload waiting for its completion call; expires with TTL after an hour. */
export interface UploadSlot {
  readonly fileKey: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly staffId: string;
}

export class UploadSlots {
  constructor(private readonly records: RecordStore) {}

  async open(id: string, slot: UploadSlot, expiresAt: number): Promise<void> {
    await this.records.commit([{ op: 'guard', key: keys.uploadSlot(id), data: { entity: 'upload-slot', ...slot }, expiresAt }]);
  }

  async get(id: string): Promise<UploadSlot | undefined> {
    const item = await this.records.getPlain(keys.uploadSlot(id));
    return item
      ? { fileKey: String(item.fileKey), fileName: String(item.fileName), contentType: String(item.contentType), sizeBytes: Number(item.sizeBytes), staffId: String(item.staffId) }
      : undefined;
  }
}
