import { ItemRepository } from '#repositories/items';
import { JobLedger } from '#repositories/job-ledger';
import { ReleaseRepository } from '#repositories/review-releases';
import { shanghaiDate } from '#domain/calendar';
import { PUBLIC_FILES_PREFIX, removePublicCopies, type ReleaseDeps } from '../release';
import { CATALOGUE_PAGE_PATHS } from './actions';
import { drainPendingEffects } from './index';

const RECONCILE_JOB = 'public-bucket-reconcile';

/**
 * The safety net under the effects: every release prefix in the public bucket must belong to a
 * committed release that is live now (a catalogue item's currently public version, or a
 * standalone publication). Anything else (a copy left by a failure, by an older version of this
 * code, by hand) is removed and invalidated. Listing the bucket is the point: it checks what is
 * really public, not what the table believes.
 */
export async function reconcilePublicBucket(deps: ReleaseDeps): Promise<{ releases: number; removed: number }> {
  const keys = await deps.publicFiles.list(PUBLIC_FILES_PREFIX);
  const releaseIds = [...new Set(keys.map((k) => k.slice(PUBLIC_FILES_PREFIX.length).split('/')[0]!).filter(Boolean))];
  const releases = new ReleaseRepository(deps.records);
  const items = new ItemRepository(deps.records);
  const stale: string[] = [];
  for (const id of releaseIds) {
    const release = await releases.get(id);
    let live = false;
    if (release?.target === 'public') {
      const item = release.subject.type === 'publication' ? await items.get(release.subject.id) : undefined;
      if (!item)
        live = true; // a standalone publication of a reviewed document
      else live = (await items.getView(release.subject.id))?.data.releaseId === id;
    }
    if (!live) stale.push(id);
  }
  let removed = 0;
  for (const id of stale) removed += (await removePublicCopies(deps, id)).length;
  if (stale.length) {
    deps.logger.warn('public bucket held copies no committed, public version references; removed', { releases: stale.length, removed });
    await deps.cdn.invalidate([...stale.map((id) => `/${PUBLIC_FILES_PREFIX}${id}/*`), ...CATALOGUE_PAGE_PATHS]);
  }
  return { releases: releaseIds.length, removed };
}

/**
 * The release function's scheduled run (every few minutes in AWS; a timer in local mode): effects
 * the stream did not finish (a failure waiting for its retry, a stream record sent to the dead-
 * letter queue) and, once per Beijing date, the bucket reconciliation.
 */
export async function runReleaseSweep(deps: ReleaseDeps, options: { olderThanMs?: number } = {}) {
  const effects = await drainPendingEffects(deps, { olderThanMs: options.olderThanMs ?? 60_000 });
  const date = shanghaiDate(deps.clock.now());
  const ledger = new JobLedger(deps.records);
  let reconciled: { releases: number; removed: number } | undefined;
  if (!(await ledger.lastRun(RECONCILE_JOB, date))) {
    reconciled = await reconcilePublicBucket(deps);
    await ledger.claim(RECONCILE_JOB, date, deps.clock.now().toISOString());
  }
  deps.logger.info('release sweep done', { ...effects, ...(reconciled ? { reconciled } : {}) });
  return { effects, ...(reconciled ? { reconciled } : {}) };
}
