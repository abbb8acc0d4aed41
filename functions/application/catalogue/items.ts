/**
 * Proactive disclosure (主动公开) use cases: drafting, the secrecy gate, publication, revision,
 * validity and withdrawal. The domain (domain/catalogue) decides every step; this layer loads and
 * saves, draws index numbers, talks to the secrecy review and the release step, and keeps the
 * materialised public view, the publication deadline and the search snapshot in step.
 *
 * Publishing = the version's secrecy review is approved for exactly its digest → the release step
 * prepares the release → ONE commit holds the item (published, with its index number and release),
 * its public view, the release record and the effect that writes the public copies. The copies,
 * the search entry and CDN invalidations follow from the commit (application/effects), so a
 * publish that fails its version check leaves nothing public and burns no index number.
 */
import type { AuditEventInput } from '#domain/audit/chain';
import type { WorkingCalendar } from '#domain/calendar';
import { actorOf, caseTime, jobActor, type Actor as CaseActor, type CaseContext, type CaseEvent } from '#domain/case';
import {
  allowedCommands,
  applyPublishingCommand,
  assertPublishingStep,
  clearanceFromReview,
  counterKey,
  createRecord,
  formatIndexNumber,
  needsIndexNumber,
  parseItemForm,
  publicationDeadline,
  publicProjection,
  publishing,
  shanghaiDateOf,
  workflowState,
  workingVersion,
  publishedVersion,
  type Attachment,
  type ItemContent,
  type PublicationDeadline,
  type PublishingCommand,
  type PublishingCommandType,
  type PublishingResult,
  type ValidityStatus,
  type WorkflowState,
} from '#domain/catalogue';
import { parseItemStepInput } from '#domain/catalogue/commands';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#domain/errors';
import { staffActor, systemActor, type Actor, type StaffMember } from '#domain/staff';
import type { Change, Page } from '#ports/record-store';
import { Counters } from '#repositories/counters';
import { DocumentRepository } from '#repositories/document-repository';
import type { DeadlineSummary } from '#repositories/deadline-index';
import { ItemRepository, type ItemRecord, type ItemRelease, type PublicView, type StoredItem } from '#repositories/items';
import { ReviewRepository } from '#repositories/reviews';
import { loadCalendar } from '../calendar';
import type { AppDependencies } from '../context';
import type { CaseType, DeadlineKind } from '../case/registry';
import { assertVersion, auditActor } from '../case/runner';
import { newId } from '../ids';
import { afterCommit, effectChange, type EffectAction } from '../effects';
import { prepareRelease, type ReleaseRequest } from '../release';
import { openReviewFor } from '../secrecy';
import { loadCatalogue, type LoadedCatalogue } from './settings';
import { forgetCatalogueStamp, stampChange } from './stamp';
import { withCurrentValidity } from './public';

export type CatalogueDeps = Pick<AppDependencies, 'records' | 'files' | 'clock' | 'logger' | 'config' | 'effects' | 'content'>;

export const PUBLICATION_DEADLINE_KIND = 'publication';
export const INDEX_COUNTER = 'index-number';
/** DynamoDB items are at most 400 KB; the item record holds every version (and the view one body). */
export const MAX_RECORD_BYTES = 350_000;

// ---------------------------------------------------------------------------------------------
// Helpers

/** Who takes a step: a staff member, or a scheduled job (the publisher). */
type Who = StaffMember | { readonly system: string };
const actorFor = (who: Who): CaseActor => ('system' in who ? jobActor(who.system) : actorOf(who));
const stepContext = (deps: Pick<CatalogueDeps, 'clock'>, actor: CaseActor): CaseContext => ({ actor, ...caseTime(deps.clock.now()) });

/**
 * One audit event for the steps of one commit (发布 on a submitted version approves and publishes):
 * named after the last step as the workflow names it, with the steps' facts as the runner records
 * them (from, to and the event data).
 */
