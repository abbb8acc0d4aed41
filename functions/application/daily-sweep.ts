import { shanghaiDate } from '../domain/calendar';
import { JobLedger } from '../repositories/job-ledger';
import type { AppDependencies } from './context';
import { DEADLINE_SWEEP, sweepDeadlines, type DeadlineSweepReport } from './deadlines/sweep';
import { deliverPendingMessages } from './notifications';

type Deps = Pick<AppDependencies, 'records' | 'clock' | 'logger' | 'mailer'>;

/**
 * The scheduled job (EventBridge daily in AWS, hourly timer in local mode):
 * - deadline reminders and escalations, once per Asia/Shanghai date: the day is marked done only
 *   after the sweep finished, so a retry after a failure runs it again (its writes are idempotent
 *   per case and day) and later triggers the same day skip it;
 * - delivery of outbox messages that a failure left behind, on every run.
 */
export async function runDailySweep(deps: Deps): Promise<{ date: string; deadlines?: DeadlineSweepReport; messages: { sent: number; failed: number } }> {
  const date = shanghaiDate(deps.clock.now());
  const deadlines = await sweepDeadlinesOnce(deps, date);
  const messages = await deliverPendingMessages(deps, 100);
  return { date, ...(deadlines ? { deadlines } : {}), messages };
}

async function sweepDeadlinesOnce(deps: Deps, date: string): Promise<DeadlineSweepReport | undefined> {
  const ledger = new JobLedger(deps.records);
  if (await ledger.lastRun(DEADLINE_SWEEP, date)) return undefined;
  const report = await sweepDeadlines(deps);
  await ledger.claim(DEADLINE_SWEEP, date, deps.clock.now().toISOString());
  deps.logger.info('deadline sweep done', { job: DEADLINE_SWEEP, ...report });
  return report;
}
