import type { AuditEvent, AuditEventInput } from '#domain/audit/chain';
import { actorOf } from '#domain/case';
import { NotFoundError, ValidationError } from '#domain/errors';
import {
  assertReviewStep,
  availableReviewSteps,
  checkReviewStep,
  decideReview,
  mergeSpans,
  openReview,
  redactText,
  RedactionLeakError,
  releaseDigest,
  reviewFindingsFrom,
  reviewContext,
  reviewStep,
  ReviewPermissionError,
  ReviewValidationError,
  scanText,
  SIGN_COMMANDS,
  STAGE_ROLE,
  unresolvedFindings,
  type Checklist,
  type Conclusion,
  type FindingResolution,
  type ReviewCommandType,
  type ReviewEvent,
  type ReviewFinding,
  type ReviewStepCommand,
  type ReviewStage,
  type ReviewSubject,
  type SecrecyReview,
  type Span,
} from '#domain/secrecy';
import { publishing } from '#domain/catalogue/publishing';
import { parseReviewStepInput, resolutionOf } from '#domain/secrecy/commands';
import type { StaffMember } from '#domain/staff';
import type { Change } from '#ports/record-store';
import { ReleaseRepository, type ReleaseRecord } from '#repositories/review-releases';
import { ReviewRepository, type RedactedFile, type RedactedPieces, type ReviewAttachment, type ReviewContent, type ReviewRecord, type StoredReview } from '#repositories/reviews';
import { assertVersion, auditActor } from '../case/runner';
import type { AppDependencies } from '../context';
import { safeFileName } from '../documents';
import { newId } from '../ids';
import { bundleDigest, originalBundle, originalTexts, readBytes, readText, redactedTexts, releaseBundle, residualFindings, reviewObjects, writeText, type SourceResidual } from './content';

type Deps = Pick<AppDependencies, 'records' | 'files' | 'clock' | 'logger' | 'content'>;

/** Longest body text accepted for review (characters). */
export const MAX_REVIEW_TEXT = 200_000;
export const MAX_REVIEW_ATTACHMENTS = 10;

export interface AttachmentInput {
  /** Private-bucket key of the file (an uploaded document, an answer draft…). */
  readonly fileKey: string;
  readonly fileName: string;
  readonly contentType: string;
}