function auditOf(actor: CaseActor, events: readonly CaseEvent[], extra: Record<string, unknown> = {}): AuditEventInput {
  const first = events[0]!;
  const last = events[events.length - 1]!;
  const data = Object.assign({}, ...events.map((e) => e.data)) as Record<string, unknown>;
  return {
    type: last.type,
    actor: auditActor(actor),
    data: { from: first.from, to: last.to, ...data, ...(events.length > 1 ? { steps: events.map((e) => e.type) } : {}), ...extra },
  };
}

/**
 * The text the secrecy review reads and the release step re-checks: every field shown on the public
 * page, then the Markdown body. Deterministic, so the release can prove it is what was reviewed.
 */
export function reviewTextOf(content: ItemContent): string {
  const lines = [
    `标题：${content.title}`,
    `发布机构：${[content.issuer, ...content.coIssuers].join('、')}`,
    content.documentNumber ? `文号：${content.documentNumber}` : '',
    content.writtenOn ? `成文日期：${content.writtenOn}` : '',
    content.subjectCategory ? `主题分类：${content.subjectCategory}` : '',
    content.keywords.length ? `关键词：${content.keywords.join('、')}` : '',
    content.summary ? `内容概述：${content.summary}` : '',
  ].filter(Boolean);
  return `${lines.join('\n')}\n\n${content.body}`;
}

function releaseRequestOf(itemId: string, content: ItemContent, review: { id: string; version: number }, actor: StaffMember): ReleaseRequest {
  return {
    reviewId: review.id,
    reviewVersion: review.version,
    subject: { type: 'publication', id: itemId },
    parts: { text: reviewTextOf(content), attachments: content.attachments.map((a) => ({ fileKey: a.key, fileName: a.name, contentType: a.contentType })) },
    requestedBy: staffActor(actor),
  };
}

function deadlineSummaryOf(data: Omit<StoredItem, 'openDeadline'>, calendar: WorkingCalendar, today: string): DeadlineSummary | null {
  const d = publicationDeadline(data.record, calendar, today as never);
  if (!d || d.status === 'met' || d.status === 'late') return null;
  const v = workingVersion(data.record) ?? publishedVersion(data.record)!;
  return {
    kind: PUBLICATION_DEADLINE_KIND,
    caseId: data.record.id,
    title: `主动公开：${v.content.title}`,
    due: d.due,
    provisional: d.provisional,
    calendarVersion: calendar.version,
    responsible: data.createdBy,
  };
}

/** The public view of a record at `now`: the projection plus the released copies of that version. */
export function publicViewOf(data: StoredItem, now: Date, catalogue: LoadedCatalogue): PublicView {
  const item = publicProjection(data.record, now);
  if (!item) return { id: data.record.id, item: null, files: [] };
  const release = [...data.releases].reverse().find((r) => r.version === item.version);
  const root = catalogue.tree.path(item.categoryId)[0]?.id;
  return { id: data.record.id, item, files: release?.files ?? [], ...(release ? { releaseId: release.releaseId } : {}), ...(root ? { rootCategoryId: root } : {}) };
}

const sameView = (a: PublicView | undefined, b: PublicView) => JSON.stringify(a ?? { id: b.id, item: null, files: [] }) === JSON.stringify(b);

/** The item's effect: the public copies always, the search entry when what the public sees changed. */
export function itemEffect(deps: CatalogueDeps, itemId: string, actor: Actor, viewChanged: boolean): Change {
  const actions: EffectAction[] = [{ kind: 'item-public-files', itemId }, ...(viewChanged ? [{ kind: 'item-search' as const, itemId }] : [])];
  return effectChange(deps, `item:${itemId}`, actions, actor);
}

/**
 * Saves a domain result: the item (with its deadline and work-list index) and, when the public
 * projection changed, the public view, the catalogue stamp and the item's effect, all in the SAME
 * commit. `extraChanges` ride along (a release record, an index number drawn for this commit).
 */
