/**
 * The publishing workflow as a transition table (style.md point 3): state × command → next
 * state, or IllegalPublishingStepError (409) with a Chinese message saying what to do instead.
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
 * Pure: commands take the record, the command and `at` (an instant from the Clock port) and
 * return the next record plus events for the audit log and for the search/feed updaters.
 */
import type { IsoDate, WorkingCalendar } from '../calendar';
import type { SecrecyReview } from '../secrecy';
import { IllegalPublishingStepError, IndexNumberConflictError, SecrecyClearanceError, CatalogueValidationError } from './errors';
import type { DisclosureRecord, ItemContent, ItemVersion, ValidityStatus } from './item';
import { instantMs, shanghaiDateOf, type Instant } from '../calendar/instant';

export type WorkflowState = 'draft' | 'submitted' | 'approved' | 'scheduled' | 'published' | 'withdrawn' | 'discarded';

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

export const COMMAND_LABELS: Record<PublishingCommandType, string> = {
  edit: '修改',
  submit: '提交审核',
  return: '退回修改',
  approve: '审核通过',
  schedule: '定时发布',
  unschedule: '取消定时',
  publish: '发布',
  reopen: '重新编辑',
  revise: '修订（生成新版本）',
  discard: '放弃草稿',
  markValidity: '标注有效性',
  markCorrected: '标注已更正',
  withdraw: '撤回',
};

/**
 * The table. A missing entry is an illegal step; the message for it comes from HINTS.
 * `null` means "stays in the same state".
 */
const TRANSITIONS: Readonly<Record<WorkflowState, Partial<Record<PublishingCommandType, WorkflowState | null>>>> = {
  draft: { edit: null, submit: 'submitted', discard: 'discarded', markValidity: null, markCorrected: null, withdraw: 'withdrawn' },
  submitted: { return: 'draft', approve: 'approved', markValidity: null, markCorrected: null, withdraw: 'withdrawn' },
  approved: { schedule: 'scheduled', publish: 'published', reopen: 'draft', markValidity: null, markCorrected: null, withdraw: 'withdrawn' },
  scheduled: { unschedule: 'approved', publish: 'published', reopen: 'draft', markValidity: null, markCorrected: null, withdraw: 'withdrawn' },
  published: { revise: 'draft', markValidity: null, markCorrected: null, withdraw: 'withdrawn' },
  withdrawn: {},
  discarded: {},
};

const HINTS: Partial<Record<WorkflowState, Partial<Record<PublishingCommandType, string>>>> = {
  submitted: {
    edit: '信息已提交审核，不能修改；如需修改，请先退回草稿。',
    submit: '信息已提交审核，请勿重复提交。',
    publish: '信息尚未通过保密审查，不能发布。',
    schedule: '信息尚未通过保密审查，不能设置定时发布。',
  },
  draft: {
    approve: '草稿尚未提交审核，不能直接审核通过。',
    publish: '草稿必须先提交审核并通过保密审查，才能发布。',
    schedule: '草稿必须先提交审核并通过保密审查，才能设置定时发布。',
    revise: '已有正在编辑的版本，请在该版本上修改。',
  },
  approved: {
    edit: '信息已审核通过，修改会使审查结论失效；如需修改，请选择“重新编辑”。',
    submit: '信息已审核通过，无需再次提交。',
    approve: '信息已审核通过。',
  },
  scheduled: {
    edit: '信息已设置定时发布，如需修改，请选择“重新编辑”。',
    schedule: '信息已设置定时发布；如需更改时间，请先取消定时。',
  },
  published: {
    edit: '已发布的信息不能直接修改，请选择“修订”生成新版本，新版本审核通过后替换公开版本。',
    submit: '已发布的信息不能直接提交，请先选择“修订”生成新版本。',
    publish: '该信息已发布。',
    discard: '已发布的信息不能放弃，如需下线请使用“撤回”并说明理由。',
  },
  withdrawn: { withdraw: '该信息已撤回。' },
};

