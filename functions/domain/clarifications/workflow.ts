/**
 * Clarifying false or incomplete information (澄清, Regulation Art. 6; domain.md §5): the case
 * workflow as a transition TABLE on the case kernel, plus guards (rules that need no input) and
 * effects (what each step changes).
 *
 * register (public report or the agency's own monitoring; urgent flag) → assess (about this
 * agency's work? false or incomplete? impact) → verify the facts with the responsible department
 * (internal due date; urgent cases shorter, escalated to the leader) → draft (the false claim, the
 * facts, the sources, the items it concerns) → secrecy review (the gate) → leader approval →
 * publish → follow-up (reach; a further statement?) → closed. Or closed as unfounded, with reason.
 *
 * The internal period runs in natural clock hours from the instant of registration (国办发〔2016〕61号,
 * 80号: 48 hours, 24 for major emergencies), not in working days: public opinion does not wait for
 * a weekend. Cases stored before that rule have no `registeredAt` and keep their working-day `due`.
 *
 * Pure: the caller passes the time, the agency's configured periods and the facts of the secrecy
 * review; nothing here reads a clock or storage.
 */
import { instantMs, shanghaiDateOf, toInstant, type Instant } from '../calendar/instant';
import type { IsoDate } from '../calendar/iso-date';
import { defineWorkflow, ensure, requireText, unless, type ActorRole, type CaseContext, type Effect, type StepField, type Transition } from '../case';

// ---------------------------------------------------------------------------------------------
// States

export const CLARIFICATION_STATUSES = ['registered', 'assessing', 'verifying', 'drafting', 'secrecy-review', 'leader-approval', 'approved', 'published', 'closed', 'closed-unfounded'] as const;
export type ClarificationStatus = (typeof CLARIFICATION_STATUSES)[number];

export const CLARIFICATION_STATUS_LABELS: Record<ClarificationStatus, string> = {
  registered: '已登记',
  assessing: '研判中',
  verifying: '核实中',
  drafting: '拟稿中',
  'secrecy-review': '保密审查中',
  'leader-approval': '待领导审批',
  approved: '已批准待发布',
  published: '已发布（跟踪中）',
  closed: '已办结',
  'closed-unfounded': '不予澄清（已办结）',
};

export const CLARIFICATION_TERMINAL: readonly ClarificationStatus[] = ['closed', 'closed-unfounded'];
/** Until publication a case can still be closed as unfounded. */
const BEFORE_DRAFT_DONE = ['registered', 'assessing', 'verifying', 'drafting'] as const satisfies readonly ClarificationStatus[];
const OPEN = CLARIFICATION_STATUSES.filter((s) => !CLARIFICATION_TERMINAL.includes(s));

export const FALSITY_KINDS = ['false', 'incomplete', 'accurate'] as const;
export type FalsityKind = (typeof FALSITY_KINDS)[number];
export const FALSITY_LABELS: Record<FalsityKind, string> = { false: '虚假信息', incomplete: '不完整信息', accurate: '信息属实（无需澄清）' };

export const IMPACT_LEVELS = ['low', 'medium', 'high'] as const;
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];
export const IMPACT_LABELS: Record<ImpactLevel, string> = { low: '影响较小', medium: '影响较大', high: '影响社会稳定或扰乱社会和经济管理秩序' };

export const UNFOUNDED_REASONS = ['accurate', 'not-our-remit', 'no-impact', 'duplicate', 'other'] as const;
export type UnfoundedReason = (typeof UNFOUNDED_REASONS)[number];
export const UNFOUNDED_LABELS: Record<UnfoundedReason, string> = {
  accurate: '经核实信息属实',
  'not-our-remit': '不属于本机关职责范围（已告知或移交主管机关）',
  'no-impact': '不影响社会稳定、不扰乱社会和经济管理秩序',
  duplicate: '与已办理的案件重复',
  other: '其他',
};

