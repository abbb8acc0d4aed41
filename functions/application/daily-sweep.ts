import { systemActor } from '../domain/staff';
import { JobLedger } from '../repositories/job-ledger';
import type { AppDependencies } from './context';

export const DAILY_SWEEP = 'daily-sweep';

/** The Asia/Shanghai calendar date of an instant (China has no daylight saving time). */
export function shanghaiToday(now: Date): string {
  return new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * The daily job: runs once per Asia/Shanghai date however often it is triggered (EventBridge
 * delivers at least once; the local timer fires hourly). The deadline reminders and escalations
 * of the request workflow hang off this run.
 */
export async function runDailySweep(deps: Pick<AppDependencies, 'records' | 'clock' | 'logger'>): Promise<{ date: string; ran: boolean }> {
  const now = deps.clock.now();
  const date = shanghaiToday(now);
  const ran = await new JobLedger(deps.records).claim(DAILY_SWEEP, date, now.toISOString());
  deps.logger.info(ran ? 'daily sweep ran' : 'daily sweep already ran today', { job: DAILY_SWEEP, date, actor: systemActor(DAILY_SWEEP).kind });
  return { date, ran };
}
