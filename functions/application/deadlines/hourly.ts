import { addCalendarDays, instantMs, shanghaiDate, shanghaiDateOf, type IsoDate } from '#domain/calendar';
import { hourUrgency } from '#domain/deadlines';
import { DeadlineIndex, type DeadlineSummary } from '#repositories/deadline-index';
import { loadCalendar } from '../calendar';
import { forEachLimited, type DeadlineDeps } from './recompute';
import { remindAndEscalate, reminderSender, type SweepOptions } from './sweep';

export const HOURLY_DEADLINE_SWEEP = 'hourly-deadline-sweep';

const HOUR_MS = 3_600_000;

export interface HourlyDeadlineSweepReport {
  /** The instant of the run. */
  readonly at: string;
  /** First and last due date read from the index (yesterday through tomorrow, or further when the lead time reaches it). */
  readonly from: string;
  readonly through: string;
  /** Open deadlines read from the index. */
  readonly examined: number;
  /** Those counted in hours (with `dueAt`); the others are left to the daily sweep. */
  readonly hourBased: number;
  /** At most `dueSoonHours` hours left. */
  readonly dueSoon: number;
  /** The due instant has passed. */
  readonly overdue: number;
  /** Reminders and escalations written by this run (0 when an earlier run recorded them). */
  readonly remindersSent: number;
  readonly escalationsSent: number;
  readonly alreadySent: number;
}

/**
 * Hour precision for deadlines counted in clock hours (a clarification's 48 or 24 hours), which the
 * daily sweep sees only once a day: reads the open-deadline index from yesterday through tomorrow
 * (one bounded range Query, paginated; yesterday so that an instant just before midnight still
 * escalates at the first run after it) and, for each entry with `dueAt`,
 * - reminds the responsible person (the clerks' shared inbox when nobody has taken the case up)
 *   once at most `policy.deadlines.dueSoonHours` hours are left, or once it is overdue if no
 *   earlier run caught the window;
 * - escalates to the leaders once the due instant has passed, unless the deadline opts out
 *   (`leaderEscalation: false`).
 * Each is recorded at most once per case, due instant and kind (`ReminderRepository.recordOnce`
 * with `precision: 'hours'`), under keys of their own, so this is safe to run every 5 minutes,
 * and the daily sweep's reminders of the same day neither suppress nor are suppressed by it.
 * Entries without `dueAt` are read and left alone.
 */
export async function sweepHourlyDeadlines(deps: DeadlineDeps, options: SweepOptions = {}): Promise<HourlyDeadlineSweepReport> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const today = shanghaiDate(now);
  const lead = deps.policy.deadlines.dueSoonHours;
  const from = addCalendarDays(today, -1);
  const tomorrow = addCalendarDays(today, 1);
  const reach = shanghaiDateOf(new Date(now.getTime() + lead * HOUR_MS));
  const through = reach > tomorrow ? reach : tomorrow;
  const index = new DeadlineIndex(deps.records);
  const counts = { examined: 0, hourBased: 0, dueSoon: 0, overdue: 0, remindersSent: 0, escalationsSent: 0, alreadySent: 0 };
  const send = reminderSender(deps, HOURLY_DEADLINE_SWEEP, counts);

  const handle = async (d: DeadlineSummary & { dueAt: string }) => {
    const u = hourUrgency(d.dueAt, now, deps.policy.deadlines);
    const overdue = u.urgency === 'overdue';
    if (!overdue && instantMs(d.dueAt) - now.getTime() > lead * HOUR_MS) return;
    if (overdue) counts.overdue++;
    else counts.dueSoon++;
    // Only to show the same "working days" as every other reminder; the hours decide.
    const calendar = await loadCalendar(deps);
    const when = {
      date: today,
      dueAt: d.dueAt,
      urgency: u.urgency === 'normal' ? 'due-soon' : u.urgency,
      workingDaysLeft: calendar.workingDaysBetween(today, d.due as IsoDate),
      hoursLeft: u.hoursLeft,
      label: u.label,
      createdAt: at,
      precision: 'hours',
    } as const;
    await remindAndEscalate(send, d, when, overdue);
  };

  let cursor: string | undefined;
  do {
    const page = await index.dueBetween(from, through, cursor, options.pageSize);
    counts.examined += page.items.length;
    const hourBased = page.items.filter((d): d is DeadlineSummary & { dueAt: string } => typeof d.dueAt === 'string');
    counts.hourBased += hourBased.length;
    await forEachLimited(hourBased, options.concurrency ?? 16, handle);
    cursor = page.cursor;
  } while (cursor);
  return { at, from, through, ...counts };
}
