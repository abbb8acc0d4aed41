import { ConflictError } from '#domain/errors';
import type { RecordStore } from '#ports/record-store';
import { keys } from './keys';

/** Marks pieces of demo data as written, so local mode seeds each of them once. */
export class SeedMarkers {
  constructor(private readonly records: RecordStore) {}

  async has(name: string): Promise<boolean> {
    return (await this.records.getPlain(keys.seed(name))) !== undefined;
  }

  async mark(name: string, data: Record<string, unknown> = {}): Promise<void> {
    try {
      await this.records.commit([{ op: 'guard', key: keys.seed(name), data: { entity: 'seed-marker', ...data } }]);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}
