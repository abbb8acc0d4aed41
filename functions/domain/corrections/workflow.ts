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
 * Pure: dates, due dates and review facts come from the caller.
 */
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { checkRule, guard, text, type CaseActor, type CaseActorRole, type CaseEvent, type CaseRule } from '../clarifications/machine';

export const CORRECTION_STATUSES = [
  'submitted',
  'registered',
  'assessing',
  'correcting',
  'answer-drafting',
  'secrecy-review',
  'answer-approved',
  'answered',
  'closed',
  'withdrawn',
] as const;
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

export const CORRECTION_OUTCOMES = ['corrected', 'referred', 'refused'] as const;
export type CorrectionOutcome = (typeof CORRECTION_OUTCOMES)[number];
export const CORRECTION_OUTCOME_LABELS: Record<CorrectionOutcome, string> = {
  corrected: '予以更正',
  referred: '转送有权更正的行政机关处理',
  refused: '不予更正',
};

/** The record that was corrected: the new version and the version it replaces (kept, marked corrected). */
export interface CorrectedVersion {
  /** What kind of record: a catalogue item, a staff document, or another record of the agency. */
  readonly recordType: 'item' | 'document' | 'other';
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
  | { readonly type: 'register'; readonly receivedOn: IsoDate; readonly due: { readonly due: IsoDate; readonly provisional: boolean } }
  | { readonly type: 'startAssessment' }
  | { readonly type: 'decideCorrect'; readonly plannedCorrection: string }
  | { readonly type: 'recordCorrection'; readonly corrected: CorrectedVersion }
  | { readonly type: 'decideRefer'; readonly competentAgency: string; readonly reasons: string }
  | { readonly type: 'decideRefuse'; readonly reasons: string }
  | { readonly type: 'draftAnswer' }
  | { readonly type: 'submitForSecrecyReview'; readonly secrecyReviewId: string }
  | { readonly type: 'recordReviewApproved'; readonly secrecyReviewId: string; readonly secrecyReviewApproved: boolean }
  | { readonly type: 'returnToDrafting'; readonly reason: string }
  | { readonly type: 'release'; readonly releaseId: string; readonly secrecyReviewApproved: boolean }
  | { readonly type: 'close' }
  | { readonly type: 'withdraw' };

export type CorrectionCommandType = CorrectionCommand['type'];

const HANDLING: readonly CaseActorRole[] = ['clerk', 'head'];

export const CORRECTION_TRANSITIONS: readonly CaseRule<CorrectionStatus, CorrectionCommandType>[] = [
  { command: 'register', label: '登记受理', from: ['submitted'], to: 'registered', roles: ['clerk', 'head', 'admin'] },
  { command: 'startAssessment', label: '开始审核', from: ['registered'], to: 'assessing', roles: HANDLING, handlerOnly: true },
  { command: 'decideCorrect', label: '决定予以更正', from: ['assessing'], to: 'correcting', roles: HANDLING, handlerOnly: true },
  { command: 'recordCorrection', label: '登记更正后的版本', from: ['correcting'], to: 'answer-drafting', roles: HANDLING, handlerOnly: true },
  { command: 'decideRefer', label: '转送有权机关', from: ['assessing'], to: 'answer-drafting', roles: HANDLING, handlerOnly: true },
  { command: 'decideRefuse', label: '决定不予更正', from: ['assessing'], to: 'answer-drafting', roles: HANDLING, handlerOnly: true },
  { command: 'draftAnswer', label: '拟定答复', from: ['answer-drafting'], to: 'same', roles: HANDLING, handlerOnly: true },
  { command: 'submitForSecrecyReview', label: '提交保密审查', from: ['answer-drafting'], to: 'secrecy-review', roles: ['clerk'], handlerOnly: true },
  { command: 'recordReviewApproved', label: '保密审查通过', from: ['secrecy-review'], to: 'answer-approved', roles: ['clerk', 'head', 'reviewer', 'system'], handlerOnly: true },
  { command: 'returnToDrafting', label: '退回修改', from: ['secrecy-review', 'answer-approved'], to: 'answer-drafting', roles: ['clerk', 'head', 'reviewer', 'leader'] },
  { command: 'release', label: '送达答复', from: ['answer-approved'], to: 'answered', roles: HANDLING, handlerOnly: true },
  { command: 'close', label: '归档', from: ['answered'], to: 'closed', roles: ['clerk', 'head', 'admin'] },
  { command: 'withdraw', label: '撤回申请', from: BEFORE_ANSWER, to: 'withdrawn', roles: ['applicant', 'clerk', 'head'], handlerOnly: true },
];

export const CORRECTION_COMMAND_LABELS = Object.fromEntries(CORRECTION_TRANSITIONS.map((t) => [t.command, t.label])) as Record<CorrectionCommandType, string>;
const RULES = new Map(CORRECTION_TRANSITIONS.map((t) => [t.command, t]));

export function availableCorrectionCommands(c: CorrectionCase, actor: CaseActor): CorrectionCommandType[] {
  return CORRECTION_TRANSITIONS.filter((t) => {
    if (!t.from.includes(c.status)) return false;
    try {
      checkRule(RULES, CORRECTION_STATUS_LABELS, c.status, t.command, actor, c.handlerId, '更正申请');
      return true;
    } catch {
      return false;
    }
  }).map((t) => t.command);
}

export interface CorrectionContext {
  readonly actor: CaseActor;
  readonly today: IsoDate;
}

export interface CorrectionDecided {
  readonly next: CorrectionCase;
  readonly events: readonly CaseEvent<CorrectionStatus>[];
}

export function decideCorrection(c: CorrectionCase, command: CorrectionCommand, ctx: CorrectionContext): CorrectionDecided {
  const rule = checkRule(RULES, CORRECTION_STATUS_LABELS, c.status, command.type, ctx.actor, c.handlerId, '更正申请');
  const by = ctx.actor.id;
  const on = ctx.today;
  let patch: Partial<CorrectionCase> = {};
  let data: CaseEvent<CorrectionStatus>['data'] = {};
  switch (command.type) {
    case 'register':
      guard(command.receivedOn <= on, 'RECEIPT_IN_FUTURE', '收到申请之日不能晚于今天。');
      guard(command.receivedOn >= c.submittedOn, 'RECEIPT_BEFORE_SUBMISSION', '收到申请之日不能早于提交之日。');
      patch = { handlerId: by, receivedOn: command.receivedOn, due: command.due.due, dueProvisional: command.due.provisional };
      data = { receivedOn: command.receivedOn, due: command.due.due };
      break;
    case 'startAssessment':
      break;
    case 'decideCorrect':
      patch = { outcome: 'corrected', plannedCorrection: text(command.plannedCorrection, 'plannedCorrection', '拟更正的内容', 2000) };
      data = { outcome: 'corrected' };
      break;
    case 'recordCorrection': {
      const v = command.corrected;
      text(v.recordId, 'recordId', '被更正的记录编号', 100);
      const summary = text(v.summary, 'summary', '更正说明', 2000);
      guard(Number.isInteger(v.previousVersion) && v.previousVersion >= 1 && v.newVersion > v.previousVersion, 'VERSION_ORDER', '更正后的版本号必须大于原版本号；原版本保留在修订记录中。');
      patch = { corrected: { ...v, summary } };
      data = { recordType: v.recordType, recordId: v.recordId, previousVersion: v.previousVersion, newVersion: v.newVersion };
      break;
    }
    case 'decideRefer':
      patch = { outcome: 'referred', referredTo: text(command.competentAgency, 'competentAgency', '有权更正的行政机关', 100), reasons: text(command.reasons, 'reasons', '转送理由', 2000) };
      data = { outcome: 'referred' };
      break;
    case 'decideRefuse':
      patch = { outcome: 'refused', reasons: text(command.reasons, 'reasons', '不予更正的理由', 2000) };
      data = { outcome: 'refused' };
      break;
    case 'draftAnswer':
      patch = { letterDrafted: true };
      break;
    case 'submitForSecrecyReview':
      guard(c.letterDrafted, 'NO_LETTER', '请先拟定答复告知书。');
      text(command.secrecyReviewId, 'secrecyReviewId', '审查单编号', 100);
      patch = { secrecyReviewId: command.secrecyReviewId };
      data = { secrecyReviewId: command.secrecyReviewId };
      break;
    case 'recordReviewApproved':
      guard(command.secrecyReviewId === c.secrecyReviewId, 'WRONG_REVIEW', '审查单与本申请的答复不对应。');
      guard(command.secrecyReviewApproved, 'REVIEW_NOT_APPROVED', '保密审查尚未通过。');
      data = { secrecyReviewId: command.secrecyReviewId };
      break;
    case 'returnToDrafting':
      data = { reason: text(command.reason, 'reason', '退回理由', 1000) };
      patch = { secrecyReviewId: undefined };
      break;
    case 'release':
      guard(command.secrecyReviewApproved, 'REVIEW_NOT_APPROVED', '答复未经保密审查通过，不能送达（先审查、后提供）。');
      text(command.releaseId, 'releaseId', '送达记录', 100);
      patch = { answeredOn: on, releaseId: command.releaseId };
      data = { releaseId: command.releaseId, outcome: c.outcome ?? '' };
      break;
    case 'close':
      patch = { closedOn: on };
      break;
    case 'withdraw':
      patch = { closedOn: on };
      break;
  }
  const to = rule.to === 'same' ? c.status : rule.to;
  const next = Object.fromEntries(Object.entries({ ...c, ...patch, status: to }).filter(([, v]) => v !== undefined)) as unknown as CorrectionCase;
  return { next, events: [{ type: `correction.${command.type}`, caseId: c.id, from: c.status, to, on, actor: { kind: ctx.actor.kind, id: ctx.actor.id }, data }] };
}
