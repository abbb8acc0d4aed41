/**
 * The workflow of an application (依申请公开) as a transition TABLE on the case kernel, plus guards
 * (rules that need no input, so `check` and `available` can answer them for buttons and before an
 * external step) and effects (what each step changes).
 *
 * The case carries its case-clock history (../deadlines); every step that changes the clock
 * appends the matching clock event and the new history is checked with appendClockEvent, so the
 * due date is always derived from history, never stored or edited. The periods and switches come
 * from the agency's policy in the context, never from constants beside it.
 */
import { addCalendarMonths, type IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import {
  CaseValidationError,
  defineWorkflow,
  ensure,
  GuardRefusedError,
  nonBlank,
  unless,
  type ActorRole,
  type CaseContext,
  type Effect,
  type EventData,
  type Guard,
  type StepField,
  type StepForm,
  type Transition,
} from '../case';
import { appendClockEvent, DeadlineRuleError, deriveCaseDeadlines, GI_OFFICE_HEAD_ROLE, type CaseClockEvent, type CaseDeadlines, type DeadlineConfig } from '../deadlines';
import type { StaffRole } from '../staff';
import { DELIVERY_METHOD_LABELS, receiptDate, type DeliveryMethod, type ReceiptPolicy } from './application';
import { assessFee, DEFAULT_WAIVER_REASONS, type FeeChoice } from './fees';
import { DEFAULT_SAME_INFORMATION_POLICY, type SameInformationPolicy } from './same-information';
import {
  CONSULTATION_RESULT_LABELS,
  INTERNAL_AFFAIRS_LABELS,
  NON_LETTER_OUTCOME_ROWS,
  PROCESS_INFORMATION_LABELS,
  RESPONSE_TYPE_INFO,
  RESPONSE_TYPES,
  SECURITY_INTEREST_LABELS,
  tableBRow,
  THIRD_PARTY_INTEREST_LABELS,
  WITHHOLDING_GROUND_INFO,
  type Decision,
  type OutcomeMappingOptions,
  type OutcomeRow,
  type ResponseType,
} from './responses';

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
  /** An ordinary letter (平常信函) entered on arrival: confirmation with the applicant is due that day (Art. 31(2)). */
  readonly letter?: { readonly arrivedOn: IsoDate; readonly confirmedOn?: IsoDate };
  readonly supplementNotices: number;
  readonly supplementReceived: boolean;
  readonly consultationCount: number;
  readonly activeConsultation?: { readonly id: string; readonly kind: 'third-party' | 'other-agency' };
  /** `receiptPending`: posted, and the applicant's receipt (from which the 20 working days to pay run) is not recorded yet. */
  readonly activeFeeNotice?: { readonly id: string; readonly amountYuan: number; readonly receiptPending?: true };
  readonly extension: ExtensionState;
  readonly delayedReplyDue?: IsoDate;
  /**
   * The draft answer; `overridesObjection` when it discloses what a consulted third party objected
   * to (disclosed in full, or partly without withholding on the objection).
   */
  readonly draft?: { readonly responseType: ResponseType; readonly outcomeRow: OutcomeRow; readonly draftedBy: string; readonly overridesObjection?: boolean };
  /** Art. 44(2): the applicant's suggestion of proactive disclosure, and the agency's view of it once reviewed. */
  readonly proactiveSuggestion?: { readonly status: 'open' } | { readonly status: 'answered'; readonly accepted: boolean; readonly reason: string };
  /** Art. 18: when the information withheld by the served answer is next to be reviewed; absent once it may be disclosed. */
  readonly reReviewDue?: IsoDate;
  /** Art. 18: the reviews so far: whether the ground still held, and why. */
  readonly reReviews?: readonly { readonly on: IsoDate; readonly groundHolds: boolean; readonly note: string; readonly by: string }[];
  /** Art. 32: the day a consulted third party's objection was recorded. */
  readonly thirdPartyObjectedOn?: IsoDate;
  /** Art. 32: the day the third party was served the decision to disclose over its objection, with the public-interest reason. */
  readonly objectionOverruledOn?: IsoDate;
  readonly secrecyReviewId?: string;
  readonly secrecyReviewPassed: boolean;
  readonly signedOffBy?: string;
  readonly service?: Service;
  /** Table B row once the case has an outcome (release, abandonment, withdrawal). */
  readonly outcomeRow?: OutcomeRow;
  readonly concludedOn?: IsoDate;
}

/**
 * Service of the answer (送达, 国办公开办函〔2016〕235号; domain.md §2.12), and the date that judges
 * timeliness: 直接送达 and 委托其他行政机关代为送达 on the day of signing, 邮寄送达 on the day of
 * posting, and electronic delivery (e-mail) where the applicant asked to receive information
 * electronically (Art. 40). Putting the answer on the tracking page is not service by itself.
 */
export type Service = (
  | { readonly method: 'handed-over'; readonly signedOn: IsoDate }
  | { readonly method: 'entrusted'; readonly signedOn: IsoDate; readonly entrustedAgency: string }
  | { readonly method: 'post'; readonly postedOn: IsoDate; readonly postalTrackingNumber: string }
  | { readonly method: 'electronic'; readonly sentOn: IsoDate }
) & {
  /** Why the answer was served otherwise than the applicant asked (Art. 40). */
  readonly deviationReason?: string;
};
export type ServiceMethod = Service['method'];

export const SERVICE_METHOD_LABELS: Record<ServiceMethod, string> = {
  'handed-over': '直接送达（申请人或其代理人签收）',
  entrusted: '委托其他行政机关代为送达',
  post: '邮寄送达（中国邮政）',
  electronic: '电子送达（电子邮件）',
};

/** The service that matches how the applicant asked to receive the information (Art. 40). */
export function expectedServiceMethod(chosen: DeliveryMethod): ServiceMethod {
  return chosen === 'post' ? 'post' : chosen === 'pickup' ? 'handed-over' : 'electronic';
}

export function serviceDate(s: Service): IsoDate {
  switch (s.method) {
    case 'handed-over':
    case 'entrusted':
      return s.signedOn;
    case 'post':
      return s.postedOn; // 交邮之日 counts (235号)
    case 'electronic':
      return s.sentOn;
  }
}

/** China Post domestic tracking numbers: 2 letters + 9 digits + CN (EMS/registered), or 13 digits. */
export function isChinaPostTrackingNumber(v: string): boolean {
  return /^[A-Z]{2}\d{9}CN$/.test(v) || /^\d{13}$/.test(v);
}

export interface NewCaseInput {
  readonly id: string;
  readonly trackingNumber: string;
  /** The applicant suggested proactive disclosure (Art. 44(2)): the answer must say what became of it. */
  readonly proactiveSuggested?: boolean;
  /** From receiptDate(); absent when the receipt still awaits signature or confirmation. */
  readonly receivedOn?: IsoDate;
  /** An ordinary letter entered before it was confirmed with the applicant: the day it arrived. */
  readonly letterArrivedOn?: IsoDate;
}

