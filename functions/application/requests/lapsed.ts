import { loadCalendar } from '../calendar';
import { shanghaiDate, type IsoDate } from '#domain/calendar';
import { systemActor } from '#domain/staff';
import { confirmationOverdue, letterConfirmationUrgency } from '#domain/requests';
import { ReminderRepository, roleInbox, staffInbox, type DeadlineReminder } from '#repositories/reminders';
import { RequestRepository, type StoredRequest } from '#repositories/requests';
import type { AppDependencies } from '../context';

/** Reminder kind for an application whose supplement period has run out. */
export const LAPSED_SUPPLEMENT_KIND = 'request-supplement';
/** Reminder kind for a receipt nobody confirmed: an ordinary letter on arrival, an online application under the clerk-confirmation rule. */
export const UNCONFIRMED_RECEIPT_KIND = 'request-unconfirmed';

const ACTOR = systemActor('daily-sweep');

/**
 * Art. 30: an applicant who does not supplement within the period, without a justifiable reason,
 * is deemed to have abandoned the application. Whether a reason is justifiable is for a person to
 * judge (a letter may be in the post), so the sweep does not abandon anything: it reminds the
 * handler, once a day, of every application whose supplement period has passed, so none waits
 * forever with its answer clock stopped. The case page then offers 逾期未补正，视为放弃申请.
 */
export async function remindLapsedSupplements(deps: Pick<AppDependencies, 'records' | 'clock' | 'logger'>): Promise<{ lapsed: number; reminded: number }> {
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const calendar = await loadCalendar(deps);
  const requests = new RequestRepository(deps.records);
  const reminders = new ReminderRepository(deps.records);
  const counts = { lapsed: 0, reminded: 0 };
  let cursor: string | undefined;
  do {
    const page = await requests.queue('supplement-requested', 100, cursor);
    for (const { data } of page.items) {
      const due = data.supplementNotice?.applicantDue as IsoDate | undefined;
      if (!due || due >= today) continue;
      counts.lapsed++;
      const c = data.case;
      const responsible = { id: c.handlerId ?? '', name: data.handlerName ?? '' };
      const sent = await reminders.recordOnce(
        {
          type: 'reminder',
          recipient: staffInbox(responsible.id),
          date: today,
          kind: LAPSED_SUPPLEMENT_KIND,
          caseId: c.trackingNumber,
          title: data.requested.documentTitle ?? data.requested.description?.slice(0, 40) ?? c.trackingNumber,
          due,
          provisional: false,
          urgency: 'overdue',
          workingDaysLeft: -calendar.workingDaysBetween(due, today),
          label: '补正期限已过：请核实申请人有无正当理由；无正当理由逾期不补正的，视为放弃申请（条例第三十条）',
          responsible,
          createdAt: now.toISOString(),
        },
        { type: 'deadline.reminded', actor: ACTOR, data: { kind: LAPSED_SUPPLEMENT_KIND, caseId: c.trackingNumber, due } },
      );
      if (sent) counts.reminded++;
    }
    cursor = page.cursor;
  } while (cursor);
  return counts;
}

/**
 * Receipts nobody has confirmed, reminded once a day each (every run of the scheduled jobs looks;
 * the reminder's key holds the date):
 * - Art. 31(2): an ordinary letter entered on arrival must be confirmed with the applicant that
 *   day. From the agency's reminder hour of the arrival day, whoever entered it is reminded;
 * - Art. 31(3) under the agency's 'clerk-confirmation' rule (domain.md §11): an online application
 *   is received only when a clerk confirms it, so one left unconfirmed is an application whose
 *   clock nobody has started. From the configured number of working days on, the clerks' shared
 *   inbox is reminded (nobody handles it yet).
 */
export async function remindUnconfirmedReceipts(deps: Pick<AppDependencies, 'records' | 'clock' | 'logger' | 'policy'>): Promise<{ unconfirmed: number; reminded: number }> {
  const counts = { unconfirmed: 0, reminded: 0 };
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const calendar = await loadCalendar(deps);
  const requests = new RequestRepository(deps.records);
  const reminders = new ReminderRepository(deps.records);
  const policy = deps.policy.receipt;
  const unconfirmed = (data: StoredRequest): Omit<DeadlineReminder, 'type' | 'date' | 'kind' | 'caseId' | 'title' | 'provisional' | 'createdAt'> | undefined => {
    const c = data.case;
    if (c.receivedOn) return undefined;
    if (c.letter) {
      const urgency = letterConfirmationUrgency(c.letter.arrivedOn, now, policy);
      if (!urgency) return undefined;
      return {
        recipient: staffInbox(data.registeredBy?.id ?? ''),
        due: c.letter.arrivedOn,
        urgency,
        workingDaysLeft: -calendar.workingDaysBetween(c.letter.arrivedOn, today),
        label: `平常信函于 ${c.letter.arrivedOn} 到达，尚未与申请人确认：应于到达当日确认，确认后“登记受理”并填写确认之日（条例第三十一条第（二）项）`,
        responsible: { id: data.registeredBy?.id ?? '', name: data.registeredBy?.name ?? '' },
      };
    }
    if (data.channel !== 'online' || policy.online !== 'clerk-confirmation' || !confirmationOverdue({ channel: 'online', submittedAt: new Date(data.submittedAt) }, today, calendar, policy))
      return undefined;
    const submittedOn = shanghaiDate(new Date(data.submittedAt));
    return {
      recipient: roleInbox('clerk'),
      due: submittedOn,
      urgency: 'overdue',
      workingDaysLeft: -calendar.workingDaysBetween(submittedOn, today),
      label: '网上申请尚未确认收到：请与申请人确认并登记，收到申请之日以确认之日为准（条例第三十一条）',
      responsible: { id: '', name: '' },
    };
  };
  let cursor: string | undefined;
  do {
    const page = await requests.queue('submitted', 100, cursor);
    for (const { data } of page.items) {
      const reminder = unconfirmed(data);
      if (!reminder) continue;
      counts.unconfirmed++;
      const c = data.case;
      const sent = await reminders.recordOnce(
        {
          ...reminder,
          type: 'reminder',
          date: today,
          kind: UNCONFIRMED_RECEIPT_KIND,
          caseId: c.trackingNumber,
          title: data.requested.documentTitle ?? data.requested.description?.slice(0, 40) ?? c.trackingNumber,
          provisional: false,
          createdAt: now.toISOString(),
        },
        { type: 'deadline.reminded', actor: ACTOR, data: { kind: UNCONFIRMED_RECEIPT_KIND, caseId: c.trackingNumber, due: reminder.due } },
      );
      if (sent) counts.reminded++;
    }
    cursor = page.cursor;
  } while (cursor);
  return counts;
}