async function save(
  deps: CatalogueDeps,
  stepActor: CaseActor,
  current: ItemRecord | undefined,
  data: Omit<StoredItem, 'openDeadline'>,
  events: readonly CaseEvent[],
  extra: Record<string, unknown> = {},
  extraChanges: readonly Change[] = [],
): Promise<StoredItem> {
  const now = deps.clock.now();
  const [calendar, catalogue] = await Promise.all([loadCalendar(deps), loadCatalogue(deps)]);
  const stored: StoredItem = { ...data, openDeadline: deadlineSummaryOf(data, calendar, shanghaiDateOf(now)) };
  if (Buffer.byteLength(JSON.stringify(stored)) > MAX_RECORD_BYTES) {
    throw new ValidationError('信息内容过大：全部版本合计超过存储上限。请将长篇正文改为附件（PDF 或 Word）上传，正文只保留简要说明。', {
      body: '正文过长，请改为附件上传',
    });
  }
  const repo = new ItemRepository(deps.records);
  const event = auditOf(stepActor, events, extra);
  const actor = event.actor;
  const changes: Change[] = [current ? repo.updateChange(stored, current.version, event) : repo.createChange(stored, event)];
  const existingView = current ? await repo.getView(stored.record.id) : undefined;
  const view = publicViewOf(stored, now, catalogue);
  const viewChanged = !sameView(existingView?.data, view);
  if (viewChanged) {
    changes.push(
      repo.viewChange(view, existingView, {
        type: view.item ? 'public-item.updated' : 'public-item.removed',
        actor,
        data: { itemId: view.id, ...(view.item ? { version: view.item.version } : {}) },
      }),
      stampChange(),
    );
  }
  // Anything that can change what the public bucket should hold owes the item's effect: a view
  // that changed, a release prepared, a state left or entered (scheduled, reopened, withdrawn).
  const releasesChanged = (current?.data.releases.length ?? 0) !== stored.releases.length;
  const stateChanged = !current || workflowState(current.data.record) !== workflowState(stored.record);
  if (viewChanged || releasesChanged || stateChanged) changes.push(itemEffect(deps, stored.record.id, actor, viewChanged));
  await deps.records.commit([...changes, ...extraChanges]);
  if (viewChanged) forgetCatalogueStamp(deps);
  await afterCommit(deps);
  return stored;
}

async function load(deps: CatalogueDeps, id: string): Promise<ItemRecord> {
  const record = await new ItemRepository(deps.records).get(id);
  if (!record) throw new NotFoundError('该信息不存在。');
  return record;
}

const checkVersion = (record: ItemRecord, expectedVersion: number | undefined) => assertVersion(record, expectedVersion, `item ${record.data.record.id}`);

/** One step of the table on the loaded item, saved with its audit event. */
function stepOn(deps: CatalogueDeps, ctx: CaseContext, current: ItemRecord, cmd: PublishingCommand): Promise<StoredItem> {
  const result = applyPublishingCommand(current.data.record, cmd, ctx);
  return save(deps, ctx.actor, current, { ...current.data, record: result.record }, [result.event]);
}

async function command(deps: CatalogueDeps, who: Who, id: string, cmd: PublishingCommand, expectedVersion?: number): Promise<StoredItem> {
  const current = await load(deps, id);
  checkVersion(current, expectedVersion);
  return stepOn(deps, stepContext(deps, actorFor(who)), current, cmd);
}

// ---------------------------------------------------------------------------------------------
// Use cases

/**
 * How a form or API client names an attachment: a document it uploaded (and the upload step
 * verified), by id, or one the item already has, by its position. Never a storage key: the server
 * resolves keys, types, sizes and digests itself, so no client can point an item at someone else's
 * private file (an applicant's ID scan, a draft under review).
 */
export type AttachmentRef = { readonly documentId: string } | { readonly keep: number };

