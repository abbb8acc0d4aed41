/**
 * deriveCaseDeadlines: the answer, supplement-notice and related dates of one application,
 * derived from its clock events. Pure: same events + calendar + config → same result, in any
 * server time zone.
 *
 * Clock model. The answer period is a budget of working days (20, + an approved extension)
 * consumed by each working day strictly after the clock start (receipt, or the last supplement
 * received: Art. 30 restarts the period). Working days inside a pause (consultation, Art. 32–34;
 * fee notice, 109号 behind a flag) are not consumed. The due date is the day the budget is used
 * up. Consequences: a pause of k working days before the due date pushes it by exactly k working
 * days; a pause that starts after the due date changes nothing; overlapping pauses exclude a day
 * once; adding a pause never moves the due date earlier.
 */
import { fromDayNumber, toDayNumber, type DayNumber, type IsoDate } from '../calendar/iso-date';
import type { SpanExplanation, WorkingCalendar } from '../calendar/working-calendar';
import { DEFAULT_DEADLINE_CONFIG, type DeadlineConfig } from './config';
import {
  ConsultationError,
  DelayedPeriodError,
  DuplicateReceiptError,
  EventAfterClosureError,
  EventBeforeReceiptError,
  ExtensionAfterDeadlineError,
  ExtensionTooLongError,
  ExtensionWithoutApprovalError,
  FeeNoticeError,
  MissingReceiptError,
  SecondExtensionError,
  SupplementSequenceError,
} from './errors';
import type { CaseClockEvent, CaseOutcome, ConsultationKind } from './events';

export type PauseReason = 'third-party-consultation' | 'other-agency-consultation' | 'fee-notice';
/** How the pause ended: recorded answer/payment/withdrawal, the legal limit, or still open (assumed to run to its limit). */
export type PauseEnd = 'answered' | 'limit-reached' | 'paid' | 'withdrawn' | 'open';

export interface AppliedPause {
  readonly reason: PauseReason;
  readonly referenceId: string;
  readonly consultee?: string;
  readonly secrecyReferral?: boolean;
  readonly startedOn: IsoDate;
  /** Last day of the pause (answer/payment day, or the limit day). */
  readonly endsOn: IsoDate;
  readonly endedBy: PauseEnd;
  /** Consultation: end of the consulted party's 15 working days. Fee: payment deadline. */
  readonly limitOn: IsoDate;
  /** Working days this pause kept out of the answer period (0 if it fell after the due date). */
  readonly pausedWorkingDays: number;
  /** False when the fee flag is off: recorded, but the clock did not stop. */
  readonly stopsClock: boolean;
}

export interface ExtensionApplied {
  readonly workingDays: number;
  readonly approvedOn: IsoDate;
  readonly approvedBy: string;
  readonly approverRole: string;
  readonly approvalRecordId?: string;
  readonly applicantNotifiedOn?: IsoDate;
  readonly dueBefore: IsoDate;
  readonly dueAfter: IsoDate;
}

export interface AnswerDeadline {
  readonly due: IsoDate;
  /** Due date without the extension (pauses included). */
  readonly dueWithoutExtension: IsoDate;
  readonly baseWorkingDays: number;
  readonly extensionWorkingDays: number;
  /** Working days excluded by pauses (union; overlapping pauses counted once). */
  readonly pausedWorkingDays: number;
  /** Art. 35 delayed reply date, when set and later than the computed date. */
  readonly delayedTo?: IsoDate;
  readonly provisional: boolean;
}

export type ClockStatus = 'running' | 'paused' | 'awaiting-supplement' | 'closed';

export interface DeadlineWarning {
  readonly code: 'SUPPLEMENT_NOTICE_LATE' | 'REPEATED_SUPPLEMENT_REQUEST' | 'EXTENSION_NOT_NOTIFIED' | 'SECRECY_REFERRAL_EXCLUDED' | 'FEE_NOTICE_NOT_PAUSING' | 'FEE_PAID_LATE' | 'ANSWERED_LATE';
  readonly message: string;
}

export interface CaseDeadlineExplanation {
  readonly clockStart: { readonly date: IsoDate; readonly cause: 'received' | 'supplementReceived' };
  readonly receivedOn: IsoDate;
  /** Working days consumed: base period + extension. */
  readonly workingDaysCounted: number;
  /** Days in (clockStart, due]: weekends, holidays, make-up days, uncovered years. */
  readonly span: SpanExplanation;
  readonly pauses: readonly AppliedPause[];
  readonly extension: ExtensionApplied | null;
  readonly delayedTo?: IsoDate;
  readonly due: IsoDate;
}

