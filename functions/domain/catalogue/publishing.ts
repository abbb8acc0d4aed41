/**
 * The publishing workflow (主动公开) as a table on the case kernel (domain/case): states, who may
 * take each step from where, why a step is refused in a state that lacks it, and what each step
 * does to the record.
 *
 *   draft ──submit(digest)──▶ submitted ──approve(clearance for that digest)──▶ approved
 *     ▲  ◀──return────────────┘                                                    │
 *     └──────────reopen (voids the approval)──── approved / scheduled ◀──schedule──┤
 *                                                    │ publish                     │ publish
 *                                                    ▼                             ▼
 *                          published ──revise──▶ draft v2 … (v1 stays public until v2 is published)
 *   any state ──withdraw──▶ withdrawn (terminal; record, reason and index number kept)
 *   markValidity: 有效/失效/废止 with a date; the item stays public with its status.
 *
 * Secrecy (§4.2 先审查、后公开): approval needs the caller's statement that the secrecy review
 * is approved for exactly the digest submitted; editing after submission is refused, and
 * reopening voids the approval, so published content is always reviewed content.
 *
 * The record's state is derived (workflowState: the working version's status, or published,
 * withdrawn, discarded), so effects return the whole next record and `withState` only checks
 * that the table and the effect agree.
 *
 * Pure: a step takes the record, the command and a CaseContext (actor, instant, Shanghai date)
 * and returns the next record plus one event in the kernel's envelope.
 */
import type { IsoDate, WorkingCalendar } from '../calendar';
import {
  defineWorkflow,
  IllegalTransitionError,
  unless,
  type ActorRole,
  type CaseContext,
  type CaseEvent,
  type CaseRefusal,
  type CheckResult,
  type Effect,
  type EventData,
  type Transition,
} from '../case';
import type { SecrecyReview } from '../secrecy';
import { IllegalPublishingStepError, IndexNumberConflictError, SecrecyClearanceError, CatalogueValidationError } from './errors';
import type { DisclosureRecord, ItemContent, ItemVersion, ValidityStatus } from './item';
import { instantMs, shanghaiDateOf, type Instant } from '../calendar/instant';

export type WorkflowState = 'draft' | 'submitted' | 'approved' | 'scheduled' | 'published' | 'withdrawn' | 'discarded';

export const WORKFLOW_STATES: readonly WorkflowState[] = ['draft', 'submitted', 'approved', 'scheduled', 'published', 'withdrawn', 'discarded'];

export const WORKFLOW_STATE_LABELS: Record<WorkflowState, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '审核通过待发布',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤回',
  discarded: '已放弃',
};

/** What the caller knows about the secrecy review (domain/secrecy): its id, status and approved digest. */
export interface SecrecyClearance {
  readonly reviewId: string;
  readonly status: string;
  readonly digest: string;
}

export function clearanceFromReview(review: Pick<SecrecyReview, 'id' | 'status' | 'decision'>): SecrecyClearance {
  return { reviewId: review.id, status: review.status, digest: review.decision?.digest ?? '' };
}

export type PublishingCommand =
  | { readonly type: 'edit'; readonly content: ItemContent }
  | { readonly type: 'submit'; readonly digest: string }
  | { readonly type: 'return'; readonly reason: string }
  | { readonly type: 'approve'; readonly clearance: SecrecyClearance; readonly indexNumber?: string }
  | { readonly type: 'schedule'; readonly publishAt: Instant }
  | { readonly type: 'unschedule' }
  | { readonly type: 'publish' }
  | { readonly type: 'reopen'; readonly reason: string }
  | { readonly type: 'revise'; readonly changedOn: IsoDate; readonly content?: ItemContent }
  | { readonly type: 'discard' }
  | { readonly type: 'markValidity'; readonly status: ValidityStatus; readonly since?: IsoDate; readonly note?: string }
  /** Art. 41: marks an earlier, already replaced version as corrected by a correction case. */
  | { readonly type: 'markCorrected'; readonly version: number; readonly caseId: string; readonly summary: string }
  | { readonly type: 'withdraw'; readonly reason: string };

export type PublishingCommandType = PublishingCommand['type'];