export const CLARIFICATION_SOURCES = ['public-report', 'monitoring', 'media', 'referral'] as const;
export type ClarificationSource = (typeof CLARIFICATION_SOURCES)[number];
export const SOURCE_LABELS: Record<ClarificationSource, string> = {
  'public-report': '公众反映',
  monitoring: '舆情监测',
  media: '媒体报道',
  referral: '上级或其他机关转来',
};

// ---------------------------------------------------------------------------------------------
// The case

export interface Assessment {
  readonly aboutAgencyWork: boolean;
  readonly falsity: FalsityKind;
  readonly impact: ImpactLevel;
  readonly note: string;
  readonly responsibleDepartment: string;
  readonly by: string;
  readonly on: IsoDate;
}

export interface Verification {
  readonly department: string;
  readonly facts: string;
  readonly by: string;
  readonly on: IsoDate;
}

/** What the published clarification says (domain.md §5.3: the false claim, the facts, sources). */
export interface ClarificationDraft {
  readonly title: string;
  readonly falseClaim: string;
  readonly facts: string;
  readonly sources: readonly string[];
  /** Catalogue item ids it concerns (those items show a notice linking back). */
  readonly relatedItemIds: readonly string[];
}

export interface FollowUp {
  readonly on: IsoDate;
  readonly by: string;
  readonly reach: string;
  readonly furtherStatementNeeded: boolean;
}

export interface Publication {
  readonly round: number;
  readonly on: IsoDate;
  readonly releaseId: string;
  readonly reviewId: string;
  readonly by: string;
}

export interface ClarificationCase {
  readonly id: string;
  readonly status: ClarificationStatus;
  readonly source: ClarificationSource;
  /**
   * The instant the case was registered, from which its period runs (ISO 8601 UTC). Absent on cases
   * stored before the period counted hours: those keep the working-day `due` they were given.
   */
  readonly registeredAt?: Instant;
  /** The Asia/Shanghai date of `registeredAt` (of registration, for cases stored before it). */
  readonly registeredOn: IsoDate;
  readonly urgent: boolean;
  /** Internal due instant for verification and clarification: `registeredAt` + the configured hours (urgent: fewer). */
  readonly dueAt?: Instant;
  /**
   * The Asia/Shanghai date of `dueAt`, for the date-keyed deadline index, queues and counts (on
   * cases stored before `dueAt`, the working-day due date they were given).
   */
  readonly due: IsoDate;
  /** Only ever true on cases stored before `dueAt` (a count in hours needs no holiday schedule). */
  readonly dueProvisional: boolean;
  readonly handlerId?: string;
  readonly assessment?: Assessment;
  readonly verification?: Verification;
  readonly draft?: ClarificationDraft;
  /** Round of drafting: a further statement after publication starts a new round. */
  readonly round: number;
  readonly secrecyReviewId?: string;
  readonly approvedBy?: string;
  readonly publications: readonly Publication[];
  readonly followUps: readonly FollowUp[];
  readonly unfounded?: { readonly reason: UnfoundedReason; readonly note: string; readonly by: string; readonly on: IsoDate };
  readonly closedOn?: IsoDate;
}

// ---------------------------------------------------------------------------------------------
// Configuration: the agency's internal deadlines

export interface ClarificationConfig {
  /**
   * Natural hours from registration to publish the clarification. The Regulation sets no number
   * (“promptly”); 国办发〔2016〕61号 expects a response to government-related public opinion within
   * 48 hours, so 48 by default.
   */
  readonly hours: number;
  /**
   * Urgent cases (particularly serious or serious emergencies, hot issues): 61号 and 80号 expect a
   * press conference within 24 hours at the latest (80号: authoritative information within 5), so 24.
   */
  readonly urgentHours: number;
}

export const DEFAULT_CLARIFICATION_CONFIG: ClarificationConfig = { hours: 48, urgentHours: 24 };

const HOUR_MS = 3_600_000;

export interface ClarificationDue {
  readonly dueAt: Instant;
  /** The Asia/Shanghai date of `dueAt`, whatever the server's time zone. */
  readonly due: IsoDate;
  /** A count in hours needs no holiday schedule, so it is never provisional. */
  readonly provisional: false;
}