function illegal(state: WorkflowState, type: PublishingCommandType): never {
  const hint =
    HINTS[state]?.[type] ??
    (state === 'withdrawn'
      ? '该信息已撤回，不能再进行此操作；如需重新公开，请新建信息并重新审查。'
      : state === 'discarded'
        ? '该信息已放弃，不能再进行此操作。'
        : `当前状态为“${WORKFLOW_STATE_LABELS[state]}”，不能执行“${COMMAND_LABELS[type]}”。`);
  throw new IllegalPublishingStepError(hint, type, state);
}

/** Commands allowed now (for the buttons on the staff page). */
export function allowedCommands(record: DisclosureRecord): PublishingCommandType[] {
  const state = workflowState(record);
  return (Object.keys(TRANSITIONS[state]) as PublishingCommandType[]).filter((c) => c !== 'withdraw' || hasEverBeenPublic(record));
}

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

export type PublishingEvent = {
  readonly itemId: string;
  readonly version: number;
  readonly at: Instant;
  readonly by: string;
} & (
  | { readonly type: 'ItemCreated' }
  | { readonly type: 'ItemEdited' }
  | { readonly type: 'ItemSubmitted'; readonly digest: string }
  | { readonly type: 'ItemReturned'; readonly reason: string }
  | { readonly type: 'ItemApproved'; readonly reviewId: string; readonly digest: string; readonly indexNumber: string }
  | { readonly type: 'ItemScheduled'; readonly publishAt: Instant }
  | { readonly type: 'ItemUnscheduled' }
  | { readonly type: 'ItemPublished'; readonly supersedes?: number }
  | { readonly type: 'ItemReopened'; readonly reason: string }
  | { readonly type: 'ItemRevised'; readonly changedOn: IsoDate }
  | { readonly type: 'ItemDiscarded' }
  | { readonly type: 'ItemValidityMarked'; readonly status: ValidityStatus; readonly since?: IsoDate }
  | { readonly type: 'ItemVersionCorrected'; readonly caseId: string }
  | { readonly type: 'ItemWithdrawn'; readonly reason: string }
);

export interface PublishingResult {
  readonly record: DisclosureRecord;
  readonly events: readonly PublishingEvent[];
  /** True when the public projection may have changed: re-index search, rebuild feeds/sitemap. */
  readonly publicChanged: boolean;
}

export interface CommandContext {
  readonly at: Instant;
  /** Staff id of the actor (or a system job id for the scheduled publisher). */
  readonly by: string;
}

/** A new record with version 1 as a draft. */
export function createRecord(id: string, content: ItemContent, ctx: CommandContext): PublishingResult {
  instantMs(ctx.at);
  const v: ItemVersion = { number: 1, status: 'draft', content, createdAt: ctx.at, updatedAt: ctx.at };
  const record: DisclosureRecord = { id, versions: [v], validity: { status: 'valid' }, createdAt: ctx.at, updatedAt: ctx.at };
  return { record, events: [{ type: 'ItemCreated', itemId: id, version: 1, at: ctx.at, by: ctx.by }], publicChanged: false };
}

const requireText = (value: string, field: string, label: string) => {
  if (value.trim() === '') throw new CatalogueValidationError(`请填写${label}`, { [field]: `请填写${label}` });
};

