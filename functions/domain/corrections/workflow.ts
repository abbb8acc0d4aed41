/**
 * Correcting records about a person (更正, Regulation Art. 41; domain.md §2.10): the case
 * workflow as a transition TABLE plus guards and effects.
 *
 * submitted (with evidence) → registered (the period starts: the agency's configured working
 * days, default 20) → assessing → one of: correct within the agency's authority (a new version
 * of the record; the old one stays, marked corrected) / refer to the competent agency / refuse
 * with reasons → answer letter drafted → secrecy review of what will be released → answer
 * released to the applicant (with remedies) → closed. The applicant may withdraw before the answer.
 *
 * The table runs on the case kernel (functions/domain/case). Pure: the time, the working
 * calendar, the agency's configured period and the review facts come from the caller.
 */
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { defineWorkflow, ensure, requireText, unless, type ActorRole, type CaseContext, type StepField, type Transition } from '../case';

export const CORRECTION_STATUSES = ['submitted', 'registered', 'assessing', 'correcting', 'answer-drafting', 'secrecy-review', 'answer-approved', 'answered', 'closed', 'withdrawn'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

export const CORRECTION_STATUS_LABELS: Record<CorrectionStatus, string> = {
  submitted: '待登记',
  registered: '已登记',
  assessing: '审核中',
  correcting: '更正中',
  'answer-drafting': '拟定答复',
  'secrecy-review': '保密审查中',
  'answer-approved': '答复已审定待送达',
  answered: '已答复',
  closed: '已归档',
  withdrawn: '申请人已撤回',
};

export const CORRECTION_TERMINAL: readonly CorrectionStatus[] = ['closed', 'withdrawn'];
const BEFORE_ANSWER = ['submitted', 'registered', 'assessing', 'correcting', 'answer-drafting', 'secrecy-review', 'answer-approved'] as const satisfies readonly CorrectionStatus[];

/**
 * Art. 41's answers: corrected; outside the agency's remit, either forwarded to the agency that
 * may correct it (转送) or the applicant told to apply there (告知申请人向有权更正的行政机关提出);
 * or refused (the evidence does not show the record is wrong).
 */
export const CORRECTION_OUTCOMES = ['corrected', 'referred', 'directed', 'refused'] as const;
export type CorrectionOutcome = (typeof CORRECTION_OUTCOMES)[number];
export const CORRECTION_OUTCOME_LABELS: Record<CorrectionOutcome, string> = {
  corrected: '予以更正',
  referred: '转送有权更正的行政机关处理',
  directed: '告知申请人向有权更正的行政机关提出',
  refused: '不予更正',
};

/** What kind of record was corrected: a catalogue item, a staff document, or another record of the agency. */
export const RECORD_TYPES = ['item', 'document', 'other'] as const;
export const RECORD_TYPE_LABELS: Record<(typeof RECORD_TYPES)[number], string> = { item: '公开信息', document: '文档', other: '其他记录' };

/** The record that was corrected: the new version and the version it replaces (kept, marked corrected). */
export interface CorrectedVersion {
  readonly recordType: (typeof RECORD_TYPES)[number];
  readonly recordId: string;
  readonly previousVersion: number;
  readonly newVersion: number;
  readonly summary: string;
}

export interface CorrectionCase {
  readonly id: string;
  readonly trackingNumber: string;
  readonly status: CorrectionStatus;
  readonly submittedOn: IsoDate;
  readonly receivedOn?: IsoDate;
  readonly due?: IsoDate;
  readonly dueProvisional: boolean;
  readonly handlerId?: string;
  readonly outcome?: CorrectionOutcome;
  /** What will be corrected (set by decideCorrect). */
  readonly plannedCorrection?: string;
  readonly corrected?: CorrectedVersion;
  readonly referredTo?: string;
  readonly reasons?: string;
  readonly letterDrafted: boolean;
  readonly secrecyReviewId?: string;
  readonly answeredOn?: IsoDate;
  readonly releaseId?: string;
  readonly closedOn?: IsoDate;
}

export interface CorrectionConfig {
  /** The agency's configured period (working days from receipt); default 20 like Art. 33. */
  readonly workingDays: number;
}
export const DEFAULT_CORRECTION_CONFIG: CorrectionConfig = { workingDays: 20 };

export function correctionDue(receivedOn: IsoDate, calendar: WorkingCalendar, config: CorrectionConfig = DEFAULT_CORRECTION_CONFIG): { due: IsoDate; provisional: boolean } {
  const r = calendar.addWorkingDays(receivedOn, config.workingDays);
  return { due: r.due, provisional: r.provisional };
}

export function correctionHasOpenDeadline(c: Pick<CorrectionCase, 'status' | 'due'>): boolean {
  return c.due !== undefined && !['answered', 'closed', 'withdrawn'].includes(c.status);
}

export function openCorrection(input: { readonly id: string; readonly trackingNumber: string; readonly submittedOn: IsoDate }): CorrectionCase {
  return { id: input.id, trackingNumber: input.trackingNumber, status: 'submitted', submittedOn: input.submittedOn, dueProvisional: false, letterDrafted: false };
}

export type CorrectionCommand =
  /** The due date follows from the receipt date and the agency's configured period. */
  | { readonly type: 'register'; readonly receivedOn: IsoDate }
  | { readonly type: 'startAssessment' }
  | { readonly type: 'decideCorrect'; readonly plannedCorrection: string }
  | { readonly type: 'recordCorrection'; readonly corrected: CorrectedVersion }
  | { readonly type: 'decideRefer'; readonly competentAgency: string; readonly reasons: string }
  | { readonly type: 'decideDirect'; readonly competentAgency: string; readonly reasons: string }
  | { readonly type: 'decideRefuse'; readonly reasons: string }
  | { readonly type: 'draftAnswer' }
  | { readonly type: 'submitForSecrecyReview'; readonly secrecyReviewId: string }
  | { readonly type: 'recordReviewApproved'; readonly secrecyReviewId: string; readonly secrecyReviewApproved: boolean }
  | { readonly type: 'returnToDrafting'; readonly reason: string }
  | { readonly type: 'release'; readonly releaseId: string; readonly secrecyReviewApproved: boolean }
  | { readonly type: 'close' }
  | { readonly type: 'withdraw' };

export type CorrectionCommandType = CorrectionCommand['type'];

/** What correction decisions need besides actor and time: the calendar and the agency's period. */
export interface CorrectionFacts {
  readonly calendar: WorkingCalendar;
  readonly config: CorrectionConfig;
}
export type CorrectionContext = CaseContext<CorrectionFacts>;

const HANDLING: readonly ActorRole[] = ['clerk', 'head'];

const reasons = (label: string): StepField => ({ name: 'reasons', label, kind: 'textarea', required: true });

/**
 * `visibleToApplicant`: the steps the applicant's tracking page lists (registration, the decision,
 * the answer). `form`: the fields each step asks for (commands.ts validates the same names).
 */
export const CORRECTION_TRANSITIONS: readonly Transition<CorrectionStatus, CorrectionCommandType, CorrectionFacts>[] = [
  {
    command: 'register',
    label: '登记受理',
    from: ['submitted'],
    to: 'registered',
    roles: ['clerk', 'head', 'admin'],
    visibleToApplicant: true,
    form: { fields: [{ name: 'receivedOn', label: '收到申请之日', kind: 'date', hint: '留空为提交之日。' }] },
  },
  { command: 'startAssessment', label: '开始审核', from: ['registered'], to: 'assessing', roles: HANDLING, handlerOnly: true },
  {
    command: 'decideCorrect',
    label: '决定予以更正',
    from: ['assessing'],
    to: 'correcting',
    roles: HANDLING,
    handlerOnly: true,
    visibleToApplicant: true,
    form: { fields: [{ name: 'plannedCorrection', label: '拟更正的内容', kind: 'textarea', required: true }] },
  },
  {
    command: 'recordCorrection',
    label: '登记更正后的版本',
    from: ['correcting'],
    to: 'answer-drafting',
    roles: HANDLING,
    handlerOnly: true,
    form: {
      fields: [
        { name: 'recordType', label: '记录类型', kind: 'select', options: RECORD_TYPES.map((value) => ({ value, label: RECORD_TYPE_LABELS[value] })) },
        { name: 'recordId', label: '记录编号', kind: 'text', required: true },
        { name: 'previousVersion', label: '原版本号', kind: 'number', hint: '公开信息可留空：按当前公开版本的前一版填写。' },
        { name: 'newVersion', label: '更正后版本号', kind: 'number', hint: '公开信息可留空：按当前公开的版本填写。' },
        { name: 'summary', label: '更正说明', kind: 'textarea', required: true },
      ],
    },
  },
  {
    command: 'decideRefer',
    label: '转送有权机关',
    from: ['assessing'],
    to: 'answer-drafting',
    roles: HANDLING,
    handlerOnly: true,
    visibleToApplicant: true,
    form: { fields: [{ name: 'competentAgency', label: '有权更正的行政机关', kind: 'text', required: true }, reasons('理由')], tone: 'secondary' },
  },
  {
    command: 'decideDirect',
    label: '告知向有权机关提出',
    from: ['assessing'],
    to: 'answer-drafting',
    roles: HANDLING,
    handlerOnly: true,
    visibleToApplicant: true,
    form: {
      fields: [{ name: 'competentAgency', label: '有权更正的行政机关（含联系方式）', kind: 'text', required: true }, reasons('不属于本机关职能范围的理由')],
      tone: 'secondary',
    },
  },
  {
    command: 'decideRefuse',
    label: '决定不予更正',
    from: ['assessing'],
    to: 'answer-drafting',
    roles: HANDLING,
    handlerOnly: true,
    visibleToApplicant: true,
    form: { fields: [reasons('不予更正的理由')], tone: 'secondary' },
  },
  { command: 'draftAnswer', label: '拟定答复', from: ['answer-drafting'], to: 'same', roles: HANDLING, handlerOnly: true },
  { command: 'submitForSecrecyReview', label: '提交保密审查', from: ['answer-drafting'], to: 'secrecy-review', roles: ['clerk'], handlerOnly: true },
  { command: 'recordReviewApproved', label: '保密审查通过', from: ['secrecy-review'], to: 'answer-approved', roles: ['clerk', 'head', 'reviewer', 'system'], handlerOnly: true },
  {
    command: 'returnToDrafting',
    label: '退回修改',
    from: ['secrecy-review', 'answer-approved'],
    to: 'answer-drafting',
    roles: ['clerk', 'head', 'reviewer', 'leader'],
    form: { fields: [{ name: 'reason', label: '理由', kind: 'textarea', required: true }], tone: 'secondary' },
  },
  { command: 'release', label: '送达答复', from: ['answer-approved'], to: 'answered', roles: HANDLING, handlerOnly: true, visibleToApplicant: true },
  { command: 'close', label: '归档', from: ['answered'], to: 'closed', roles: ['clerk', 'head', 'admin'], visibleToApplicant: true },
  {
    command: 'withdraw',
    label: '撤回申请',
    from: BEFORE_ANSWER,
    to: 'withdrawn',
    roles: ['applicant', 'clerk', 'head'],
    handlerOnly: true,
    visibleToApplicant: true,
    form: { fields: [], tone: 'secondary' },
  },
];

export const CORRECTION_COMMAND_LABELS = Object.fromEntries(CORRECTION_TRANSITIONS.map((t) => [t.command, t.label])) as Record<CorrectionCommandType, string>;

/**
 * The secrecy gate of the answer: nothing goes to the applicant without an approved review. The
 * caller asks before the release step writes anything; the `release` effect asks again.
 */
export function assertCorrectionReviewApproved(approved: boolean): void {
  ensure(approved, 'REVIEW_NOT_APPROVED', '答复未经保密审查通过，不能送达（先审查、后提供）。');
}

export const correctionWorkflow = defineWorkflow<CorrectionCase, CorrectionStatus, CorrectionCommand, CorrectionFacts>({
  name: 'correction',
  noun: '更正申请',
  states: CORRECTION_STATUSES,
  labels: CORRECTION_STATUS_LABELS,
  terminal: CORRECTION_TERMINAL,
  transitions: CORRECTION_TRANSITIONS,
  stateOf: (c) => c.status,
  withState: (c, status) => ({ ...c, status }),
  idOf: (c) => c.id,
  handlerOf: (c) => c.handlerId,
  guards: {
    submitForSecrecyReview: (c) => unless(c.letterDrafted, 'NO_LETTER', '请先拟定答复告知书。'),
  },
  effects: {
    register: (c, cmd, ctx) => {
      ensure(cmd.receivedOn <= ctx.today, 'RECEIPT_IN_FUTURE', '收到申请之日不能晚于今天。');
      ensure(cmd.receivedOn >= c.submittedOn, 'RECEIPT_BEFORE_SUBMISSION', '收到申请之日不能早于提交之日。');
      const { due, provisional } = correctionDue(cmd.receivedOn, ctx.calendar, ctx.config);
      // Whoever registers the request handles it.
      return { patch: { handlerId: ctx.actor.id, receivedOn: cmd.receivedOn, due, dueProvisional: provisional }, data: { receivedOn: cmd.receivedOn, due } };
    },
    startAssessment: () => ({}),
    // The input is the parsed command (commands.ts); the effects keep the rules about the case.
    decideCorrect: (_c, { plannedCorrection }) => ({ patch: { outcome: 'corrected', plannedCorrection }, data: { outcome: 'corrected' } }),
    recordCorrection: (_c, { corrected: v }) => {
      ensure(Number.isInteger(v.previousVersion) && v.previousVersion >= 1 && v.newVersion > v.previousVersion, 'VERSION_ORDER', '更正后的版本号必须大于原版本号；原版本保留在修订记录中。');
      return { patch: { corrected: v }, data: { recordType: v.recordType, recordId: v.recordId, previousVersion: v.previousVersion, newVersion: v.newVersion } };
    },
    decideRefer: (_c, cmd) => ({ patch: { outcome: 'referred', referredTo: cmd.competentAgency, reasons: cmd.reasons }, data: { outcome: 'referred' } }),
    decideDirect: (_c, cmd) => ({ patch: { outcome: 'directed', referredTo: cmd.competentAgency, reasons: cmd.reasons }, data: { outcome: 'directed' } }),
    decideRefuse: (_c, { reasons }) => ({ patch: { outcome: 'refused', reasons }, data: { outcome: 'refused' } }),
    draftAnswer: () => ({ patch: { letterDrafted: true } }),
    submitForSecrecyReview: (_c, cmd) => {
      const secrecyReviewId = requireText(cmd.secrecyReviewId, 'secrecyReviewId', '审查单编号', 100);
      return { patch: { secrecyReviewId }, data: { secrecyReviewId } };
    },
    recordReviewApproved: (c, cmd) => {
      ensure(cmd.secrecyReviewId === c.secrecyReviewId, 'WRONG_REVIEW', '审查单与本申请的答复不对应。');
      ensure(cmd.secrecyReviewApproved, 'REVIEW_NOT_APPROVED', '保密审查尚未通过。');
      return { data: { secrecyReviewId: cmd.secrecyReviewId } };
    },
    // A changed answer is reviewed afresh.
    returnToDrafting: (_c, cmd) => ({ patch: { secrecyReviewId: undefined }, data: { reason: cmd.reason } }),
    release: (c, cmd, ctx) => {
      assertCorrectionReviewApproved(cmd.secrecyReviewApproved);
      const releaseId = requireText(cmd.releaseId, 'releaseId', '送达记录', 100);
      return { patch: { answeredOn: ctx.today, releaseId }, data: { releaseId, outcome: c.outcome ?? '' } };
    },
    close: (_c, _cmd, ctx) => ({ patch: { closedOn: ctx.today } }),
    withdraw: (_c, _cmd, ctx) => ({ patch: { closedOn: ctx.today } }),
  },
});