export interface CaseDeadlines {
  readonly calendarVersion: string;
  readonly receivedOn: IsoDate;
  readonly status: ClockStatus;
  /** Art. 30: the one-time supplement notice is due 7 working days after receipt. */
  readonly supplementNotice: {
    readonly due: IsoDate;
    readonly sentOn?: IsoDate;
    readonly late: boolean;
    readonly provisional: boolean;
  };
  /** Latest supplement request: when the applicant must supplement by, when it arrived. */
  readonly supplement: {
    readonly requestedOn: IsoDate;
    readonly applicantDue?: IsoDate;
    readonly receivedOn?: IsoDate;
  } | null;
  readonly clockStart: { readonly date: IsoDate; readonly cause: 'received' | 'supplementReceived' } | null;
  /** Null while waiting for the applicant's supplement. */
  readonly answer: AnswerDeadline | null;
  readonly extension: ExtensionApplied | null;
  readonly pauses: readonly AppliedPause[];
  readonly closed: { readonly on: IsoDate; readonly outcome: CaseOutcome; readonly onTime: boolean | null } | null;
  readonly provisional: boolean;
  readonly warnings: readonly DeadlineWarning[];
  readonly explanation: CaseDeadlineExplanation | null;
}

interface PauseDraft {
  reason: PauseReason;
  referenceId: string;
  consultee?: string;
  secrecyReferral?: boolean;
  start: DayNumber;
  limit: DayNumber;
  end: DayNumber | null;
  endedBy: PauseEnd;
  stopsClock: boolean;
}

const REASON: Record<ConsultationKind, PauseReason> = {
  'third-party': 'third-party-consultation',
  'other-agency': 'other-agency-consultation',
};

/** Stable sort by date; equal dates keep recording order. */
function chronological(events: readonly CaseClockEvent[]): CaseClockEvent[] {
  const withIndex = events.map((e, i) => ({ e, i, d: toDayNumber(e.date) }));
  withIndex.sort((a, b) => a.d - b.d || a.i - b.i);
  return withIndex.map((x) => x.e);
}

/** Paused day-number interval [lo, hi] for a pause (start, end) under the boundary rule. */
function pausedInterval(start: DayNumber, end: DayNumber, config: DeadlineConfig): [number, number] {
  switch (config.pauseBoundary) {
    case 'start-through-end':
      return [start, end];
    case 'between':
      return [start + 1, end - 1];
    default:
      return [start + 1, end];
  }
}

/**
 * The day the budget is used up, counting working days after `start`, skipping the merged
 * paused intervals (sorted, disjoint, inclusive day-number ranges).
 */
export function runClock(calendar: WorkingCalendar, start: DayNumber, budget: number, paused: readonly (readonly [number, number])[]): DayNumber {
  let cursor = start;
  let remaining = budget;
  for (const [lo0, hi] of paused) {
    if (hi <= cursor) continue;
    const lo = Math.max(lo0, cursor + 1);
    const available = calendar.countWorkingDn(cursor, lo - 1);
    if (available >= remaining) return calendar.addWorkingDaysDn(cursor, remaining);
    remaining -= available;
    cursor = hi;
  }
  return calendar.addWorkingDaysDn(cursor, remaining);
}