/** A step needs no facts beyond actor and time. */
export type PublishingContext = CaseContext;

/** A row of the table: the kernel's transition plus what the item pages and the public side need. */
export interface PublishingStep extends Transition<WorkflowState, PublishingCommandType> {
  /** Why the step is refused in a state the row does not list, saying what to do instead. */
  readonly refusedIn?: Partial<Record<WorkflowState, string>>;
  /** The public projection may change: re-index search, rebuild feeds and the sitemap. */
  readonly publicChange?: boolean;
}

// Who acts, as the access policy (web/access-policy.ts) lets them reach the step.
const DRAFTERS: readonly ActorRole[] = ['clerk', 'admin'];
/** 发布 / 定时发布 (and the approval they carry): the release step still checks the review. */
const RELEASERS: readonly ActorRole[] = ['clerk', 'leader', 'admin'];
/** Taking published information down is the head of the disclosure office's or the leader's decision. */
const WITHDRAWERS: readonly ActorRole[] = ['head', 'leader'];
/** A correction case marks the replaced version, whoever handles the case. */
const ANY_STAFF: readonly ActorRole[] = ['clerk', 'head', 'reviewer', 'leader', 'admin'];
const OPEN: readonly WorkflowState[] = ['draft', 'submitted', 'approved', 'scheduled', 'published'];

const reasonField = (label: string) => ({ name: 'reason', label, kind: 'textarea' as const, required: true });

export const PUBLISHING_STEPS: readonly PublishingStep[] = [
  {
    command: 'edit',
    label: '修改',
    event: 'edited',
    from: ['draft'],
    to: 'same',
    roles: DRAFTERS,
    refusedIn: {
      submitted: '信息已提交审核，不能修改；如需修改，请先退回草稿。',
      approved: '信息已审核通过，修改会使审查结论失效；如需修改，请选择“重新编辑”。',
      scheduled: '信息已设置定时发布，如需修改，请选择“重新编辑”。',
      published: '已发布的信息不能直接修改，请选择“修订”生成新版本，新版本审核通过后替换公开版本。',
    },
  },
  {
    command: 'submit',
    label: '提交审核',
    event: 'submitted',
    from: ['draft'],
    to: 'submitted',
    // Only a clerk sends to secrecy review (the review's self stage is the author's, 经办人): the
    // table says so, so no one else is offered a button the review would refuse.
    roles: ['clerk'],
    form: { fields: [], tone: 'primary' },
    refusedIn: {
      submitted: '信息已提交审核，请勿重复提交。',
      approved: '信息已审核通过，无需再次提交。',
      published: '已发布的信息不能直接提交，请先选择“修订”生成新版本。',
    },
  },
  { command: 'return', label: '退回修改', event: 'returned', from: ['submitted'], to: 'draft', roles: DRAFTERS, form: { fields: [reasonField('退回理由')], tone: 'secondary' } },
  {
    command: 'approve',
    label: '审核通过',
    event: 'approved',
    from: ['submitted'],
    to: 'approved',
    roles: RELEASERS,
    refusedIn: { draft: '草稿尚未提交审核，不能直接审核通过。', approved: '信息已审核通过。' },
  },
  {
    command: 'schedule',
    label: '定时发布',
    event: 'scheduled',
    from: ['approved'],
    to: 'scheduled',
    roles: RELEASERS,
    form: { fields: [{ name: 'publishAt', label: '发布时间（北京时间）', kind: 'text', required: true, hint: '格式：2026-03-02T09:00' }], tone: 'secondary' },
    refusedIn: {
      draft: '草稿必须先提交审核并通过保密审查，才能设置定时发布。',
      submitted: '信息尚未通过保密审查，不能设置定时发布。',
      scheduled: '信息已设置定时发布；如需更改时间，请先取消定时。',
    },
  },
  { command: 'unschedule', label: '取消定时', event: 'unscheduled', from: ['scheduled'], to: 'approved', roles: DRAFTERS, form: { fields: [], tone: 'secondary' } },
  {
    command: 'publish',
    label: '发布',
    event: 'published',
    from: ['approved', 'scheduled'],
    to: 'published',
    roles: [...RELEASERS, 'system'],
    publicChange: true,
    form: { fields: [], tone: 'primary' },
    refusedIn: {
      draft: '草稿必须先提交审核并通过保密审查，才能发布。',
      submitted: '信息尚未通过保密审查，不能发布。',
      published: '该信息已发布。',
    },
  },
  { command: 'reopen', label: '重新编辑', event: 'reopened', from: ['approved', 'scheduled'], to: 'draft', roles: DRAFTERS, form: { fields: [reasonField('理由')], tone: 'secondary' } },
  {
    command: 'revise',
    label: '修订（生成新版本）',
    event: 'revised',
    from: ['published'],
    to: 'draft',
    roles: DRAFTERS,
    form: { fields: [{ name: 'changedOn', label: '变更日期', kind: 'date', required: true, hint: '新的 20 个工作日公开期限自该日起算' }] },
    refusedIn: { draft: '已有正在编辑的版本，请在该版本上修改。' },
  },
  {
    command: 'discard',
    label: '放弃草稿',
    event: 'discarded',
    from: ['draft'],
    to: 'discarded',
    roles: DRAFTERS,
    form: { fields: [], confirm: '确认放弃该草稿？', tone: 'warning' },
    refusedIn: { published: '已发布的信息不能放弃，如需下线请使用“撤回”并说明理由。' },
  },
  {
    command: 'markValidity',
    label: '标注有效性',
    event: 'validity-marked',
    from: OPEN,
    to: 'same',
    roles: DRAFTERS,
    publicChange: true,
    form: {
      fields: [
        {
          name: 'status',
          label: '有效性',
          kind: 'select',
          required: true,
          options: [
            { value: 'valid', label: '有效' },
            { value: 'invalid', label: '失效' },
            { value: 'repealed', label: '废止' },
          ],
        },
        { name: 'since', label: '失效或废止日期', kind: 'date' },
        { name: 'note', label: '说明', kind: 'text' },
      ],
    },
  },
  { command: 'markCorrected', label: '标注已更正', event: 'version-corrected', from: OPEN, to: 'same', roles: ANY_STAFF, publicChange: true },
  {
    command: 'withdraw',
    label: '撤回',
    event: 'withdrawn',
    from: OPEN,
    to: 'withdrawn',
    roles: WITHDRAWERS,
    publicChange: true,
    form: { fields: [{ ...reasonField('撤回理由'), hint: '至少 4 个字，理由将记录在案' }], confirm: '确认撤回？信息将从全部公开渠道下线。', tone: 'warning' },
    refusedIn: { withdrawn: '该信息已撤回。' },
  },
];