async function resolveAttachments(deps: CatalogueDeps, staff: StaffMember, raw: unknown, current: readonly Attachment[]): Promise<Attachment[]> {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > 50) throw new ValidationError('附件格式有误。', { attachments: '附件须为已上传文档的编号列表（不超过 50 个）。' });
  const documents = new DocumentRepository(deps.records);
  const out: Attachment[] = [];
  for (const ref of raw as unknown[]) {
    const r = (ref && typeof ref === 'object' ? ref : {}) as Record<string, unknown>;
    if (typeof r['keep'] === 'number' && Number.isInteger(r['keep']) && current[r['keep']]) {
      out.push(current[r['keep']]!);
      continue;
    }
    const id = typeof r['documentId'] === 'string' ? r['documentId'] : '';
    const doc = id ? await documents.get(id) : undefined;
    if (!doc || doc.uploadedBy.id !== staff.id) {
      throw new ValidationError('附件须是您本人上传的文档。', { attachments: '附件须先上传（/api/documents/uploads），再以文档编号 documentId 引用；不接受存储路径。' });
    }
    const bytes = await deps.files.get(doc.fileKey);
    if (!bytes) throw new ValidationError('附件文件缺失，请重新上传。', { attachments: `文档 ${doc.id} 的文件缺失，请重新上传。` });
    out.push({ key: doc.fileKey, name: doc.fileName, contentType: doc.contentType, size: bytes.byteLength, sha256: deps.content.sha256(bytes) });
  }
  return out;
}

export async function parseContent(deps: CatalogueDeps, staff: StaffMember, input: unknown, current: readonly Attachment[] = []): Promise<ItemContent> {
  const catalogue = await loadCatalogue(deps);
  const fields = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  const attachments = await resolveAttachments(deps, staff, fields['attachments'], current);
  return parseItemForm({ ...fields, attachments }, (id) => catalogue.tree.has(id));
}

/** A new draft, by whoever may edit drafts (mayCreateItem). */
export async function createItem(deps: CatalogueDeps, staff: StaffMember, input: unknown): Promise<StoredItem> {
  assertMayCreateItem(staff);
  return newDraft(deps, staff, input);
}

/**
 * Art. 44: the draft an answered application is proposed as (proposeForCatalogue). Who may propose
 * is the application's rule (mayProposeForCatalogue), checked there; the draft then follows the
 * ordinary workflow, whose table decides who edits, submits and publishes it.
 */
export function draftProposedItem(deps: CatalogueDeps, proposer: StaffMember, input: unknown, withItem: (itemId: string) => readonly Change[]): Promise<StoredItem> {
  return newDraft(deps, proposer, input, withItem);
}

/** A new draft; `withItem` gives the changes that commit with it (the application that proposed it records its id). */
async function newDraft(deps: CatalogueDeps, staff: StaffMember, input: unknown, withItem: (itemId: string) => readonly Change[] = () => []): Promise<StoredItem> {
  const content = await parseContent(deps, staff, input);
  const ctx = stepContext(deps, actorOf(staff));
  const id = newId(deps.clock.now());
  const result = createRecord(id, content, ctx);
  return save(deps, ctx.actor, undefined, { record: result.record, releases: [], createdBy: { id: staff.id, name: staff.displayName } }, [result.event], {}, withItem(id));
}

export async function editItem(deps: CatalogueDeps, staff: StaffMember, id: string, input: unknown, expectedVersion?: number): Promise<StoredItem> {
  const current = await load(deps, id);
  const content = await parseContent(deps, staff, input, workingVersion(current.data.record)?.content.attachments ?? []);
  return command(deps, staff, id, { type: 'edit', content }, expectedVersion);
}

