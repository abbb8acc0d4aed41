/**
 * Use cases of clarification cases (澄清, Art. 6): the public report form, staff-created cases
 * from monitoring, the workflow steps, the secrecy gate and publication through the release step.
 * Reports are never published as such: only the reviewed clarification text leaves the agency.
 */
import { shanghaiDate, type IsoDate } from '#domain/calendar';
import { actorOf, type Actor } from '#domain/case';
import {
  assertClarificationReviewApproved,
  CLARIFICATION_SOURCES,
  clarificationText,
  clarificationWorkflow,
  hasOpenDeadline,
  clarificationItemContent,
  openClarification,
  parseClarificationStep,
  RELATED_HEADING,
  type ClarificationCase,
  type ClarificationCommand,
  type ClarificationCommandType,
  type ClarificationFacts,
  type ClarificationSource,
  type ClarificationStatus,
  type ClarificationStep,
} from '#domain/clarifications';
import { hourUrgency } from '#domain/deadlines';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#domain/errors';
import type { WorkingCalendar } from '#domain/calendar';
import { staffActor, type StaffMember } from '#domain/staff';
import type { Change } from '#ports/record-store';
import { ClarificationRepository, type ClarificationRecord, type PublishedClarification, type StoredClarification, type StoredReport } from '#repositories/clarifications';
import { Counters } from '#repositories/counters';
import { UNASSIGNED, type DeadlineSummary } from '#repositories/deadline-index';
import { RateLimiter } from '#repositories/rate-limiter';
import { ReviewRepository } from '#repositories/reviews';
import { loadCalendar } from '../calendar';
import { createItem, forgetCatalogueStamp, stampChange, editItem, getPublicItem, publishItem, returnItem, reviseItem, submitItem } from '../catalogue';
import { workflowState } from '#domain/catalogue';
import { ItemRepository } from '#repositories/items';
import type { CaseType, DeadlineKind } from '../case/registry';
import { assertAllowed, assertVersion, caseContext, runStep, type CaseRunnerType, type StepInput, type StepOptions } from '../case/runner';
import { ESCALATION_ROLE } from '../deadlines/sweep';
import { ReminderRepository, roleInbox } from '#repositories/reminders';
import { newId } from '../ids';
import { putStaged } from '../staged-files';
import { bool, checkUploads, openingLine, optionalEmail, optionalPhone, optionalUrl, str, workingDaysLeftLabel, type CaseDeps, type FileUpload } from './common';

export const CLARIFICATION_DEADLINE_KIND = 'clarification';
/** Public reports: per client address. */
export const REPORT_LIMIT = { limit: 5, windowSeconds: 3600, message: '提交次数过多，请1小时后再试。' } as const;

const formatId = (year: number, n: number) => `CQ-${year}-${String(n).padStart(6, '0')}`;
const todayOf = (deps: Pick<CaseDeps, 'clock'>): IsoDate => shanghaiDate(deps.clock.now());

/** A member of the public who reports: not identified, and not a party to the case. */
const REPORTER: Actor = { kind: 'applicant', id: 'public' };

/** The handler's name; records from before `handlerName` was kept still have it in their deadline. */
function responsibleName(data: Pick<StoredClarification, 'case' | 'handlerName' | 'openDeadline'>): string | undefined {
  if (data.handlerName) return data.handlerName;
  const before = data.openDeadline?.responsible;
  return before && before.id === data.case.handlerId ? before.name : undefined;
}

function summary(data: Pick<StoredClarification, 'case' | 'handlerName' | 'openDeadline'>, calendarVersion: string): DeadlineSummary | null {
  const c = data.case;
  if (!hasOpenDeadline(c)) return null;
  const name = responsibleName(data);
  return {
    kind: CLARIFICATION_DEADLINE_KIND,
    caseId: c.id,
    title: `${c.id}${c.urgent ? '（紧急）' : ''} 澄清核实`,
    due: c.due,
    // Counted in hours: the hourly sweep reminds and escalates by the instant (cases stored before it have none).
    ...(c.dueAt ? { dueAt: c.dueAt } : {}),
    provisional: c.dueProvisional,
    calendarVersion,
    responsible: c.handlerId ? { id: c.handlerId, name: name ?? c.handlerId } : { id: UNASSIGNED, name: '待分派' },
    // Urgent cases, and reports nobody has taken up yet, escalate to the leaders when overdue.
    leaderEscalation: c.urgent || !c.handlerId,
  };
}

