import { shanghaiDate } from '#domain/calendar';
import { remindLapsedSupplements, remindUnconfirmedReceipts } from './requests/lapsed';
import { JobLedger } from '#repositories/job-ledger';
import type { AppDependencies } from './context';
import { DEADLINE_SWEEP, sweepDeadlines, type DeadlineSweepReport } from './deadlines/sweep';
import { sweepHourlyDeadlines, type HourlyDeadlineSweepReport } from './deadlines/hourly';
import { deliverPendingMessages } from './notifications';
import { expireLapsedValidity, publishDueItems } from './catalogue';
import { rebuildSearchIndex } from './search';
import { anchorAuditHeads, monthsBetween } from './audit-verification';
import { removeOrphanedFiles } from './staged-files';

type Deps = Pick<AppDependencies, 'records' | 'clock' | 'logger' | 'mailer' | 'policy' | 'caseTypes' | 'content'> & Partial<Pick<AppDependencies, 'files' | 'config' | 'effects' | 'anchors'>>;

const AUDIT_ANCHOR = 'audit-anchor';
/** The first month any chain can have begun in (the platform's first records). */
export const FIRST_AUDIT_MONTH = '2019-01';

const SEARCH_REBUILD = 'search-rebuild';

/**
 * The scheduled jobs (every 5 minutes by EventBridge Scheduler in AWS, hourly in local mode):
 * - deadline reminders and escalations, once per Asia/Shanghai date: the day is marked done only
 *   after the sweep finished, so a retry after a failure runs it again (its writes are idempotent
 *   per case and day) and later triggers the same day skip it;
 * - reminders and escalations of deadlines counted in hours (clarifications), on every run;
 * - reminders of receipts nobody confirmed (an ordinary letter on its arrival day), on every run;
 * - delivery of outbox messages that a failure left behind, on every run.
 */
export async function runScheduledJobs(deps: Deps): Promise<{
  date: string;
  deadlines?: DeadlineSweepReport;
  hourlyDeadlines?: HourlyDeadlineSweepReport;
  unconfirmedReceipts: { unconfirmed: number; reminded: number };
  messages: { sent: number; failed: number };
  catalogue?: { published: number; failed: number; validityExpired?: number; searchRebuilt?: number };
  anchored?: { name: string; chains: number };
  orphans?: { removed: number };
}> {
  const date = shanghaiDate(deps.clock.now());
  const deadlines = await sweepDeadlinesOnce(deps, date);
  // Deadlines counted in hours (clarifications): every run; each reminder and escalation is written once per due instant.
  const hourlyDeadlines = await sweepHourlyDeadlines(deps).catch((error: unknown) => (deps.logger.error('hourly deadline sweep failed', { error }), undefined));
  // Every run: an ordinary letter is due for confirmation on the day it arrives, hours matter.
  const unconfirmedReceipts = await remindUnconfirmedReceipts(deps);
  const messages = await deliverPendingMessages(deps, 100);
  const orphans = deps.files ? await removeOrphanedFiles({ ...deps, files: deps.files }).catch((error: unknown) => (deps.logger.error('orphan sweep failed', { error }), undefined)) : undefined;
  // A catalogue failure (e.g. S3 unavailable) is logged and must not undo the reminders above.
  const catalogue = await catalogueJobs(deps, date).catch((error: unknown) => {
    deps.logger.error('catalogue jobs failed', { error });
    return undefined;
  });
  const anchored = await anchorOnce(deps, date).catch((error: unknown) => {
    deps.logger.error('audit anchoring failed', { error });
    return undefined;
  });
  return {
    date,
    ...(deadlines ? { deadlines } : {}),
    ...(hourlyDeadlines ? { hourlyDeadlines } : {}),
    unconfirmedReceipts,
    messages,
    ...(orphans ? { orphans } : {}),
    ...(catalogue ? { catalogue } : {}),
    ...(anchored ? { anchored } : {}),
  };
}

/** Once per Beijing date: the head of every audit chain into write-once storage. */
async function anchorOnce(deps: Deps, date: string): Promise<{ name: string; chains: number } | undefined> {
  if (!deps.anchors) return undefined;
  const ledger = new JobLedger(deps.records);
  if (await ledger.lastRun(AUDIT_ANCHOR, date)) return undefined;
  const anchored = await anchorAuditHeads({ records: deps.records, clock: deps.clock, anchors: deps.anchors }, monthsBetween(FIRST_AUDIT_MONTH, date.slice(0, 7)));
  await ledger.claim(AUDIT_ANCHOR, date, deps.clock.now().toISOString());
  deps.logger.info('audit chain heads anchored', anchored);
  return anchored;
}

/**
 * Proactive disclosure: publish scheduled versions whose time has come (every run, so the
 * schedule's precision is the job's interval) and, once a day, mark items whose 有效期至 has passed
 * as 失效 in their views, then rebuild the search snapshot from the public views (repairs an update
 * lost to two concurrent writers).
 */
async function catalogueJobs(deps: Deps, date: string): Promise<{ published: number; failed: number; validityExpired?: number; searchRebuilt?: number } | undefined> {
  const { files, config } = deps;
  if (!files || !config) return undefined;
  const full = { ...deps, files, config };
  const due = await publishDueItems(full);
  const ledger = new JobLedger(deps.records);
  if (await ledger.lastRun(SEARCH_REBUILD, date)) return due;
  const { expired } = await expireLapsedValidity(full);
  const rebuilt = await rebuildSearchIndex(full);
  await ledger.claim(SEARCH_REBUILD, date, deps.clock.now().toISOString());
  return { ...due, validityExpired: expired, searchRebuilt: rebuilt.items };
}

type SweepReport = DeadlineSweepReport & { lapsedSupplements: { lapsed: number; reminded: number } };

async function sweepDeadlinesOnce(deps: Deps, date: string): Promise<SweepReport | undefined> {
  const ledger = new JobLedger(deps.records);
  if (await ledger.lastRun(DEADLINE_SWEEP, date)) return undefined;
  const report = { ...(await sweepDeadlines(deps)), lapsedSupplements: await remindLapsedSupplements(deps) };
  await ledger.claim(DEADLINE_SWEEP, date, deps.clock.now().toISOString());
  deps.logger.info('deadline sweep done', { job: DEADLINE_SWEEP, ...report });
  return report;
}