/** A new case in 'submitted'; if the receipt date is already known its clock starts now. */
export function openCase(input: NewCaseInput): RequestCase {
  return {
    id: input.id,
    trackingNumber: input.trackingNumber,
    status: 'submitted',
    clock: input.receivedOn ? [{ type: 'received', date: input.receivedOn }] : [],
    ...(input.receivedOn ? { receivedOn: input.receivedOn } : {}),
    ...(input.letterArrivedOn ? { letter: { arrivedOn: input.letterArrivedOn } } : {}),
    supplementNotices: 0,
    supplementReceived: false,
    consultationCount: 0,
    extension: { status: 'none' },
    secrecyReviewPassed: false,
    ...(input.proactiveSuggested ? { proactiveSuggestion: { status: 'open' as const } } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Commands

/** A consultation (Arts. 32, 34) and what its letter says: whom, about what; delivered on receipt of the letter. */
interface ConsultationLetter {
  readonly consultationId: string;
  /** The third party or agency consulted, as the letter addresses it. */
  readonly consultee?: string;
  /** The information concerned and why the consultee is asked (its rights; its share in making it). */
  readonly concerning?: string;
  readonly deliveredOn?: IsoDate;
}

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
      /** The day the applicant received it, when known now (handed over, electronic); else recorded later. */
      readonly deliveredOn?: IsoDate;
    }
  | { readonly type: 'recordSupplementNoticeServed'; readonly servedOn?: IsoDate }
  | { readonly type: 'recordSupplement'; readonly receivedOn?: IsoDate }
  | { readonly type: 'abandonNoSupplement'; readonly noJustifiableReason: true }
  | ({ readonly type: 'startThirdPartyConsultation' } & ConsultationLetter)
  | {
      readonly type: 'recordThirdPartyOpinion';
      readonly opinion: 'consent' | 'objection' | 'no-reply';
      readonly answeredOn?: IsoDate;
    }
  | ({ readonly type: 'startAgencyConsultation'; readonly secrecyReferral?: boolean } & ConsultationLetter)
  | { readonly type: 'recordAgencyOpinion'; readonly opinion: 'consent' | 'objection' | 'no-reply'; readonly answeredOn?: IsoDate }
  /** Art. 44(2): the agency's view of the applicant's suggestion of proactive disclosure. */
  | { readonly type: 'answerProactiveSuggestion'; readonly accepted: boolean; readonly reason: string }
  /** Art. 18: the periodic review of withheld information: does the ground still hold? */
  | { readonly type: 'recordReReview'; readonly groundHolds: boolean; readonly note: string }
  /** Art. 32: disclose over a third party's objection in the public interest; in force when its notice to the third party is served. */
  | { readonly type: 'overruleObjection'; readonly content: string; readonly reason: string }
  | {
      readonly type: 'issueFeeNotice';
      readonly feeNoticeId: string;
      /** The recorded tier the amount is computed from (one method, never both: 109号 Art. 3). */
      readonly choice: FeeChoice;
      /** A lower amount than the computed one, with its reason; never a higher one. */
      readonly amountYuan?: number;
      readonly reductionReason?: string;
      readonly deliveredOn?: IsoDate;
    }
  | { readonly type: 'recordFeeNoticeReceived'; readonly receivedOn: IsoDate }
  | { readonly type: 'recordFeePaid'; readonly paidOn?: IsoDate }
  | { readonly type: 'waiveFee'; readonly reasonCode: string; readonly note?: string }
  | { readonly type: 'abandonNoPayment' }
  | { readonly type: 'requestExtension'; readonly workingDays: number; readonly reason: string }
  | { readonly type: 'approveExtension'; readonly applicantNotifiedOn?: IsoDate; readonly approvalRecordId?: string }
  | { readonly type: 'rejectExtension'; readonly reason: string }
  | { readonly type: 'notifyExtension'; readonly notifiedOn?: IsoDate }
  | { readonly type: 'setDelayedReply'; readonly due: IsoDate; readonly reason: string; readonly applicantNotifiedOn?: IsoDate }
  | { readonly type: 'draftAnswer'; readonly decision: Decision }
  | { readonly type: 'submitForSecrecyReview'; readonly secrecyReviewId: string }
  | { readonly type: 'passSecrecyReview'; readonly secrecyReviewApproved: boolean }
  | { readonly type: 'returnToDrafting'; readonly reason: string }
  | { readonly type: 'signOff' }
  | { readonly type: 'release'; readonly service: Service; readonly applicantChose: DeliveryMethod; readonly secrecyReviewApproved: boolean }
  | { readonly type: 'close' }
  | { readonly type: 'withdraw'; readonly withdrawnOn?: IsoDate };

export type CommandType = RequestCommand['type'];

// ---------------------------------------------------------------------------------------------
// The agency's rules and the decision context

export interface WorkflowConfig {
  /**
   * Staff roles with the authority to approve an extension (Art. 33: 政府信息公开工作机构负责人);
   * the one place that says who approves. The clock records the legal capacity they act in.
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
  /**
   * Art. 18: information withheld (不予公开, or the withheld part of 部分公开) is reviewed again this
   * many months after the answer is served, and again after each review that finds the ground
   * still holds; 0 = no re-review dates. Default yearly [M?: the Regulation says "定期"].
   */
  readonly reReviewMonths: number;
  /** Art. 44(1): when applications of several applicants for the same information are shown as a proposal for proactive disclosure. */
  readonly sameInformation: SameInformationPolicy;
}

export const DEFAULT_WORKFLOW_CONFIG: WorkflowConfig = {
  extensionApproverRoles: ['head'],
  defaultSupplementWorkingDays: 15,
  lateSupplementNotice: 'reject',
  feesEnabled: true,
  feeWaiverReasonCodes: ['financial-hardship', 'public-interest', 'agency-error', 'other'],
  reReviewMonths: 12,
  sameInformation: DEFAULT_SAME_INFORMATION_POLICY,
};

/** The parts of the agency's policy (domain/policy.ts) an application's decisions use. */
export interface RequestPolicy {
  readonly workflow: WorkflowConfig;
  readonly deadlines: DeadlineConfig;
  readonly receipt: ReceiptPolicy;
}

/** What request decisions need besides actor and time. */
export interface RequestFacts {
  readonly calendar: WorkingCalendar;
  readonly policy: RequestPolicy;
}
export type RequestContext = CaseContext<RequestFacts>;

/** The case's deadlines derived from its clock under the agency's periods; null until a receipt date exists. */
export function requestDeadlines(c: Pick<RequestCase, 'clock'>, calendar: WorkingCalendar, config: DeadlineConfig): CaseDeadlines | null {
  return c.clock.some((e) => e.type === 'received') ? deriveCaseDeadlines(c.clock, calendar, config) : null;
}

const deadlinesNow = (c: RequestCase, ctx: RequestContext) => requestDeadlines(c, ctx.calendar, ctx.policy.deadlines);

// ---------------------------------------------------------------------------------------------
// The table

const HANDLING: readonly ActorRole[] = ['clerk', 'head'];
const extensionApprovers = (ctx: RequestContext): readonly ActorRole[] => ctx.policy.workflow.extensionApproverRoles;

// The forms of the steps (the staff case page renders them; commands.ts validates the same names).
const options = (labels: Readonly<Record<string, string>>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const field = (name: string, label: string, kind: StepField['kind'] = 'text', more: Omit<Partial<StepField>, 'name' | 'label' | 'kind'> = {}): StepField => ({ name, label, kind, ...more });
const form = (fields: readonly StepField[], tone?: StepForm['tone']): StepForm => ({ fields, ...(tone ? { tone } : {}) });
/** The consultation letter's addressee and subject; its service (the letter reaching them) starts their 15 working days. */
const consultationForm = (consultee: string, concerning: string) =>
  form(
    [field('consultee', consultee, 'text', { required: true }), field('concerning', concerning, 'textarea', { rows: 3, required: true, hint: '将写入征求意见函；不写申请人的身份信息。' })],
    'secondary',
  );
const opinionForm = form([
  field('opinion', '意见', 'radio', { required: true, options: options({ consent: '同意公开', objection: '不同意公开', 'no-reply': '逾期未答复' }) }),
  field('answeredOn', '答复日期', 'date'),
]);
const reasonForm = (label: string) => form([field('reason', label, 'textarea', { rows: 2, required: true })], 'secondary');

export const REQUEST_TRANSITIONS: readonly Transition<RequestStatus, CommandType, RequestFacts>[] = [
  {
    command: 'register',
    label: '登记受理',
    from: ['submitted'],
    to: 'registered',
    roles: ['clerk', 'head', 'admin'],
    visibleToApplicant: true,
    form: form([field('receivedOn', '收到申请之日', 'date', { hint: '收到申请之日尚未确定的，登记时须填写；平常信函填写与申请人确认之日。' })]),
  },
  {
    command: 'reassign',
    label: '变更承办人',
    from: BEFORE_RELEASE,
    to: 'same',
    roles: ['head', 'admin'],
    form: form([field('handlerId', '新承办人（工作人员账号ID）', 'text', { required: true }), field('reason', '变更理由', 'textarea', { rows: 2, required: true })], 'secondary'),
  },
  { command: 'startAssessment', label: '开始办理', from: ['registered'], to: 'in-assessment', roles: HANDLING, handlerOnly: true, visibleToApplicant: true },
  {
    command: 'requestSupplement',
    label: '发出补正通知',
    from: ['registered', 'in-assessment'],
    to: 'supplement-requested',
    roles: HANDLING,
    handlerOnly: true,
    visibleToApplicant: true,
    form: form([
      field('deficiencies', '需要补正的内容（每行一项，一次性告知）', 'list', { rows: 4, required: true }),
      field('periodWorkingDays', '补正期限（工作日）', 'number'),
      field('supplementStillUnclear', '补正后申请内容仍不明确', 'checkbox', { options: [{ value: 'yes', label: '是' }] }),
    ]),
  },
  {
    command: 'recordSupplementNoticeServed',
    label: '登记补正通知送达',
    from: ['supplement-requested'],
    to: 'same',
    roles: HANDLING,
    handlerOnly: true,
    visibleToApplicant: true,
    form: form([field('servedOn', '申请人收到通知之日（签收之日）', 'date', { required: true })]),
  },
  {
    command: 'recordSupplement',
    label: '登记补正材料',
    from: ['supplement-requested'],
    to: 'in-assessment',
    roles: HANDLING,
    handlerOnly: true,
    visibleToApplicant: true,
    form: form([field('receivedOn', '收到补正材料之日', 'date', { hint: '答复期限自收到补正材料的次日起重新计算。' })]),
  },
  {
    command: 'abandonNoSupplement',
    label: '逾期未补正，视为放弃申请',
    from: ['supplement-requested'],
    to: 'abandoned-no-supplement',
    roles: ['clerk', 'head', 'system'],
    handlerOnly: true,
    visibleToApplicant: true,
    form: form([field('noJustifiableReason', '申请人无正当理由逾期未补正', 'checkbox', { required: true, options: [{ value: 'yes', label: '确认' }] })], 'secondary'),
  },
  {
    command: 'startThirdPartyConsultation',
    label: '征求第三方意见',
    from: ['in-assessment'],
    to: 'third-party-consultation',
    roles: HANDLING,
    handlerOnly: true,
    visibleToApplicant: true,
    form: consultationForm('第三方名称', '拟公开的信息及可能涉及的第三方权益'),
  },
  {
    command: 'recordThirdPartyOpinion',
    label: '登记第三方意见',
    from: ['third-party-consultation'],
    to: 'in-assessment',
    roles: HANDLING,
    handlerOnly: true,
    visibleToApplicant: true,
    form: opinionForm,
  },
  {
    command: 'startAgencyConsultation',
    label: '征求其他机关意见',
    from: ['in-assessment'],
    to: 'agency-consultation',
    roles: HANDLING,
    handlerOnly: true,
    visibleToApplicant: true,
    form: consultationForm('征求意见的机关', '拟公开的信息及共同制作的情况'),
  },
  { command: 'recordAgencyOpinion', label: '登记其他机关意见', from: ['agency-consultation'], to: 'in-assessment', roles: HANDLING, handlerOnly: true, visibleToApplicant: true, form: opinionForm },
  {
    command: 'answerProactiveSuggestion',
    label: '审核申请人的主动公开建议（第四十四条）',
    // Wherever an answer may be drafted: it is told in the answer.
    from: ['registered', 'in-assessment', 'drafting'],
    to: 'same',
    roles: HANDLING,
    handlerOnly: true,
    form: form(
      [
        field('accepted', '审核结果', 'radio', { required: true, options: options({ yes: '属于主动公开范围，及时主动公开', no: '不属于主动公开范围' }) }),
        field('reason', '审核意见（将写入答复告知书）', 'textarea', { rows: 2, required: true }),
      ],
      'secondary',
    ),
  },
  {
    command: 'overruleObjection',
    label: '决定公开并书面告知第三方（第三十二条）',
    // Until the answer is served: the override may come once the signed answer is found to need it.
    from: ['in-assessment', 'drafting', 'secrecy-review', 'leader-sign-off', 'signed-off'],
    to: 'same',
    // The public-interest override is the head's decision, as an extension is.
    roles: ['head'],
    form: form(
      [
        field('content', '决定公开的政府信息内容', 'textarea', { rows: 3, required: true }),
        field('reason', '不公开可能对公共利益造成重大影响的理由', 'textarea', { rows: 3, required: true, hint: '将写入告知第三方的决定公开政府信息告知书。' }),
      ],
      'secondary',
    ),
  },
  {
    command: 'issueFeeNotice',
    label: '发出收费通知',
    from: ['in-assessment'],
    to: 'fee-notice',
    roles: HANDLING,
    handlerOnly: true,
    visibleToApplicant: true,
    form: form(
      [
        field('method', '计收方式', 'radio', { required: true, options: options({ 'per-application': '按件计收（按申请人本自然月累计申请件数）', 'per-volume': '按量计收（按页数）' }) }),
        field('pages', '页数（按量计收时填写）', 'number'),
        field('amountYuan', '降低后的收费金额（元）', 'number', { hint: '留空按标准计算；只能低于按标准计算的金额，不能提高。' }),
        field('reductionReason', '降低收费的理由（降低金额时必填）'),
      ],
      'secondary',
    ),
  },
  {
    command: 'recordFeeNoticeReceived',
    label: '登记收费通知送达',
    from: ['fee-notice'],
    to: 'same',
    roles: HANDLING,
    handlerOnly: true,
    visibleToApplicant: true,
    form: form([field('receivedOn', '申请人收到通知之日（签收之日）', 'date', { required: true })]),
  },
  {
    command: 'recordFeePaid',
    label: '登记已缴费',
    from: ['fee-notice'],
    to: 'in-assessment',
    roles: HANDLING,
    handlerOnly: true,
    visibleToApplicant: true,
    form: form([field('paidOn', '缴费日期', 'date')]),
  },
  {
    command: 'waiveFee',
    label: '减免信息处理费',
    from: ['fee-notice'],
    to: 'in-assessment',
    roles: ['head', 'admin'],
    visibleToApplicant: true,
    form: form([field('reasonCode', '减免理由', 'select', { required: true, options: options(DEFAULT_WAIVER_REASONS) }), field('note', '说明', 'textarea', { rows: 2 })]),
  },
  { command: 'abandonNoPayment', label: '逾期未缴费，视为放弃申请', from: ['fee-notice'], to: 'abandoned-no-payment', roles: ['clerk', 'head', 'system'], handlerOnly: true, visibleToApplicant: true },
  {
    command: 'requestExtension',
    label: '申请延长答复期限',
    from: WORKING,
    to: 'same',
    roles: HANDLING,
    handlerOnly: true,
    form: form(
      [
        field('workingDays', '延长的工作日数', 'number', { required: true }),
        field('reason', '延期理由', 'textarea', { rows: 3, required: true, hint: '延期须经政府信息公开工作机构负责人同意，并在原期限届满前告知申请人（《条例》第三十三条）。' }),
      ],
      'secondary',
    ),
  },
  {
    command: 'approveExtension',
    label: '批准延长答复期限',
    from: WORKING,
    to: 'same',
    roles: extensionApprovers,
    visibleToApplicant: true,
  },
  { command: 'rejectExtension', label: '不批准延长答复期限', from: WORKING, to: 'same', roles: extensionApprovers, form: reasonForm('不批准的理由') },
  {
    command: 'notifyExtension',
    label: '告知申请人延期',
    from: WORKING,
    to: 'same',
    roles: HANDLING,
    handlerOnly: true,
    visibleToApplicant: true,
    form: form([field('notifiedOn', '告知日期', 'date')]),
  },
  {
    command: 'setDelayedReply',
    label: '确定延迟答复期限（第三十五条）',
    from: ['in-assessment'],
    to: 'same',
    roles: ['head'],
    visibleToApplicant: true,
    form: form([field('due', '延迟答复期限', 'date', { required: true }), field('reason', '理由', 'textarea', { rows: 2, required: true })], 'secondary'),
  },
  {
    command: 'draftAnswer',
    label: '拟定答复',
    from: ['registered', 'in-assessment', 'drafting'],
    to: 'drafting',
    roles: HANDLING,
    handlerOnly: true,
    // The answer's type; the facts each type asks for are ANSWER_FIELDS below.
    form: form(
      [
        field('type', '答复类型', 'select', {
          required: true,
          options: RESPONSE_TYPES.map((t) => ({ value: t, label: RESPONSE_TYPE_INFO[t].article ? `${RESPONSE_TYPE_INFO[t].label}（${RESPONSE_TYPE_INFO[t].article}）` : RESPONSE_TYPE_INFO[t].label })),
        }),
      ],
      'secondary',
    ),
  },
  { command: 'submitForSecrecyReview', label: '提交保密审查', from: ['drafting'], to: 'secrecy-review', roles: HANDLING, handlerOnly: true },
  { command: 'passSecrecyReview', label: '保密审查通过', from: ['secrecy-review'], to: 'leader-sign-off', roles: ['reviewer'] },
  { command: 'returnToDrafting', label: '退回修改', from: ['secrecy-review', 'leader-sign-off', 'signed-off'], to: 'drafting', roles: ['reviewer', 'head', 'leader'], form: reasonForm('退回理由') },
  { command: 'signOff', label: '领导签发', from: ['leader-sign-off'], to: 'signed-off', roles: ['leader'] },
  {
    command: 'release',
    label: '送达答复',
    from: ['signed-off'],
    to: 'released',
    roles: HANDLING,
    handlerOnly: true,
    visibleToApplicant: true,
    form: form([
      field('method', '送达方式', 'radio', { options: options(SERVICE_METHOD_LABELS), hint: '默认为与申请人选择的获取方式相符的送达方式。' }),
      field('servedOn', '送达日期（签收之日、交邮之日或发送之日）', 'date'),
      field('postalTrackingNumber', '邮件号码（邮寄时必填）'),
      field('entrustedAgency', '代为送达的行政机关（委托送达时必填）'),
      field('deviationReason', '未按申请人选择的方式送达的理由'),
    ]),
  },
  { command: 'close', label: '归档', from: ['released'], to: 'closed', roles: ['clerk', 'head', 'admin'], visibleToApplicant: true },
  {
    command: 'recordReReview',
    label: '不予公开信息定期评估审查（第十八条）',
    // The case stays served (not archived) while what it withholds is under periodic review.
    from: ['released'],
    to: 'same',
    roles: ['clerk', 'head'],
    form: form([
      field('groundHolds', '不予公开的理由是否仍然成立', 'radio', { required: true, options: options({ yes: '仍然成立，继续不予公开', no: '情势变化，可以公开' }) }),
      field('note', '评估审查意见', 'textarea', { rows: 3, required: true }),
    ]),
  },
  {
    command: 'withdraw',
    label: '撤回申请',
    from: BEFORE_RELEASE,
    to: 'withdrawn',
    roles: ['applicant', 'clerk', 'head'],
    handlerOnly: true,
    visibleToApplicant: true,
    form: form([field('withdrawnOn', '申请人撤回日期', 'date', { hint: '申请人书面或当面撤回申请的，由承办人登记。' })], 'secondary'),
  },
];

const provisionFields = (prefix: string): StepField[] => [
  field(`${prefix}provision.form`, '提供信息的载体形式', 'radio', { required: true, options: options({ paper: '纸质', electronic: '电子' }) }),
  field(`${prefix}provision.method`, '提供方式', 'select', {
    required: true,
    options: options({ post: '邮寄', email: '电子邮件', download: '在线下载', pickup: '当面领取', 'on-site-reading': '现场查阅、抄录' }),
  }),
  field(`${prefix}provision.timeAndPlace`, '提供信息的时间和地点', 'text', { required: true, hint: '如：请登录本平台查询页面下载。' }),
];

const withholdingFields = (prefix: string): StepField[] => [
  field(`${prefix}ground`, '不予公开的理由类别', 'select', {
    required: true,
    hint: '以下各项按所选类别填写。',
    options: Object.entries(WITHHOLDING_GROUND_INFO).map(([value, i]) => ({ value, label: i.label })),
  }),
  field(`${prefix}reason`, '不予公开的理由', 'textarea', { rows: 3 }),
  field(`${prefix}interest`, '涉及的第三方权益（第三方权益类）', 'select', { options: options(THIRD_PARTY_INTEREST_LABELS) }),
  field(`${prefix}consultation`, '征求第三方意见的结果（第三方权益类）', 'select', { options: options(CONSULTATION_RESULT_LABELS) }),
  field(`${prefix}publicInterestAssessment`, '公共利益衡量情况（第三方权益类）', 'textarea', { rows: 2 }),
  field(`${prefix}interests`, '可能危及的利益（三安全一稳定类）', 'checkboxes', { options: options(SECURITY_INTEREST_LABELS) }),
  field(`${prefix}lawName`, '禁止公开的法律、行政法规名称（含书名号）'),
  field(`${prefix}article`, '具体条款'),
  field(`${prefix}kind`, '信息类别（内部事务、过程性信息类）', 'select', { options: options({ ...INTERNAL_AFFAIRS_LABELS, ...PROCESS_INFORMATION_LABELS }) }),
  field(`${prefix}discretionReason`, '裁量不予公开的理由（第十六条类）', 'textarea', { rows: 2 }),
];

const required = { required: true } as const;
const area = (rows: number, more: Omit<Partial<StepField>, 'name' | 'label' | 'kind'> = {}) => ({ rows, ...more });

/** The second part of the draftAnswer step: the facts each type of answer states (responses.ts decisionSchema). */
export const ANSWER_FIELDS: Readonly<Record<ResponseType, readonly StepField[]>> = {
  'already-public': [field('whereToFind', '获取该信息的方式和途径', 'textarea', area(3, required)), field('publishedOn', '主动公开日期', 'date'), field('url', '网址')],
  disclosed: [...provisionFields(''), field('note', '其他说明', 'textarea', area(2))],
  withheld: [field('facts', '查明的事实', 'textarea', area(3, required)), ...withholdingFields('grounds.0.')],
  partial: [...provisionFields(''), field('withheldParts.0.part', '不予公开的部分', 'text', required), ...withholdingFields('withheldParts.0.withholding.')],
  'does-not-exist': [field('searchScope', '检索范围', 'textarea', area(2, required)), field('searchMethods', '检索方式', 'textarea', area(2, required)), field('searchedOn', '检索日期', 'date')],
  'not-this-agency': [
    field('reason', '不属于本机关负责公开的理由', 'textarea', area(3, required)),
    field('competentAgency.name', '负责公开的机关名称（能够确定的）', 'text', { hint: '能够确定的，须同时填写其联系方式；不能确定的留空，告知书将写明无法确定。' }),
    field('competentAgency.contact', '该机关的联系方式（填写机关名称时必填）'),
  ],
  'repeat-request': [field('earlierTrackingNumber', '此前申请的编号', 'text', required), field('earlierAnswerDate', '此前答复日期', 'date', required)],
  'special-regime': [field('regime', '适用的查询制度', 'text', required), field('lawReference', '规定该查询制度的法律、行政法规及条款', 'text', required), field('whereToApply', '办理机构和途径')],
  'not-government-information': [field('reason', '不属于政府信息的理由', 'textarea', area(3, required))],
  'no-duty-to-create': [field('reason', '需要另行制作或加工、分析的理由', 'textarea', area(3, required))],
  'petition-complaint': [field('properChannel', '可通过的渠道', 'textarea', area(2))],
  publication: [field('whereToObtain', '获取公开出版物的途径', 'textarea', area(2, required))],
  'unreasonable-volume': [field('explanationRequestedOn', '要求申请人说明理由的日期', 'date', required), field('reason', '认定理由不合理的依据', 'textarea', area(3, required))],
  'confirm-or-reissue': [field('reason', '理由', 'textarea', area(3, required))],
  'still-unclear': [
    field('supplementRequestedOn', '补正通知日期', 'date', required),
    field('supplementReceivedOn', '收到补正材料日期', 'date', required),
    field('reason', '补正后仍不明确的具体情况', 'textarea', area(3, required)),
  ],
};

export const COMMAND_LABELS = Object.fromEntries(REQUEST_TRANSITIONS.map((t) => [t.command, t.label])) as Record<CommandType, string>;

// ---------------------------------------------------------------------------------------------
// Guards: what can be refused before any input is given

type RequestGuard = Guard<RequestCase, RequestFacts>;

/** Art. 30 一次性告知: a second notice only after a supplement (and only if it is still unclear: the effect asks). */
const SUPPLEMENT_ONCE = '补正通知应一次性告知；只有补正后申请内容仍不明确的，才能再次要求补正。';

const supplementNoticeInTime: RequestGuard = (c, ctx) => {
  if (c.supplementNotices > 0) return unless(c.supplementReceived, 'SUPPLEMENT_ONCE', SUPPLEMENT_ONCE);
  if (ctx.policy.workflow.lateSupplementNotice !== 'reject') return undefined;
  const due = deadlinesNow(c, ctx)?.supplementNotice.due;
  return unless(!due || ctx.today <= due, 'SUPPLEMENT_NOTICE_LATE', `补正通知应在收到申请之日起7个工作日内（${due}前）发出，已超过期限。`);
};

/** The step must come while the answer period still runs (Arts. 33, 35). */
const beforeAnswerDue =
  (code: string, message: (due: IsoDate | undefined) => string): RequestGuard =>
  (c, ctx) => {
    const due = deadlinesNow(c, ctx)?.answer?.due;
    return unless(due && ctx.today <= due, code, message(due));
  };

const consultationOpen: RequestGuard = (c) => unless(c.activeConsultation, 'NO_CONSULTATION', '没有进行中的征求意见。');
const feeNoticeOpen: RequestGuard = (c) => unless(c.activeFeeNotice, 'NO_FEE_NOTICE', '没有待缴费的收费通知。');
const extensionRequested: RequestGuard = (c) => unless(c.extension.status === 'requested', 'NO_EXTENSION_REQUEST', '没有待审批的延期申请。');

const REQUEST_GUARDS: { readonly [T in CommandType]?: RequestGuard } = {
  requestSupplement: supplementNoticeInTime,
  recordSupplementNoticeServed: (c, ctx) => unless(!deadlinesNow(c, ctx)?.supplement?.applicantDue, 'SUPPLEMENT_NOTICE_SERVED', '补正通知的送达已登记。'),
  abandonNoSupplement: (c, ctx) => {
    const due = deadlinesNow(c, ctx)?.supplement?.applicantDue;
    return unless(due && ctx.today > due, 'SUPPLEMENT_PERIOD_RUNNING', `补正期限（${due ?? '未确定'}）尚未届满，不能视为放弃申请。`);
  },
  recordThirdPartyOpinion: consultationOpen,
  recordAgencyOpinion: consultationOpen,
  issueFeeNotice: (c, ctx) =>
    unless(ctx.policy.workflow.feesEnabled, 'FEES_DISABLED', '本机关未启用信息处理费。') ??
    beforeAnswerDue('FEE_AFTER_DEADLINE', (due) => `答复期限（${due ?? '未确定'}）已届满，不能再发出收费通知。`)(c, ctx),
  recordFeeNoticeReceived: (c, ctx) => feeNoticeOpen(c, ctx) ?? unless(c.activeFeeNotice?.receiptPending, 'FEE_NOTICE_RECEIVED', '收费通知的送达已登记（当面或电子送达的，送达之日即收到之日）。'),
  recordFeePaid: feeNoticeOpen,
  waiveFee: feeNoticeOpen,
  abandonNoPayment: (c, ctx) => {
    const limit = c.activeFeeNotice && deadlinesNow(c, ctx)?.pauses.find((p) => p.referenceId === c.activeFeeNotice!.id)?.limitOn;
    return (
      feeNoticeOpen(c, ctx) ??
      unless(!c.activeFeeNotice?.receiptPending, 'FEE_NOTICE_RECEIPT_PENDING', '邮寄送达的收费通知，缴费期限自申请人签收之日起计算：请先登记收费通知送达。') ??
      unless(limit && ctx.today > limit, 'PAYMENT_PERIOD_RUNNING', `缴费期限（${limit}）尚未届满，不能视为放弃申请。`)
    );
  },
  requestExtension: (c, ctx) =>
    unless(c.extension.status !== 'approved', 'EXTENSION_ONCE', '答复期限只能延长一次（《条例》第三十三条）。') ??
    unless(c.extension.status !== 'requested', 'EXTENSION_PENDING', '已有待审批的延期申请。') ??
    beforeAnswerDue('EXTENSION_AFTER_DEADLINE', (due) => `答复期限（${due ?? '未确定'}）已届满或尚未起算，不能申请延期。`)(c, ctx),
  approveExtension: (c, ctx) => extensionRequested(c, ctx) ?? beforeAnswerDue('EXTENSION_AFTER_DEADLINE', (due) => `答复期限（${due ?? '未确定'}）已届满，不能批准延期。`)(c, ctx),
  rejectExtension: extensionRequested,
  notifyExtension: (c) =>
    c.extension.status !== 'approved' ? { code: 'NO_EXTENSION', message: '没有已批准的延期。' } : unless(!c.extension.applicantNotifiedOn, 'ALREADY_NOTIFIED', '已告知申请人延期。'),
  setDelayedReply: (c, ctx) =>
    unless(c.delayedReplyDue === undefined, 'DELAYED_ONCE', '延迟答复期限只能确定一次。') ??
    beforeAnswerDue('DELAY_AFTER_DEADLINE', (due) => `应在答复期限（${due ?? '未确定'}）届满前确定延迟答复期限。`)(c, ctx),
  // The answer says what became of the applicant's suggestion (Art. 44(2)): it is reviewed first.
  draftAnswer: (c) => unless(c.proactiveSuggestion?.status !== 'open', 'SUGGESTION_OPEN', '申请人建议将该信息纳入主动公开范围，请先审核该建议（第四十四条），答复时一并告知。'),
  submitForSecrecyReview: (c) => unless(c.draft, 'NO_DRAFT', '请先拟定答复。'),
  signOff: (c) => unless(c.secrecyReviewPassed, 'SECRECY_NOT_APPROVED', '保密审查尚未通过，不能签发。'),
  release: (c) =>
    unless(c.draft && c.signedOffBy && c.secrecyReviewPassed, 'NOT_SIGNED_OFF', '答复尚未经领导签发，不能送达。') ??
    unless(!c.draft?.overridesObjection || c.objectionOverruledOn, 'OBJECTION_NOT_OVERRULED', '第三方不同意公开：决定予以公开的，须先将决定公开的内容和理由书面告知第三方（《条例》第三十二条）。'),
  recordReReview: (c) => unless(c.reReviewDue, 'NO_RE_REVIEW', '本申请没有待评估审查的不予公开信息。'),
  answerProactiveSuggestion: (c) => unless(c.proactiveSuggestion, 'NO_SUGGESTION', '申请人没有提出主动公开的建议。'),
  close: (c) => unless(!c.reReviewDue, 'RE_REVIEW_PENDING', `不予公开的信息须定期评估审查（下次：${c.reReviewDue}，《条例》第十八条）；评估认为可以公开后方可归档。`),
  overruleObjection: (c) => unless(c.thirdPartyObjectedOn, 'NO_OBJECTION', '没有第三方不同意公开的意见。') ?? unless(!c.objectionOverruledOn, 'ALREADY_OVERRULED', '已书面告知第三方决定公开。'),
};

// ---------------------------------------------------------------------------------------------
// Effects

type RequestEffect = Effect<RequestCase, RequestStatus>;

interface Step {
  readonly patch?: Partial<RequestCase>;
  readonly clock?: readonly CaseClockEvent[];
  readonly data?: EventData;
}

/** The step with its clock events appended; a broken clock rule refuses the step like a guard. */
function clocked(c: RequestCase, ctx: RequestContext, step: Step): RequestEffect {
  let clock = c.clock;
  try {
    for (const e of step.clock ?? []) clock = appendClockEvent(clock, e, ctx.calendar, ctx.policy.deadlines).events;
  } catch (err) {
    if (err instanceof DeadlineRuleError) throw new GuardRefusedError(err.code, err.message, { cause: err });
    throw err;
  }
  return { patch: { ...step.patch, ...(step.clock?.length ? { clock } : {}) }, ...(step.data ? { data: step.data } : {}) };
}

const notInFuture = (on: IsoDate, ctx: RequestContext, message: string) => ensure(on <= ctx.today, 'DATE_IN_FUTURE', message);

/**
 * A service as 235号 and Art. 40 allow it, for the answer and every notice: post through China Post
 * with its item number, the agency that served on the agency's behalf, a reason where the method is
 * not the one the applicant chose (for what is served on the applicant), and no date after today. Returns the date that judges timeliness.
 */
export function checkService(s: Service, applicantChose: DeliveryMethod | undefined, today: IsoDate): IsoDate {
  if (s.method === 'post' && !isChinaPostTrackingNumber(s.postalTrackingNumber.replace(/\s/g, '').toUpperCase())) {
    throw new CaseValidationError('请填写中国邮政的邮件号码（邮寄送达须通过邮政企业）。', { postalTrackingNumber: '邮件号码格式有误。' });
  }
  if (s.method === 'entrusted') nonBlank(s.entrustedAgency, 'entrustedAgency', '请填写代为送达的行政机关。');
  if (applicantChose && s.method !== expectedServiceMethod(applicantChose)) {
    nonBlank(s.deviationReason, 'deviationReason', `申请人要求以“${DELIVERY_METHOD_LABELS[applicantChose]}”方式获取，未按此方式送达的，请填写理由（《条例》第四十条）。`);
  }
  const on = serviceDate(s);
  ensure(on <= today, 'DATE_IN_FUTURE', '送达日期不能晚于今天。');
  return on;
}

function periodOf(days: number | undefined, ctx: RequestContext): number {
  const period = days ?? ctx.policy.workflow.defaultSupplementWorkingDays;
  if (!Number.isInteger(period) || period < 1 || period > 60) {
    throw new CaseValidationError('补正期限须为1至60个工作日。', { periodWorkingDays: '补正期限须为1至60个工作日。' });
  }
  return period;
}

type Effects = { readonly [T in CommandType]: (c: RequestCase, command: Extract<RequestCommand, { type: T }>, ctx: RequestContext) => RequestEffect };

const REQUEST_EFFECTS: Effects = {
  register: (c, cmd, ctx) => {
    if (c.receivedOn) {
      ensure(cmd.receivedOn === undefined || cmd.receivedOn === c.receivedOn, 'RECEIPT_FIXED', `收到申请之日已确定为${c.receivedOn}，不能更改。`);
      return { patch: { handlerId: ctx.actor.id }, data: { receivedOn: c.receivedOn } };
    }
    if (!cmd.receivedOn) throw new CaseValidationError('请填写确认收到申请的日期。', { receivedOn: '请填写确认收到申请的日期。' });
    ensure(cmd.receivedOn <= ctx.today, 'RECEIPT_IN_FUTURE', '收到申请之日不能晚于今天。');
    if (c.letter) {
      // An ordinary letter: the date entered is the day it was confirmed with the applicant; Art. 31(2) and the agency's reading of a late confirmation give the receipt date.
      const { arrivedOn } = c.letter;
      const confirmedOn = cmd.receivedOn;
      ensure(confirmedOn >= arrivedOn, 'CONFIRMED_BEFORE_ARRIVAL', `与申请人确认之日不能早于信函到达之日（${arrivedOn}）。`);
      const receipt = receiptDate({ channel: 'ordinary-letter', submittedAt: new Date(ctx.at), arrivedOn, confirmedOn }, ctx.policy.receipt);
      const receivedOn = receipt.status === 'received' ? receipt.date : confirmedOn;
      return clocked(c, ctx, {
        patch: { handlerId: ctx.actor.id, receivedOn, letter: { arrivedOn, confirmedOn } },
        clock: [{ type: 'received', date: receivedOn }],
        data: { receivedOn, arrivedOn, confirmedOn },
      });
    }
    return clocked(c, ctx, { patch: { handlerId: ctx.actor.id, receivedOn: cmd.receivedOn }, clock: [{ type: 'received', date: cmd.receivedOn }], data: { receivedOn: cmd.receivedOn } });
  },
  reassign: (c, cmd) => {
    nonBlank(cmd.reason, 'reason', '请填写变更承办人的理由。');
    nonBlank(cmd.handlerId, 'handlerId', '请选择新的承办人。');
    ensure(cmd.handlerId !== c.handlerId, 'SAME_HANDLER', '新承办人与原承办人相同。');
    return { patch: { handlerId: cmd.handlerId }, data: { handlerId: cmd.handlerId, previousHandlerId: c.handlerId ?? '', reason: cmd.reason } };
  },
  startAssessment: () => ({}),
  requestSupplement: (c, cmd, ctx) => {
    const items = cmd.deficiencies.map((d) => d.trim()).filter(Boolean);
    if (items.length === 0) throw new CaseValidationError('请逐项列明需要补正的内容。', { deficiencies: '请逐项列明需要补正的内容。' });
    const period = periodOf(cmd.periodWorkingDays, ctx);
    if (c.supplementNotices > 0) ensure(cmd.supplementStillUnclear === true, 'SUPPLEMENT_ONCE', SUPPLEMENT_ONCE);
    if (cmd.deliveredOn) notInFuture(cmd.deliveredOn, ctx, '收到通知之日不能晚于今天。');
    return clocked(c, ctx, {
      patch: { supplementNotices: c.supplementNotices + 1, supplementReceived: false },
      clock: [{ type: 'supplementRequested', date: ctx.today, supplementPeriodWorkingDays: period, ...(cmd.deliveredOn ? { deliveredOn: cmd.deliveredOn } : {}) }],
      data: { deficiencyCount: items.length, periodWorkingDays: period, repeat: c.supplementNotices > 0 },
    });
  },
  recordSupplementNoticeServed: (c, cmd, ctx) => {
    const on = cmd.servedOn ?? ctx.today;
    notInFuture(on, ctx, '送达日期不能晚于今天。');
    return clocked(c, ctx, { clock: [{ type: 'supplementNoticeServed', date: on }], data: { servedOn: on } });
  },
  recordSupplement: (c, cmd, ctx) => {
    const on = cmd.receivedOn ?? ctx.today;
    notInFuture(on, ctx, '收到补正材料的日期不能晚于今天。');
    return clocked(c, ctx, { patch: { supplementReceived: true }, clock: [{ type: 'supplementReceived', date: on }], data: { receivedOn: on } });
  },
  abandonNoSupplement: (c, cmd, ctx) => {
    ensure(cmd.noJustifiableReason === true, 'JUSTIFIABLE_REASON', '须确认申请人无正当理由逾期未补正。');
    return clocked(c, ctx, {
      patch: { outcomeRow: NON_LETTER_OUTCOME_ROWS['abandoned-no-supplement'], concludedOn: ctx.today },
      clock: [{ type: 'closed', date: ctx.today, outcome: 'abandoned-no-supplement' }],
    });
  },
  startThirdPartyConsultation: (c, cmd, ctx) => startConsultation(c, cmd, 'third-party', false, ctx),
  startAgencyConsultation: (c, cmd, ctx) => startConsultation(c, cmd, 'other-agency', cmd.secrecyReferral === true, ctx),
  recordThirdPartyOpinion: (c, cmd, ctx) => {
    const recorded = recordOpinion(c, cmd, false, ctx);
    // An objection binds the answer (Art. 32): disclosing over it needs the public-interest decision served on the third party.
    return cmd.opinion === 'objection' ? { ...recorded, patch: { ...recorded.patch, thirdPartyObjectedOn: cmd.answeredOn ?? ctx.today } } : recorded;
  },
  answerProactiveSuggestion: (_c, cmd) => {
    nonBlank(cmd.reason, 'reason', '请填写审核意见。');
    return { patch: { proactiveSuggestion: { status: 'answered', accepted: cmd.accepted, reason: cmd.reason.trim() } }, data: { accepted: cmd.accepted } };
  },
  recordReReview: (c, cmd, ctx) => {
    nonBlank(cmd.note, 'note', '请填写评估审查意见。');
    const review = { on: ctx.today, groundHolds: cmd.groundHolds, note: cmd.note.trim(), by: ctx.actor.id };
    // Still withheld: reviewed again a period on; may now be disclosed: no more reviews, the office discloses it.
    const next = cmd.groundHolds ? addCalendarMonths(ctx.today, ctx.policy.workflow.reReviewMonths) : undefined;
    return { patch: { reReviews: [...(c.reReviews ?? []), review], reReviewDue: next }, data: { groundHolds: cmd.groundHolds, ...(next ? { nextDue: next } : {}) } };
  },
  overruleObjection: (_c, cmd, ctx) => {
    nonBlank(cmd.content, 'content', '请写明决定公开的政府信息内容。');
    nonBlank(cmd.reason, 'reason', '请写明不公开可能对公共利益造成重大影响的理由。');
    return { patch: { objectionOverruledOn: ctx.today }, data: { overruledOn: ctx.today } };
  },
  // Art. 34: an agency's silence counts as consent to disclose.
  recordAgencyOpinion: (c, cmd, ctx) => recordOpinion(c, cmd, cmd.opinion === 'no-reply', ctx),
  issueFeeNotice: (c, cmd, ctx) => {
    nonBlank(cmd.feeNoticeId, 'feeNoticeId', '缺少收费通知编号。');
    const assessed = assessFee(cmd.choice);
    if (assessed.amountYuan === 0) throw new CaseValidationError(`按标准本申请不收费：${assessed.basis}`, { method: '按标准本申请不收费。' });
    const amount = cmd.amountYuan ?? assessed.amountYuan;
    if (!Number.isInteger(amount) || amount <= 0) throw new CaseValidationError('收费金额须为正整数元；不收费的，请使用减免。', { amountYuan: '收费金额须为正整数元。' });
    if (amount > assessed.amountYuan) throw new CaseValidationError(`收费金额不能高于按标准计算的${assessed.amountYuan}元。`, { amountYuan: `不能高于${assessed.amountYuan}元。` });
    if (amount < assessed.amountYuan) nonBlank(cmd.reductionReason, 'reductionReason', '降低收费金额的，请填写理由。');
    if (cmd.deliveredOn) notInFuture(cmd.deliveredOn, ctx, '送达日期不能晚于今天。');
    return clocked(c, ctx, {
      // Served by post the notice carries no delivery day: the applicant's receipt is recorded later.
      patch: { activeFeeNotice: { id: cmd.feeNoticeId, amountYuan: amount, ...(cmd.deliveredOn ? {} : { receiptPending: true as const }) } },
      clock: [{ type: 'feeNoticeIssued', date: ctx.today, feeNoticeId: cmd.feeNoticeId, ...(cmd.deliveredOn ? { deliveredOn: cmd.deliveredOn } : {}) }],
      data: {
        feeNoticeId: cmd.feeNoticeId,
        method: assessed.method,
        assessedYuan: assessed.amountYuan,
        amountYuan: amount,
        basis: assessed.basis,
        ...(amount < assessed.amountYuan ? { reductionReason: cmd.reductionReason ?? '' } : {}),
      },
    });
  },
  recordFeeNoticeReceived: (c, cmd, ctx) => {
    const { receiptPending: _, ...notice } = c.activeFeeNotice!;
    notInFuture(cmd.receivedOn, ctx, '收到通知的日期不能晚于今天。');
    return clocked(c, ctx, {
      patch: { activeFeeNotice: notice },
      clock: [{ type: 'feeNoticeDelivered', date: cmd.receivedOn, feeNoticeId: notice.id }],
      data: { feeNoticeId: notice.id, receivedOn: cmd.receivedOn },
    });
  },
  recordFeePaid: (c, cmd, ctx) => {
    const id = c.activeFeeNotice!.id;
    const on = cmd.paidOn ?? ctx.today;
    notInFuture(on, ctx, '缴费日期不能晚于今天。');
    return clocked(c, ctx, { patch: { activeFeeNotice: undefined }, clock: [{ type: 'feePaid', date: on, feeNoticeId: id }], data: { feeNoticeId: id } });
  },
  waiveFee: (c, cmd, ctx) => {
    const id = c.activeFeeNotice!.id;
    ensure(ctx.policy.workflow.feeWaiverReasonCodes.includes(cmd.reasonCode), 'WAIVER_REASON', '请选择有效的减免理由。');
    if (cmd.reasonCode === 'other') nonBlank(cmd.note, 'note', '减免理由为“其他”的，请说明具体情况。');
    return clocked(c, ctx, {
      patch: { activeFeeNotice: undefined },
      clock: [{ type: 'feeNoticeWithdrawn', date: ctx.today, feeNoticeId: id }],
      data: { feeNoticeId: id, reasonCode: cmd.reasonCode, approvedBy: ctx.actor.id },
    });
  },
  abandonNoPayment: (c, _cmd, ctx) =>
    clocked(c, ctx, {
      patch: { activeFeeNotice: undefined, outcomeRow: NON_LETTER_OUTCOME_ROWS['abandoned-no-payment'], concludedOn: ctx.today },
      clock: [{ type: 'closed', date: ctx.today, outcome: 'abandoned-no-payment' }],
      data: { feeNoticeId: c.activeFeeNotice!.id },
    }),
  requestExtension: (_c, cmd, ctx) => {
    nonBlank(cmd.reason, 'reason', '请填写延长答复期限的理由。');
    const max = ctx.policy.deadlines.maxExtensionWorkingDays;
    if (!Number.isInteger(cmd.workingDays) || cmd.workingDays < 1 || cmd.workingDays > max) {
      throw new CaseValidationError(`延长期限须为1至${max}个工作日。`, { workingDays: `延长期限须为1至${max}个工作日。` });
    }
    return {
      patch: { extension: { status: 'requested', workingDays: cmd.workingDays, reason: cmd.reason, requestedBy: ctx.actor.id, requestedOn: ctx.today } },
      data: { workingDays: cmd.workingDays },
    };
  },
  approveExtension: (c, cmd, ctx) => {
    const ext = c.extension;
    ensure(ext.status === 'requested', 'NO_EXTENSION_REQUEST', '没有待审批的延期申请。');
    const due = deadlinesNow(c, ctx)?.answer?.due;
    if (cmd.applicantNotifiedOn) ensure(due && cmd.applicantNotifiedOn <= due, 'NOTICE_AFTER_DEADLINE', `应在原答复期限（${due}）届满前告知申请人。`);
    const notified = cmd.applicantNotifiedOn ? { applicantNotifiedOn: cmd.applicantNotifiedOn } : {};
    return clocked(c, ctx, {
      patch: { extension: { status: 'approved', workingDays: ext.workingDays, reason: ext.reason, approvedBy: ctx.actor.id, approvedOn: ctx.today, ...notified } },
      clock: [
        {
          type: 'extensionApproved',
          date: ctx.today,
          workingDays: ext.workingDays,
          approvedBy: ctx.actor.id,
          // The table checked the staff role against policy.workflow.extensionApproverRoles; the
          // clock records the legal capacity it stands for.
          approverRole: GI_OFFICE_HEAD_ROLE,
          ...(cmd.approvalRecordId ? { approvalRecordId: cmd.approvalRecordId } : {}),
          ...notified,
        },
      ],
      data: { workingDays: ext.workingDays, notified: cmd.applicantNotifiedOn !== undefined },
    });
  },
  rejectExtension: (_c, cmd, ctx) => {
    nonBlank(cmd.reason, 'reason', '请填写不批准延期的理由。');
    return { patch: { extension: { status: 'rejected', reason: cmd.reason, rejectedBy: ctx.actor.id, rejectedOn: ctx.today } } };
  },
  notifyExtension: (c, cmd, ctx) => {
    const ext = c.extension;
    ensure(ext.status === 'approved', 'NO_EXTENSION', '没有已批准的延期。');
    const original = deadlinesNow(c, ctx)?.answer?.dueWithoutExtension;
    const on = cmd.notifiedOn ?? ctx.today;
    notInFuture(on, ctx, '告知日期不能晚于今天。');
    ensure(original && on <= original, 'NOTICE_AFTER_DEADLINE', `应在原答复期限（${original}）届满前告知申请人延期。`);
    // The extension takes effect with this notice (the clock applies it from here).
    return clocked(c, ctx, { patch: { extension: { ...ext, applicantNotifiedOn: on } }, clock: [{ type: 'extensionNotified', date: on }], data: { notifiedOn: on } });
  },
  setDelayedReply: (c, cmd, ctx) => {
    nonBlank(cmd.reason, 'reason', '请填写确定延迟答复期限的理由。');
    const due = deadlinesNow(c, ctx)?.answer?.due;
    ensure(due && cmd.due > due, 'DELAY_NOT_LATER', `延迟答复期限须晚于现有期限${due}。`);
    return clocked(c, ctx, {
      patch: { delayedReplyDue: cmd.due },
      clock: [{ type: 'delayedPeriodSet', date: ctx.today, due: cmd.due, approvedBy: ctx.actor.id, ...(cmd.applicantNotifiedOn ? { applicantNotifiedOn: cmd.applicantNotifiedOn } : {}) }],
      data: { due: cmd.due },
    });
  },
  draftAnswer: (c, cmd, ctx) => {
    const d = cmd.decision;
    if (d.type === 'still-unclear') ensure(c.supplementReceived, 'NOT_SUPPLEMENTED', '只有申请人补正后内容仍不明确的，才能作出此类答复。');
    const outcomeRow = tableBRow(d, ctx.policy.workflow.outcomeMapping);
    // A new draft voids the review and the sign-off of the old one.
    return {
      patch: {
        draft: { responseType: d.type, outcomeRow, draftedBy: ctx.actor.id, ...(c.thirdPartyObjectedOn && disclosesOverObjection(d) ? { overridesObjection: true } : {}) },
        secrecyReviewPassed: false,
        secrecyReviewId: undefined,
        signedOffBy: undefined,
      },
      data: { responseType: d.type, outcomeRow },
    };
  },
  submitForSecrecyReview: (_c, cmd) => {
    nonBlank(cmd.secrecyReviewId, 'secrecyReviewId', '缺少保密审查单编号。');
    return { patch: { secrecyReviewId: cmd.secrecyReviewId, secrecyReviewPassed: false }, data: { secrecyReviewId: cmd.secrecyReviewId } };
  },
  passSecrecyReview: (_c, cmd) => {
    // The approval itself is recorded by ../secrecy/review; the caller passes its result.
    ensure(cmd.secrecyReviewApproved === true, 'SECRECY_NOT_APPROVED', '保密审查尚未通过，不能报送领导签发。');
    return { patch: { secrecyReviewPassed: true } };
  },
  returnToDrafting: (_c, cmd) => {
    nonBlank(cmd.reason, 'reason', '请填写退回修改的理由。');
    return { patch: { secrecyReviewPassed: false, signedOffBy: undefined }, data: { reason: cmd.reason } };
  },
  signOff: (_c, _cmd, ctx) => ({ patch: { signedOffBy: ctx.actor.id } }),
  release: (c, cmd, ctx) => {
    ensure(cmd.secrecyReviewApproved === true, 'SECRECY_NOT_APPROVED', '答复及所附文件的保密审查尚未通过，不能送达。');
    const s = cmd.service;
    const on = checkService(s, cmd.applicantChose, ctx.today);
    const draft = c.draft!;
    const months = ctx.policy.workflow.reReviewMonths;
    const withholds = draft.responseType === 'withheld' || draft.responseType === 'partial';
    return clocked(c, ctx, {
      patch: { service: s, outcomeRow: draft.outcomeRow, concludedOn: on, ...(withholds && months > 0 ? { reReviewDue: addCalendarMonths(on, months) } : {}) },
      clock: [{ type: 'closed', date: on, outcome: 'decided' }],
      data: { method: s.method, servedOn: on, responseType: draft.responseType, outcomeRow: draft.outcomeRow },
    });
  },
  close: () => ({}),
  withdraw: (c, cmd, ctx) => {
    const on = cmd.withdrawnOn ?? ctx.today;
    notInFuture(on, ctx, '撤回日期不能晚于今天。');
    return clocked(c, ctx, {
      patch: { outcomeRow: NON_LETTER_OUTCOME_ROWS.withdrawn, concludedOn: on, activeConsultation: undefined, activeFeeNotice: undefined },
      // Without a receipt there is no clock to close.
      clock: c.receivedOn ? [{ type: 'closed', date: on, outcome: 'withdrawn' }] : [],
    });
  },
};

type ConsultationStart = Extract<RequestCommand, { type: 'startThirdPartyConsultation' | 'startAgencyConsultation' }>;

function startConsultation(c: RequestCase, cmd: ConsultationStart, kind: 'third-party' | 'other-agency', secrecyReferral: boolean, ctx: RequestContext): RequestEffect {
  nonBlank(cmd.consultationId, 'consultationId', '缺少征求意见函编号。');
  return clocked(c, ctx, {
    patch: { activeConsultation: { id: cmd.consultationId, kind }, consultationCount: c.consultationCount + 1 },
    clock: [
      {
        type: 'consultationStarted',
        date: ctx.today,
        consultationId: cmd.consultationId,
        kind,
        ...(cmd.deliveredOn ? { deliveredOn: cmd.deliveredOn } : {}),
        ...(cmd.consultee ? { consultee: cmd.consultee } : {}),
        ...(secrecyReferral ? { secrecyReferral: true } : {}),
      },
    ],
    data: { consultationId: cmd.consultationId, kind, secrecyReferral },
  });
}

/** Whether the answer discloses what the third party objected to: in full, or partly without withholding on the objection. */
function disclosesOverObjection(d: Decision): boolean {
  if (d.type === 'disclosed') return true;
  if (d.type !== 'partial') return false;
  return !d.withheldParts.some((p) => p.withholding.ground === 'third-party' && p.withholding.consultation === 'objected');
}

type OpinionRecord = Extract<RequestCommand, { type: 'recordThirdPartyOpinion' | 'recordAgencyOpinion' }>;

function recordOpinion(c: RequestCase, cmd: OpinionRecord, deemedConsent: boolean, ctx: RequestContext): RequestEffect {
  const active = c.activeConsultation!;
  let clock: CaseClockEvent[] = [];
  if (cmd.opinion === 'no-reply') {
    // The 15 working days must have run out; the clock then resumes at the limit.
    const limit = deadlinesNow(c, ctx)?.pauses.find((p) => p.referenceId === active.id)?.limitOn;
    ensure(limit && ctx.today > limit, 'CONSULTATION_RUNNING', `征求意见期限（${limit}）尚未届满，不能按逾期未答复处理。`);
  } else {
    const on = cmd.answeredOn ?? ctx.today;
    notInFuture(on, ctx, '答复日期不能晚于今天。');
    clock = [{ type: 'consultationAnswered', date: on, consultationId: active.id }];
  }
  return clocked(c, ctx, { patch: { activeConsultation: undefined }, clock, data: { consultationId: active.id, opinion: cmd.opinion, deemedConsent } });
}

// ---------------------------------------------------------------------------------------------
// The workflow

export const requestWorkflow = defineWorkflow<RequestCase, RequestStatus, RequestCommand, RequestFacts>({
  name: 'request',
  noun: '申请',
  states: REQUEST_STATUSES,
  labels: STATUS_LABELS,
  terminal: TERMINAL_STATUSES,
  transitions: REQUEST_TRANSITIONS,
  stateOf: (c) => c.status,
  withState: (c, status) => ({ ...c, status }),
  idOf: (c) => c.id,
  // Until someone registers the case there is no handler; the registering clerk becomes it.
  handlerOf: (c) => c.handlerId,
  guards: REQUEST_GUARDS,
  effects: REQUEST_EFFECTS,
});
