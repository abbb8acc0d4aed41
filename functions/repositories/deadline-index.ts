import type { IndexEntry, Page, RecordStore } from '#ports/record-store';
import { keys } from './keys';

/**
 * The generic open-deadline index. Any record with a running deadline (an application, a
 * publication task, a correction request…) carries a summary of that deadline in its data under
 * `openDeadline`, and the GSI2 entry from `openDeadlineIndexes(summary)` on its OWN item. When the
 * deadline closes the record is written with `openDeadline: null` and `openDeadlineIndexes(null)`,
 * which removes it from the index (sparse index). The daily sweep, the hourly sweep of deadlines
 * counted in hours and the recompute after a schedule change read only this index, so their cost grows with the matching deadlines, not
 * with the table.
 */

/** `responsible.id` of a case nobody has taken up yet; its reminders go to the clerks' shared inbox. */
export const UNASSIGNED = 'unassigned';
export interface DeadlineSummary {
  /** Registered deadline kind, e.g. `application.answer` (see application/deadlines/recompute.ts). */
  readonly kind: string;
  readonly caseId: string;
  /** What staff see in reminders, e.g. the tracking number and subject. No personal identifiers. */
  readonly title: string;
  /** YYYY-MM-DD (Asia/Shanghai); for a deadline counted in hours, the Shanghai date of `dueAt`. */
  readonly due: string;
  /**
   * A deadline counted in clock hours (a clarification's 48 or 24 hours): the due instant, ISO 8601
   * UTC. The hourly sweep reminds and escalates by it; without it a deadline ends with its due date.
   */
  readonly dueAt?: string;
  /** The counted span reaches a year whose national notice is not loaded yet. */
  readonly provisional: boolean;
  /** WorkingCalendar.version the due date was computed with. */
  readonly calendarVersion: string;
  /** The responsible clerk: reminders go to this staff member. */
  readonly responsible: { readonly id: string; readonly name: string };
  /** Overdue deadlines are escalated to the leaders unless this is false. */
  readonly leaderEscalation?: boolean;
}

/** The shape a record's data must have to be read through the index. */
export interface WithOpenDeadline {
  readonly openDeadline?: DeadlineSummary | null;
}

/** The index entries to write with a record: the entry while the deadline is open, removal once closed. */
export function openDeadlineIndexes(summary: DeadlineSummary | null | undefined): { GSI2: IndexEntry | null } {
  return { GSI2: summary ? keys.openDeadline(summary.due, summary.kind, summary.caseId) : null };
}

const PAGE = 200;

export class DeadlineIndex {
  constructor(private readonly records: RecordStore) {}

  /** Open deadlines due on or before `date` (overdue ones included), earliest first. */
  async dueThrough(date: string, cursor?: string, limit = PAGE): Promise<Page<DeadlineSummary>> {
    return this.page({ lte: keys.openDeadlineThrough(date) }, cursor, limit);
  }

  /** Open deadlines due from `from` through `through` (both dates included), earliest first: one bounded range Query. */
  async dueBetween(from: string, through: string, cursor?: string, limit = PAGE): Promise<Page<DeadlineSummary>> {
    return this.page({ between: [from, keys.openDeadlineThrough(through)] }, cursor, limit);
  }

  /** Open deadlines due on or after `date`: every one whose counted span can contain a day from `date` on. */
  async dueFrom(date: string, cursor?: string, limit = PAGE): Promise<Page<DeadlineSummary>> {
    return this.page({ gte: date }, cursor, limit);
  }

  /**
   * Open deadlines a schedule change for these years can affect: a deadline is still open, so its
   * span starts in the past and ends on its due date; it touches year Y (or the December tail of
   * Y-1, which a notice for Y can reach) only if it is due on or after December 20 of Y-1.
   */
  async openDeadlinesTouching(years: readonly number[], cursor?: string, limit = PAGE): Promise<Page<DeadlineSummary>> {
    if (years.length === 0) return { items: [] };
    return this.dueFrom(`${Math.min(...years) - 1}-12-20`, cursor, limit);
  }

  private async page(sk: { lte: string } | { gte: string } | { between: readonly [string, string] }, cursor: string | undefined, limit: number): Promise<Page<DeadlineSummary>> {
    const page = await this.records.query<WithOpenDeadline>({ index: 'GSI2', pk: keys.openDeadlinePk(), sk, limit, cursor });
    return { items: page.items.flatMap((r) => (r.data.openDeadline ? [r.data.openDeadline] : [])), cursor: page.cursor };
  }
}