function mergeIntervals(intervals: [number, number][]): [number, number][] {
  const sorted = intervals.filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** Working days of [lo, hi] that fall in (start, due]. */
function pausedWorkingDaysWithin(calendar: WorkingCalendar, lo: number, hi: number, start: number, due: number): number {
  const a = Math.max(lo, start + 1);
  const b = Math.min(hi, due);
  return b < a ? 0 : calendar.countWorkingDn(a - 1, b);
}

export function deriveCaseDeadlines(events: readonly CaseClockEvent[], calendar: WorkingCalendar, config: DeadlineConfig = DEFAULT_DEADLINE_CONFIG): CaseDeadlines {
  const ordered = chronological(events);
  const receipts = ordered.filter((e) => e.type === 'received');
  if (receipts.length === 0) throw new MissingReceiptError();
  if (receipts.length > 1) throw new DuplicateReceiptError();
  const receivedOn = receipts[0]!.date;
  const receivedDn = toDayNumber(receivedOn);
  const warnings: DeadlineWarning[] = [];

  let clockStart: { date: IsoDate; cause: 'received' | 'supplementReceived' } = { date: receivedOn, cause: 'received' };
  type OpenSupplement = { requestedOn: IsoDate; periodWorkingDays?: number; servedOn?: IsoDate; applicantDue?: IsoDate };
  let openSupplement: OpenSupplement | null = null;
  let lastSupplement: { requestedOn: IsoDate; applicantDue?: IsoDate; receivedOn?: IsoDate } | null = null;
  let firstSupplementSentOn: IsoDate | undefined;
  let supplementRequests = 0;
  const pauses: PauseDraft[] = [];
  const pauseById = new Map<string, PauseDraft>();
  let extension: Omit<ExtensionApplied, 'dueBefore' | 'dueAfter'> | null = null;
  let delayed: { due: IsoDate; setOn: IsoDate } | null = null;
  let closed: { on: IsoDate; outcome: CaseOutcome } | null = null;

  for (const e of ordered) {
    const dn = toDayNumber(e.date);
    if (dn < receivedDn) throw new EventBeforeReceiptError(e.type, e.date);
    if (closed) throw new EventAfterClosureError(e.type);
    switch (e.type) {
      case 'received':
        break;
      case 'supplementRequested': {
        if (openSupplement) throw new SupplementSequenceError('上一次补正通知尚未收到补正材料，不能再次发出补正通知');
        supplementRequests++;
        if (supplementRequests === 1) firstSupplementSentOn = e.date;
        else warnings.push({ code: 'REPEATED_SUPPLEMENT_REQUEST', message: '《条例》第三十条要求一次性告知补正内容；本案再次发出了补正通知' });
        const p = e.supplementPeriodWorkingDays;
        if (p !== undefined && (!Number.isInteger(p) || p < 1)) throw new SupplementSequenceError(`补正期限须为正整数个工作日，实际为${p}`);
        // Art. 30: the applicant's period runs from their receipt of the notice, not from its sending
        // (a posted notice would otherwise lose its days in the post); unknown until it is served.
        if (e.deliveredOn && e.deliveredOn < e.date) throw new SupplementSequenceError(`补正通知送达日${e.deliveredOn}早于发出日${e.date}`);
        openSupplement = {
          requestedOn: e.date,
          ...(p !== undefined ? { periodWorkingDays: p } : {}),
          ...(e.deliveredOn ? { servedOn: e.deliveredOn } : {}),
          ...(p !== undefined && e.deliveredOn ? { applicantDue: fromDayNumber(calendar.addWorkingDaysDn(toDayNumber(e.deliveredOn), p)) } : {}),
        };
        lastSupplement = { requestedOn: e.date, ...(openSupplement.applicantDue ? { applicantDue: openSupplement.applicantDue } : {}) };
        break;
      }
      case 'supplementNoticeServed': {
        // Widened: TypeScript loses the loop's earlier assignment to `openSupplement` here.
        const open = openSupplement as OpenSupplement | null;
        if (!open) throw new SupplementSequenceError('没有待补正的通知，不能登记补正通知送达');
        if (open.servedOn) throw new SupplementSequenceError('补正通知的送达已登记');
        const period = open.periodWorkingDays;
        const applicantDue = period !== undefined ? fromDayNumber(calendar.addWorkingDaysDn(dn, period)) : undefined;
        openSupplement = { ...open, servedOn: e.date, ...(applicantDue ? { applicantDue } : {}) };
        lastSupplement = { requestedOn: open.requestedOn, ...(applicantDue ? { applicantDue } : {}) };
        break;
      }
      case 'supplementReceived': {
        if (!openSupplement) throw new SupplementSequenceError('没有待补正的通知，不能记录收到补正材料');
        lastSupplement = { requestedOn: openSupplement.requestedOn, ...(openSupplement.applicantDue ? { applicantDue: openSupplement.applicantDue } : {}), receivedOn: e.date };
        openSupplement = null;
        clockStart = { date: e.date, cause: 'supplementReceived' };
        break;
      }
      case 'consultationStarted': {
        if (pauseById.has(`c:${e.consultationId}`)) throw new ConsultationError(`征求意见编号${e.consultationId}重复`, { id: e.consultationId });
        const limitDays = e.pausedWorkingDaysLimit ?? config.consultationWorkingDays;
        if (!Number.isInteger(limitDays) || limitDays < 1 || limitDays > config.consultationWorkingDays) {
          throw new ConsultationError(`征求意见期限须为1至${config.consultationWorkingDays}个工作日，实际为${limitDays}（《条例》第三十二条、第三十四条）`);
        }
        const delivered = e.deliveredOn ? toDayNumber(e.deliveredOn) : dn;
        if (delivered < dn) throw new ConsultationError(`征求意见函送达日${e.deliveredOn}早于发出日${e.date}`);
        const draft: PauseDraft = {
          reason: REASON[e.kind],
          referenceId: e.consultationId,
          ...(e.consultee ? { consultee: e.consultee } : {}),
          ...(e.secrecyReferral ? { secrecyReferral: true } : {}),
          start: dn,
          limit: calendar.addWorkingDaysDn(delivered, limitDays),
          end: null,
          endedBy: 'open',
          stopsClock: true,
        };
        if (e.secrecyReferral) {
          warnings.push({ code: 'SECRECY_REFERRAL_EXCLUDED', message: '保密审查转请期间已按“征求其他机关意见”扣除，请确认依据（domain.md §2.6）' });
        }
        pauses.push(draft);
        pauseById.set(`c:${e.consultationId}`, draft);
        break;
      }
      case 'consultationAnswered': {
        const p = pauseById.get(`c:${e.consultationId}`);
        if (!p) throw new ConsultationError(`找不到征求意见${e.consultationId}`, { id: e.consultationId });
        if (p.end !== null) throw new ConsultationError(`征求意见${e.consultationId}已记录答复`, { id: e.consultationId });
        // The clock resumes at the answer or at the end of the 15 days, whichever comes first.
        if (dn <= p.limit) {
          p.end = dn;
          p.endedBy = 'answered';
        } else {
          p.end = p.limit;
          p.endedBy = 'limit-reached';
        }
        break;
      }
      case 'feeNoticeIssued': {
        if (pauseById.has(`f:${e.feeNoticeId}`)) throw new FeeNoticeError(`收费通知编号${e.feeNoticeId}重复`, { id: e.feeNoticeId });
        const delivered = e.deliveredOn ? toDayNumber(e.deliveredOn) : dn;
        if (delivered < dn) throw new FeeNoticeError(`收费通知送达日${e.deliveredOn}早于发出日${e.date}`);
        const draft: PauseDraft = {
          reason: 'fee-notice',
          referenceId: e.feeNoticeId,
          start: dn,
          limit: calendar.addWorkingDaysDn(delivered, config.feePaymentWorkingDays),
          end: null,
          endedBy: 'open',
          stopsClock: config.feeNoticePausesClock,
        };
        if (!config.feeNoticePausesClock) {
          warnings.push({ code: 'FEE_NOTICE_NOT_PAUSING', message: '按本机关配置，收费通知期间不暂停答复期限计算' });
        }
        pauses.push(draft);
        pauseById.set(`f:${e.feeNoticeId}`, draft);
        break;
      }
      case 'feeNoticeDelivered': {
        const p = pauseById.get(`f:${e.feeNoticeId}`);
        if (!p) throw new FeeNoticeError(`找不到收费通知${e.feeNoticeId}`, { id: e.feeNoticeId });
        if (p.end !== null) throw new FeeNoticeError(`收费通知${e.feeNoticeId}已结束`, { id: e.feeNoticeId });
        // A posted notice: the period to pay runs from the applicant's receipt, not from the posting.
        p.limit = calendar.addWorkingDaysDn(dn, config.feePaymentWorkingDays);
        break;
      }
      case 'feePaid':
      case 'feeNoticeWithdrawn': {
        const p = pauseById.get(`f:${e.feeNoticeId}`);
        if (!p) throw new FeeNoticeError(`找不到收费通知${e.feeNoticeId}`, { id: e.feeNoticeId });
        if (p.end !== null) throw new FeeNoticeError(`收费通知${e.feeNoticeId}已结束`, { id: e.feeNoticeId });
        // Late payment does not buy the agency more time: the pause ends at the payment deadline.
        if (e.type === 'feePaid' && dn > p.limit) {
          warnings.push({ code: 'FEE_PAID_LATE', message: `申请人缴费日${e.date}晚于缴费期限${fromDayNumber(p.limit)}，暂停计至缴费期限` });
        }
        p.end = Math.min(dn, p.limit);
        p.endedBy = e.type === 'feePaid' ? (dn > p.limit ? 'limit-reached' : 'paid') : 'withdrawn';
        break;
      }
      case 'extensionApproved': {
        if (extension) throw new SecondExtensionError();
        if (!Number.isInteger(e.workingDays) || e.workingDays < 1 || e.workingDays > config.maxExtensionWorkingDays) {
          throw new ExtensionTooLongError(e.workingDays, config.maxExtensionWorkingDays);
        }
        if (typeof e.approvedBy !== 'string' || e.approvedBy.trim() === '') throw new ExtensionWithoutApprovalError('未记录批准人');
        if (!config.extensionApproverRoles.includes(e.approverRole)) {
          throw new ExtensionWithoutApprovalError(`批准人角色“${e.approverRole}”无权批准延期`);
        }
        extension = {
          workingDays: e.workingDays,
          approvedOn: e.date,
          approvedBy: e.approvedBy,
          approverRole: e.approverRole,
          ...(e.approvalRecordId ? { approvalRecordId: e.approvalRecordId } : {}),
          ...(e.applicantNotifiedOn ? { applicantNotifiedOn: e.applicantNotifiedOn } : {}),
        };
        break;
      }
      case 'extensionNotified': {
        // Widened: TypeScript loses the loop's earlier assignment to `extension` here.
        const approved = extension as Omit<ExtensionApplied, 'dueBefore' | 'dueAfter'> | null;
        if (!approved) throw new ExtensionWithoutApprovalError('告知延期前须先批准延期');
        extension = { ...approved, applicantNotifiedOn: approved.applicantNotifiedOn ?? e.date };
        break;
      }
      case 'delayedPeriodSet': {
        if (delayed) throw new DelayedPeriodError('延迟答复期限只能确定一次');
        if (typeof e.approvedBy !== 'string' || e.approvedBy.trim() === '') throw new DelayedPeriodError('确定延迟答复期限须记录批准人');
        if (toDayNumber(e.due) <= dn) throw new DelayedPeriodError(`延迟答复期限${e.due}须晚于确定之日${e.date}`);
        delayed = { due: e.due, setOn: e.date };
        break;
      }
      case 'closed':
        closed = { on: e.date, outcome: e.outcome };
        break;
    }
  }

  // Art. 30: the supplement notice is due 7 working days after receipt (first request only).
  const noticeDue = calendar.addWorkingDaysDn(receivedDn, config.supplementNoticeWorkingDays);
  const supplementLate = firstSupplementSentOn !== undefined && toDayNumber(firstSupplementSentOn) > noticeDue;
  if (supplementLate) {
    warnings.push({ code: 'SUPPLEMENT_NOTICE_LATE', message: `补正通知于${firstSupplementSentOn}发出，晚于7个工作日的期限${fromDayNumber(noticeDue)}` });
  }
  const supplementNotice = {
    due: fromDayNumber(noticeDue),
    ...(firstSupplementSentOn ? { sentOn: firstSupplementSentOn } : {}),
    late: supplementLate,
    provisional: !calendar.isSpanSettledDn(receivedDn, noticeDue),
  };

  const appliedPauses = (startDn: number, dueDn: number): AppliedPause[] =>
    pauses.map((p) => {
      const end = p.end ?? p.limit;
      const [lo, hi] = pausedInterval(p.start, end, config);
      return {
        reason: p.reason,
        referenceId: p.referenceId,
        ...(p.consultee ? { consultee: p.consultee } : {}),
        ...(p.secrecyReferral ? { secrecyReferral: true } : {}),
        startedOn: fromDayNumber(p.start),
        endsOn: fromDayNumber(end),
        endedBy: p.end === null ? 'open' : p.endedBy,
        limitOn: fromDayNumber(p.limit),
        pausedWorkingDays: p.stopsClock ? pausedWorkingDaysWithin(calendar, lo, hi, startDn, dueDn) : 0,
        stopsClock: p.stopsClock,
      };
    });

  const status: ClockStatus = closed ? 'closed' : openSupplement ? 'awaiting-supplement' : pauses.some((p) => p.end === null && p.stopsClock) ? 'paused' : 'running';

  if (openSupplement) {
    // Art. 30: no answer period runs until the supplement arrives.
    return {
      calendarVersion: calendar.version,
      receivedOn,
      status,
      supplementNotice,
      supplement: lastSupplement,
      clockStart: null,
      answer: null,
      extension: null,
      pauses: appliedPauses(receivedDn, receivedDn),
      closed: closed ? { ...closed, onTime: null } : null,
      provisional: supplementNotice.provisional,
      warnings,
      explanation: null,
    };
  }

  const startDn = toDayNumber(clockStart.date);
  const intervals = mergeIntervals(pauses.filter((p) => p.stopsClock).map((p) => pausedInterval(p.start, p.end ?? p.limit, config)));
  const base = config.answerWorkingDays;
  const dueWithoutExtensionDn = runClock(calendar, startDn, base, intervals);
  let dueDn = dueWithoutExtensionDn;
  let extensionApplied: ExtensionApplied | null = null;
  if (extension) {
    // An extension must be decided while the period still runs (on the due day at the latest).
    if (toDayNumber(extension.approvedOn) > dueWithoutExtensionDn) {
      throw new ExtensionAfterDeadlineError(extension.approvedOn, fromDayNumber(dueWithoutExtensionDn));
    }
    // Art. 33: approved AND told. Until the notice is served (before the original period ends) the
    // extension has no effect: an unnotified extension never makes a late answer look on time.
    const notifiedOn = extension.applicantNotifiedOn;
    if (notifiedOn !== undefined && toDayNumber(notifiedOn) <= dueWithoutExtensionDn) {
      dueDn = runClock(calendar, startDn, base + extension.workingDays, intervals);
      extensionApplied = { ...extension, dueBefore: fromDayNumber(dueWithoutExtensionDn), dueAfter: fromDayNumber(dueDn) };
    } else {
      warnings.push({
        code: 'EXTENSION_NOT_NOTIFIED',
        message: notifiedOn
          ? `延期告知日${notifiedOn}晚于原答复期限${fromDayNumber(dueWithoutExtensionDn)}，延期不发生效力（《条例》第三十三条）`
          : '延期尚未告知申请人，告知送达前不发生延期效力，答复期限仍按原期限计算（《条例》第三十三条）',
      });
    }
  }
  let delayedTo: IsoDate | undefined;
  if (delayed) {
    const d = toDayNumber(delayed.due);
    if (toDayNumber(delayed.setOn) > dueDn) throw new DelayedPeriodError(`延迟答复期限须在原期限${fromDayNumber(dueDn)}届满前确定`);
    if (d > dueDn) {
      delayedTo = delayed.due;
      dueDn = d;
    }
  }

  const applied = appliedPauses(startDn, dueDn);
  let pausedTotal = 0;
  for (const [lo, hi] of intervals) pausedTotal += pausedWorkingDaysWithin(calendar, lo, hi, startDn, dueDn);
  const provisional = !calendar.isSpanSettledDn(startDn, dueDn) || supplementNotice.provisional;
  const due = fromDayNumber(dueDn);
  let closedOut: CaseDeadlines['closed'] = null;
  if (closed) {
    const onTime = closed.outcome === 'decided' ? toDayNumber(closed.on) <= dueDn : null;
    if (onTime === false) warnings.push({ code: 'ANSWERED_LATE', message: `答复于${closed.on}作出，超过期限${due}` });
    closedOut = { ...closed, onTime };
  }
  const answer: AnswerDeadline = {
    due,
    dueWithoutExtension: fromDayNumber(dueWithoutExtensionDn),
    baseWorkingDays: base,
    extensionWorkingDays: extensionApplied?.workingDays ?? 0,
    pausedWorkingDays: pausedTotal,
    ...(delayedTo ? { delayedTo } : {}),
    provisional,
  };
  return {
    calendarVersion: calendar.version,
    receivedOn,
    status,
    supplementNotice,
    supplement: lastSupplement,
    clockStart,
    answer,
    extension: extensionApplied,
    pauses: applied,
    closed: closedOut,
    provisional,
    warnings,
    explanation: {
      clockStart,
      receivedOn,
      workingDaysCounted: base + (extension?.workingDays ?? 0),
      span: calendar.explainSpanDn(startDn, dueDn),
      pauses: applied,
      extension: extensionApplied,
      ...(delayedTo ? { delayedTo } : {}),
      due,
    },
  };
}

/**
 * Validates a new event against the history (throws the named error the Regulation implies)
 * and returns the new history with its deadlines. Call before storing an event.
 */
export function appendClockEvent(
  events: readonly CaseClockEvent[],
  event: CaseClockEvent,
  calendar: WorkingCalendar,
  config: DeadlineConfig = DEFAULT_DEADLINE_CONFIG,
): { readonly events: readonly CaseClockEvent[]; readonly deadlines: CaseDeadlines } {
  const next = [...events, event];
  return { events: next, deadlines: deriveCaseDeadlines(next, calendar, config) };
}