/** Applies one command; throws IllegalPublishingStepError (409) for a step the table does not allow. */
export function applyPublishingCommand(record: DisclosureRecord, command: PublishingCommand, ctx: CommandContext): PublishingResult {
  const state = workflowState(record);
  const next = TRANSITIONS[state][command.type];
  if (next === undefined) illegal(state, command.type);
  if (command.type === 'withdraw' && !hasEverBeenPublic(record)) {
    throw new IllegalPublishingStepError('尚未发布的信息无需撤回；如不再发布，请退回后放弃草稿。', 'withdraw', state);
  }
  const at = ctx.at;
  const atMs = instantMs(at);
  const working = workingVersion(record);
  const base = { itemId: record.id, at, by: ctx.by };
  const replaceWorking = (patch: Partial<ItemVersion>): DisclosureRecord['versions'] =>
    record.versions.map((v) => (v === working ? { ...v, ...patch, updatedAt: at } : v));
  const done = (r: Partial<DisclosureRecord>, events: PublishingEvent[], publicChanged = false): PublishingResult => ({
    record: { ...record, ...r, updatedAt: at },
    events,
    publicChanged,
  });

  switch (command.type) {
    case 'edit': {
      const w = working!;
      return done({ versions: replaceWorking({ content: command.content }) }, [{ ...base, type: 'ItemEdited', version: w.number }]);
    }
    case 'submit': {
      const w = working!;
      if (!/^[0-9a-f]{64}$/.test(command.digest)) throw new CatalogueValidationError('内容摘要无效，请重新提交', { digest: 'invalid' });
      const { approval: _a, ...rest } = w;
      const versions = record.versions.map((v) => (v === w ? { ...rest, status: 'submitted' as const, digest: command.digest, submittedAt: at, updatedAt: at } : v));
      return done({ versions }, [{ ...base, type: 'ItemSubmitted', version: w.number, digest: command.digest }]);
    }
    case 'return': {
      requireText(command.reason, 'reason', '退回理由');
      const w = working!;
      return done({ versions: replaceWorking({ status: 'draft' }) }, [{ ...base, type: 'ItemReturned', version: w.number, reason: command.reason }]);
    }
    case 'approve': {
      const w = working!;
      const c = command.clearance;
      if (c.status !== 'approved') {
        throw new SecrecyClearanceError('保密审查尚未通过，不能审核通过。', `review ${c.reviewId} status ${c.status}`);
      }
      if (c.digest !== w.digest) {
        throw new SecrecyClearanceError('保密审查通过的内容与提交发布的内容不一致，请对当前内容重新进行保密审查。', `review digest ${c.digest} ≠ submitted ${w.digest}`);
      }
      let indexNumber = record.indexNumber;
      if (indexNumber === undefined) {
        if (!command.indexNumber) throw new IndexNumberConflictError('尚未分配索引号，请重试。', 'approve without index number');
        indexNumber = command.indexNumber;
      } else if (command.indexNumber !== undefined && command.indexNumber !== indexNumber) {
        throw new IndexNumberConflictError(`索引号一经分配不得更改（现为${indexNumber}）。`, `attempt to renumber to ${command.indexNumber}`);
      }
      return done({ indexNumber, versions: replaceWorking({ status: 'approved', approval: { reviewId: c.reviewId, digest: c.digest, at, by: ctx.by } }) }, [
        { ...base, type: 'ItemApproved', version: w.number, reviewId: c.reviewId, digest: c.digest, indexNumber },
      ]);
    }
    case 'schedule': {
      const w = working!;
      if (instantMs(command.publishAt) <= atMs) throw new CatalogueValidationError('定时发布时间必须晚于当前时间', { publishAt: '定时发布时间必须晚于当前时间' });
      // A future scheduled time is invisible until then (projection.ts); the sweeper publishes it.
      return done({ versions: replaceWorking({ status: 'scheduled', publishAt: command.publishAt }) }, [
        { ...base, type: 'ItemScheduled', version: w.number, publishAt: command.publishAt },
      ]);
    }
    case 'unschedule': {
      const w = working!;
      if (instantMs(w.publishAt!) <= atMs) {
        throw new IllegalPublishingStepError('定时发布时间已到，信息已经公开，不能取消定时；如需下线请使用“撤回”。', 'unschedule', state);
      }
      const { publishAt: _p, ...rest } = w;
      const versions = record.versions.map((v) => (v === w ? { ...rest, status: 'approved' as const, updatedAt: at } : v));
      return done({ versions }, [{ ...base, type: 'ItemUnscheduled', version: w.number }]);
    }
    case 'publish': {
      const w = working!;
      const prev = publishedVersion(record);
      // A due scheduled version was already public from publishAt: keep that as its publication time.
      const publishedAt = w.status === 'scheduled' && w.publishAt && instantMs(w.publishAt) <= atMs ? w.publishAt : at;
      const versions = record.versions.map((v) =>
        v === w ? { ...v, status: 'published' as const, publishedAt, updatedAt: at } : v === prev ? { ...v, status: 'superseded' as const, updatedAt: at } : v,
      );
      return done({ versions }, [{ ...base, type: 'ItemPublished', version: w.number, ...(prev ? { supersedes: prev.number } : {}) }], true);
    }
    case 'reopen': {
      requireText(command.reason, 'reason', '重新编辑的理由');
      const w = working!;
      if (w.status === 'scheduled' && instantMs(w.publishAt!) <= atMs) {
        throw new IllegalPublishingStepError('定时发布时间已到，信息已经公开；如需修改，请发布后“修订”。', 'reopen', state);
      }
      const { approval: _a, publishAt: _p, digest: _d, submittedAt: _s, ...rest } = w;
      const versions = record.versions.map((v) => (v === w ? { ...rest, status: 'draft' as const, updatedAt: at } : v));
      return done({ versions }, [{ ...base, type: 'ItemReopened', version: w.number, reason: command.reason }]);
    }
    case 'revise': {
      const pub = publishedVersion(record)!;
      const number = record.versions.length + 1;
      const v: ItemVersion = { number, status: 'draft', content: command.content ?? pub.content, changedOn: command.changedOn, createdAt: at, updatedAt: at };
      return done({ versions: [...record.versions, v] }, [{ ...base, type: 'ItemRevised', version: number, changedOn: command.changedOn }]);
    }
    case 'discard': {
      const w = working!;
      return done({ versions: replaceWorking({ status: 'discarded' }) }, [{ ...base, type: 'ItemDiscarded', version: w.number }]);
    }
    case 'markValidity': {
      if (command.status !== 'valid' && !command.since) {
        throw new CatalogueValidationError('标注失效或废止时必须填写日期', { since: '请填写失效或废止日期' });
      }
      const validity = { status: command.status, ...(command.since ? { since: command.since } : {}), ...(command.note ? { note: command.note } : {}) };
      const v = publishedVersion(record) ?? working!;
      return done({ validity }, [{ ...base, type: 'ItemValidityMarked', version: v.number, status: command.status, ...(command.since ? { since: command.since } : {}) }], true);
    }
    case 'markCorrected': {
      requireText(command.summary, 'summary', '更正说明');
      const target = record.versions.find((v) => v.number === command.version);
      // Only a version that a later public version has replaced can be marked: the correction
      // itself must be published first (as a new version), so the public never sees a gap.
      if (!target || target.status !== 'superseded') {
        throw new CatalogueValidationError(`第 ${command.version} 版不是已被新版本替代的版本，不能标注为已更正；请先发布更正后的新版本。`, { version: '请选择已被替代的版本' });
      }
      const versions = record.versions.map((v) => (v === target ? { ...v, corrected: { caseId: command.caseId, summary: command.summary, at }, updatedAt: at } : v));
      return done({ versions }, [{ ...base, type: 'ItemVersionCorrected', version: target.number, caseId: command.caseId }], true);
    }
    case 'withdraw': {
      requireText(command.reason, 'reason', '撤回理由');
      // The working version stops; the published version keeps its status for the record.
      const versions = working ? replaceWorking({ status: 'discarded' }) : record.versions;
      const v = publishedVersion(record) ?? working!;
      return done({ versions, withdrawal: { at, by: ctx.by, reason: command.reason } }, [{ ...base, type: 'ItemWithdrawn', version: v.number, reason: command.reason }], true);
    }
  }
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
export function publicationDeadline(
  record: DisclosureRecord,
  calendar: WorkingCalendar,
  today: IsoDate,
  options: DeadlineOptions = {},
): PublicationDeadline | undefined {
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