/** Sends the working version to the secrecy review (保密审查) and records the digest it covers. */
export async function submitItem(deps: CatalogueDeps, staff: StaffMember, id: string, expectedVersion?: number): Promise<StoredItem> {
  const current = await load(deps, id);
  checkVersion(current, expectedVersion);
  // Refused steps open no review: ask the table before the review exists.
  assertPublishingStep(current.data.record, 'submit', stepContext(deps, actorOf(staff)));
  const content = workingVersion(current.data.record)!.content;
  const { record: review, change } = await openReviewFor(deps, staff, {
    subject: { type: 'publication', id, title: content.title },
    text: reviewTextOf(content),
    attachments: content.attachments.map((a) => ({ fileKey: a.key, fileName: a.name, contentType: a.contentType })),
  });
  const r = review.data.review;
  const ctx = stepContext(deps, actorOf(staff));
  const result = applyPublishingCommand(current.data.record, { type: 'submit', digest: r.contentDigest }, ctx);
  return save(deps, ctx.actor, current, { ...current.data, record: result.record, review: { id: r.id, version: review.version } }, [result.event], { reviewId: r.id }, [change]);
}

/** Returns a submitted version to draft (the review was returned or the content must change). */
export function returnItem(deps: CatalogueDeps, staff: StaffMember, id: string, reason: string, expectedVersion?: number): Promise<StoredItem> {
  return command(deps, staff, id, { type: 'return', ...parseItemStepInput('return', { reason }) }, expectedVersion);
}

/** The index number of the item's first approval, drawn for the commit that uses it. */
async function drawIndexNumber(deps: CatalogueDeps, content: ItemContent): Promise<{ indexNumber: string; change: Change; scope: string }> {
  const catalogue = await loadCatalogue(deps);
  const scheme = catalogue.settings.indexScheme;
  const ctx = {
    orgCode: catalogue.settings.profile?.code ?? deps.config.agencyCode,
    date: shanghaiDateOf(deps.clock.now()),
    ...(catalogue.tree.get(content.categoryId)?.code ? { categoryCode: catalogue.tree.get(content.categoryId)!.code! } : {}),
  };
  const scope = counterKey(scheme, ctx);
  const { value, change } = await new Counters(deps.records).drawInCommit(INDEX_COUNTER, scope);
  return { indexNumber: formatIndexNumber(scheme, { ...ctx, serial: value }), change, scope };
}

export interface PublishInput {
  /** Omit to publish now; an instant (ISO) schedules the publication. */
  readonly publishAt?: string;
  readonly expectedVersion?: number;
}

/** Another item took the index number we drew: draw again (the item itself did not move). */
const MAX_NUMBER_DRAWS = 20;

/**
 * 发布 / 定时发布: takes the approved review (approving the version in the catalogue and drawing its
 * index number on first approval), prepares the release, then publishes or schedules, all in one
 * commit. The public copies are written by the item's effect after that commit, and only while the
 * version is public: a scheduled version has none until the scheduled publisher publishes it.
 */
export async function publishItem(deps: CatalogueDeps, staff: StaffMember, id: string, input: PublishInput = {}): Promise<StoredItem> {
  for (let draw = 1; ; draw++) {
    try {
      return await publishOnce(deps, staff, id, input);
    } catch (error) {
      const scope = (error as { indexScope?: string }).indexScope;
      if (draw >= MAX_NUMBER_DRAWS || !scope || !Counters.isCounterConflict(error, INDEX_COUNTER, scope)) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * draw));
    }
  }
}

