import { ConflictError } from '#domain/errors';
import type { RecordStore } from '#ports/record-store';
import { keys } from './keys';

/**
 * Claims a scheduled job's run for one Asia/Shanghai date. EventBridge delivers at least once and
 * the local timer may overlap a manual run: only the first claim of a day wins.
 */
export class JobLedger {
  constructor(private readonly records: RecordStore) {}

  async claim(job: string, date: string, startedAt: string): Promise<boolean> {
    try {
      await this.records.commit([{ op: 'guard', key: keys.jobRun(job, date), data: { entity: 'job-run', job, date, startedAt } }]);
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  async lastRun(job: string, date: string): Promise<Record<string, unknown> | undefined> {
    return this.records.getPlain(keys.jobRun(job, date));
  }
}
