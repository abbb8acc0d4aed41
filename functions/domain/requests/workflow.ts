/**
 * The workflow of an application as a transition TABLE (data) plus per-command guards/effects.
 * decide(case, command, context) → { next, events, clockEvents } or a named error.
 *
 * The case carries its case-clock history (../deadlines); every command that changes the clock
 * appends the matching clock event and the new history is checked with appendClockEvent, so the
 * due date is always derived from history, never stored or edited.
 */
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import {
  appendClockEvent,
  DEFAULT_DEADLINE_CONFIG,
  DeadlineRuleError,
  deriveCaseDeadlines,
  GI_OFFICE_HEAD_ROLE,
  type CaseClockEvent,
  type CaseDeadlines,
  type DeadlineConfig,
} from '../deadlines';
import type { StaffRole } from '../staff';
import { IllegalTransitionError, RequestForbiddenError, RequestValidationError, TransitionGuardError } from './errors';
import { NON_LETTER_OUTCOME_ROWS, tableBRow, type Decision, type OutcomeMappingOptions, type OutcomeRow, type ResponseType } from './responses';

// ---------------------------------------------------------------------------------------------
// States

export const REQUEST_STATUSES = [
  'submitted',
  'registered',
  'supplement-requested',
  'in-assessment',
  'third-party-consultation',
  'agency-consultation',
  'fee-notice',
  'drafting',
  'secrecy-review',
  'leader-sign-off',
  'signed-off',
  'released',
  'closed',
  'withdrawn',
  'abandoned-no-supplement',
  'abandoned-no-payment',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const STATUS_LABELS: Record<RequestStatus, string> = {
  submitted: '待登记',
  registered: '已登记',
  'supplement-requested': '待申请人补正',
  'in-assessment': '办理中',
  'third-party-consultation': '征求第三方意见中',
  'agency-consultation': '征求其他机关意见中',
  'fee-notice': '待缴纳信息处理费',
  drafting: '拟定答复',
  'secrecy-review': '保密审查中',
  'leader-sign-off': '待领导签发',
  'signed-off': '已签发待送达',
  released: '已送达',
  closed: '已归档',
  withdrawn: '申请人已撤回',
  'abandoned-no-supplement': '逾期未补正（视为放弃）',
  'abandoned-no-payment': '逾期未缴费（视为放弃）',
};

export const TERMINAL_STATUSES: readonly RequestStatus[] = ['closed', 'withdrawn', 'abandoned-no-supplement', 'abandoned-no-payment'];
/** The applicant may withdraw until the answer is served. */
const BEFORE_RELEASE = REQUEST_STATUSES.filter((s) => s !== 'released' && !TERMINAL_STATUSES.includes(s));
/** States in which the answer is still being worked on (an extension can be asked for). */
const WORKING = ['registered', 'in-assessment', 'drafting', 'secrecy-review', 'leader-sign-off', 'signed-off'] as const satisfies readonly RequestStatus[];

// ---------------------------------------------------------------------------------------------
// The case record

export type ExtensionState =
  | { readonly status: 'none' }
  | { readonly status: 'requested'; readonly workingDays: number; readonly reason: string; readonly requestedBy: string; readonly requestedOn: IsoDate }
  | { readonly status: 'rejected'; readonly reason: string; readonly rejectedBy: string; readonly rejectedOn: IsoDate }
  | {
      readonly status: 'approved';
      readonly workingDays: number;
      readonly reason: string;
      readonly approvedBy: string;
      readonly approvedOn: IsoDate;
      readonly applicantNotifiedOn?: IsoDate;
    };

export interface RequestCase {
  readonly id: string;
  readonly trackingNumber: string;
  readonly status: RequestStatus;
  /** First-inquiry responsibility (首问负责): the clerk who registered it, unless reassigned. */
  readonly handlerId?: string;
  /** Case-clock history (../deadlines); the due date is derived from it. */
  readonly clock: readonly CaseClockEvent[];
  readonly receivedOn?: IsoDate;
  readonly supplementNotices: number;
  readonly supplementReceived: boolean;
  readonly consultationCount: number;
  readonly activeConsultation?: { readonly id: string; readonly kind: 'third-party' | 'other-agency' };
  readonly activeFeeNotice?: { readonly id: string; readonly amountYuan: number };
  readonly extension: ExtensionState;
  readonly delayedReplyDue?: IsoDate;
  readonly draft?: { readonly responseType: ResponseType; readonly outcomeRow: OutcomeRow; readonly draftedBy: string };
  readonly secrecyReviewId?: string;
  readonly secrecyReviewPassed: boolean;
  readonly signedOffBy?: string;
  readonly service?: Service;
  /** Table B row once the case has an outcome (release, abandonment, withdrawal). */
  readonly outcomeRow?: OutcomeRow;
  readonly concludedOn?: IsoDate;
}

/** Service of the answer (送达, domain.md §2.12): what date judges timeliness. */
export type Service =
  | { readonly method: 'handed-over'; readonly signedOn: IsoDate }
  | { readonly method: 'post'; readonly postedOn: IsoDate; readonly postalTrackingNumber: string }
  | { readonly method: 'email'; readonly sentOn: IsoDate }
  | { readonly method: 'download'; readonly availableOn: IsoDate };

export function serviceDate(s: Service): IsoDate {
  switch (s.method) {
    case 'handed-over':
      return s.signedOn;
    case 'post':
      return s.postedOn; // 交邮之日 counts (235号)
    case 'email':
      return s.sentOn;
    case 'download':
      return s.availableOn;
  }
}

/** China Post domestic tracking numbers: 2 letters + 9 digits + CN (EMS/registered), or 13 digits. */
export function isChinaPostTrackingNumber(v: string): boolean {
  return /^[A-Z]{2}\d{9}CN$/.test(v) || /^\d{13}$/.test(v);
}

export interface NewCaseInput {
  readonly id: string;
  readonly trackingNumber: string;
  /** From receiptDate(); absent when the receipt still awaits signature or confirmation. */
  readonly receivedOn?: IsoDate;
}

/** A new case in 'submitted'; if the receipt date is already known its clock starts now. */
export function openCase(input: NewCaseInput): RequestCase {
  return {
    id: input.id,
    trackingNumber: input.trackingNumber,
    status: 'submitted',
    clock: input.receivedOn ? [{ type: 'received', date: input.receivedOn }] : [],
    ...(input.receivedOn ? { receivedOn: input.receivedOn } : {}),
    supplementNotices: 0,
    supplementReceived: false,
    consultationCount: 0,
    extension: { status: 'none' },
    secrecyReviewPassed: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Commands

export type RequestCommand =
  | { readonly type: 'register'; readonly receivedOn?: IsoDate }
  | { readonly type: 'reassign'; readonly handlerId: string; readonly reason: string }
  | { readonly type: 'startAssessment' }
  | {
      readonly type: 'requestSupplement';
      /** Every deficiency, listed once (一次性告知). */
      readonly deficiencies: readonly string[];
      readonly periodWorkingDays?: number;
      /** A second notice is allowed only when the supplemented content is still unclear. */
      readonly supplementStillUnclear?: boolean;
    }
  | { readonly type: 'recordSupplement'; readonly receivedOn: IsoDate }
  | { readonly type: 'abandonNoSupplement'; readonly noJustifiableReason: true }
  | { readonly type: 'startThirdPartyConsultation'; readonly consultationId: string; readonly deliveredOn?: IsoDate }
  | {
      readonly type: 'recordThirdPartyOpinion';
      readonly opinion: 'consent' | 'objection' | 'no-reply';
      readonly answeredOn?: IsoDate;
    }
  | { readonly type: 'startAgencyConsultation'; readonly consultationId: string; readonly deliveredOn?: IsoDate; readonly secrecyReferral?: boolean }
  | { readonly type: 'recordAgencyOpinion'; readonly opinion: 'consent' | 'objection' | 'no-reply'; readonly answeredOn?: IsoDate }
  | { readonly type: 'issueFeeNotice'; readonly feeNoticeId: string; readonly amountYuan: number; readonly deliveredOn?: IsoDate }
  | { readonly type: 'recordFeePaid'; readonly paidOn: IsoDate }
  | { readonly type: 'waiveFee'; readonly reasonCode: string; readonly note?: string }
  | { readonly type: 'abandonNoPayment' }
  | { readonly type: 'requestExtension'; readonly workingDays: number; readonly reason: string }
  | { readonly type: 'approveExtension'; readonly applicantNotifiedOn?: IsoDate; readonly approvalRecordId?: string }
  | { readonly type: 'rejectExtension'; readonly reason: string }
  | { readonly type: 'notifyExtension'; readonly notifiedOn: IsoDate }
  | { readonly type: 'setDelayedReply'; readonly due: IsoDate; readonly reason: string; readonly applicantNotifiedOn?: IsoDate }
  | { readonly type: 'draftAnswer'; readonly decision: Decision }
  | { readonly type: 'submitForSecrecyReview'; readonly secrecyReviewId: string }
  | { readonly type: 'passSecrecyReview'; readonly secrecyReviewApproved: boolean }
  | { readonly type: 'returnToDrafting'; readonly reason: string }
  | { readonly type: 'signOff' }
  | { readonly type: 'release'; readonly service: Service; readonly secrecyReviewApproved: boolean }
  | { readonly type: 'close' }
  | { readonly type: 'withdraw'; readonly withdrawnOn?: IsoDate };

export type CommandType = RequestCommand['type'];

/** Who may act: staff roles, the applicant (own case), or a scheduled job. */
export type ActorRole = StaffRole | 'applicant' | 'system';

export type WorkflowActor =
  | { readonly kind: 'staff'; readonly id: string; readonly roles: readonly StaffRole[] }
  | { readonly kind: 'applicant'; readonly id: string }
  | { readonly kind: 'system'; readonly id: string };

export interface TransitionRule {
  readonly command: CommandType;
  readonly label: string;
  readonly from: readonly RequestStatus[];
  /** 'same' = the status does not change (a recorded step). */
  readonly to: RequestStatus | 'same';
  /** 'extension-approvers' = config.extensionApproverRoles (Art. 33: head of the GI work unit). */
  readonly roles: readonly ActorRole[] | 'extension-approvers';
  /** A clerk must be the responsible handler; head/admin act on any case. */
  readonly handlerOnly?: boolean;
}

const STAFF_HANDLING: readonly ActorRole[] = ['clerk', 'head'];

export const TRANSITIONS: readonly TransitionRule[] = [
  { command: 'register', label: '登记受理', from: ['submitted'], to: 'registered', roles: ['clerk', 'head', 'admin'] },
  { command: 'reassign', label: '变更承办人', from: BEFORE_RELEASE, to: 'same', roles: ['head', 'admin'] },
  { command: 'startAssessment', label: '开始办理', from: ['registered'], to: 'in-assessment', roles: STAFF_HANDLING, handlerOnly: true },
  { command: 'requestSupplement', label: '发出补正通知', from: ['registered', 'in-assessment'], to: 'supplement-requested', roles: STAFF_HANDLING, handlerOnly: true },
  { command: 'recordSupplement', label: '登记补正材料', from: ['supplement-requested'], to: 'in-assessment', roles: STAFF_HANDLING, handlerOnly: true },
  { command: 'abandonNoSupplement', label: '逾期未补正，视为放弃申请', from: ['supplement-requested'], to: 'abandoned-no-supplement', roles: ['clerk', 'head', 'system'], handlerOnly: true },
  { command: 'startThirdPartyConsultation', label: '征求第三方意见', from: ['in-assessment'], to: 'third-party-consultation', roles: STAFF_HANDLING, handlerOnly: true },
  { command: 'recordThirdPartyOpinion', label: '登记第三方意见', from: ['third-party-consultation'], to: 'in-assessment', roles: STAFF_HANDLING, handlerOnly: true },
  { command: 'startAgencyConsultation', label: '征求其他机关意见', from: ['in-assessment'], to: 'agency-consultation', roles: STAFF_HANDLING, handlerOnly: true },
  { command: 'recordAgencyOpinion', label: '登记其他机关意见', from: ['agency-consultation'], to: 'in-assessment', roles: STAFF_HANDLING, handlerOnly: true },
  { command: 'issueFeeNotice', label: '发出收费通知', from: ['in-assessment'], to: 'fee-notice', roles: STAFF_HANDLING, handlerOnly: true },
  { command: 'recordFeePaid', label: '登记已缴费', from: ['fee-notice'], to: 'in-assessment', roles: STAFF_HANDLING, handlerOnly: true },
  { command: 'waiveFee', label: '减免信息处理费', from: ['fee-notice'], to: 'in-assessment', roles: ['head', 'admin'] },
  { command: 'abandonNoPayment', label: '逾期未缴费，视为放弃申请', from: ['fee-notice'], to: 'abandoned-no-payment', roles: ['clerk', 'head', 'system'], handlerOnly: true },
  { command: 'requestExtension', label: '申请延长答复期限', from: WORKING, to: 'same', roles: STAFF_HANDLING, handlerOnly: true },
  { command: 'approveExtension', label: '批准延长答复期限', from: WORKING, to: 'same', roles: 'extension-approvers' },
  { command: 'rejectExtension', label: '不批准延长答复期限', from: WORKING, to: 'same', roles: 'extension-approvers' },
  { command: 'notifyExtension', label: '告知申请人延期', from: WORKING, to: 'same', roles: STAFF_HANDLING, handlerOnly: true },
  { command: 'setDelayedReply', label: '确定延迟答复期限（第三十五条）', from: ['in-assessment'], to: 'same', roles: ['head'] },
  { command: 'draftAnswer', label: '拟定答复', from: ['registered', 'in-assessment', 'drafting'], to: 'drafting', roles: STAFF_HANDLING, handlerOnly: true },
  { command: 'submitForSecrecyReview', label: '提交保密审查', from: ['drafting'], to: 'secrecy-review', roles: STAFF_HANDLING, handlerOnly: true },
  { command: 'passSecrecyReview', label: '保密审查通过', from: ['secrecy-review'], to: 'leader-sign-off', roles: ['reviewer'] },
  { command: 'returnToDrafting', label: '退回修改', from: ['secrecy-review', 'leader-sign-off', 'signed-off'], to: 'drafting', roles: ['reviewer', 'head', 'leader'] },
  { command: 'signOff', label: '领导签发', from: ['leader-sign-off'], to: 'signed-off', roles: ['leader'] },
  { command: 'release', label: '送达答复', from: ['signed-off'], to: 'released', roles: STAFF_HANDLING, handlerOnly: true },
  { command: 'close', label: '归档', from: ['released'], to: 'closed', roles: ['clerk', 'head', 'admin'] },
  { command: 'withdraw', label: '撤回申请', from: BEFORE_RELEASE, to: 'withdrawn', roles: ['applicant', 'clerk', 'head'], handlerOnly: true },
];

export const COMMAND_LABELS = Object.fromEntries(TRANSITIONS.map((t) => [t.command, t.label])) as Record<CommandType, string>;
const RULES = new Map(TRANSITIONS.map((t) => [t.command, t]));

// ---------------------------------------------------------------------------------------------
// Configuration and context

export interface WorkflowConfig {
  /**
   * Staff roles with the authority to approve an extension (Art. 33: 政府信息公开工作机构负责人).
   * Default: 'head' acting as head of the GI office.
   */
  readonly extensionApproverRoles: readonly StaffRole[];
  /** Art. 30 "reasonable period"; 15 working days is common practice [P, M?]. */
  readonly defaultSupplementWorkingDays: number;
  /**
   * Art. 30: the notice is due within 7 working days of receipt. 'reject' (default) refuses a
   * late first notice, since a late notice would restart the period at the applicant's expense.
   */
  readonly lateSupplementNotice: 'reject' | 'allow';
  /** Art. 42 / 109号: fees are optional for an agency; off = the command is refused. */
  readonly feesEnabled: boolean;
  /** Waiver reason codes accepted (the national grounds are unconfirmed [M?]). */
  readonly feeWaiverReasonCodes: readonly string[];
  readonly outcomeMapping?: OutcomeMappingOptions;
}

export const DEFAULT_WORKFLOW_CONFIG: WorkflowConfig = {
  extensionApproverRoles: ['head'],
  defaultSupplementWorkingDays: 15,
  lateSupplementNotice: 'reject',
  feesEnabled: true,
  feeWaiverReasonCodes: ['financial-hardship', 'public-interest', 'agency-error', 'other'],
};

export interface DecideContext {
  readonly actor: WorkflowActor;
  /** Today's date in Asia/Shanghai (from the Clock port). */
  readonly today: IsoDate;
  readonly calendar: WorkingCalendar;
  readonly deadlineConfig?: DeadlineConfig;
  readonly config?: WorkflowConfig;
}

/** Domain events: plain data, ids and dates only, never personal data. */
export interface RequestEvent {
  readonly type: string;
  readonly caseId: string;
  readonly from: RequestStatus;
  readonly to: RequestStatus;
  readonly on: IsoDate;
  readonly actor: { readonly kind: WorkflowActor['kind']; readonly id: string };
  readonly data: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}

export interface Decided {
  readonly next: RequestCase;
  readonly events: readonly RequestEvent[];
  readonly clockEvents: readonly CaseClockEvent[];
  /** The derived deadlines after the step (null while no receipt date exists). */
  readonly deadlines: CaseDeadlines | null;
}

// ---------------------------------------------------------------------------------------------
// Role checks

function rolesOf(actor: WorkflowActor): readonly ActorRole[] {
  return actor.kind === 'staff' ? actor.roles : [actor.kind];
}

function allowedRoles(rule: TransitionRule, config: WorkflowConfig): readonly ActorRole[] {
  return rule.roles === 'extension-approvers' ? config.extensionApproverRoles : rule.roles;
}

function roleAllowed(rule: TransitionRule, actor: WorkflowActor, c: RequestCase, config: WorkflowConfig): boolean {
  const allowed = allowedRoles(rule, config);
  const mine = rolesOf(actor);
  if (!mine.some((r) => allowed.includes(r))) return false;
  if (rule.handlerOnly && actor.kind === 'staff') {
    const supervisor = mine.some((r) => (r === 'head' || r === 'admin') && allowed.includes(r));
    // Until someone registers the case there is no handler; the registering clerk becomes it.
    if (!supervisor && c.handlerId !== undefined && c.handlerId !== actor.id) return false;
  }
  return true;
}

/** Commands that the table allows in this state for this actor (for showing only valid buttons). */
export function availableCommands(c: RequestCase, actor: WorkflowActor, config: WorkflowConfig = DEFAULT_WORKFLOW_CONFIG): CommandType[] {
  return TRANSITIONS.filter((t) => t.from.includes(c.status) && roleAllowed(t, actor, c, config)).map((t) => t.command);
}

// ---------------------------------------------------------------------------------------------
// decide

const guard = (ok: unknown, code: string, message: string): void => {
  if (!ok) throw new TransitionGuardError(code, message);
};
const nonBlank = (v: string | undefined, field: string, message: string): void => {
  if (typeof v !== 'string' || v.trim() === '') throw new RequestValidationError(message, { [field]: message });
};

interface Effect {
  readonly patch?: Partial<RequestCase>;
  readonly clock?: readonly CaseClockEvent[];
  readonly data?: RequestEvent['data'];
  /** Overrides the table's target (the table lists it; used by no command today). */
}

export function decide(c: RequestCase, command: RequestCommand, ctx: DecideContext): Decided {
  const config = ctx.config ?? DEFAULT_WORKFLOW_CONFIG;
  const dcfg = ctx.deadlineConfig ?? DEFAULT_DEADLINE_CONFIG;
  const rule = RULES.get(command.type);
  if (!rule) throw new IllegalTransitionError(c.status, command.type, STATUS_LABELS[c.status], command.type);
  if (!rule.from.includes(c.status)) {
    throw new IllegalTransitionError(c.status, command.type, STATUS_LABELS[c.status], rule.label);
  }
  if (!roleAllowed(rule, ctx.actor, c, config)) {
    throw new RequestForbiddenError(`您无权对本申请执行「${rule.label}」。`, `forbidden: ${command.type} by ${rolesOf(ctx.actor).join(',')}`);
  }
  const today = ctx.today;
  const current = (): CaseDeadlines | null => (c.clock.some((e) => e.type === 'received') ? deriveCaseDeadlines(c.clock, ctx.calendar, dcfg) : null);
  const actorId = ctx.actor.id;

  const effect = ((): Effect => {
    switch (command.type) {
      case 'register': {
        if (c.receivedOn) {
          guard(command.receivedOn === undefined || command.receivedOn === c.receivedOn, 'RECEIPT_FIXED', `收到申请之日已确定为${c.receivedOn}，不能更改。`);
          return { patch: { handlerId: actorId }, data: { receivedOn: c.receivedOn } };
        }
        if (!command.receivedOn) throw new RequestValidationError('请填写确认收到申请的日期。', { receivedOn: '请填写确认收到申请的日期。' });
        guard(command.receivedOn <= today, 'RECEIPT_IN_FUTURE', '收到申请之日不能晚于今天。');
        return {
          patch: { handlerId: actorId, receivedOn: command.receivedOn },
          clock: [{ type: 'received', date: command.receivedOn }],
          data: { receivedOn: command.receivedOn },
        };
      }
      case 'reassign':
        nonBlank(command.reason, 'reason', '请填写变更承办人的理由。');
        nonBlank(command.handlerId, 'handlerId', '请选择新的承办人。');
        guard(command.handlerId !== c.handlerId, 'SAME_HANDLER', '新承办人与原承办人相同。');
        return { patch: { handlerId: command.handlerId }, data: { handlerId: command.handlerId, previousHandlerId: c.handlerId ?? '', reason: command.reason } };
      case 'startAssessment':
        return {};
      case 'requestSupplement': {
        const items = command.deficiencies.map((d) => d.trim()).filter(Boolean);
        if (items.length === 0) throw new RequestValidationError('请逐项列明需要补正的内容。', { deficiencies: '请逐项列明需要补正的内容。' });
        const period = command.periodWorkingDays ?? config.defaultSupplementWorkingDays;
        if (!Number.isInteger(period) || period < 1 || period > 60) {
          throw new RequestValidationError('补正期限须为1至60个工作日。', { periodWorkingDays: '补正期限须为1至60个工作日。' });
        }
        if (c.supplementNotices > 0) {
          // Art. 30 一次性告知: a second notice only if the supplemented content is still unclear.
          guard(c.supplementReceived && command.supplementStillUnclear === true, 'SUPPLEMENT_ONCE', '补正通知应一次性告知；只有补正后申请内容仍不明确的，才能再次要求补正。');
        } else if (config.lateSupplementNotice === 'reject') {
          const due = current()?.supplementNotice.due;
          guard(!due || today <= due, 'SUPPLEMENT_NOTICE_LATE', `补正通知应在收到申请之日起7个工作日内（${due}前）发出，已超过期限。`);
        }
        return {
          patch: { supplementNotices: c.supplementNotices + 1, supplementReceived: false },
          clock: [{ type: 'supplementRequested', date: today, supplementPeriodWorkingDays: period }],
          data: { deficiencyCount: items.length, periodWorkingDays: period, repeat: c.supplementNotices > 0 },
        };
      }
      case 'recordSupplement':
        guard(command.receivedOn <= today, 'DATE_IN_FUTURE', '收到补正材料的日期不能晚于今天。');
        return { patch: { supplementReceived: true }, clock: [{ type: 'supplementReceived', date: command.receivedOn }], data: { receivedOn: command.receivedOn } };
      case 'abandonNoSupplement': {
        const due = current()?.supplement?.applicantDue;
        guard(command.noJustifiableReason === true, 'JUSTIFIABLE_REASON', '须确认申请人无正当理由逾期未补正。');
        guard(due && today > due, 'SUPPLEMENT_PERIOD_RUNNING', `补正期限（${due ?? '未确定'}）尚未届满，不能视为放弃申请。`);
        return {
          patch: { outcomeRow: NON_LETTER_OUTCOME_ROWS['abandoned-no-supplement'], concludedOn: today },
          clock: [{ type: 'closed', date: today, outcome: 'abandoned-no-supplement' }],
        };
      }
      case 'startThirdPartyConsultation':
      case 'startAgencyConsultation': {
        nonBlank(command.consultationId, 'consultationId', '缺少征求意见函编号。');
        const kind = command.type === 'startThirdPartyConsultation' ? 'third-party' : 'other-agency';
        const secrecyReferral = command.type === 'startAgencyConsultation' && command.secrecyReferral === true;
        return {
          patch: { activeConsultation: { id: command.consultationId, kind }, consultationCount: c.consultationCount + 1 },
          clock: [
            {
              type: 'consultationStarted',
              date: today,
              consultationId: command.consultationId,
              kind,
              ...(command.deliveredOn ? { deliveredOn: command.deliveredOn } : {}),
              ...(secrecyReferral ? { secrecyReferral: true } : {}),
            },
          ],
          data: { consultationId: command.consultationId, kind, secrecyReferral },
        };
      }
      case 'recordThirdPartyOpinion':
      case 'recordAgencyOpinion': {
        const active = c.activeConsultation!;
        const limit = current()?.pauses.find((p) => p.referenceId === active.id)?.limitOn;
        let clock: CaseClockEvent[] = [];
        if (command.opinion === 'no-reply') {
          // The 15 working days must have run out; the clock then resumes at the limit.
          guard(limit && today > limit, 'CONSULTATION_RUNNING', `征求意见期限（${limit}）尚未届满，不能按逾期未答复处理。`);
        } else {
          const on = command.answeredOn ?? today;
          guard(on <= today, 'DATE_IN_FUTURE', '答复日期不能晚于今天。');
          clock = [{ type: 'consultationAnswered', date: on, consultationId: active.id }];
        }
        // Art. 34: an agency's silence counts as consent to disclose.
        const deemedConsent = command.type === 'recordAgencyOpinion' && command.opinion === 'no-reply';
        return { patch: { activeConsultation: undefined }, clock, data: { consultationId: active.id, opinion: command.opinion, deemedConsent } };
      }
      case 'issueFeeNotice': {
        guard(config.feesEnabled, 'FEES_DISABLED', '本机关未启用信息处理费。');
        nonBlank(command.feeNoticeId, 'feeNoticeId', '缺少收费通知编号。');
        if (!Number.isInteger(command.amountYuan) || command.amountYuan <= 0) {
          throw new RequestValidationError('收费金额须为正整数元。', { amountYuan: '收费金额须为正整数元。' });
        }
        return {
          patch: { activeFeeNotice: { id: command.feeNoticeId, amountYuan: command.amountYuan } },
          clock: [{ type: 'feeNoticeIssued', date: today, feeNoticeId: command.feeNoticeId, ...(command.deliveredOn ? { deliveredOn: command.deliveredOn } : {}) }],
          data: { feeNoticeId: command.feeNoticeId, amountYuan: command.amountYuan },
        };
      }
      case 'recordFeePaid': {
        const id = c.activeFeeNotice!.id;
        guard(command.paidOn <= today, 'DATE_IN_FUTURE', '缴费日期不能晚于今天。');
        return { patch: { activeFeeNotice: undefined }, clock: [{ type: 'feePaid', date: command.paidOn, feeNoticeId: id }], data: { feeNoticeId: id } };
      }
      case 'waiveFee': {
        const id = c.activeFeeNotice!.id;
        guard(config.feeWaiverReasonCodes.includes(command.reasonCode), 'WAIVER_REASON', '请选择有效的减免理由。');
        if (command.reasonCode === 'other') nonBlank(command.note, 'note', '减免理由为“其他”的，请说明具体情况。');
        return {
          patch: { activeFeeNotice: undefined },
          clock: [{ type: 'feeNoticeWithdrawn', date: today, feeNoticeId: id }],
          data: { feeNoticeId: id, reasonCode: command.reasonCode, approvedBy: actorId },
        };
      }
      case 'abandonNoPayment': {
        const id = c.activeFeeNotice!.id;
        const limit = current()?.pauses.find((p) => p.referenceId === id)?.limitOn;
        guard(limit && today > limit, 'PAYMENT_PERIOD_RUNNING', `缴费期限（${limit}）尚未届满，不能视为放弃申请。`);
        return {
          patch: { activeFeeNotice: undefined, outcomeRow: NON_LETTER_OUTCOME_ROWS['abandoned-no-payment'], concludedOn: today },
          clock: [{ type: 'closed', date: today, outcome: 'abandoned-no-payment' }],
          data: { feeNoticeId: id },
        };
      }
      case 'requestExtension': {
        guard(c.extension.status !== 'approved', 'EXTENSION_ONCE', '答复期限只能延长一次（《条例》第三十三条）。');
        guard(c.extension.status !== 'requested', 'EXTENSION_PENDING', '已有待审批的延期申请。');
        nonBlank(command.reason, 'reason', '请填写延长答复期限的理由。');
        const max = dcfg.maxExtensionWorkingDays;
        if (!Number.isInteger(command.workingDays) || command.workingDays < 1 || command.workingDays > max) {
          throw new RequestValidationError(`延长期限须为1至${max}个工作日。`, { workingDays: `延长期限须为1至${max}个工作日。` });
        }
        const due = current()?.answer?.due;
        guard(due && today <= due, 'EXTENSION_AFTER_DEADLINE', `答复期限（${due ?? '未确定'}）已届满或尚未起算，不能申请延期。`);
        return {
          patch: { extension: { status: 'requested', workingDays: command.workingDays, reason: command.reason, requestedBy: actorId, requestedOn: today } },
          data: { workingDays: command.workingDays },
        };
      }
      case 'approveExtension': {
        const ext = c.extension;
        guard(ext.status === 'requested', 'NO_EXTENSION_REQUEST', '没有待审批的延期申请。');
        if (ext.status !== 'requested') throw new Error('unreachable');
        const due = current()?.answer?.due;
        guard(due && today <= due, 'EXTENSION_AFTER_DEADLINE', `答复期限（${due ?? '未确定'}）已届满，不能批准延期。`);
        if (command.applicantNotifiedOn) guard(command.applicantNotifiedOn <= due!, 'NOTICE_AFTER_DEADLINE', `应在原答复期限（${due}）届满前告知申请人。`);
        return {
          patch: {
            extension: {
              status: 'approved',
              workingDays: ext.workingDays,
              reason: ext.reason,
              approvedBy: actorId,
              approvedOn: today,
              ...(command.applicantNotifiedOn ? { applicantNotifiedOn: command.applicantNotifiedOn } : {}),
            },
          },
          clock: [
            {
              type: 'extensionApproved',
              date: today,
              workingDays: ext.workingDays,
              approvedBy: actorId,
              // The workflow checked the staff role against config.extensionApproverRoles; the
              // clock records the legal capacity it stands for.
              approverRole: GI_OFFICE_HEAD_ROLE,
              ...(command.approvalRecordId ? { approvalRecordId: command.approvalRecordId } : {}),
              ...(command.applicantNotifiedOn ? { applicantNotifiedOn: command.applicantNotifiedOn } : {}),
            },
          ],
          data: { workingDays: ext.workingDays, notified: command.applicantNotifiedOn !== undefined },
        };
      }
      case 'rejectExtension':
        guard(c.extension.status === 'requested', 'NO_EXTENSION_REQUEST', '没有待审批的延期申请。');
        nonBlank(command.reason, 'reason', '请填写不批准延期的理由。');
        return { patch: { extension: { status: 'rejected', reason: command.reason, rejectedBy: actorId, rejectedOn: today } } };
      case 'notifyExtension': {
        const ext = c.extension;
        guard(ext.status === 'approved', 'NO_EXTENSION', '没有已批准的延期。');
        if (ext.status !== 'approved') throw new Error('unreachable');
        guard(!ext.applicantNotifiedOn, 'ALREADY_NOTIFIED', '已告知申请人延期。');
        const original = current()?.answer?.dueWithoutExtension;
        guard(command.notifiedOn <= today, 'DATE_IN_FUTURE', '告知日期不能晚于今天。');
        guard(original && command.notifiedOn <= original, 'NOTICE_AFTER_DEADLINE', `应在原答复期限（${original}）届满前告知申请人延期。`);
        return { patch: { extension: { ...ext, applicantNotifiedOn: command.notifiedOn } }, data: { notifiedOn: command.notifiedOn } };
      }
      case 'setDelayedReply': {
        nonBlank(command.reason, 'reason', '请填写确定延迟答复期限的理由。');
        guard(c.delayedReplyDue === undefined, 'DELAYED_ONCE', '延迟答复期限只能确定一次。');
        const due = current()?.answer?.due;
        guard(due && today <= due, 'DELAY_AFTER_DEADLINE', `应在答复期限（${due ?? '未确定'}）届满前确定延迟答复期限。`);
        guard(command.due > due!, 'DELAY_NOT_LATER', `延迟答复期限须晚于现有期限${due}。`);
        return {
          patch: { delayedReplyDue: command.due },
          clock: [
            {
              type: 'delayedPeriodSet',
              date: today,
              due: command.due,
              approvedBy: actorId,
              ...(command.applicantNotifiedOn ? { applicantNotifiedOn: command.applicantNotifiedOn } : {}),
            },
          ],
          data: { due: command.due },
        };
      }
      case 'draftAnswer': {
        const d = command.decision;
        if (d.type === 'still-unclear') guard(c.supplementReceived, 'NOT_SUPPLEMENTED', '只有申请人补正后内容仍不明确的，才能作出此类答复。');
        const outcomeRow = tableBRow(d, config.outcomeMapping);
        return {
          patch: { draft: { responseType: d.type, outcomeRow, draftedBy: actorId }, secrecyReviewPassed: false, secrecyReviewId: undefined, signedOffBy: undefined },
          data: { responseType: d.type, outcomeRow },
        };
      }
      case 'submitForSecrecyReview':
        guard(c.draft, 'NO_DRAFT', '请先拟定答复。');
        nonBlank(command.secrecyReviewId, 'secrecyReviewId', '缺少保密审查单编号。');
        return { patch: { secrecyReviewId: command.secrecyReviewId, secrecyReviewPassed: false }, data: { secrecyReviewId: command.secrecyReviewId } };
      case 'passSecrecyReview':
        // The approval itself is recorded by ../secrecy/review; the caller passes its result.
        guard(command.secrecyReviewApproved === true, 'SECRECY_NOT_APPROVED', '保密审查尚未通过，不能报送领导签发。');
        return { patch: { secrecyReviewPassed: true } };
      case 'returnToDrafting':
        nonBlank(command.reason, 'reason', '请填写退回修改的理由。');
        return { patch: { secrecyReviewPassed: false, signedOffBy: undefined }, data: { reason: command.reason } };
      case 'signOff':
        guard(c.secrecyReviewPassed, 'SECRECY_NOT_APPROVED', '保密审查尚未通过，不能签发。');
        return { patch: { signedOffBy: actorId } };
      case 'release': {
        guard(c.signedOffBy && c.secrecyReviewPassed, 'NOT_SIGNED_OFF', '答复尚未经领导签发，不能送达。');
        guard(command.secrecyReviewApproved === true, 'SECRECY_NOT_APPROVED', '答复及所附文件的保密审查尚未通过，不能送达。');
        const s = command.service;
        if (s.method === 'post') {
          const n = s.postalTrackingNumber.replace(/\s/g, '').toUpperCase();
          if (!isChinaPostTrackingNumber(n)) {
            throw new RequestValidationError('请填写中国邮政的邮件号码（邮寄送达须通过邮政企业）。', { 'service.postalTrackingNumber': '邮件号码格式有误。' });
          }
        }
        const on = serviceDate(s);
        guard(on <= today, 'DATE_IN_FUTURE', '送达日期不能晚于今天。');
        return {
          patch: { service: s, outcomeRow: c.draft!.outcomeRow, concludedOn: on },
          clock: [{ type: 'closed', date: on, outcome: 'decided' }],
          data: { method: s.method, servedOn: on, responseType: c.draft!.responseType, outcomeRow: c.draft!.outcomeRow },
        };
      }
      case 'close':
        return {};
      case 'withdraw': {
        const on = command.withdrawnOn ?? today;
        guard(on <= today, 'DATE_IN_FUTURE', '撤回日期不能晚于今天。');
        return {
          patch: { outcomeRow: NON_LETTER_OUTCOME_ROWS.withdrawn, concludedOn: on, activeConsultation: undefined, activeFeeNotice: undefined },
          // Without a receipt there is no clock to close.
          clock: c.receivedOn ? [{ type: 'closed', date: on, outcome: 'withdrawn' }] : [],
        };
      }
    }
  })();

  const to: RequestStatus = rule.to === 'same' ? c.status : rule.to;
  let clock = c.clock;
  let deadlines: CaseDeadlines | null = null;
  try {
    for (const e of effect.clock ?? []) clock = appendClockEvent(clock, e, ctx.calendar, dcfg).events;
    if (clock.some((e) => e.type === 'received')) deadlines = deriveCaseDeadlines(clock, ctx.calendar, dcfg);
  } catch (err) {
    if (err instanceof DeadlineRuleError) throw new TransitionGuardError(err.code, err.message);
    throw err;
  }
  const patch = { ...(effect.patch ?? {}) } as Record<string, unknown>;
  const next = { ...c, ...patch, status: to, clock } as Record<string, unknown>;
  for (const k of Object.keys(patch)) if (patch[k] === undefined) delete next[k];
  const event: RequestEvent = {
    type: command.type,
    caseId: c.id,
    from: c.status,
    to,
    on: today,
    actor: { kind: ctx.actor.kind, id: ctx.actor.id },
    data: effect.data ?? {},
  };
  return { next: next as unknown as RequestCase, events: [event], clockEvents: effect.clock ?? [], deadlines };
}