async function publishOnce(deps: CatalogueDeps, staff: StaffMember, id: string, input: PublishInput): Promise<StoredItem> {
  const current = await load(deps, id);
  checkVersion(current, input.expectedVersion);
  const ctx = stepContext(deps, actorOf(staff));
  let record = current.data.record;
  const events: CaseEvent[] = [];
  const state = workflowState(record);
  const finalStep: PublishingCommand = input.publishAt ? { type: 'schedule', publishAt: input.publishAt } : { type: 'publish' };
  // 发布 on a submitted version approves it first; on a scheduled one publishes it now (its
  // release was prepared when it was scheduled). The table says why anything else is refused.
  assertPublishingStep(record, state === 'submitted' ? 'approve' : finalStep.type, ctx);
  const w = workingVersion(record)!;
  if (!current.data.review) throw new ConflictError('该版本尚未提交保密审查。');
  const review = await new ReviewRepository(deps.records).get(current.data.review.id);
  if (!review) throw new NotFoundError('保密审查单不存在。');
  const extraChanges: Change[] = [];
  let indexScope: string | undefined;
  if (state === 'submitted') {
    const clearance = clearanceFromReview(review.data.review);
    let indexNumber: string | undefined;
    if (needsIndexNumber(record)) {
      const drawn = await drawIndexNumber(deps, w.content);
      indexNumber = drawn.indexNumber;
      indexScope = drawn.scope;
      extraChanges.push(drawn.change);
    }
    const approved = applyPublishingCommand(record, { type: 'approve', clearance, ...(indexNumber ? { indexNumber } : {}) }, ctx);
    record = approved.record;
    events.push(approved.event);
  }
  let releases = current.data.releases;
  if (!releases.some((r) => r.version === w.number)) {
    const prepared = await prepareRelease(deps, releaseRequestOf(id, w.content, { id: review.data.review.id, version: review.version }, staff), 'public');
    const receipt = prepared.receipt;
    const files = w.content.attachments.map((a, i) => {
      const f = receipt.files.find((x) => x.part === `att-${i + 1}`);
      return { name: a.name, url: f?.url ?? '', contentType: a.contentType, size: f?.sizeBytes ?? a.size };
    });
    const release: ItemRelease = { version: w.number, releaseId: receipt.releaseId, files, publicUrls: receipt.files.flatMap((f) => (f.url ? [f.url] : [])) };
    releases = [...releases, release];
    extraChanges.push(...prepared.changes);
  }
  const step: PublishingResult = applyPublishingCommand(record, finalStep, ctx);
  events.push(step.event);
  try {
    return await save(deps, ctx.actor, current, { ...current.data, record: step.record, releases }, events, { reviewId: review.data.review.id }, extraChanges);
  } catch (error) {
    if (indexScope && error instanceof Error) Object.assign(error, { indexScope });
    throw error;
  }
}

export function unscheduleItem(deps: CatalogueDeps, staff: StaffMember, id: string, expectedVersion?: number) {
  return command(deps, staff, id, { type: 'unschedule' }, expectedVersion);
}

export function reopenItem(deps: CatalogueDeps, staff: StaffMember, id: string, reason: string, expectedVersion?: number) {
  return command(deps, staff, id, { type: 'reopen', ...parseItemStepInput('reopen', { reason }) }, expectedVersion);
}

export function discardItem(deps: CatalogueDeps, staff: StaffMember, id: string, expectedVersion?: number) {
  return command(deps, staff, id, { type: 'discard' }, expectedVersion);
}

/** 修订: a new draft version from the published one (changedOn restarts the 20-working-day clock). */
export async function reviseItem(deps: CatalogueDeps, staff: StaffMember, id: string, changedOn: string, expectedVersion?: number) {
  return command(deps, staff, id, { type: 'revise', ...parseItemStepInput('revise', { changedOn }) }, expectedVersion);
}

export function markItemValidity(deps: CatalogueDeps, staff: StaffMember, id: string, input: { status: ValidityStatus; since?: string; note?: string }, expectedVersion?: number) {
  return command(deps, staff, id, { type: 'markValidity', ...parseItemStepInput('markValidity', input) }, expectedVersion);
}

/** Art. 41: an earlier version, replaced by a published correction, is marked as corrected in the history. */
export function markItemVersionCorrected(deps: CatalogueDeps, staff: StaffMember, id: string, correction: { version: number; caseId: string; summary: string }) {
  return command(deps, staff, id, { type: 'markCorrected', ...correction });
}

