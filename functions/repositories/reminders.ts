import type { AuditEventInput } from '#domain/audit/chain';
import { ConflictError, VersionConflictError } from '#domain/errors';
import type { Page, RecordStore } from '#ports/record-store';
import { keys } from './keys';

export type ReminderType = 'reminder' | 'escalation';

/** The inbox of one staff member, and the shared inbox of a role. */
export const staffInbox = (staffId: string): string => keys.staffInbox(staffId);
export const roleInbox = (role: string): string => keys.roleInbox(role);

/** A deadline reminder for the responsible clerk, or an escalation of an overdue case to the leaders. */
export interface DeadlineReminder {
  readonly type: ReminderType;
  /** Recipient inbox (staffInbox / roleInbox). */
  readonly recipient: string;
  /** Sweep date (Asia/Shanghai). */
  readonly date: string;
  readonly kind: string;
  readonly caseId: string;
  readonly title: string;
  readonly due: string;
  /** A deadline counted in hours: its due instant (ISO 8601 UTC), shown with the time. */
  readonly dueAt?: string;
  readonly provisional: boolean;
  readonly urgency: 'due-soon' | 'due-today' | 'overdue';
  readonly workingDaysLeft: number;
  /** A deadline counted in hours: whole hours left when it was recorded (negative once overdue; see `hourUrgency`). */
  readonly hoursLeft?: number;
  readonly label: string;
  readonly responsible: { readonly id: string; readonly name: string };
  readonly createdAt: string;
  /**
   * 'hours': recorded by the hourly sweep, once per due instant (`dueAt` required) under its own key
   * (`keys.deadlineReminderByHour`), so it neither suppresses nor is suppressed by the daily
   * sweep's reminder of the same case and day.
   */
  readonly precision?: 'hours';
}

/** The record key of a reminder: per due instant for the hourly sweep's, per due date and day otherwise. */
function reminderKey(r: DeadlineReminder) {
  if (r.precision === 'hours' && r.dueAt) return keys.deadlineReminderByHour(r.type, r.caseId, r.dueAt, r.kind);
  return keys.deadlineReminder(r.type, r.caseId, r.due, r.kind, r.date);
}

export class ReminderRepository {
  constructor(private readonly records: RecordStore) {}

  /**
   * Records a reminder once: the record's key is `<type>#<caseId>#<due>#<kind>#<date>` (the hourly
   * sweep's: `<type>#<caseId>#<dueAt>#<kind>#hours`), created with attribute_not_exists, so a second
   * sweep the same day (or an overlapping retry) writes nothing. Returns false when it was already
   * recorded.
   */
  async recordOnce(reminder: DeadlineReminder, event: AuditEventInput): Promise<boolean> {
    const hourly = reminder.precision === 'hours' && reminder.dueAt !== undefined;
    try {
      await this.records.commit([
        {
          op: 'create',
          write: {
            key: reminderKey(reminder),
            entity: 'deadline-reminder',
            data: reminder,
            indexes: { GSI2: keys.remindersFor(reminder.recipient, reminder.date, reminder.due, hourly ? `${reminder.kind}#hours` : reminder.kind, reminder.caseId) },
          },
          event,
        },
      ]);
      return true;
    } catch (error) {
      if (error instanceof ConflictError && !(error instanceof VersionConflictError)) return false;
      throw error;
    }
  }

  /** The reminders of one inbox, newest sweep date first. */
  async listFor(recipient: string, limit = 50, cursor?: string): Promise<Page<DeadlineReminder>> {
    const page = await this.records.query<DeadlineReminder>({ index: 'GSI2', pk: keys.remindersPk(recipient), descending: true, limit, cursor });
    return { items: page.items.map((r) => r.data), cursor: page.cursor };
  }
}
