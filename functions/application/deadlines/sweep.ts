import { addCalendarDays, shanghaiDate, type IsoDate, type WorkingCalendar } from '#domain/calendar';
import { DEFAULT_DEADLINE_CONFIG, deadlineUrgency, hourUrgency } from '#domain/deadlines';
import { systemActor } from '#domain/staff';
import { DeadlineIndex, UNASSIGNED, type DeadlineSummary } from '#repositories/deadline-index';
import { ReminderRepository, roleInbox, staffInbox, type DeadlineReminder } from '#repositories/reminders';
import { loadCalendar } from '../calendar';
import { forEachLimited, type DeadlineDeps } from './recompute';

export const DEADLINE_SWEEP = 'deadline-sweep';
/** Escalations of overdue deadlines go to the shared inbox of this role. */
export const ESCALATION_ROLE = 'leader';

/** Last due date with at most `dueSoonWorkingDays` working days left: the day before the next working day beyond them. */
export function sweepThrough(calendar: WorkingCalendar, today: IsoDate): IsoDate {
  return addCalendarDays(calendar.addWorkingDays(today, DEFAULT_DEADLINE_CONFIG.dueSoonWorkingDays + 1).due, -1);
}

type SendCounts = { remindersSent: number; escalationsSent: number; alreadySent: number };

/** Records a reminder once (ReminderRepository.recordOnce) with its audit event, counting what was sent and what an earlier run had sent already. */
export function reminderSender(deps: Pick<DeadlineDeps, 'records'>, job: string, counts: SendCounts): (r: DeadlineReminder) => Promise<void> {
  const reminders = new ReminderRepository(deps.records);
  const actor = systemActor(job);
  return async (r) => {
    const { kind, caseId, due, dueAt, urgency, recipient, date, precision } = r;
    const data = { kind, caseId, due, ...(dueAt ? { dueAt } : {}), urgency, recipient, date, ...(precision ? { precision } : {}) };
    const sent = await reminders.recordOnce(r, { type: r.type === 'escalation' ? 'deadline.escalated' : 'deadline.reminded', actor, data });
    if (!sent) counts.alreadySent++;
    else if (r.type === 'escalation') counts.escalationsSent++;
    else counts.remindersSent++;
  };
}

/** The responsible clerk is reminded (nobody has taken the case up yet: the clerks' shared inbox); overdue, the leaders too unless the kind opts out. */
export async function remindAndEscalate(
  send: (r: DeadlineReminder) => Promise<void>,
  d: DeadlineSummary,
  when: Omit<DeadlineReminder, 'type' | 'recipient' | 'kind' | 'caseId' | 'title' | 'due' | 'provisional' | 'responsible'>,
  overdue: boolean,
): Promise<void> {
  const base = { ...when, kind: d.kind, caseId: d.caseId, title: d.title, due: d.due, provisional: d.provisional, responsible: d.responsible };
  const assigned = d.responsible.id && d.responsible.id !== UNASSIGNED;
  await send({ ...base, type: 'reminder', recipient: assigned ? staffInbox(d.responsible.id) : roleInbox('clerk') });
  if (overdue && d.leaderEscalation !== false) await send({ ...base, type: 'escalation', recipient: roleInbox(ESCALATION_ROLE) });
}

export interface DeadlineSweepReport {
  readonly date: string;
  /** Last due date read from the index (the day before the (N+1)th working day after today). */
  readonly through: string;
  /** Open deadlines read from the index. */
  readonly examined: number;
  readonly dueSoon: number;
  readonly dueToday: number;
  readonly overdue: number;
  /** Reminders and escalations written by this run (0 on a second run the same day). */
  readonly remindersSent: number;
  readonly escalationsSent: number;
  /** Already recorded by an earlier run today. */
  readonly alreadySent: number;
}

export interface SweepOptions {
  readonly pageSize?: number;
  /** Reminder writes in flight at once. */
  readonly concurrency?: number;
}

/**
 * Finds the open deadlines due within `dueSoonWorkingDays` working days, due today or overdue with
 * one range Query on the open-deadline index (paginated), and records a reminder for the
 * responsible clerk (and, when overdue, an escalation to the leaders). Each reminder is a create
 * keyed by case, due date, kind and today's date, so running the sweep again the same day (a retry,
 * the local timer, a manual run) sends nothing twice.
 */
export async function sweepDeadlines(deps: DeadlineDeps, options: SweepOptions = {}): Promise<DeadlineSweepReport> {
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const calendar = await loadCalendar(deps);
  const through = sweepThrough(calendar, today);
  const index = new DeadlineIndex(deps.records);
  const counts = { examined: 0, dueSoon: 0, dueToday: 0, overdue: 0, remindersSent: 0, escalationsSent: 0, alreadySent: 0 };
  const send = reminderSender(deps, DEADLINE_SWEEP, counts);

  const handle = async (d: DeadlineSummary) => {
    const u = deadlineUrgency(d.due as IsoDate, today, calendar);
    if (u.urgency === 'normal') return;
    if (u.urgency === 'due-soon') counts.dueSoon++;
    else if (u.urgency === 'due-today') counts.dueToday++;
    else counts.overdue++;
    const when = {
      date: today,
      // Shown with its time and hours left; the key stays per due date and day (the hourly sweep keys its own by the instant).
      ...(d.dueAt ? { dueAt: d.dueAt, hoursLeft: hourUrgency(d.dueAt, now, deps.policy.deadlines).hoursLeft } : {}),
      urgency: u.urgency,
      workingDaysLeft: u.workingDaysLeft,
      label: u.label,
      createdAt: now.toISOString(),
    } as const;
    await remindAndEscalate(send, d, when, u.urgency === 'overdue');
  };

  let cursor: string | undefined;
  do {
    const page = await index.dueThrough(through, cursor, options.pageSize);
    counts.examined += page.items.length;
    await forEachLimited(page.items, options.concurrency ?? 16, handle);
    cursor = page.cursor;
  } while (cursor);
  return { date: today, through, ...counts };
}