/** The internal due instant: `registeredAt` + the configured hours (urgent: fewer), weekends and holidays included. */
export function clarificationDue(registeredAt: Instant | Date, urgent: boolean, config: ClarificationConfig = DEFAULT_CLARIFICATION_CONFIG): ClarificationDue {
  const dueAt = toInstant(new Date(instantMs(registeredAt) + (urgent ? config.urgentHours : config.hours) * HOUR_MS));
  return { dueAt, due: shanghaiDateOf(dueAt), provisional: false };
}

/** Whether the case has an open internal deadline (until publication or closure). */
export function hasOpenDeadline(c: Pick<ClarificationCase, 'status'>): boolean {
  return !['published', 'closed', 'closed-unfounded'].includes(c.status);
}

export interface OpenClarificationInput {
  readonly id: string;
  readonly source: ClarificationSource;
  /** The instant of registration: the period runs from it. */
  readonly registeredAt: Instant | Date;
  readonly urgent: boolean;
  /** The clerk who created a monitoring case becomes its handler. */
  readonly handlerId?: string;
}

export function openClarification(input: OpenClarificationInput, config: ClarificationConfig = DEFAULT_CLARIFICATION_CONFIG): ClarificationCase {
  const registeredAt = toInstant(input.registeredAt);
  const { dueAt, due, provisional } = clarificationDue(registeredAt, input.urgent, config);
  return {
    id: input.id,
    status: 'registered',
    source: input.source,
    registeredAt,
    registeredOn: shanghaiDateOf(registeredAt),
    urgent: input.urgent,
    dueAt,
    due,
    dueProvisional: provisional,
    ...(input.handlerId ? { handlerId: input.handlerId } : {}),
    round: 1,
    publications: [],
    followUps: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Commands and the table

export type ClarificationCommand =
  | { readonly type: 'startAssessment' }
  /** The shorter due instant follows from the registration instant and the agency's urgent hours. */
  | { readonly type: 'markUrgent'; readonly reason: string }
  | {
      readonly type: 'recordAssessment';
      readonly aboutAgencyWork: boolean;
      readonly falsity: FalsityKind;
      readonly impact: ImpactLevel;
      readonly note: string;
      readonly responsibleDepartment: string;
    }
  | { readonly type: 'recordVerification'; readonly department: string; readonly facts: string }
  | { readonly type: 'saveDraft'; readonly draft: ClarificationDraft }
  | { readonly type: 'submitForSecrecyReview'; readonly secrecyReviewId: string }
  | { readonly type: 'recordReviewApproved'; readonly secrecyReviewId: string; readonly secrecyReviewApproved: boolean }
  | { readonly type: 'returnToDrafting'; readonly reason: string }
  | { readonly type: 'approve' }
  | { readonly type: 'publish'; readonly releaseId: string; readonly secrecyReviewApproved: boolean }
  | { readonly type: 'recordFollowUp'; readonly reach: string; readonly furtherStatementNeeded: boolean }
  | { readonly type: 'startFurtherStatement'; readonly reason: string }
  | { readonly type: 'close' }
  | { readonly type: 'closeUnfounded'; readonly reason: UnfoundedReason; readonly note: string };

export type ClarificationCommandType = ClarificationCommand['type'];

/** What clarification decisions need besides actor and time: the agency's periods (hours need no calendar). */
export interface ClarificationFacts {
  readonly config: ClarificationConfig;
}
export type ClarificationContext = CaseContext<ClarificationFacts>;

const HANDLING: readonly ActorRole[] = ['clerk', 'head'];

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((value) => ({ value, label: labels[value] }));
const reasonField = (label = '理由'): StepField => ({ name: 'reason', label, kind: 'textarea', required: true });

/** `form`: the fields each step asks for (the web layer renders them, commands.ts validates the same names). */
export const CLARIFICATION_TRANSITIONS: readonly Transition<ClarificationStatus, ClarificationCommandType, ClarificationFacts>[] = [
  { command: 'startAssessment', label: '开始研判', from: ['registered'], to: 'assessing', roles: HANDLING, handlerOnly: true },
  {
    command: 'markUrgent',
    label: '标记为紧急',
    from: OPEN,
    to: 'same',
    roles: ['head', 'leader'],
    form: { fields: [{ name: 'reason', label: '紧急的理由', kind: 'text', required: true }], tone: 'secondary' },
  },
  {
    command: 'recordAssessment',
    label: '登记研判结论',
    from: ['assessing'],
    to: 'verifying',
    roles: HANDLING,
    handlerOnly: true,
    form: {
      fields: [
        {
          name: 'falsity',
          label: '研判结论',
          kind: 'select',
          required: true,
          options: options(
            FALSITY_KINDS.filter((k) => k !== 'accurate'),
            FALSITY_LABELS,
          ),
        },
        { name: 'impact', label: '影响程度', kind: 'select', required: true, options: options(IMPACT_LEVELS, IMPACT_LABELS) },
        { name: 'responsibleDepartment', label: '负责核实的部门', kind: 'text', required: true },
        { name: 'note', label: '研判意见', kind: 'textarea', required: true },
      ],
    },
  },
  {
    command: 'recordVerification',
    label: '登记核实情况',
    from: ['verifying'],
    to: 'drafting',
    roles: HANDLING,
    handlerOnly: true,
    form: {
      fields: [
        { name: 'department', label: '核实部门', kind: 'text', required: true },
        { name: 'facts', label: '核实情况', kind: 'textarea', required: true },
      ],
    },
  },
  {
    command: 'saveDraft',
    label: '保存澄清稿',
    from: ['drafting'],
    to: 'same',
    roles: HANDLING,
    handlerOnly: true,
    form: {
      fields: [
        { name: 'title', label: '标题', kind: 'text', required: true },
        { name: 'falseClaim', label: '网传说法（需要澄清的内容）', kind: 'textarea', required: true },
        { name: 'facts', label: '事实情况', kind: 'textarea', rows: 8, required: true },
        { name: 'sources', label: '信息来源或依据（每行一项）', kind: 'list', rows: 4, required: true },
        { name: 'relatedItemIds', label: '关联的公开信息编号（每行一项）', kind: 'list', rows: 2, hint: '关联信息页面将显示指向本澄清说明的提示。' },
      ],
    },
  },
  { command: 'submitForSecrecyReview', label: '提交保密审查', from: ['drafting'], to: 'secrecy-review', roles: ['clerk'], handlerOnly: true },
  { command: 'recordReviewApproved', label: '保密审查通过', from: ['secrecy-review'], to: 'leader-approval', roles: ['clerk', 'head', 'reviewer', 'system'], handlerOnly: true },
  {
    command: 'returnToDrafting',
    label: '退回修改',
    from: ['secrecy-review', 'leader-approval', 'approved'],
    to: 'drafting',
    roles: ['clerk', 'head', 'reviewer', 'leader'],
    form: { fields: [reasonField()], tone: 'secondary' },
  },
  { command: 'approve', label: '领导批准发布', from: ['leader-approval'], to: 'approved', roles: ['leader'] },
  { command: 'publish', label: '发布澄清信息', from: ['approved'], to: 'published', roles: ['clerk', 'leader', 'admin'], handlerOnly: true },
  {
    command: 'recordFollowUp',
    label: '登记跟踪情况',
    from: ['published'],
    to: 'same',
    roles: HANDLING,
    handlerOnly: true,
    form: {
      fields: [
        { name: 'reach', label: '传播和回应情况', kind: 'textarea', required: true },
        {
          name: 'furtherStatementNeeded',
          label: '是否需要再次发布说明',
          kind: 'radio',
          options: [
            { value: 'no', label: '不需要' },
            { value: 'yes', label: '需要' },
          ],
        },
      ],
    },
  },
  { command: 'startFurtherStatement', label: '再次发布说明', from: ['published'], to: 'drafting', roles: ['head', 'leader'], form: { fields: [reasonField()] } },
  { command: 'close', label: '办结', from: ['published'], to: 'closed', roles: HANDLING, handlerOnly: true },
  {
    command: 'closeUnfounded',
    label: '不予澄清并办结',
    from: BEFORE_DRAFT_DONE,
    to: 'closed-unfounded',
    roles: ['head', 'leader'],
    form: {
      fields: [
        { name: 'reason', label: '理由', kind: 'select', required: true, options: options(UNFOUNDED_REASONS, UNFOUNDED_LABELS) },
        { name: 'note', label: '具体说明', kind: 'textarea', required: true },
      ],
      tone: 'secondary',
    },
  },
];

export const CLARIFICATION_COMMAND_LABELS = Object.fromEntries(CLARIFICATION_TRANSITIONS.map((t) => [t.command, t.label])) as Record<ClarificationCommandType, string>;

/** Heading of the reviewed list of related item ids (rendered as links, not as text). */
export const RELATED_HEADING = '相关信息编号';

/** The text that goes to secrecy review and, once approved, is released unchanged. */
export function clarificationText(d: ClarificationDraft): string {
  return [
    d.title,
    '',
    '【网传说法】',
    d.falseClaim,
    '',
    '【事实情况】',
    d.facts,
    '',
    '【信息来源】',
    ...d.sources.map((s, i) => `${i + 1}. ${s}`),
    // The links are reviewed too: nothing about the clarification goes out unreviewed.
    ...(d.relatedItemIds.length > 0 ? ['', `【${RELATED_HEADING}】`, ...d.relatedItemIds] : []),
  ].join('\n');
}

/**
 * The secrecy gate of publication: the case may be published only with an approved review. The
 * caller asks before anything leaves the agency; the `publish` effect asks again.
 */
export function assertClarificationReviewApproved(approved: boolean): void {
  ensure(approved, 'REVIEW_NOT_APPROVED', '保密审查未通过，不能发布（先审查、后公开）。');
}

export const clarificationWorkflow = defineWorkflow<ClarificationCase, ClarificationStatus, ClarificationCommand, ClarificationFacts>({
  name: 'clarification',
  noun: '澄清案件',
  states: CLARIFICATION_STATUSES,
  labels: CLARIFICATION_STATUS_LABELS,
  terminal: CLARIFICATION_TERMINAL,
  transitions: CLARIFICATION_TRANSITIONS,
  stateOf: (c) => c.status,
  withState: (c, status) => ({ ...c, status }),
  idOf: (c) => c.id,
  handlerOf: (c) => c.handlerId,
  // Rules that need no input: `check` answers them for buttons and before any external step.
  guards: {
    markUrgent: (c) => unless(!c.urgent, 'ALREADY_URGENT', '该案件已标记为紧急。'),
    submitForSecrecyReview: (c) => unless(c.draft, 'NO_DRAFT', '请先保存澄清稿。') ?? unless(c.verification, 'NOT_VERIFIED', '尚未登记核实情况。'),
    approve: (c) => unless(c.secrecyReviewId, 'NO_REVIEW', '没有保密审查记录，不能批准发布。'),
    publish: (c) => unless(c.approvedBy, 'NOT_APPROVED', '尚未经领导批准，不能发布。'),
    close: (c) => {
      const last = c.followUps[c.followUps.length - 1];
      return unless(last, 'NO_FOLLOW_UP', '请先登记发布后的跟踪情况，再办结。') ?? unless(!last?.furtherStatementNeeded, 'FURTHER_STATEMENT_NEEDED', '最近一次跟踪认为需要再次发布说明，不能办结。');
    },
  },
  // The input is the parsed command (commands.ts); the effects keep the rules about the case.
  effects: {
    startAssessment: (c, _cmd, ctx) => ({ patch: { handlerId: c.handlerId ?? ctx.actor.id } }),
    markUrgent: (c, cmd, ctx): Effect<ClarificationCase, ClarificationStatus> => {
      // Stored before the hour rule: no instant to count from (none is invented), the due date stays.
      if (!c.registeredAt) return { patch: { urgent: true }, data: { reason: cmd.reason, due: c.due } };
      const urgent = clarificationDue(c.registeredAt, true, ctx.config);
      ensure(c.dueAt ? instantMs(urgent.dueAt) <= instantMs(c.dueAt) : urgent.due <= c.due, 'URGENT_LATER', '紧急案件的期限不能晚于原期限。');
      return { patch: { urgent: true, dueAt: urgent.dueAt, due: urgent.due, dueProvisional: urgent.provisional }, data: { reason: cmd.reason, due: urgent.due, dueAt: urgent.dueAt } };
    },
    recordAssessment: (_c, cmd, ctx) => {
      ensure(cmd.aboutAgencyWork, 'NOT_OUR_REMIT', '该信息不涉及本机关工作：请“不予澄清并办结”并告知主管机关。');
      ensure(cmd.falsity !== 'accurate', 'ACCURATE', '研判认为信息属实：请“不予澄清并办结”。');
      const { falsity, impact, note, responsibleDepartment } = cmd;
      return { patch: { assessment: { aboutAgencyWork: true, falsity, impact, note, responsibleDepartment, by: ctx.actor.id, on: ctx.today } }, data: { falsity, impact } };
    },
    recordVerification: (_c, { department, facts }, ctx) => ({ patch: { verification: { department, facts, by: ctx.actor.id, on: ctx.today } }, data: { department } }),
    saveDraft: (_c, { draft }) => ({ patch: { draft }, data: { relatedItems: draft.relatedItemIds.length, sources: draft.sources.length } }),
    submitForSecrecyReview: (_c, cmd) => {
      const secrecyReviewId = requireText(cmd.secrecyReviewId, 'secrecyReviewId', '审查单编号', 100);
      return { patch: { secrecyReviewId }, data: { secrecyReviewId } };
    },
    recordReviewApproved: (c, cmd) => {
      ensure(cmd.secrecyReviewId === c.secrecyReviewId, 'WRONG_REVIEW', '审查单与本案件的澄清稿不对应。');
      ensure(cmd.secrecyReviewApproved, 'REVIEW_NOT_APPROVED', '保密审查尚未通过，不能报请领导审批。');
      return { data: { secrecyReviewId: cmd.secrecyReviewId } };
    },
    // A returned draft needs the leader's approval again.
    returnToDrafting: (_c, cmd) => ({ patch: { approvedBy: undefined }, data: { reason: cmd.reason } }),
    approve: (_c, _cmd, ctx) => ({ patch: { approvedBy: ctx.actor.id } }),
    publish: (c, cmd, ctx) => {
      assertClarificationReviewApproved(cmd.secrecyReviewApproved);
      const releaseId = requireText(cmd.releaseId, 'releaseId', '发布记录', 100);
      return {
        patch: { publications: [...c.publications, { round: c.round, on: ctx.today, releaseId, reviewId: c.secrecyReviewId!, by: ctx.actor.id }] },
        data: { releaseId, round: c.round },
      };
    },
    recordFollowUp: (c, { reach, furtherStatementNeeded }, ctx) => ({
      patch: { followUps: [...c.followUps, { on: ctx.today, by: ctx.actor.id, reach, furtherStatementNeeded }] },
      data: { furtherStatementNeeded },
    }),
    // A new round: its draft is reviewed and approved afresh.
    startFurtherStatement: (c, cmd) => ({ patch: { round: c.round + 1, secrecyReviewId: undefined, approvedBy: undefined }, data: { reason: cmd.reason, round: c.round + 1 } }),
    close: (_c, _cmd, ctx) => ({ patch: { closedOn: ctx.today } }),
    closeUnfounded: (_c, { reason, note }, ctx) => ({ patch: { unfounded: { reason, note, by: ctx.actor.id, on: ctx.today }, closedOn: ctx.today }, data: { reason } }),
  },
});