/** The clarification case type as the case runner runs it. */
const clarifications: CaseRunnerType<StoredClarification, ClarificationCase, ClarificationStatus, ClarificationCommand, ClarificationFacts> = {
  workflow: clarificationWorkflow,
  updateChange: ClarificationRepository.updateChange,
  context: (_calendar, policy) => ({ config: policy.clarification }),
  deadline: (next, calendar) => summary(next, calendar.version),
};

/**
 * Urgent cases go to the leaders at once (the leaders' reminder inbox), not only when overdue. How
 * urgent is counted in hours left to the due instant; a case stored before the hour rule (no
 * `dueAt`) in working days left to its due date.
 */
async function escalateUrgent(deps: CaseDeps, data: StoredClarification, calendar: WorkingCalendar, by: StaffMember): Promise<void> {
  const c = data.case;
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const left = calendar.workingDaysBetween(today, c.due);
  const hours = c.dueAt ? hourUrgency(c.dueAt, now, deps.policy.deadlines) : undefined;
  const byDays = left <= 0 ? (left < 0 ? 'overdue' : 'due-today') : 'due-soon';
  await new ReminderRepository(deps.records).recordOnce(
    {
      type: 'escalation',
      recipient: roleInbox(ESCALATION_ROLE),
      date: today,
      kind: CLARIFICATION_DEADLINE_KIND,
      caseId: c.id,
      title: `${c.id}（紧急）${data.title}`,
      due: c.due,
      ...(c.dueAt ? { dueAt: c.dueAt } : {}),
      provisional: c.dueProvisional,
      urgency: hours ? (hours.urgency === 'normal' ? 'due-soon' : hours.urgency) : byDays,
      workingDaysLeft: left,
      ...(hours ? { hoursLeft: hours.hoursLeft } : {}),
      label: hours ? hours.label : workingDaysLeftLabel(left),
      responsible: data.openDeadline?.responsible ?? { id: by.id, name: by.displayName },
      createdAt: now.toISOString(),
    },
    { type: 'clarification.urgent-escalated', actor: staffActor(by), data: { caseId: c.id, due: c.due, ...(c.dueAt ? { dueAt: c.dueAt } : {}) } },
  );
}

// ---------------------------------------------------------------------------------------------
// Intake

export interface ReportInput {
  readonly url?: string;
  readonly outlet?: string;
  readonly firstSeenOn?: string;
  readonly description?: string;
  readonly contactName?: string;
  readonly contactPhone?: string;
  readonly contactEmail?: string;
}