/** Why nothing more can happen to a closed record (a step the table has in no closed state). */
const CLOSED_HINTS: Partial<Record<WorkflowState, string>> = {
  withdrawn: '该信息已撤回，不能再进行此操作；如需重新公开，请新建信息并重新审查。',
  discarded: '该信息已放弃，不能再进行此操作。',
};

export const COMMAND_LABELS = Object.fromEntries(PUBLISHING_STEPS.map((t) => [t.command, t.label])) as Record<PublishingCommandType, string>;

const IN_WORKFLOW = new Set(['draft', 'submitted', 'approved', 'scheduled']);

/** The version being worked on (draft…scheduled), if any. */
export function workingVersion(record: DisclosureRecord): ItemVersion | undefined {
  const last = record.versions[record.versions.length - 1];
  return last && IN_WORKFLOW.has(last.status) ? last : undefined;
}

/** The version that is (or was last) published, if any. */
export function publishedVersion(record: DisclosureRecord): ItemVersion | undefined {
  for (let i = record.versions.length - 1; i >= 0; i--) if (record.versions[i]!.status === 'published') return record.versions[i];
  return undefined;
}

function hasEverBeenPublic(record: DisclosureRecord): boolean {
  return record.versions.some((v) => v.status === 'published' || v.status === 'superseded' || v.status === 'scheduled');
}

export function workflowState(record: DisclosureRecord): WorkflowState {
  if (record.withdrawal) return 'withdrawn';
  const w = workingVersion(record);
  if (w) return w.status as WorkflowState;
  return publishedVersion(record) ? 'published' : 'discarded';
}