/**
 * 撤回: off every public surface at the commit (the view, and with it listings, feeds, sitemap;
 * search results are checked against the views). The same commit owes the item's effect, which
 * takes the released copies off the public bucket, invalidates them and the item's pages in the
 * CDN, and removes the search entry.
 */
/**
 * Taking published information down is a decision of the head of the disclosure office or the
 * leader (the table's roles), and its reason is part of the record (the audit event and the
 * version history).
 */
export const mayWithdraw = (staff: StaffMember) => mayTake(staff, 'withdraw');

/** A new item is a draft: whoever may edit drafts (the table's 修改 roles) may create one. */
export const mayCreateItem = (staff: StaffMember) => mayTake(staff, 'edit');

/** The refusal of createItem, also asked by its form page before it is shown or its uploads are read. */
export function assertMayCreateItem(staff: StaffMember): void {
  if (!mayCreateItem(staff)) throw new ForbiddenError('您无权新建主动公开信息。', `${staff.id} may not create items`);
}

function mayTake(staff: StaffMember, command: PublishingCommandType): boolean {
  const roles = publishing.transition(command)?.roles;
  return Array.isArray(roles) && staff.roles.some((r) => roles.includes(r));
}

export async function withdrawItem(deps: CatalogueDeps, staff: StaffMember, id: string, reason: string, expectedVersion?: number) {
  const current = await load(deps, id);
  checkVersion(current, expectedVersion);
  const ctx = stepContext(deps, actorOf(staff));
  // Who may, and whether it was ever public, before the reason is looked at.
  assertPublishingStep(current.data.record, 'withdraw', ctx);
  return stepOn(deps, ctx, current, { type: 'withdraw', ...parseItemStepInput('withdraw', { reason }) });
}

/** The scheduled publisher: publishes every scheduled version whose time has come. */
export async function publishDueItems(deps: CatalogueDeps): Promise<{ published: number; failed: number }> {
  const repo = new ItemRepository(deps.records);
  const nowMs = deps.clock.now().getTime();
  let published = 0;
  let failed = 0;
  let cursor: string | undefined;
  do {
    const page = await repo.byState('scheduled', 100, cursor);
    for (const r of page.items) {
      const w = workingVersion(r.data.record);
      if (!w?.publishAt || Date.parse(w.publishAt) > nowMs) continue;
      try {
        await command(deps, { system: 'scheduled-publisher' }, r.data.record.id, { type: 'publish' }, r.version);
        published++;
      } catch (error) {
        failed++;
        deps.logger.error('scheduled publication failed', { itemId: r.data.record.id, error });
      }
    }
    cursor = page.cursor;
  } while (cursor);
  return { published, failed };
}

/**
 * Validity expiry (有效期至): pages compute 失效 on read, but the stored views and the search
 * snapshot would keep 有效. The daily job rewrites the views whose 有效期至 has passed, so the
 * validity filter of search and the API agree with the pages.
 */
export async function expireLapsedValidity(deps: CatalogueDeps): Promise<{ expired: number }> {
  const repo = new ItemRepository(deps.records);
  const today = shanghaiDateOf(deps.clock.now());
  let expired = 0;
  let cursor: string | undefined;
  do {
    const page = await repo.publicViews(200, cursor);
    for (const r of page.items) {
      const item = r.data.item;
      if (!item || item.validity.status !== 'valid' || !item.validUntil || item.validUntil >= today) continue;
      const view: PublicView = { ...r.data, item: withCurrentValidity(item, today) };
      try {
        const actor = systemActor('validity-expiry');
        await deps.records.commit([
          repo.viewChange(view, r, { type: 'public-item.validity-lapsed', actor, data: { itemId: view.id, validUntil: item.validUntil } }),
          stampChange(),
          effectChange(deps, `item:${view.id}`, [{ kind: 'item-search', itemId: view.id }], actor),
        ]);
        forgetCatalogueStamp(deps);
        await afterCommit(deps);
        expired++;
      } catch (error) {
        deps.logger.error('validity expiry failed', { itemId: view.id, error });
      }
    }
    cursor = page.cursor;
  } while (cursor);
  return { expired };
}