/** A public report of false or incomplete information: rate-limited, stored for staff only. */
export async function reportClarification(deps: CaseDeps, input: ReportInput, screenshots: readonly FileUpload[], client: { ip: string }): Promise<{ reference: string }> {
  const fields: Record<string, string> = {};
  const description = str(input.description);
  if (!description) fields['description'] = '请说明哪些内容不实或不完整。';
  else if (description.length > 5000) fields['description'] = '说明不能超过 5000 个字。';
  const outlet = str(input.outlet);
  if (outlet.length > 200) fields['outlet'] = '来源名称不能超过 200 个字。';
  const firstSeenOn = str(input.firstSeenOn);
  if (firstSeenOn && !/^\d{4}-\d{2}-\d{2}$/.test(firstSeenOn)) fields['firstSeenOn'] = '请按“年-月-日”填写日期。';
  let url: string | undefined;
  let phone: string | undefined;
  let email: string | undefined;
  for (const [name, run] of [
    ['url', () => (url = optionalUrl(input.url, 'url'))],
    ['contactPhone', () => (phone = optionalPhone(input.contactPhone, 'contactPhone'))],
    ['contactEmail', () => (email = optionalEmail(input.contactEmail, 'contactEmail'))],
  ] as const) {
    try {
      run();
    } catch (e) {
      if (e instanceof ValidationError) fields[name] = e.fields[name] ?? e.message;
      else throw e;
    }
  }
  if (!url && !fields['url'] && !outlet && screenshots.every((s) => s.bytes.byteLength === 0)) fields['url'] = '请至少提供链接、来源名称或截图中的一项。';
  let files: ReturnType<typeof checkUploads> = [];
  try {
    files = checkUploads(deps, screenshots, 'screenshot', 1);
  } catch (e) {
    if (e instanceof ValidationError) Object.assign(fields, e.fields);
    else throw e;
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('请按提示修改后重新提交。', fields);

  await new RateLimiter(deps.records, deps.clock).consume(`clarification-report#${client.ip || 'unknown'}`, REPORT_LIMIT);

  const now = deps.clock.now();
  const today = todayOf(deps);
  const calendar = await loadCalendar(deps);
  const id = formatId(Number(today.slice(0, 4)), await new Counters(deps.records).next('clarification', today.slice(0, 4)));
  let screenshot: StoredReport['screenshot'];
  let committed: Change[] = [];
  if (files[0]) {
    const fileKey = `clarifications/${id}/report/${newId(now)}`;
    committed = await putStaged(deps, [{ key: fileKey, bytes: files[0].upload.bytes, contentType: files[0].contentType }], { kind: 'public' });
    screenshot = { fileKey, fileName: files[0].fileName, contentType: files[0].contentType, sizeBytes: files[0].upload.bytes.byteLength };
  }
  const contactName = str(input.contactName).slice(0, 50);
  const report: StoredReport = {
    ...(url ? { url } : {}),
    ...(outlet ? { outlet } : {}),
    ...(firstSeenOn ? { firstSeenOn } : {}),
    description,
    ...(contactName || phone || email ? { contact: { ...(contactName ? { name: contactName } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}) } } : {}),
    ...(screenshot ? { screenshot } : {}),
  };
  const c = openClarification({ id, source: 'public-report', registeredAt: now, urgent: false }, deps.policy.clarification);
  const base = {
    case: c,
    title: description.slice(0, 60),
    registeredAt: now.toISOString(),
    createdBy: { kind: 'public' as const },
    report,
    timeline: [openingLine(deps, 'report', '收到公众反映', REPORTER, false)],
    publishedHistory: [],
  };
  const data: StoredClarification = { ...base, openDeadline: summary(base, calendar.version) };
  await deps.records.commit([
    ClarificationRepository.createChange(data, { type: 'clarification.reported', actor: { kind: 'public' }, data: { id, screenshot: Boolean(screenshot), url: Boolean(url) } }),
    ...committed,
  ]);
  return { reference: id };
}

export interface MonitoringInput {
  readonly title?: string;
  readonly source?: string;
  readonly url?: string;
  readonly outlet?: string;
  readonly description?: string;
  readonly urgent?: boolean | string;
}

/** A case the agency opens from its own monitoring; the clerk becomes its handler. */
/** Who may open a clarification case from monitoring (and so becomes its handler). */
export function mayOpenClarificationCase(staff: StaffMember): boolean {
  return staff.roles.some((r) => r === 'clerk' || r === 'head');
}