/** True when approving this record needs a fresh index number (draw a serial only then). */
export function needsIndexNumber(record: DisclosureRecord): boolean {
  return record.indexNumber === undefined;
}

/** A scheduled version whose time has come is already public (projection.ts). */
const schedulePassed = (record: DisclosureRecord, at: Instant) => {
  const w = workingVersion(record);
  return w?.status === 'scheduled' && w.publishAt !== undefined && instantMs(w.publishAt) <= instantMs(at);
};

const requireText = (value: string, field: string, label: string) => {
  if (typeof value !== 'string' || value.trim() === '') throw new CatalogueValidationError(`请填写${label}`, { [field]: `请填写${label}` });
};

type Cmd<T extends PublishingCommandType> = Extract<PublishingCommand, { type: T }>;
type StepEffect<T extends PublishingCommandType> = (r: DisclosureRecord, c: Cmd<T>, ctx: PublishingContext) => Effect<DisclosureRecord, WorkflowState>;

/** The working version replaced by `patch` (fields patched with undefined are removed). */
function withWorking(record: DisclosureRecord, at: Instant, patch: Partial<ItemVersion>): DisclosureRecord['versions'] {
  const w = workingVersion(record);
  return record.versions.map((v) => {
    if (v !== w) return v;
    const next = { ...v, ...patch, updatedAt: at } as Record<string, unknown>;
    for (const [k, value] of Object.entries(patch)) if (value === undefined) delete next[k];
    return next as unknown as ItemVersion;
  });
}

const changed = (versions: DisclosureRecord['versions'], at: Instant, more: Partial<DisclosureRecord> = {}): Partial<DisclosureRecord> => ({ versions, ...more, updatedAt: at });