// ---------------------------------------------------------------------------------------------
// Staff reads

export interface StaffItemView {
  readonly stored: StoredItem;
  readonly version: number;
  readonly state: WorkflowState;
  /** The steps the staff member asking may take now (the table's `available`); none when nobody asked. */
  readonly allowed: readonly PublishingCommandType[];
  readonly deadline?: PublicationDeadline;
  readonly review?: { readonly id: string; readonly status: string; readonly approvedForThisVersion: boolean };
  readonly publicView?: PublicView;
}

/** An item's audit history for the staff page, oldest first. */
export function itemHistory(deps: Pick<CatalogueDeps, 'records'>, id: string) {
  return new ItemRepository(deps.records).history(id);
}

export async function getStaffItem(deps: CatalogueDeps, id: string, staff?: StaffMember): Promise<StaffItemView> {
  const current = await load(deps, id);
  const calendar = await loadCalendar(deps);
  const record = current.data.record;
  const deadline = publicationDeadline(record, calendar, shanghaiDateOf(deps.clock.now()));
  let review: StaffItemView['review'];
  if (current.data.review) {
    const r = await new ReviewRepository(deps.records).get(current.data.review.id);
    if (r) {
      const w = workingVersion(record);
      review = { id: r.data.review.id, status: r.data.review.status, approvedForThisVersion: Boolean(w?.digest && r.data.review.status === 'approved' && r.data.review.decision?.digest === w.digest) };
    }
  }
  const view = await new ItemRepository(deps.records).getView(id);
  return {
    stored: current.data,
    version: current.version,
    state: workflowState(record),
    allowed: staff ? allowedCommands(record, stepContext(deps, actorOf(staff))) : [],
    ...(deadline ? { deadline } : {}),
    ...(review ? { review } : {}),
    ...(view ? { publicView: view.data } : {}),
  };
}

export interface WorkListRow {
  readonly id: string;
  readonly title: string;
  readonly state: WorkflowState;
  readonly updatedAt: string;
  readonly indexNumber?: string;
  readonly deadline?: PublicationDeadline;
}

export async function staffWorkList(deps: CatalogueDeps, state: WorkflowState, cursor?: string): Promise<Page<WorkListRow>> {
  const page = await new ItemRepository(deps.records).byState(state, 50, cursor);
  const calendar = await loadCalendar(deps);
  const today = shanghaiDateOf(deps.clock.now());
  return {
    items: page.items.map((r) => {
      const rec = r.data.record;
      const v = workingVersion(rec) ?? publishedVersion(rec) ?? rec.versions[rec.versions.length - 1]!;
      const deadline = publicationDeadline(rec, calendar, today);
      return {
        id: rec.id,
        title: v.content.title,
        state: workflowState(rec),
        updatedAt: rec.updatedAt,
        ...(rec.indexNumber ? { indexNumber: rec.indexNumber } : {}),
        ...(deadline ? { deadline } : {}),
      };
    }),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Deadline kind: recompute the publication deadline when the calendar changes

/** A catalogue item's 20-working-day publication period (Art. 26). */
export const itemPublicationDeadline: DeadlineKind<StoredItem> = {
  kind: PUBLICATION_DEADLINE_KIND,
  label: '主动公开期限',
  caseType: 'item',
  load: (records, id) => new ItemRepository(records).get(id),
  recompute: (data, calendar, { today }) => ({ ...data, openDeadline: deadlineSummaryOf(data, calendar, today) }),
  updateChange: (records, next, version, event) => new ItemRepository(records).updateChange(next, version, event),
};

export const itemCaseType: CaseType = { name: 'item', deadlines: [itemPublicationDeadline] };
