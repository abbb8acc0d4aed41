/**
 * Effects after commit. A state change commits together with the effects it owes (public copies,
 * the search entry, applicant copies) as effect records in the same transaction; the processor
 * applies them afterwards, with retries:
 *
 * - in AWS, the table's stream invokes the release function for every new effect record (effects
 *   of one subject share a partition key, so the stream hands them over in commit order), and a
 *   schedule picks up whatever a failure left behind;
 * - locally, the request that committed kicks the in-process processor, and a poller catches the rest.
 *
 * Every action is a reconciliation with the committed state, read when it runs: "make the public
 * bucket hold exactly the copies of the version that is public now". Applying an effect twice,
 * late, or after a later effect of the same subject therefore converges on the same result.
 */
import type { Actor } from '#domain/staff';
import { systemActor } from '#domain/staff';
import type { Change } from '#ports/record-store';
import { EffectRepository, type Effect, type EffectAction, type EffectRecord } from '#repositories/effects';
import type { AppDependencies } from '../context';
import { newId } from '../ids';
import { noCdn, type CdnInvalidator } from '#ports/cdn';
import type { PublicFileWriter } from '#ports/file-store';
import type { ReleaseDeps } from '../release';
import { applyAction } from './actions';

export type { EffectAction } from '#repositories/effects';

/** Attempts before an effect is given up (dead-lettered) and reported to the operators. */
export const MAX_ATTEMPTS = 8;
const PROCESSOR = systemActor('effects');

/** The change that records an effect; commit it with the change that owes it. */
export function effectChange(deps: Pick<AppDependencies, 'clock'>, subject: string, actions: readonly EffectAction[], requestedBy: Actor): Change {
  const now = deps.clock.now();
  const effect: Effect = { id: newId(now), subject, actions, requestedAt: now.toISOString(), status: 'pending', attempts: 0 };
  return EffectRepository.request(effect, { type: 'effect.requested', actor: requestedBy, data: { subject, actions: actions.map((a) => a.kind) } });
}

/** Seconds to wait before attempt n + 1: 5 s, 10 s, 20 s … up to an hour. */
const backoffSeconds = (attempts: number) => Math.min(3600, 5 * 2 ** Math.max(0, attempts - 1));

/**
 * Applies one effect: every action in order; on success the record is marked done (and leaves the
 * pending index), on failure it waits for a retry, and after MAX_ATTEMPTS it is dead-lettered.
 * Returns what happened; never throws for a failing action (the failure is recorded instead).
 */
export async function processEffect(deps: ReleaseDeps, record: EffectRecord): Promise<'done' | 'retry' | 'dead' | 'skipped'> {
  const effect = record.data;
  if (effect.status !== 'pending') return 'skipped';
  const repo = new EffectRepository(deps.records);
  const outcome: Record<string, unknown> = {};
  try {
    for (const action of effect.actions) Object.assign(outcome, await applyAction(deps, action));
  } catch (error) {
    const attempts = effect.attempts + 1;
    const dead = attempts >= MAX_ATTEMPTS;
    const reason = `${(error as Error).name}: ${(error as Error).message}`.slice(0, 500);
    (dead ? deps.logger.error : deps.logger.warn).call(deps.logger, dead ? 'effect given up' : 'effect failed; will retry', { effectId: effect.id, subject: effect.subject, attempts, error });
    const retryAt = new Date(deps.clock.now().getTime() + backoffSeconds(attempts) * 1000).toISOString();
    const next: Effect = { ...effect, attempts, lastError: reason, ...(dead ? { status: 'dead' } : { retryAt }) };
    await repo.save(next, record.version, { type: dead ? 'effect.dead' : 'effect.failed', actor: PROCESSOR, data: { attempts, error: (error as Error).name } }).catch(ignoreConflict);
    return dead ? 'dead' : 'retry';
  }
  const done: Effect = { ...effect, status: 'done', attempts: effect.attempts + 1, doneAt: deps.clock.now().toISOString(), outcome };
  const { retryAt: _r, lastError: _e, ...clean } = done;
  await repo.save(clean, record.version, { type: 'effect.applied', actor: PROCESSOR, data: { subject: effect.subject, ...outcome } }).catch(ignoreConflict);
  return 'done';
}

/** Another processor applied it meanwhile: its outcome stands (the actions are reconciliations). */
function ignoreConflict(error: unknown): void {
  if ((error as Error).name !== 'VersionConflictError') throw error;
}

/**
 * Applies pending effects, oldest first. `olderThanMs` leaves young effects to the stream (AWS);
 * effects waiting for a retry are skipped until their time.
 */
export async function drainPendingEffects(deps: ReleaseDeps, options: { olderThanMs?: number; limit?: number } = {}): Promise<{ done: number; retry: number; dead: number }> {
  const repo = new EffectRepository(deps.records);
  const now = deps.clock.now().getTime();
  const totals = { done: 0, retry: 0, dead: 0 };
  let cursor: string | undefined;
  let seen = 0;
  const limit = options.limit ?? 200;
  do {
    const page = await repo.pending(50, cursor);
    for (const listed of page.items) {
      if (++seen > limit) return totals;
      const e = listed.data;
      if (options.olderThanMs && now - Date.parse(e.requestedAt) < options.olderThanMs) continue;
      if (e.retryAt && Date.parse(e.retryAt) > now) continue;
      // The index is eventually consistent: apply what the record says now.
      const current = await repo.get(e.subject, e.requestedAt, e.id);
      if (!current) continue;
      const result = await processEffect(deps, current);
      if (result !== 'skipped') totals[result]++;
    }
    cursor = page.cursor;
  } while (cursor);
  return totals;
}

/** Runs effects in this process, one drain at a time; a kick during a drain runs one more pass. */
export interface EffectsRunner {
  /** Applies whatever is pending now. Never throws: a failure stays recorded for a retry. */
  kick(): Promise<void>;
}

export function inProcessEffects(deps: ReleaseDeps): EffectsRunner {
  let running: Promise<void> | undefined;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      await drainPendingEffects(deps);
    } while (again);
  };
  return {
    kick() {
      if (running) {
        again = true;
        return running;
      }
      running = loop()
        .catch((error: unknown) => deps.logger.error('effects processor failed', { error }))
        .finally(() => (running = undefined));
      return running;
    },
  };
}

/**
 * The dependencies of a process that applies its own effects (local mode, the release function,
 * tests): the public bucket, the CDN and an in-process runner the use cases kick after a commit.
 */
export function withEffects<D extends Omit<ReleaseDeps, 'publicFiles' | 'cdn'>>(
  deps: D,
  publicFiles: PublicFileWriter,
  cdn: CdnInvalidator = noCdn,
): D & ReleaseDeps & { readonly effects: EffectsRunner } {
  const runtime = { ...deps, publicFiles, cdn };
  return { ...runtime, effects: inProcessEffects(runtime) };
}

/** After a commit that owed effects: apply them now where this process runs them (local mode). */
export async function afterCommit(deps: Pick<AppDependencies, 'effects'>): Promise<void> {
  await deps.effects?.kick();
}