const EFFECTS: { readonly [T in PublishingCommandType]: StepEffect<T> } = {
  edit: (r, c, { at }) => ({ patch: changed(withWorking(r, at, { content: c.content }), at), data: { version: workingVersion(r)!.number } }),
  submit: (r, c, { at }) => {
    if (!/^[0-9a-f]{64}$/.test(c.digest)) throw new CatalogueValidationError('内容摘要无效，请重新提交', { digest: 'invalid' });
    return { patch: changed(withWorking(r, at, { status: 'submitted', digest: c.digest, submittedAt: at, approval: undefined }), at), data: { version: workingVersion(r)!.number, digest: c.digest } };
  },
  return: (r, c, { at }) => {
    requireText(c.reason, 'reason', '退回理由');
    return { patch: changed(withWorking(r, at, { status: 'draft' }), at), data: { version: workingVersion(r)!.number, reason: c.reason } };
  },
  approve: (r, c, { at, actor }) => {
    const w = workingVersion(r)!;
    const clearance = c.clearance;
    if (clearance.status !== 'approved') throw new SecrecyClearanceError('保密审查尚未通过，不能审核通过。', `review ${clearance.reviewId} status ${clearance.status}`);
    if (clearance.digest !== w.digest) {
      throw new SecrecyClearanceError('保密审查通过的内容与提交发布的内容不一致，请对当前内容重新进行保密审查。', `review digest ${clearance.digest} ≠ submitted ${w.digest}`);
    }
    let indexNumber = r.indexNumber;
    if (indexNumber === undefined) {
      if (!c.indexNumber) throw new IndexNumberConflictError('尚未分配索引号，请重试。', 'approve without index number');
      indexNumber = c.indexNumber;
    } else if (c.indexNumber !== undefined && c.indexNumber !== indexNumber) {
      throw new IndexNumberConflictError(`索引号一经分配不得更改（现为${indexNumber}）。`, `attempt to renumber to ${c.indexNumber}`);
    }
    const approval = { reviewId: clearance.reviewId, digest: clearance.digest, at, by: actor.id };
    return {
      patch: changed(withWorking(r, at, { status: 'approved', approval }), at, { indexNumber }),
      data: { version: w.number, reviewId: clearance.reviewId, digest: clearance.digest, indexNumber },
    };
  },
  schedule: (r, c, { at }) => {
    if (!(instantMs(c.publishAt) > instantMs(at))) throw new CatalogueValidationError('定时发布时间必须晚于当前时间', { publishAt: '定时发布时间必须晚于当前时间' });
    // A future scheduled time is invisible until then (projection.ts); the sweeper publishes it.
    return { patch: changed(withWorking(r, at, { status: 'scheduled', publishAt: c.publishAt }), at), data: { version: workingVersion(r)!.number, publishAt: c.publishAt } };
  },
  unschedule: (r, _c, { at }) => ({ patch: changed(withWorking(r, at, { status: 'approved', publishAt: undefined }), at), data: { version: workingVersion(r)!.number } }),
  publish: (r, _c, { at }) => {
    const w = workingVersion(r)!;
    const prev = publishedVersion(r);
    // A due scheduled version was already public from publishAt: keep that as its publication time.
    const publishedAt = schedulePassed(r, at) ? w.publishAt! : at;
    const versions = r.versions.map((v) => (v === w ? { ...v, status: 'published' as const, publishedAt, updatedAt: at } : v === prev ? { ...v, status: 'superseded' as const, updatedAt: at } : v));
    return { patch: changed(versions, at), data: { version: w.number, ...(prev ? { supersedes: prev.number } : {}) } };
  },
  reopen: (r, c, { at }) => {
    requireText(c.reason, 'reason', '重新编辑的理由');
    const patch = { status: 'draft' as const, approval: undefined, publishAt: undefined, digest: undefined, submittedAt: undefined };
    return { patch: changed(withWorking(r, at, patch), at), data: { version: workingVersion(r)!.number, reason: c.reason } };
  },
  revise: (r, c, { at }) => {
    const pub = publishedVersion(r)!;
    const number = r.versions.length + 1;
    const v: ItemVersion = { number, status: 'draft', content: c.content ?? pub.content, changedOn: c.changedOn, createdAt: at, updatedAt: at };
    return { patch: changed([...r.versions, v], at), data: { version: number, changedOn: c.changedOn } };
  },
  // Discarding a revision leaves the published version public: the record is published again.
  discard: (r, _c, { at }) => ({
    patch: changed(withWorking(r, at, { status: 'discarded' }), at),
    data: { version: workingVersion(r)!.number },
    ...(publishedVersion(r) ? { to: 'published' as const } : {}),
  }),
  markValidity: (r, c, { at }) => {
    if (c.status !== 'valid' && !c.since) throw new CatalogueValidationError('标注失效或废止时必须填写日期', { since: '请填写失效或废止日期' });
    const validity = { status: c.status, ...(c.since ? { since: c.since } : {}), ...(c.note ? { note: c.note } : {}) };
    const v = publishedVersion(r) ?? workingVersion(r)!;
    return { patch: { validity, updatedAt: at }, data: { version: v.number, status: c.status, ...(c.since ? { since: c.since } : {}) } };
  },
  markCorrected: (r, c, { at }) => {
    requireText(c.summary, 'summary', '更正说明');
    const target = r.versions.find((v) => v.number === c.version);
    // Only a version that a later public version has replaced can be marked: the correction
    // itself must be published first (as a new version), so the public never sees a gap.
    if (!target || target.status !== 'superseded') {
      throw new CatalogueValidationError(`第 ${c.version} 版不是已被新版本替代的版本，不能标注为已更正；请先发布更正后的新版本。`, { version: '请选择已被替代的版本' });
    }
    const versions = r.versions.map((v) => (v === target ? { ...v, corrected: { caseId: c.caseId, summary: c.summary, at }, updatedAt: at } : v));
    return { patch: changed(versions, at), data: { version: target.number, caseId: c.caseId } };
  },
  withdraw: (r, c, { at, actor }) => {
    requireText(c.reason, 'reason', '撤回理由');
    // The working version stops; the published version keeps its status for the record.
    const versions = workingVersion(r) ? withWorking(r, at, { status: 'discarded' }) : r.versions;
    const v = publishedVersion(r) ?? workingVersion(r)!;
    return { patch: changed(versions, at, { withdrawal: { at, by: actor.id, reason: c.reason } }), data: { version: v.number, reason: c.reason } };
  },
};

