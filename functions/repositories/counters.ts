import type { RecordStore } from '../ports/record-store';
import { keys } from './keys';

/**
 * Sequence numbers people read (YSQ-2026-000123, 000014349/2026-00001). One atomic ADD per
 * number: never read-then-increment, so two submissions can never get the same number. A number
 * taken by a transaction that then fails is skipped, never reused.
 */
export class Counters {
  constructor(private readonly records: RecordStore) {}

  async next(name: string, scope: string): Promise<number> {
    const value = await this.records.increment(keys.counter(name, scope), 1);
    if (value === undefined) throw new Error(`counter ${name}/${scope} refused to increment`);
    return value;
  }
}
