import { shanghaiDate, type WorkingCalendar } from '#domain/calendar';
import { systemActor } from '#domain/staff';
import { DeadlineIndex, type DeadlineSummary } from '#repositories/deadline-index';
import type { DeadlineKind } from '../case/registry';
import type { AppDependencies } from '../context';

export type DeadlineDeps = Pick<AppDependencies, 'records' | 'clock' | 'logger' | 'policy' | 'caseTypes'>;

/** Two summaries name the same deadline under the same calendar. */
export function sameDeadline(a: DeadlineSummary | null | undefined, b: DeadlineSummary | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.due === b.due && a.provisional === b.provisional && a.calendarVersion === b.calendarVersion && a.responsible.id === b.responsible.id;
}

const RECOMPUTE = systemActor('deadline-recompute');

/**
 * Derives one case's deadline again with `calendar` and stores it in a versioned, audited update
 * when it changed; the audit event is `<case type>.deadline-recomputed` with {from, to, calendarVersion}
 * for every case type.
 */
export async function recomputeCaseDeadline(deps: DeadlineDeps, kind: DeadlineKind, caseId: string, calendar: WorkingCalendar): Promise<'changed' | 'unchanged' | 'closed'> {
  const current = await kind.load(deps.records, caseId);
  if (!current) return 'closed';
  const before = current.data.openDeadline;
  const next = kind.recompute(current.data, calendar, { policy: deps.policy, today: shanghaiDate(deps.clock.now()) });
  const after = next.openDeadline;
  if (!before && !after) return 'closed';
  if (sameDeadline(before, after)) return 'unchanged';
  const event = { type: `${kind.caseType}.deadline-recomputed`, actor: RECOMPUTE, data: { from: before?.due ?? null, to: after?.due ?? null, calendarVersion: calendar.version } };
  await deps.records.commit([kind.updateChange(deps.records, next, current.version, event)]);
  return after ? 'changed' : 'closed';
}

export interface RecomputeReport {
  /** Open deadlines read from the index. */
  readonly examined: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly closed: number;
  /** Kinds no registered case type handles: a configuration error, logged as one (they keep their stored due date). */
  readonly unregistered: number;
  readonly failed: number;
}

const CONCURRENCY = 8;

/**
 * Recomputes every open deadline due on or after `fromDate` (the earliest day a schedule change
 * altered: no open deadline due earlier can contain it). Failures of one case are logged and
 * counted, never stop the others.
 */
export async function recomputeOpenDeadlines(deps: DeadlineDeps, calendar: WorkingCalendar, fromDate: string): Promise<RecomputeReport> {
  const index = new DeadlineIndex(deps.records);
  const counts = { examined: 0, changed: 0, unchanged: 0, closed: 0, unregistered: 0, failed: 0 };
  let cursor: string | undefined;
  do {
    const page = await index.dueFrom(fromDate, cursor);
    counts.examined += page.items.length;
    await forEachLimited(page.items, CONCURRENCY, async (summary: DeadlineSummary) => {
      if (summary.calendarVersion === calendar.version) {
        counts.unchanged++;
        return;
      }
      const kind = deps.caseTypes.deadline(summary.kind);
      if (!kind) {
        counts.unregistered++;
        deps.logger.error('deadline kind has no case type: its due date cannot follow the calendar', { kind: summary.kind, caseId: summary.caseId });
        return;
      }
      try {
        counts[await recomputeCaseDeadline(deps, kind, summary.caseId, calendar)]++;
      } catch (error) {
        counts.failed++;
        deps.logger.error('deadline recompute failed', { kind: summary.kind, caseId: summary.caseId, error });
      }
    });
    cursor = page.cursor;
  } while (cursor);
  return counts;
}

/** Runs fn over items with at most `limit` in flight. */
export async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