/** The publishing workflow on the case kernel. */
export const publishing = defineWorkflow<DisclosureRecord, WorkflowState, PublishingCommand>({
  name: 'item',
  noun: '信息',
  states: WORKFLOW_STATES,
  labels: WORKFLOW_STATE_LABELS,
  terminal: ['withdrawn', 'discarded'],
  transitions: PUBLISHING_STEPS,
  stateOf: workflowState,
  // The state is derived from the versions the effect wrote; a mismatch is a bug in the table.
  withState: (record, state) => {
    const actual = workflowState(record);
    if (actual !== state) throw new Error(`item ${record.id}: step led to ${actual}, table says ${state}`);
    return record;
  },
  idOf: (r) => r.id,
  guards: {
    withdraw: (r) => unless(hasEverBeenPublic(r), 'ITEM_NEVER_PUBLIC', '尚未发布的信息无需撤回；如不再发布，请退回后放弃草稿。'),
    unschedule: (r, ctx) => unless(!schedulePassed(r, ctx.at), 'ITEM_SCHEDULE_PASSED', '定时发布时间已到，信息已经公开，不能取消定时；如需下线请使用“撤回”。'),
    reopen: (r, ctx) => unless(!schedulePassed(r, ctx.at), 'ITEM_SCHEDULE_PASSED', '定时发布时间已到，信息已经公开；如需修改，请发布后“修订”。'),
  },
  effects: EFFECTS,
});

const stepOf = (command: PublishingCommandType) => PUBLISHING_STEPS.find((t) => t.command === command);

/** A table miss says what to do instead (the row's `refusedIn`), not only that the step is absent. */
function explained(record: DisclosureRecord, command: PublishingCommandType, error: CaseRefusal): CaseRefusal {
  if (!(error instanceof IllegalTransitionError)) return error;
  const state = workflowState(record);
  const label = publishing.commandLabel(command);
  const hint = stepOf(command)?.refusedIn?.[state] ?? CLOSED_HINTS[state] ?? error.message;
  return new IllegalPublishingStepError(hint, state, command, WORKFLOW_STATE_LABELS[state], label);
}

/** May this actor take the step now? Needs no input; the refusal says why in Chinese. */
export function checkPublishingStep(record: DisclosureRecord, command: PublishingCommandType, ctx: PublishingContext): CheckResult<WorkflowState, PublishingCommandType, unknown> {
  const result = publishing.check(record, command, ctx);
  return result.ok ? result : { ok: false, error: explained(record, command, result.error) };
}

/** Throws the refusal checkPublishingStep would return. */
export function assertPublishingStep(record: DisclosureRecord, command: PublishingCommandType, ctx: PublishingContext): void {
  const result = checkPublishingStep(record, command, ctx);
  if (!result.ok) throw result.error;
}

/** The steps this actor may take now (for the buttons on the staff page and the API). */
export function allowedCommands(record: DisclosureRecord, ctx: PublishingContext): PublishingCommandType[] {
  return publishing.available(record, ctx);
}

export interface PublishingResult {
  readonly record: DisclosureRecord;
  readonly event: CaseEvent<WorkflowState>;
  /** True when the public projection may have changed: re-index search, rebuild feeds/sitemap. */
  readonly publicChanged: boolean;
}

/** A new record with version 1 as a draft; creation is not a step of the table (there is no record yet). */
export function createRecord(id: string, content: ItemContent, ctx: Pick<PublishingContext, 'at' | 'actor'>): PublishingResult {
  instantMs(ctx.at);
  const v: ItemVersion = { number: 1, status: 'draft', content, createdAt: ctx.at, updatedAt: ctx.at };
  const record: DisclosureRecord = { id, versions: [v], validity: { status: 'valid' }, createdAt: ctx.at, updatedAt: ctx.at };
  const data: EventData = { version: 1 };
  return { record, event: { type: 'item.created', caseId: id, from: 'draft', to: 'draft', at: ctx.at, actor: { kind: ctx.actor.kind, id: ctx.actor.id }, data }, publicChanged: false };
}

/** Applies one step; a refused step throws the kernel's refusal (a table miss as IllegalPublishingStepError). */
export function applyPublishingCommand(record: DisclosureRecord, command: PublishingCommand, ctx: PublishingContext): PublishingResult {
  assertPublishingStep(record, command.type, ctx);
  const { next, event } = publishing.decide(record, command, ctx);
  return { record: next, event, publicChanged: stepOf(command.type)?.publicChange ?? false };
}

