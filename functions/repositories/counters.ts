import type { Change, RecordStore } from '#ports/record-store';
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

  /**
   * A number drawn inside a commit: the next value, and the change that takes it only if nobody
   * took it first. If the commit fails for any reason the number stays free (never burned); if
   * another commit took it, the conflict names the counter and the caller draws again.
   */
  async drawInCommit(name: string, scope: string): Promise<{ value: number; change: Change }> {
    const key = keys.counter(name, scope);
    const current = Number((await this.records.getPlain(key))?.value ?? 0);
    return { value: current + 1, change: { op: 'count', key, expected: current } };
  }

  /** Whether a failed commit lost the race for this counter (and may simply draw again). */
  static isCounterConflict(error: unknown, name: string, scope: string): boolean {
    const key = keys.counter(name, scope);
    const failed = (error as { key?: { pk: string; sk: string } }).key;
    return (error as Error).name === 'VersionConflictError' && failed?.pk === key.pk && failed.sk === key.sk;
  }
}
