/**
 * Case clock events: the facts a deadline is derived from (never a hand-edited due date).
 * Every `date` is a calendar date in Asia/Shanghai (use shanghaiDate() on instants).
 * Events with the same date apply in list order (recording order).
 */
import type { IsoDate } from '../calendar/iso-date';

export type ConsultationKind = 'third-party' | 'other-agency';

interface EventBase {
  /** Optional id of the stored event, echoed in explanations for audit links. */
  readonly eventId?: string;
  readonly date: IsoDate;
}

/** Art. 31 receipt date (derived by the application layer per channel, domain.md §2.3 / §11). */
export interface ReceivedEvent extends EventBase {
  readonly type: 'received';
}

/** Art. 30 one-time notice to supplement; the answer clock waits for the supplement. */
export interface SupplementRequestedEvent extends EventBase {
  readonly type: 'supplementRequested';
  /** The "reasonable period" granted to the applicant, in working days (commonly 15). */
  readonly supplementPeriodWorkingDays?: number;
  /**
   * The day the applicant received the notice, when known at sending (in person, electronic).
   * The applicant's period runs from it; a posted notice's is recorded later (supplementNoticeServed).
   */
  readonly deliveredOn?: IsoDate;
}

/** The applicant received the supplement notice (签收 of a posted notice): their period starts. */
export interface SupplementNoticeServedEvent extends EventBase {
  readonly type: 'supplementNoticeServed';
}

/** The supplemented application arrived: the 20-working-day period restarts from this date. */
export interface SupplementReceivedEvent extends EventBase {
  readonly type: 'supplementReceived';
}

/**
 * Art. 32 (third party) / Art. 34 (other agency) consultation letter sent on `date`; the clock
 * stops. The consulted party's 15 working days run from `deliveredOn` (its receipt of the letter;
 * defaults to `date`). The clock resumes at its answer or at the end of the 15 days.
 */
export interface ConsultationStartedEvent extends EventBase {
  readonly type: 'consultationStarted';
  readonly consultationId: string;
  readonly kind: ConsultationKind;
  readonly deliveredOn?: IsoDate;
  /** Defaults to config.consultationWorkingDays (15); may only be shorter. */
  readonly pausedWorkingDaysLimit?: number;
  /** Name of the third party or agency, for the explanation. */
  readonly consultee?: string;
  /**
   * A secrecy referral (Art. 17) that staff chose to record as an other-agency consultation
   * (domain.md §2.6 and §11: not excluded by default, only when recorded like this). Flagged.
   */
  readonly secrecyReferral?: boolean;
}

export interface ConsultationAnsweredEvent extends EventBase {
  readonly type: 'consultationAnswered';
  readonly consultationId: string;
}

/** 109号 fee notice issued; stops the clock (config.feeNoticePausesClock). */
export interface FeeNoticeIssuedEvent extends EventBase {
  readonly type: 'feeNoticeIssued';
  readonly feeNoticeId: string;
  /** When the applicant received the notice; the 20 working days to pay run from it. */
  readonly deliveredOn?: IsoDate;
}

/** The applicant received a posted fee notice (签收): their 20 working days to pay run from this day. */
export interface FeeNoticeDeliveredEvent extends EventBase {
  readonly type: 'feeNoticeDelivered';
  readonly feeNoticeId: string;
}

export interface FeePaidEvent extends EventBase {
  readonly type: 'feePaid';
  readonly feeNoticeId: string;
}

/** The fee notice was withdrawn or the fee waived (减免): the clock resumes. */
export interface FeeNoticeWithdrawnEvent extends EventBase {
  readonly type: 'feeNoticeWithdrawn';
  readonly feeNoticeId: string;
}

/** Art. 33 extension: once, ≤ 20 working days, approved by the head of the GI work unit. */
export interface ExtensionApprovedEvent extends EventBase {
  readonly type: 'extensionApproved';
  readonly workingDays: number;
  /** Staff id/name of the approver. */
  readonly approvedBy: string;
  readonly approverRole: string;
  /** Reference to the stored approval record (审批表). */
  readonly approvalRecordId?: string;
  /** The day the extension notice was served on the applicant, when that happened at approval (else extensionNotified). */
  readonly applicantNotifiedOn?: IsoDate;
}

/**
 * Art. 33: "经…负责人同意并告知申请人". The extension takes effect only once its notice is served,
 * and only if that happens before the original period ends; until then the original due date holds.
 */
export interface ExtensionNotifiedEvent extends EventBase {
  readonly type: 'extensionNotified';
}

/** Art. 35: for a justified mass request the agency sets a reasonable later reply date. */
export interface DelayedPeriodSetEvent extends EventBase {
  readonly type: 'delayedPeriodSet';
  readonly due: IsoDate;
  readonly approvedBy: string;
  readonly applicantNotifiedOn?: IsoDate;
}

export type CaseOutcome = 'decided' | 'withdrawn' | 'abandoned-no-supplement' | 'abandoned-no-payment' | 'not-processed';

/** The case left the clock: decision served/posted (§2.12), withdrawal, or deemed abandonment. */
export interface ClosedEvent extends EventBase {
  readonly type: 'closed';
  readonly outcome: CaseOutcome;
}

export type CaseClockEvent =
  | ReceivedEvent
  | SupplementRequestedEvent
  | SupplementReceivedEvent
  | SupplementNoticeServedEvent
  | ConsultationStartedEvent
  | ConsultationAnsweredEvent
  | FeeNoticeIssuedEvent
  | FeeNoticeDeliveredEvent
  | FeePaidEvent
  | FeeNoticeWithdrawnEvent
  | ExtensionApprovedEvent
  | ExtensionNotifiedEvent
  | DelayedPeriodSetEvent
  | ClosedEvent;

export type CaseClockEventType = CaseClockEvent['type'];

export const EVENT_LABEL_ZH: Record<CaseClockEventType, string> = {
  received: '收到申请',
  supplementRequested: '发出补正通知',
  supplementReceived: '收到补正材料',
  supplementNoticeServed: '补正通知送达申请人',
  consultationStarted: '发出征求意见函',
  consultationAnswered: '收到征求意见答复',
  feeNoticeIssued: '发出收费通知',
  feeNoticeDelivered: '收费通知送达申请人',
  feePaid: '申请人缴费',
  feeNoticeWithdrawn: '撤回收费通知或减免',
  extensionApproved: '批准延长答复期限',
  extensionNotified: '告知申请人延期',
  delayedPeriodSet: '确定延迟答复期限',
  closed: '办结',
};