export interface SubmitReviewInput {
  readonly subject: { readonly type: ReviewSubject['type']; readonly id?: string; readonly title: string };
  readonly text: string;
  readonly attachments?: readonly AttachmentInput[];
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** The audit event of a step as the workflow names it: facts only (digests, stages, counts). */
function auditOf(actor: StaffMember, event: ReviewEvent, extra: Record<string, unknown> = {}): AuditEventInput {
  return { type: event.type, actor: auditActor(actorOf(actor)), data: { from: event.from, to: event.to, ...event.data, ...extra } };
}

const contextFor = (deps: Pick<Deps, 'clock'>, actor: StaffMember) => reviewContext(actor, deps.clock.now());

function stageOrStatusChanged(before: SecrecyReview, after: SecrecyReview): boolean {
  return before.stage !== after.stage || before.status !== after.status || before.round !== after.round;
}

async function load(deps: Deps, id: string, expectedVersion?: number): Promise<ReviewRecord> {
  const record = await new ReviewRepository(deps.records).get(id);
  if (!record) throw new NotFoundError('审查单不存在。');
  assertVersion(record, expectedVersion, `review ${id}`);
  return record;
}

/** Extract, scan and store privately the text of every part; returns content, findings and digest. */
async function prepareContent(
  deps: Deps,
  id: string,
  folder: string | number,
  text: string,
  attachments: readonly AttachmentInput[],
): Promise<{ content: ReviewContent; findings: ReviewFinding[]; digest: string }> {
  if (text.length > MAX_REVIEW_TEXT) throw new ValidationError('正文过长。', { text: `正文不能超过 ${MAX_REVIEW_TEXT} 个字符。` });
  if (!text.trim() && attachments.length === 0) throw new ValidationError('请填写正文或添加附件。', { text: '请填写需要审查的正文，或添加附件。' });
  if (attachments.length > MAX_REVIEW_ATTACHMENTS) throw new ValidationError('附件过多。', { attachments: `附件不能超过 ${MAX_REVIEW_ATTACHMENTS} 个。` });
  const findings: ReviewFinding[] = [];
  let bodyKey: string | undefined;
  if (text.trim()) {
    bodyKey = reviewObjects.body(id, folder);
    await writeText(deps.files, bodyKey, text);
    findings.push(...reviewFindingsFrom('body', scanText(text)));
  }
  const stored: ReviewAttachment[] = [];
  for (const [i, a] of attachments.entries()) {
    const attachmentId = `att-${i + 1}`;
    const fileName = safeFileName(a.fileName);
    const bytes = await readBytes(deps.files, a.fileKey, fileName);
    const extracted = await deps.content.extractText(bytes, a.contentType);
    const metadata = await deps.content.documentMetadata(bytes, a.contentType);
    const textKey = reviewObjects.attachmentText(id, folder, attachmentId);
    await writeText(deps.files, textKey, extracted.text);
    findings.push(...reviewFindingsFrom(attachmentId, scanText(extracted.text)));
    stored.push({
      id: attachmentId,
      fileKey: a.fileKey,
      fileName,
      contentType: extracted.contentType,
      sizeBytes: bytes.byteLength,
      textKey,
      warnings: extracted.warnings.map((w) => w.message),
      metadataWarnings: [...metadata.warnings],
    });
  }
  const content: ReviewContent = { bodyKey, bodyLength: text.length, attachments: stored };
  const digest = bundleDigest(deps.content.sha256, await originalBundle(deps.files, content));
  return { content, findings, digest };
}

/**
 * One step of the table, committed: the kernel decides (refusals are the review's named errors),
 * the stored review keeps its waiting time per stage, and the repository writes it with the
 * step's audit event. The review's record is not a StoredCase (no timeline; the 审查单 records
 * are its history), so this is the runner's sequence without runStep.
 */
async function commitStep(deps: Deps, actor: StaffMember, record: ReviewRecord, command: ReviewStepCommand, patch: (next: SecrecyReview) => Partial<StoredReview> = () => ({})): Promise<ReviewRecord> {
  const before = record.data.review;
  const ctx = contextFor(deps, actor);
  const { review, event } = decideReview(before, command, ctx);
  const stored: StoredReview = {
    ...record.data,
    review,
    waitingSince: stageOrStatusChanged(before, review) ? ctx.at : record.data.waitingSince,
    ...patch(review),
  };
  await new ReviewRepository(deps.records).update(stored, record.version, auditOf(actor, event));
  return { data: stored, version: record.version + 1 };
}

// ---------------------------------------------------------------------------------------------
// Use cases

/**
 * Submit content for secrecy review (先审查、后公开): every part is extracted and scanned, the texts
 * are kept in the private bucket, and the review is stored with masked findings only.
 */
/** Who may send content to review: whoever signs its first stage, the author's self-review. */
export const maySubmitForReview = (staff: Pick<StaffMember, 'roles'>): boolean => staff.roles.includes(STAGE_ROLE.self);

/** The refusal of submitForReview, also asked by its form page before it is shown or its uploads are staged. */
export function assertMaySubmitForReview(staff: Pick<StaffMember, 'roles'> & { readonly id: string }): void {
  if (!maySubmitForReview(staff)) throw new ReviewPermissionError('送审需要“经办人”角色。', `actor ${staff.id} is not a clerk`);
}

/** A standalone review (the review desk's own form): opened and committed on its own. */
export async function submitForReview(deps: Deps, author: StaffMember, input: SubmitReviewInput): Promise<ReviewRecord> {
  const { record, change } = await openReviewFor(deps, author, input);
  await deps.records.commit([change]);
  return record;
}

/**
 * A review opened for a case's subject, not yet committed: the case step that records it commits
 * `change` with its own, so a step that loses a race leaves no review waiting for nothing.
 */
export async function openReviewFor(deps: Deps, author: StaffMember, input: SubmitReviewInput): Promise<{ record: ReviewRecord; change: Change }> {
  assertMaySubmitForReview(author);
  const title = input.subject.title?.trim() ?? '';
  if (!title) throw new ValidationError('请填写信息标题。', { title: '请填写信息标题。' });
  if (title.length > 200) throw new ValidationError('标题过长。', { title: '标题不能超过 200 个字。' });
  if (!['publication', 'answer', 'clarification', 'notice'].includes(input.subject.type)) throw new ValidationError('请选择信息类型。', { subjectType: '请选择信息类型。' });
  const now = deps.clock.now();
  const id = newId(now);
  const { content, findings, digest } = await prepareContent(deps, id, 1, input.text ?? '', input.attachments ?? []);
  const subject: ReviewSubject = { type: input.subject.type, id: input.subject.id?.trim() || id, title };
  const { review, event } = openReview({ id, subject, author, contentDigest: digest, findings, now });
  const stored: StoredReview = { review, content, waitingSince: now.toISOString() };
  const change = ReviewRepository.createChange(stored, auditOf(author, event, { subjectType: subject.type, attachments: content.attachments.length }));
  return { record: { data: stored, version: 1 }, change };
}

/** The author replaces the content (after a return, or before signing); a new scan replaces the findings. */
export async function reviseReviewContent(
  deps: Deps,
  author: StaffMember,
  id: string,
  input: { readonly expectedVersion?: number; readonly text: string; readonly attachments?: readonly AttachmentInput[] },
): Promise<ReviewRecord> {
  const record = await load(deps, id, input.expectedVersion);
  const r = record.data.review;
  // Ask the table before extracting and storing anything.
  assertReviewStep(r, 'revise', contextFor(deps, author));
  const { text = '' } = parseReviewStepInput('revise', { text: input.text });
  const round = r.status === 'approved' || r.status === 'withheld' ? r.round + 1 : r.round;
  // A fresh folder per revision, so the texts of earlier versions stay for the record.
  const folder = `${round}-${newId(deps.clock.now())}`;
  const { content, findings, digest } = await prepareContent(deps, id, folder, text, input.attachments ?? []);
  return commitStep(deps, author, record, { type: 'revise', contentDigest: digest, findings }, () => ({ content, redacted: undefined }));
}

export interface SignInput {
  readonly expectedVersion?: number;
  readonly stage: ReviewStage;
  readonly checklist: Checklist;
  readonly conclusion: Conclusion;
  readonly comments?: string;
  /** Digest of the content the signer looked at; defaults to the current one. */
  readonly contentDigest?: string;
}

/** The 审查单 as the JSON API sends it (SignInput) or as the form posts it (the table's flat fields): the sign schema reads both. */
export type SignStepInput = SignInput | (Readonly<Record<string, unknown>> & { readonly expectedVersion?: number; readonly stage: string; readonly contentDigest?: string });

/** Sign the waiting stage with the checklist, conclusion and comments (审查单), parsed by the sign schema (commands.ts). */
export async function signReviewStage(deps: Deps, actor: StaffMember, id: string, input: SignStepInput): Promise<ReviewRecord> {
  const record = await load(deps, id, input.expectedVersion);
  const review = record.data.review;
  const type = Object.hasOwn(SIGN_COMMANDS, input.stage) ? SIGN_COMMANDS[input.stage as ReviewStage] : undefined;
  if (!type) throw new ReviewValidationError('请选择审查环节。', { stage: '请选择审查环节。' });
  assertReviewStep(review, type, contextFor(deps, actor));
  const sheet = parseReviewStepInput(type, input);
  const approving = sheet.conclusion.type === 'disclose' || sheet.conclusion.type === 'disclose-redacted';
  if (approving && (input.stage === 'secrecy' || input.stage === 'leader') && review.redaction) {
    // The redacted copy must cover every finding marked for deletion, including ones resolved after it was made.
    const residual = await redactionResiduals(deps, record.data);
    if (residual.length > 0) throw new RedactionLeakError(residual.length);
  }
  return commitStep(deps, actor, record, {
    type,
    checklist: sheet.checklist,
    conclusion: sheet.conclusion,
    ...(sheet.comments !== undefined ? { comments: sheet.comments } : {}),
    contentDigest: sheet.contentDigest ?? releaseDigest(review),
  });
}

/** Return the item to its author with comments (the form's returnComments, the API's comments); a new round starts, the history stays. */
export async function returnReview(
  deps: Deps,
  actor: StaffMember,
  id: string,
  input: { readonly expectedVersion?: number; readonly comments?: unknown; readonly returnComments?: unknown },
): Promise<ReviewRecord> {
  const record = await load(deps, id, input.expectedVersion);
  assertReviewStep(record.data.review, 'return', contextFor(deps, actor));
  const { returnComments } = parseReviewStepInput('return', { returnComments: input.returnComments ?? input.comments });
  return commitStep(deps, actor, record, { type: 'return', comments: returnComments });
}

/** The secrecy reviewer resolves one finding: redact, or keep with a reason. */
export async function resolveReviewFinding(
  deps: Deps,
  actor: StaffMember,
  id: string,
  input: { readonly expectedVersion?: number; readonly findingId: unknown } & ({ readonly resolution: FindingResolution } | { readonly action?: unknown; readonly reason?: unknown }),
): Promise<ReviewRecord> {
  const record = await load(deps, id, input.expectedVersion);
  assertReviewStep(record.data.review, 'resolveFinding', contextFor(deps, actor));
  const parsed = parseReviewStepInput('resolveFinding', input);
  const resolution = resolutionOf(parsed);
  const findingId = parsed.findingId ?? '';
  const previous = Object.hasOwn(record.data.review.resolutions, findingId) ? record.data.review.resolutions[findingId] : undefined;
  return commitStep(deps, actor, record, { type: 'resolveFinding', findingId, resolution }, (next) => {
    // A changed decision makes the redacted pieces made for the old choices wrong: drop them too.
    const changed = previous !== undefined && previous.resolution.action !== resolution.action;
    return changed && !next.redaction ? { redacted: undefined } : {};
  });
}

export interface RedactionOutcome {
  readonly record: ReviewRecord;
  /** True when the whole bundle is redacted and verified, and attached as the version to release. */
  readonly attached: boolean;
  /** Parts still needing a redacted version (attachment ids), when not attached yet. */
  readonly pending: readonly SourceResidual[];
}

/** Redacted findings in the pieces stored so far (originals where no piece exists yet). */
async function redactionResiduals(deps: Deps, stored: StoredReview): Promise<SourceResidual[]> {
  const originals = await originalTexts(deps.files, stored.content);
  const copies = await redactedTexts(deps.files, stored.content, stored.redacted, originals);
  return residualFindings(stored.review, originals, copies, stored.redacted?.bodySpans ?? []);
}

/** Store a redacted piece; attach the redacted version when the whole bundle verifies. */
async function saveRedactedPieces(deps: Deps, actor: StaffMember, record: ReviewRecord, pieces: RedactedPieces, changedSource: string, metadataWarnings: readonly string[]): Promise<RedactionOutcome> {
  const review = record.data.review;
  const candidate: StoredReview = { ...record.data, redacted: pieces };
  const residual = await redactionResiduals(deps, candidate);
  const own = residual.filter((r) => r.source === changedSource);
  // The piece just made or uploaded must itself be clean; other parts may still be pending.
  if (own.length > 0) throw new RedactionLeakError(own.length);
  if (residual.length === 0) {
    const digest = bundleDigest(deps.content.sha256, await releaseBundle(deps.files, candidate.content, pieces));
    const allWarnings = [...metadataWarnings, ...Object.values(pieces.files).flatMap((f) => f.metadataWarnings)];
    const saved = await commitStep(deps, actor, record, { type: 'attachRedacted', digest, residualFindings: [], metadataWarnings: [...new Set(allWarnings)] }, () => ({ redacted: pieces }));
    return { record: saved, attached: true, pending: [] };
  }
  // Not complete yet: keep the piece (the reviewer's work) without attaching a version.
  const { redaction: _stale, ...withoutVersion } = review;
  const stored: StoredReview = { ...record.data, review: { ...withoutVersion, updatedAt: deps.clock.now().toISOString() }, redacted: pieces };
  await new ReviewRepository(deps.records).update(stored, record.version, {
    type: 'review.redaction-piece-stored',
    actor: auditActor(actorOf(actor)),
    data: { source: changedSource, pendingSources: [...new Set(residual.map((r) => r.source))] },
  });
  return { record: { data: stored, version: record.version + 1 }, attached: false, pending: residual };
}

/**
 * Produce the redacted copy of the body (■ per removed character): every finding in the body
 * marked for deletion, plus hand-marked spans and every occurrence of listed terms. The copy is
 * stored in the private bucket; the original stays private and is never released.
 */
export async function redactReviewText(
  deps: Deps,
  actor: StaffMember,
  id: string,
  input: { readonly expectedVersion?: number; readonly spans?: readonly Span[]; readonly terms?: readonly string[] | string },
): Promise<RedactionOutcome> {
  const record = await load(deps, id, input.expectedVersion);
  const { review, content } = record.data;
  // A redacted piece is the secrecy stage's work: its role, its stage, and the separation of duties.
  assertReviewStep(review, 'attachRedacted', contextFor(deps, actor));
  const terms = parseReviewStepInput('attachRedacted', { terms: input.terms }).terms ?? [];
  if (!content.bodyKey) throw new ValidationError('该信息没有正文，请对附件上传删除处理后的版本。', { spans: '没有正文。' });
  const original = await readText(deps.files, content.bodyKey);
  const manual: Span[] = [...(input.spans ?? [])];
  for (const term of terms.filter((t) => t.length >= 2)) {
    for (let at = original.indexOf(term); at >= 0; at = original.indexOf(term, at + term.length)) manual.push({ start: at, end: at + term.length });
  }
  if (terms.some((t) => t.length >= 2) && manual.length === (input.spans ?? []).length) {
    throw new ValidationError('要删除的文字在正文中没有找到。', { terms: '要删除的文字在正文中没有找到，请检查后重试。' });
  }
  const fromFindings = review.findings.filter((f) => f.source === 'body' && review.resolutions[f.id]?.resolution.action === 'redact');
  const bodySpans = mergeSpans(original, manual);
  const spans = mergeSpans(original, [...fromFindings, ...bodySpans]);
  if (spans.length === 0) throw new ValidationError('没有需要删除的内容：请先将检测结果标记为“删除”，或填写要删除的文字。', { terms: '请填写要删除的文字，或先标记检测结果。' });
  const redacted = redactText(original, spans);
  const key = reviewObjects.redactedBody(id, newId(deps.clock.now()));
  await writeText(deps.files, key, redacted);
  const pieces: RedactedPieces = { files: record.data.redacted?.files ?? {}, bodyKey: key, bodySpans };
  return saveRedactedPieces(deps, actor, record, pieces, 'body', []);
}

/**
 * The reviewer uploads the redacted version of an attachment. Its text is re-extracted; if any
 * finding marked for deletion still appears, it is refused (RedactionLeakError). Metadata that
 * may identify people (PDF author, DOCX core properties) is reported.
 */
export async function attachRedactedFile(
  deps: Deps,
  actor: StaffMember,
  id: string,
  input: { readonly expectedVersion?: number; readonly attachmentId: string; readonly fileName: string; readonly contentType: string; readonly bytes: Uint8Array },
): Promise<RedactionOutcome & { readonly metadataWarnings: readonly string[] }> {
  const record = await load(deps, id, input.expectedVersion);
  assertReviewStep(record.data.review, 'attachRedacted', contextFor(deps, actor));
  const attachment = record.data.content.attachments.find((a) => a.id === input.attachmentId);
  if (!attachment) throw new ValidationError('找不到该附件，请刷新页面。', { attachmentId: '找不到该附件。' });
  if (input.bytes.byteLength === 0) throw new ValidationError('请选择删除处理后的文件。', { file: '请选择删除处理后的文件。' });
  const fileName = safeFileName(input.fileName);
  const extracted = await deps.content.extractText(input.bytes, input.contentType);
  const metadata = await deps.content.documentMetadata(input.bytes, input.contentType);
  const stamp = newId(deps.clock.now());
  const fileKey = reviewObjects.redactedFile(id, stamp, attachment.id);
  const textKey = reviewObjects.redactedFileText(id, stamp, attachment.id);
  // Verify before storing anything: a leaking file is refused outright.
  const originals = await originalTexts(deps.files, record.data.content);
  const own = residualFindings(record.data.review, { [attachment.id]: originals[attachment.id]! }, { [attachment.id]: extracted.text });
  if (own.length > 0) throw new RedactionLeakError(own.length);
  await deps.files.put(fileKey, input.bytes, extracted.contentType);
  await writeText(deps.files, textKey, extracted.text);
  const file: RedactedFile = { fileKey, fileName, contentType: extracted.contentType, sizeBytes: input.bytes.byteLength, textKey, metadataWarnings: [...metadata.warnings] };
  const pieces: RedactedPieces = { ...record.data.redacted, files: { ...(record.data.redacted?.files ?? {}), [attachment.id]: file } };
  const outcome = await saveRedactedPieces(deps, actor, record, pieces, attachment.id, metadata.warnings);
  return { ...outcome, metadataWarnings: metadata.warnings };
}

/** Record the reply of the competent department or secrecy administration; the review resumes. */
export async function recordReferral(deps: Deps, actor: StaffMember, id: string, input: { readonly expectedVersion?: number; readonly reply: unknown }): Promise<ReviewRecord> {
  const record = await load(deps, id, input.expectedVersion);
  assertReviewStep(record.data.review, 'referralReply', contextFor(deps, actor));
  return commitStep(deps, actor, record, { type: 'referralReply', ...parseReviewStepInput('referralReply', { reply: input.reply }) });
}

// ---------------------------------------------------------------------------------------------
// Queries

export interface QueueItem {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly subjectType: ReviewSubject['type'];
  readonly status: SecrecyReview['status'];
  readonly stage: ReviewStage;
  readonly author: string;
  readonly waitingSince: string;
  /** Whole minutes since waitingSince. */
  readonly waitingMinutes: number;
  readonly findingCount: number;
  readonly unresolvedCount: number;
  readonly round: number;
}

export interface QueueFilter {
  readonly stage?: ReviewStage | 'on-hold';
  readonly subjectType?: ReviewSubject['type'];
}

/** What this person may do on the review now: the table's `available` (roles, stage, separation of duties). */
export function availableTo(staff: StaffMember, review: SecrecyReview, now: Date): ReviewCommandType[] {
  return availableReviewSteps(review, reviewContext(staff, now));
}

/**
 * May this person act on the review at its current stage? Revising alone does not count: the
 * author may revise a decided review (voiding it), but nothing waits for them there.
 */
export function canActOn(staff: StaffMember, review: SecrecyReview, now: Date): boolean {
  return availableTo(staff, review, now).some((c) => c !== 'revise');
}

function toQueueItem(record: ReviewRecord, now: Date): QueueItem {
  const { review, waitingSince } = record.data;
  return {
    id: review.id,
    version: record.version,
    title: review.subject.title ?? review.subject.id,
    subjectType: review.subject.type,
    status: review.status,
    stage: review.stage,
    author: review.author.name,
    waitingSince,
    waitingMinutes: Math.max(0, Math.floor((now.getTime() - Date.parse(waitingSince)) / 60_000)),
    findingCount: review.findings.length,
    unresolvedCount: unresolvedFindings(review).length,
    round: review.round,
  };
}

/**
 * What waits for this person: the self-reviews of their own items, and the stages their roles
 * sign, minus items they may not act on (their own, or a review where they signed another stage).
 * Longest wait first. Also their own submissions in progress, for the author's overview.
 */
export async function reviewQueueFor(deps: Pick<AppDependencies, 'records' | 'clock'>, staff: StaffMember, filter: QueueFilter = {}): Promise<{ waiting: QueueItem[]; mine: QueueItem[] }> {
  const repo = new ReviewRepository(deps.records);
  const now = deps.clock.now();
  const sources: Promise<ReviewRecord[]>[] = [];
  const want = (stage: ReviewStage | 'on-hold') => !filter.stage || filter.stage === stage;
  if (staff.roles.includes('clerk') && want('self')) sources.push(repo.waitingForAuthor(staff.id));
  if ((staff.roles.includes('head') || staff.roles.includes('admin')) && want('head')) sources.push(repo.waitingAt('head'));
  if ((staff.roles.includes('reviewer') || staff.roles.includes('admin')) && want('secrecy')) sources.push(repo.waitingAt('secrecy'));
  if ((staff.roles.includes('leader') || staff.roles.includes('admin')) && want('leader')) sources.push(repo.waitingAt('leader'));
  if (staff.roles.some((r) => r === 'reviewer' || r === 'leader' || r === 'admin') && want('on-hold')) sources.push(repo.waitingAt('on-hold'));
  const seen = new Set<string>();
  const waiting = (await Promise.all(sources))
    .flat()
    .filter((r) => (seen.has(r.data.review.id) ? false : (seen.add(r.data.review.id), true)))
    .filter((r) => staff.roles.includes('admin') || canActOn(staff, r.data.review, now))
    .filter((r) => !filter.subjectType || r.data.review.subject.type === filter.subjectType)
    .map((r) => toQueueItem(r, now))
    .sort((a, b) => a.waitingSince.localeCompare(b.waitingSince));
  const mine = staff.roles.includes('clerk')
    ? (await repo.byAuthor(staff.id, 30)).items.filter((r) => !filter.subjectType || r.data.review.subject.type === filter.subjectType).map((r) => toQueueItem(r, now))
    : [];
  return { waiting, mine };
}

export interface ReviewView {
  readonly record: ReviewRecord;
  readonly review: SecrecyReview;
  readonly content: ReviewContent;
  /** The text the scanner read, by source (`body`, `att-1`, …). */
  readonly texts: Readonly<Record<string, string>>;
  /** The redacted copy of the body, when one was made. */
  readonly redactedBody?: string;
  readonly redacted?: RedactedPieces;
  /** The digest of what would be released now (sign forms carry it). */
  readonly currentDigest: string;
  readonly history: readonly AuditEvent[];
  readonly releases: readonly ReleaseRecord[];
  readonly waitingSince: string;
  readonly canAct: boolean;
  /** The steps this person may take now, from the workflow (signStage's row is sign<Stage>). */
  readonly available: readonly ReviewCommandType[];
  /** Why this person may not take the step the review waits for (the table's refusal), when they may not. */
  readonly refusal?: string;
  /** An approved publication may be published from the review page by whoever may press 发布 (the publishing table's roles). */
  readonly mayRelease: boolean;
}

/** The step the review waits for: the waiting stage's signature, or the reply to a referral. */
function waitingStep(review: SecrecyReview): ReviewCommandType | undefined {
  const step = reviewStep(review);
  if (step === 'on-hold') return 'referralReply';
  return step === 'approved' || step === 'withheld' ? undefined : SIGN_COMMANDS[step];
}

function refusalFor(staff: StaffMember, review: SecrecyReview, now: Date): string | undefined {
  const command = waitingStep(review);
  const result = command ? checkReviewStep(review, command, reviewContext(staff, now)) : undefined;
  return result && !result.ok ? result.error.message : undefined;
}

/** Who may release a reviewed document (publishReviewedDocument): whoever may press 发布 in the publishing table. */
export function mayReleaseReviewed(staff: Pick<StaffMember, 'roles'>): boolean {
  const roles = publishing.transition('publish')?.roles;
  return Array.isArray(roles) && staff.roles.some((r) => roles.includes(r));
}

function mayRelease(staff: StaffMember, review: SecrecyReview): boolean {
  return review.status === 'approved' && review.subject.type === 'publication' && mayReleaseReviewed(staff);
}

/** Everything the review page shows: the content, its findings, the record and the history. */
export async function getReview(deps: Deps, staff: StaffMember, id: string): Promise<ReviewView> {
  if (!staff.roles.length) throw new ReviewPermissionError('无权查看审查单。');
  const record = await load(deps, id);
  const { review, content, redacted } = record.data;
  const [texts, history, releases] = await Promise.all([originalTexts(deps.files, content), new ReviewRepository(deps.records).history(id), new ReleaseRepository(deps.records).forReview(id)]);
  const redactedBody = redacted?.bodyKey ? await readText(deps.files, redacted.bodyKey) : undefined;
  const now = deps.clock.now();
  const available = availableTo(staff, review, now);
  const refusal = refusalFor(staff, review, now);
  return {
    record,
    review,
    content,
    texts,
    redactedBody,
    redacted,
    currentDigest: releaseDigest(review),
    history,
    releases,
    waitingSince: record.data.waitingSince,
    canAct: available.some((c) => c !== 'revise'),
    available,
    ...(refusal ? { refusal } : {}),
    mayRelease: mayRelease(staff, review),
  };
}