export async function createClarificationCase(deps: CaseDeps, staff: StaffMember, input: MonitoringInput): Promise<ClarificationRecord> {
  if (!mayOpenClarificationCase(staff)) throw new ForbiddenError('登记澄清案件需要经办人或科室负责人角色。');
  const fields: Record<string, string> = {};
  const title = str(input.title);
  if (!title) fields['title'] = '请填写案件标题（需要澄清的信息的简要概括）。';
  else if (title.length > 100) fields['title'] = '标题不能超过 100 个字。';
  const description = str(input.description);
  if (!description) fields['description'] = '请说明发现的信息及其不实或不完整之处。';
  const source = str(input.source) || 'monitoring';
  if (!(CLARIFICATION_SOURCES as readonly string[]).includes(source)) fields['source'] = '请选择线索来源。';
  let url: string | undefined;
  try {
    url = optionalUrl(input.url, 'url');
  } catch (e) {
    if (e instanceof ValidationError) Object.assign(fields, e.fields);
    else throw e;
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('请按提示修改后重新提交。', fields);
  const urgent = bool(input.urgent);
  const now = deps.clock.now();
  const today = todayOf(deps);
  const calendar = await loadCalendar(deps);
  const id = formatId(Number(today.slice(0, 4)), await new Counters(deps.records).next('clarification', today.slice(0, 4)));
  const c = openClarification({ id, source: source as ClarificationSource, registeredAt: now, urgent, handlerId: staff.id }, deps.policy.clarification);
  const outlet = str(input.outlet).slice(0, 200);
  const base = {
    case: c,
    title,
    registeredAt: now.toISOString(),
    createdBy: { kind: 'staff' as const, id: staff.id, name: staff.displayName },
    handlerName: staff.displayName,
    report: { ...(url ? { url } : {}), ...(outlet ? { outlet } : {}), description },
    timeline: [openingLine(deps, 'create', urgent ? '登记澄清案件（紧急）' : '登记澄清案件', actorOf(staff), false)],
    publishedHistory: [],
  };
  const data: StoredClarification = { ...base, openDeadline: summary(base, calendar.version) };
  await deps.records.commit([ClarificationRepository.createChange(data, { type: 'clarification.created', actor: staffActor(staff), data: { id, source, urgent } })]);
  if (urgent) await escalateUrgent(deps, data, calendar, staff);
  return { data, version: 1 };
}

// ---------------------------------------------------------------------------------------------
// Workflow steps

async function load(deps: CaseDeps, id: string, expectedVersion?: number): Promise<ClarificationRecord> {
  const record = await new ClarificationRepository(deps.records).get(id);
  if (!record) throw new NotFoundError('澄清案件不存在。');
  assertVersion(record, expectedVersion, `clarification ${id}`);
  return record;
}

/** One step through the case runner; the working title follows the draft. */
async function step(deps: CaseDeps, staff: StaffMember, record: ClarificationRecord, command: ClarificationCommand, options: StepOptions<StoredClarification> = {}): Promise<ClarificationRecord> {
  const { record: saved } = await runStep(deps, clarifications, record, command, actorOf(staff), {
    ...options,
    patch: (next) => ({ title: next.case.draft?.title ?? next.title, ...(options.patch?.(next) ?? {}) }),
  });
  return saved;
}

/**
 * Runs one workflow step from its raw input (a posted form or JSON): the record, then whether this
 * person may take the step now, then the input through the command's schema (commands.ts), so a
 * form and the API are checked alike; review and publication go through their own use cases.
 */
export async function actOnClarification(deps: CaseDeps, staff: StaffMember, id: string, type: ClarificationCommandType, input: StepInput): Promise<ClarificationRecord> {
  const record = await load(deps, id, input.expectedVersion);
  const calendar = await loadCalendar(deps);
  await assertAllowed(deps, clarifications, record.data.case, type, actorOf(staff), calendar);
  return clarificationStep(deps, staff, record, parseClarificationStep(type, input), calendar);
}

async function clarificationStep(deps: CaseDeps, staff: StaffMember, record: ClarificationRecord, cmd: ClarificationStep, calendar: WorkingCalendar): Promise<ClarificationRecord> {
  const id = record.data.case.id;
  switch (cmd.type) {
    case 'markUrgent': {
      const marked = await step(deps, staff, record, cmd, { calendar, note: cmd.reason });
      await escalateUrgent(deps, marked.data, calendar, staff);
      return marked;
    }
    case 'saveDraft': {
      const { type, ...draft } = cmd;
      return step(deps, staff, record, { type, draft }, { calendar });
    }
    case 'returnToDrafting':
    case 'startFurtherStatement':
      return step(deps, staff, record, cmd, { calendar, note: cmd.reason });
    case 'recordFollowUp':
      return step(deps, staff, record, cmd, { calendar, note: cmd.reach });
    case 'closeUnfounded':
      return step(deps, staff, record, cmd, { calendar, note: cmd.note });
    case 'submitForSecrecyReview':
      return submitClarificationForReview(deps, staff, id, record.version);
    case 'recordReviewApproved':
      return confirmClarificationReview(deps, staff, id, record.version);
    case 'publish':
      return publishClarification(deps, staff, id, record.version);
    default:
      return step(deps, staff, record, cmd, { calendar });
  }
}

/**
 * Sends the draft to secrecy review AS A CATALOGUE ITEM (category 澄清说明): the item is created
 * (or, for a further statement, revised) with the clarification as its content and submitted
 * through the catalogue, so the review covers exactly what the catalogue will publish and the
 * published clarification reaches every public surface through the one published projection.
 */
export async function submitClarificationForReview(deps: CaseDeps, staff: StaffMember, id: string, expectedVersion?: number): Promise<ClarificationRecord> {
  const record = await load(deps, id, expectedVersion);
  const c = record.data.case;
  const calendar = await loadCalendar(deps);
  // The workflow refuses before anything is written to the catalogue or the review queue.
  await assertAllowed(deps, clarifications, c, 'submitForSecrecyReview', actorOf(staff), calendar);
  const draft = c.draft!;
  const today = todayOf(deps);
  const content = clarificationItemContent({ title: draft.title, releasedText: clarificationText(draft), relatedItemIds: draft.relatedItemIds, issuer: deps.config.agencyName, publishedOn: today });
  let itemId = record.data.catalogueItemId;
  if (!itemId) {
    itemId = (await createItem(deps, staff, content)).record.id;
  } else {
    const item = await new ItemRepository(deps.records).get(itemId);
    const state = item ? workflowState(item.data.record) : undefined;
    if (state === 'published') await reviseItem(deps, staff, itemId, today);
    else if (state === 'submitted' || state === 'approved') await returnItem(deps, staff, itemId, '澄清稿已修改，重新送审');
    await editItem(deps, staff, itemId, content);
  }
  const submitted = await submitItem(deps, staff, itemId);
  const reviewId = submitted.review!.id;
  const linkedItem = itemId;
  return step(deps, staff, record, { type: 'submitForSecrecyReview', secrecyReviewId: reviewId }, { calendar, note: `审查单 ${reviewId}`, patch: () => ({ catalogueItemId: linkedItem }) });
}

async function reviewState(deps: CaseDeps, reviewId: string | undefined) {
  if (!reviewId) return undefined;
  return new ReviewRepository(deps.records).get(reviewId);
}

/** Once the review is approved, the case goes to the leader for approval. */
export async function confirmClarificationReview(deps: CaseDeps, staff: StaffMember, id: string, expectedVersion?: number): Promise<ClarificationRecord> {
  const record = await load(deps, id, expectedVersion);
  const review = await reviewState(deps, record.data.case.secrecyReviewId);
  const approved = review?.data.review.status === 'approved' && review.data.review.contentDigest !== undefined;
  return step(deps, staff, record, { type: 'recordReviewApproved', secrecyReviewId: record.data.case.secrecyReviewId ?? '', secrecyReviewApproved: Boolean(approved) });
}

/**
 * Publishes the approved clarification: the catalogue publishes its item (the release step copies
 * the reviewed content; the public view, search snapshot and feeds follow), then the case records
 * the publication and links the items it concerns (their pages show a notice linking back).
 */
export async function publishClarification(deps: CaseDeps, staff: StaffMember, id: string, expectedVersion?: number): Promise<ClarificationRecord> {
  const record = await load(deps, id, expectedVersion);
  const c = record.data.case;
  const review = await reviewState(deps, c.secrecyReviewId);
  const approved = review?.data.review.status === 'approved';
  const calendar = await loadCalendar(deps);
  // State, role, leader approval and the review, before anything leaves.
  await assertAllowed(deps, clarifications, c, 'publish', actorOf(staff), calendar);
  assertClarificationReviewApproved(approved);
  const itemId = record.data.catalogueItemId;
  if (!itemId) throw new ConflictError('澄清稿尚未作为公开信息送审，请重新提交保密审查。', `clarification ${id} has no catalogue item`);
  const draft = c.draft!;
  const item = await publishItem(deps, staff, itemId);
  const release = item.releases[item.releases.length - 1]!;
  // What the public sees is the catalogue's public view of the item: keep a copy of exactly that.
  const view = await getPublicItem(deps, itemId);
  const now = deps.clock.now().toISOString();
  const repo = new ClarificationRepository(deps.records);
  const title = view.item.title;
  const published: PublishedClarification = {
    round: c.round,
    title,
    text: view.item.body,
    relatedItemIds: draft.relatedItemIds,
    publishedAt: now,
    releaseId: release.releaseId,
    files: [],
    itemId,
  };
  const links: Change[] = [];
  for (const concerned of draft.relatedItemIds) {
    if (!(await repo.linkExists(concerned, c.id)))
      links.push(ClarificationRepository.linkChange(concerned, c.id, title, { type: 'clarification.linked', actor: staffActor(staff), data: { itemId: concerned, clarificationId: c.id } }));
  }
  const saved = await step(
    deps,
    staff,
    record,
    { type: 'publish', releaseId: release.releaseId, secrecyReviewApproved: approved },
    {
      calendar,
      note: `公开信息 ${itemId}，发布记录 ${release.releaseId}`,
      patch: (next) => ({ published, publishedHistory: [...next.publishedHistory, published] }),
      // The concerned items' pages now show a notice: the stamp moves with it, so caches revalidate.
      extraChanges: links.length ? [...links, stampChange()] : [],
    },
  );
  if (links.length) forgetCatalogueStamp(deps);
  return saved;
}

// ---------------------------------------------------------------------------------------------
// Queries

export interface ClarificationListRow {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly status: ClarificationCase['status'];
  readonly source: ClarificationSource;
  readonly urgent: boolean;
  readonly due: IsoDate;
  /** The due instant (cases stored before the hour rule have none). */
  readonly dueAt?: string;
  readonly dueOpen: boolean;
  readonly registeredAt: string;
}

/** The newest 200 cases (staff list). */
export async function listClarificationCases(deps: Pick<CaseDeps, 'records'>): Promise<ClarificationListRow[]> {
  const page = await new ClarificationRepository(deps.records).newest(200);
  return page.items.map((r) => ({
    id: r.data.case.id,
    version: r.version,
    title: r.data.title,
    status: r.data.case.status,
    source: r.data.case.source,
    urgent: r.data.case.urgent,
    due: r.data.case.due,
    ...(r.data.case.dueAt ? { dueAt: r.data.case.dueAt } : {}),
    dueOpen: hasOpenDeadline(r.data.case),
    registeredAt: r.data.registeredAt,
  }));
}

export interface ClarificationView {
  readonly record: ClarificationRecord;
  readonly available: readonly ClarificationCommandType[];
  readonly review?: { readonly id: string; readonly status: string; readonly stage: string };
  /** The text that would go to review / be released, for the draft preview. */
  readonly draftText?: string;
}

export async function getClarificationCase(deps: CaseDeps, staff: StaffMember, id: string): Promise<ClarificationView> {
  const record = await load(deps, id);
  const review = await reviewState(deps, record.data.case.secrecyReviewId);
  return {
    record,
    available: clarificationWorkflow.available(record.data.case, await caseContext(deps, clarifications, actorOf(staff))),
    ...(review ? { review: { id: review.data.review.id, status: review.data.review.status, stage: review.data.review.stage } } : {}),
    ...(record.data.case.draft ? { draftText: clarificationText(record.data.case.draft) } : {}),
  };
}

/** A short-lived link to the report's screenshot (staff only). */
export async function reportScreenshotUrl(deps: CaseDeps, id: string): Promise<string> {
  const record = await load(deps, id);
  const s = record.data.report?.screenshot;
  if (!s) throw new NotFoundError('该线索没有截图。');
  return deps.files.presignDownload(s.fileKey, s.fileName);
}

/** What the public may see: published clarifications only, the released text only. */
export interface PublicClarification extends PublishedClarification {
  readonly id: string;
  /** Earlier publications (a further statement keeps the first one visible in the history). */
  readonly earlier: readonly PublishedClarification[];
}

export async function listPublishedClarifications(deps: Pick<CaseDeps, 'records'>, limit = 50): Promise<PublicClarification[]> {
  const page = await new ClarificationRepository(deps.records).published(limit);
  return page.items.flatMap((r) => (r.data.published ? [toPublic(r.data)] : []));
}

export async function getPublishedClarification(deps: Pick<CaseDeps, 'records'>, id: string): Promise<PublicClarification> {
  const record = /^CQ-\d{4}-\d{6}$/.test(id) ? await new ClarificationRepository(deps.records).get(id) : undefined;
  if (!record?.data.published) throw new NotFoundError('该澄清信息不存在或尚未发布。');
  return toPublic(record.data);
}

function toPublic(data: StoredClarification): PublicClarification {
  const p = data.published!;
  return { id: data.case.id, ...p, earlier: data.publishedHistory.filter((h) => h.releaseId !== p.releaseId) };
}

/**
 * For the catalogue item page (/items/:id): the published clarifications that concern an item,
 * to show as a notice linking back. Only published ones (a link is created at publication).
 */
export async function clarificationNoticesForItem(deps: Pick<CaseDeps, 'records'>, itemId: string): Promise<{ id: string; title: string; href: string }[]> {
  const links = await new ClarificationRepository(deps.records).linksFor(itemId);
  return links.map((l) => ({ id: l.clarificationId, title: l.title, href: `/clarifications/${l.clarificationId}` }));
}

/** Sections of a released clarification text (【网传说法】, 【事实情况】, 【信息来源】). */
export function clarificationSections(text: string): { title: string; sections: { heading: string; body: string }[] } {
  const lines = text.split('\n');
  const title = lines[0] ?? '';
  const sections: { heading: string; body: string }[] = [];
  let current: { heading: string; lines: string[] } | undefined;
  for (const line of lines.slice(1)) {
    const m = /^【(.+)】$/.exec(line.trim());
    if (m) {
      if (current) sections.push({ heading: current.heading, body: current.lines.join('\n').trim() });
      current = { heading: m[1]!, lines: [] };
    } else if (current) current.lines.push(line);
  }
  if (current) sections.push({ heading: current.heading, body: current.lines.join('\n').trim() });
  return { title, sections: sections.filter((x) => x.heading !== RELATED_HEADING) };
}

// ---------------------------------------------------------------------------------------------
// Deadline kind

/**
 * A clarification's verification period. It is counted in clock hours from registration, so a
 * calendar change never moves it: the recompute leaves the case and its summary as they are (no
 * write, no audit event). A case stored before the hour rule keeps the working-day due date it was
 * given (its period in working days is no longer configured, and no instant is invented for it).
 */
export const clarificationDeadline: DeadlineKind<StoredClarification> = {
  kind: CLARIFICATION_DEADLINE_KIND,
  label: '澄清核实期限',
  caseType: 'clarification',
  load: (records, caseId) => new ClarificationRepository(records).get(caseId),
  recompute(data) {
    if (!hasOpenDeadline(data.case)) return { ...data, openDeadline: null };
    return data;
  },
  updateChange: (_records, next, version, event) => clarifications.updateChange(next, version, event),
};

export const clarificationCaseType: CaseType = { name: 'clarification', deadlines: [clarificationDeadline] };
