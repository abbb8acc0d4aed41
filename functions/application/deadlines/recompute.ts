import type { WorkingCalendar } from '../../domain/calendar';
import { DeadlineIndex, type DeadlineSummary } from '../../repositories/deadline-index';
import type { AppDependencies } from '../context';

export type DeadlineDeps = Pick<AppDependencies, 'records' | 'clock' | 'logger' | 'policy'>;

/**
 * How a case kind recomputes its deadline with a (new) calendar: read its record, derive the due
 * date again (e.g. deriveCaseDeadlines over its stored clock events), and write the record with the
 * new `openDeadline` summary and `openDeadlineIndexes(summary)` in the same versioned, audited
 * update, only when something changed. Returns what happened.
 */
export type RecomputeDeadline = (deps: DeadlineDeps, caseId: string, calendar: WorkingCalendar) => Promise<'changed' | 'unchanged' | 'closed'>;

const registry = new Map<string, RecomputeDeadline>();
const labels = new Map<string, string>();

/**
 * Every feature with deadlines registers its kind once at module load (import it from the
 * composition root or the feature's application module). Registering a kind again replaces it.
 */
export function registerDeadlineKind(kind: string, recompute: RecomputeDeadline, options: { label?: string } = {}): void {
  if (!/^[a-z][a-z0-9.-]*$/.test(kind)) throw new Error(`deadline kind must be lower-case words joined by . or -: ${kind}`);
  registry.set(kind, recompute);
  if (options.label) labels.set(kind, options.label);
}

export function unregisterDeadlineKind(kind: string): void {
  registry.delete(kind);
  labels.delete(kind);
}

/** The kind's Chinese label for staff pages (the kind itself when none was registered). */
export function deadlineKindLabel(kind: string): string {
  return labels.get(kind) ?? kind;
}

export function registeredDeadlineKinds(): string[] {
  return [...registry.keys()].sort();
}

export interface RecomputeReport {
  /** Open deadlines read from the index. */
  readonly examined: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly closed: number;
  /** Kinds nobody registered (logged; they keep their stored due date). */
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
      const recompute = registry.get(summary.kind);
      if (!recompute) {
        counts.unregistered++;
        deps.logger.warn('no recompute registered for deadline kind', { kind: summary.kind, caseId: summary.caseId });
        return;
      }
      try {
        counts[await recompute(deps, summary.caseId, calendar)]++;
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