// ---------------------------------------------------------------------------------------------
// Publication deadline (Art. 26: within 20 working days of formation or change)

export const PUBLICATION_WORKING_DAYS = 20;

export type DeadlineStatus = 'pending' | 'due-soon' | 'overdue' | 'met' | 'late';

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  pending: '未到期',
  'due-soon': '即将到期',
  overdue: '已超期未公开',
  met: '按期公开',
  late: '超期公开',
};

export interface PublicationDeadline {
  readonly version: number;
  /** 生成日期 or, for a revision, 变更日期. */
  readonly from: IsoDate;
  readonly due: IsoDate;
  /** True when the span touches a year whose holiday notice is not loaded yet. */
  readonly provisional: boolean;
  readonly status: DeadlineStatus;
  /** Working days from today to the due date (negative when overdue); for open versions only. */
  readonly workingDaysLeft?: number;
  /** Beijing date the version became (or is scheduled to become) public. */
  readonly publishedOn?: IsoDate;
  /** A scheduled time after the due date: the schedule itself would be late. */
  readonly scheduledAfterDue?: boolean;
}

export interface DeadlineOptions {
  /** A law or regulation may set another period (Art. 26). */
  readonly workingDays?: number;
  /** Warn when this many working days or fewer remain. */
  readonly warnWithin?: number;
}

/**
 * The publication deadline of the version that matters now: the working version if there is one,
 * otherwise the published one. Undefined for items that are not 主动公开, and for withdrawn or
 * discarded records.
 */
export function publicationDeadline(record: DisclosureRecord, calendar: WorkingCalendar, today: IsoDate, options: DeadlineOptions = {}): PublicationDeadline | undefined {
  const state = workflowState(record);
  if (state === 'withdrawn' || state === 'discarded') return undefined;
  const v = workingVersion(record) ?? publishedVersion(record)!;
  if (v.content.disclosureAttribute !== 'proactive') return undefined;
  const from = v.changedOn ?? v.content.formedOn;
  const { due, provisional } = calendar.addWorkingDays(from, options.workingDays ?? PUBLICATION_WORKING_DAYS);
  const warnWithin = options.warnWithin ?? 3;
  // A scheduled version is public from its publishAt (projection.ts), before the sweeper runs.
  const effective = v.publishedAt ?? (v.status === 'scheduled' ? v.publishAt : undefined);
  if (effective) {
    const publishedOn = shanghaiDateOf(effective);
    if (publishedOn <= today) return { version: v.number, from, due, provisional, status: publishedOn <= due ? 'met' : 'late', publishedOn };
  }
  const left = calendar.workingDaysBetween(today, due);
  const status: DeadlineStatus = today > due ? 'overdue' : left <= warnWithin ? 'due-soon' : 'pending';
  const scheduled = v.status === 'scheduled' && v.publishAt ? shanghaiDateOf(v.publishAt) : undefined;
  return {
    version: v.number,
    from,
    due,
    provisional,
    status,
    workingDaysLeft: left,
    ...(scheduled ? { publishedOn: scheduled, scheduledAfterDue: scheduled > due } : {}),
  };
}

/** The staff overdue list: open versions past (or near) their due date, most urgent first. */
export function publicationAlerts(
  records: readonly DisclosureRecord[],
  calendar: WorkingCalendar,
  today: IsoDate,
  options: DeadlineOptions = {},
): { readonly id: string; readonly title: string; readonly deadline: PublicationDeadline }[] {
  const out: { id: string; title: string; deadline: PublicationDeadline }[] = [];
  for (const r of records) {
    const d = publicationDeadline(r, calendar, today, options);
    if (d && (d.status === 'overdue' || d.status === 'due-soon' || d.scheduledAfterDue)) {
      const v = workingVersion(r) ?? publishedVersion(r)!;
      out.push({ id: r.id, title: v.content.title, deadline: d });
    }
  }
  return out.sort((a, b) => (a.deadline.workingDaysLeft ?? 0) - (b.deadline.workingDaysLeft ?? 0) || (a.deadline.due < b.deadline.due ? -1 : 1));
}
