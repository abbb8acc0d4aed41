import { shanghaiDate, type IsoDate } from '#domain/calendar';
import { deadlineUrgency, hourUrgency, type UrgencyResult } from '#domain/deadlines';
import { isStaffRole, type StaffMember } from '#domain/staff';
import { DeadlineIndex, type DeadlineSummary } from '#repositories/deadline-index';
import { ReminderRepository, roleInbox, staffInbox, type DeadlineReminder } from '#repositories/reminders';
export type { DeadlineReminder };
import type { AppDependencies } from '../context';
import { loadCalendar } from '../calendar';
import { ESCALATION_ROLE, sweepThrough } from './sweep';

export interface StaffReminders {
  /** Reminders addressed to this staff member, newest first. */
  readonly mine: DeadlineReminder[];
  /** Escalations of overdue deadlines, for members of the escalation role. */
  readonly escalations: DeadlineReminder[];
}

/** The reminders one member of staff should see (one Query per inbox). */
export async function remindersFor(deps: Pick<AppDependencies, 'records'>, staff: StaffMember, limit = 50): Promise<StaffReminders> {
  const repo = new ReminderRepository(deps.records);
  const own = (await repo.listFor(staffInbox(staff.id), limit)).items;
  // Clerks also see reminders for cases nobody has taken up yet (the clerks' shared inbox).
  const shared = staff.roles.includes('clerk') ? (await repo.listFor(roleInbox('clerk'), limit)).items : [];
  const mine = [...own, ...shared].sort((a, b) => (a.date === b.date ? a.due.localeCompare(b.due) : b.date.localeCompare(a.date)));
  const leader = isStaffRole(ESCALATION_ROLE) && staff.roles.includes(ESCALATION_ROLE);
  const escalations = leader ? (await repo.listFor(roleInbox(ESCALATION_ROLE), limit)).items : [];
  return { mine, escalations };
}

export interface DeadlineStatus {
  readonly summary: DeadlineSummary;
  /** For a deadline counted in hours (`summary.dueAt`), the urgency and label by the hour. */
  readonly status: UrgencyResult & { readonly hoursLeft?: number };
}

/** Open deadlines due within the reminder window, due today or overdue, earliest first (one Query). */
export async function urgentDeadlines(deps: Pick<AppDependencies, 'records' | 'clock' | 'logger' | 'policy'>, limit = 50): Promise<{ today: string; items: DeadlineStatus[] }> {
  const calendar = await loadCalendar(deps);
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const page = await new DeadlineIndex(deps.records).dueThrough(sweepThrough(calendar, today), undefined, limit);
  const statusOf = (summary: DeadlineSummary): DeadlineStatus['status'] => {
    const byDays = deadlineUrgency(summary.due as IsoDate, today, calendar);
    if (!summary.dueAt) return byDays;
    const byHours = hourUrgency(summary.dueAt, now, deps.policy.deadlines);
    // Within the window of the daily list, a deadline counted in hours is at least due soon.
    return { urgency: byHours.urgency === 'normal' ? 'due-soon' : byHours.urgency, workingDaysLeft: byDays.workingDaysLeft, label: byHours.label, hoursLeft: byHours.hoursLeft };
  };
  return { today, items: page.items.map((summary) => ({ summary, status: statusOf(summary) })) };
}

/** Urgency of any stored due date seen from today, for every page that shows a deadline. */
export async function deadlineStatus(deps: Pick<AppDependencies, 'records' | 'clock' | 'logger'>, due: string): Promise<UrgencyResult> {
  const calendar = await loadCalendar(deps);
  return deadlineUrgency(due as IsoDate, shanghaiDate(deps.clock.now()), calendar);
}
