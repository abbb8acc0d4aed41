import type { StaffMember, StaffRole } from '../staff';
import {
  RedactionLeakError,
  ReviewPermissionError,
  ReviewStageError,
  ReviewValidationError,
  SeparationOfDutiesError,
  StaleContentError,
  UnresolvedFindingsError,
} from './errors';
import type { Finding, FindingKind } from './kinds';

/*
 * The secrecy pre-review (信息公开保密审查, domain.md §4): one record per stage (审查单), a strict
 * stage order, separation of duties, findings that must be resolved, and an approval bound to
 * the digest of exactly the content that will be released.
 *
 * Everything here is pure: commands take the review and an input (including `now`) and return
 * the next review value plus the events it caused, or throw a named error from ./errors.
 */

// ---------------------------------------------------------------------------------------------
// Vocabulary

export const REVIEW_STAGES = ['self', 'head', 'secrecy', 'leader'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const STAGE_LABELS: Record<ReviewStage, string> = {
  self: '承办人自审',
  head: '科室负责人审核',
  secrecy: '保密审查',
  leader: '分管领导审批',
};

/** The role a person needs to sign each stage. */
export const STAGE_ROLE: Record<ReviewStage, StaffRole> = {
  self: 'clerk',
  head: 'head',
  secrecy: 'reviewer',
  leader: 'leader',
};

export const CHECKLIST_ITEMS = [
  'state-secret',
  'work-secret',
  'trade-secret',
  'personal-privacy',
  'process-or-internal',
  'security-stability',
] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export const CHECKLIST_LABELS: Record<ChecklistItem, string> = {
  'state-secret': '是否涉及国家秘密',
  'work-secret': '是否涉及工作秘密',
  'trade-secret': '是否涉及商业秘密',
  'personal-privacy': '是否涉及个人隐私',
  'process-or-internal': '是否属于过程性信息、内部事务信息',
  'security-stability': '是否可能危及国家安全、公共安全、经济安全和社会稳定',
};

export interface ChecklistAnswer {
  readonly involved: boolean;
  /** Required when `involved` is true: what, where, and how it is handled. */
  readonly note?: string;
}
export type Checklist = Readonly<Record<ChecklistItem, ChecklistAnswer>>;

export type ReferralBody = 'competent-department' | 'secrecy-administration';
export const REFERRAL_BODY_LABELS: Record<ReferralBody, string> = {
  'competent-department': '有关主管部门',
  'secrecy-administration': '保密行政管理部门',
};

export type Conclusion =
  | { readonly type: 'disclose' }
  | { readonly type: 'disclose-redacted' }
  | { readonly type: 'withhold'; readonly legalBasis: string }
  /** 报请确定: refer to the competent department or the secrecy administration; the item is on hold. */
  | { readonly type: 'refer'; readonly referTo: ReferralBody; readonly body: string };
export type ConclusionType = Conclusion['type'];

export const CONCLUSION_LABELS: Record<ConclusionType, string> = {
  disclose: '可以公开',
  'disclose-redacted': '作删除处理后可以公开',
  withhold: '不予公开',
  refer: '报请有关主管部门或保密行政管理部门确定',
};

/** What leaves the agency under this review. */
export interface ReviewSubject {
  readonly type: 'publication' | 'answer' | 'clarification';
  readonly id: string;
  readonly title?: string;
}

/** A person as recorded on the review (no personal identifiers beyond the staff id and name). */
export interface ReviewPerson {
  readonly id: string;
  readonly name: string;
}

/** Who issues a command; a StaffMember fits. */
export type ReviewActor = Pick<StaffMember, 'id' | 'displayName' | 'roles'>;

/**
 * A scanner finding as kept on the review: where it is and a masked preview, never the raw value.
 * `source` says which part of the content it is in (`body`, or an attachment id).
 */
export interface ReviewFinding {
  readonly id: string;
  readonly source: string;
  readonly kind: FindingKind;
  readonly start: number;
  readonly end: number;
  readonly preview: string;
}

export type FindingResolution = { readonly action: 'redact' } | { readonly action: 'keep'; readonly reason: string };

export interface ResolvedFinding {
  readonly resolution: FindingResolution;
  readonly by: ReviewPerson;
  readonly at: string;
}

/** One entry of the review history (审查单). Nothing is ever removed from `records`. */
export interface StageRecord {
  readonly stage: ReviewStage;
  readonly round: number;
  readonly action: 'signed' | 'returned';
  readonly by: ReviewPerson & { readonly role: StaffRole };
  readonly at: string;
  /** The digest of the content the person signed or returned. */
  readonly contentDigest: string;
  readonly checklist?: Checklist;
  readonly conclusion?: Conclusion;
  readonly comments: string;
}

export interface Referral {
  readonly stage: ReviewStage;
  readonly round: number;
  readonly referTo: ReferralBody;
  readonly body: string;
  readonly sentAt: string;
  readonly by: ReviewPerson;
  readonly reply?: { readonly text: string; readonly recordedAt: string; readonly recordedBy: ReviewPerson };
}

export interface RedactedVersion {
  /** Digest of the redacted content bundle: this is what gets approved and released. */
  readonly digest: string;
  readonly by: ReviewPerson;
  readonly at: string;
  /** Document metadata that may identify people (PDF author, DOCX last modified by, …). */
  readonly metadataWarnings: readonly string[];
}

export type ReviewStatus = 'draft' | 'in-review' | 'on-hold' | 'returned' | 'approved' | 'withheld';

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  draft: '待承办人自审',
  'in-review': '审查中',
  'on-hold': '报请确定中（暂缓公开）',
  returned: '已退回承办人',
  approved: '审查通过',
  withheld: '不予公开',
};

export interface SecrecyReview {
  readonly id: string;
  readonly subject: ReviewSubject;
  readonly author: ReviewPerson;
  readonly status: ReviewStatus;
  /** The stage waiting for a signature (for `approved`/`withheld`: the last stage signed). */
  readonly stage: ReviewStage;
  /** Starts at 1; a return to the author or a revision after the decision starts a new round. */
  readonly round: number;
  /** Digest of the content as the author submitted it (text + attachments, see contentDigest). */
  readonly contentDigest: string;
  readonly redaction?: RedactedVersion;
  readonly findings: readonly ReviewFinding[];
  readonly resolutions: Readonly<Record<string, ResolvedFinding>>;
  readonly records: readonly StageRecord[];
  readonly referrals: readonly Referral[];
  /** Set when the review concludes; bound to the digest of the released content. */
  readonly decision?: {
    readonly digest: string;
    readonly conclusion: Conclusion;
    readonly at: string;
    readonly round: number;
  };
  readonly createdAt: string;
  readonly updatedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Events

interface EventBase {
  readonly reviewId: string;
  readonly at: string;
  readonly actorId: string;
  readonly round: number;
}
export type ReviewEvent =
  | (EventBase & { readonly type: 'ReviewOpened'; readonly contentDigest: string; readonly findingCount: number })
  | (EventBase & { readonly type: 'StageSigned'; readonly stage: ReviewStage; readonly conclusion: ConclusionType })
  | (EventBase & { readonly type: 'ReviewReturned'; readonly stage: ReviewStage })
  | (EventBase & { readonly type: 'ReviewReferred'; readonly stage: ReviewStage; readonly referTo: ReferralBody })
  | (EventBase & { readonly type: 'ReferralAnswered'; readonly stage: ReviewStage })
  | (EventBase & { readonly type: 'FindingResolved'; readonly findingId: string; readonly action: FindingResolution['action'] })
  | (EventBase & { readonly type: 'RedactedVersionAttached'; readonly digest: string; readonly metadataWarnings: number })
  | (EventBase & { readonly type: 'ContentRevised'; readonly contentDigest: string; readonly findingCount: number })
  | (EventBase & { readonly type: 'DecisionVoided'; readonly previousDigest: string })
  | (EventBase & { readonly type: 'ReviewApproved'; readonly digest: string; readonly conclusion: ConclusionType })
  | (EventBase & { readonly type: 'ReviewWithheld'; readonly legalBasis: string });

export interface ReviewResult {
  readonly review: SecrecyReview;
  readonly events: readonly ReviewEvent[];
}

// ---------------------------------------------------------------------------------------------
// Queries

/** The digest of what would be released now: the redacted version if there is one. */
export function releaseDigest(review: SecrecyReview): string {
  return review.redaction?.digest ?? review.contentDigest;
}

export function unresolvedFindings(review: SecrecyReview): ReviewFinding[] {
  return review.findings.filter((f) => !review.resolutions[f.id]);
}

/**
 * The leader's approval (分管领导审批) is required when the conclusion is partial disclosure or
 * withholding, when the scan found anything, or when an earlier stage of this round concluded
 * partial disclosure or withholding (a disagreement goes up, not away).
 */
export function leaderRequired(review: SecrecyReview, conclusion: Conclusion): boolean {
  const restrictive = (c?: Conclusion) => c?.type === 'disclose-redacted' || c?.type === 'withhold';
  if (restrictive(conclusion)) return true;
  if (review.findings.length > 0) return true;
  return review.records.some((r) => r.round === review.round && r.action === 'signed' && restrictive(r.conclusion));
}

export type ReleaseRefusal = 'no-review' | 'not-approved' | 'on-hold' | 'withheld' | 'stale-content' | 'unresolved-findings';

export const RELEASE_REFUSAL_MESSAGES: Record<ReleaseRefusal, string> = {
  'no-review': '该信息尚未进行保密审查，不能公开或提供。',
  'not-approved': '保密审查尚未通过，不能公开或提供。',
  'on-hold': '该信息正在报请有关部门确定，暂缓公开。',
  withheld: '保密审查结论为不予公开。',
  'stale-content': '内容在审查通过后已被修改，原审查结论失效，请重新审查。',
  'unresolved-findings': '仍有检测结果未处理。',
};

export type ReleaseCheck = { readonly ok: true } | { readonly ok: false; readonly reason: ReleaseRefusal; readonly message: string };

const refuse = (reason: ReleaseRefusal): ReleaseCheck => ({ ok: false, reason, message: RELEASE_REFUSAL_MESSAGES[reason] });

/**
 * May content whose digest is `digest` leave the agency under this review? Only when the review
 * is approved, for exactly that digest (the redacted version's when there is one).
 */
export function canRelease(review: SecrecyReview | undefined, digest: string): ReleaseCheck {
  if (!review) return refuse('no-review');
  if (review.status === 'on-hold') return refuse('on-hold');
  if (review.status === 'withheld') return refuse('withheld');
  if (review.status !== 'approved' || !review.decision) return refuse('not-approved');
  if (review.decision.digest !== digest) return refuse('stale-content');
  if (unresolvedFindings(review).length > 0) return refuse('unresolved-findings');
  return { ok: true };
}

export function isApprovedFor(review: SecrecyReview | undefined, digest: string): boolean {
  return canRelease(review, digest).ok;
}

/** Like canRelease, but throws the matching named error. For the release step. */
export function assertCanRelease(review: SecrecyReview | undefined, digest: string): void {
  const check = canRelease(review, digest);
  if (check.ok) return;
  const detail = `review ${review?.id ?? '(none)'}: ${check.reason}`;
  if (check.reason === 'stale-content') throw new StaleContentError(detail);
  if (check.reason === 'unresolved-findings') throw new UnresolvedFindingsError(unresolvedFindings(review!).map((f) => f.id));
  throw new ReviewStageError(check.message, detail);
}

/** Review findings from scanner findings: positions and masked previews only, no raw values. */
export function reviewFindingsFrom(source: string, findings: readonly Finding[]): ReviewFinding[] {
  return findings.map((f) => ({
    id: `${source}#${f.kind}@${f.start}-${f.end}`,
    source,
    kind: f.kind,
    start: f.start,
    end: f.end,
    preview: f.preview,
  }));
}

// ---------------------------------------------------------------------------------------------
// Commands

const person = (a: ReviewActor): ReviewPerson => ({ id: a.id, name: a.displayName });
const iso = (now: Date) => now.toISOString();

function requireRole(actor: ReviewActor, role: StaffRole, what: string): void {
  if (!actor.roles.includes(role)) {
    throw new ReviewPermissionError(`${what}需要“${ROLE_NAMES[role]}”角色。`, `actor ${actor.id} lacks role ${role}`);
  }
}

const ROLE_NAMES: Record<StaffRole, string> = {
  clerk: '经办人',
  head: '科室负责人',
  reviewer: '保密审查员',
  leader: '分管领导',
  admin: '管理员',
};

/** Separation of duties for every stage after the author's: not the author, and one stage per person. */
function requireIndependent(review: SecrecyReview, actor: ReviewActor, stage: ReviewStage): void {
  if (actor.id === review.author.id) {
    throw new SeparationOfDutiesError('承办人不能审核或审批自己承办的信息。', `author ${actor.id} acting at ${stage}`);
  }
  const other = review.records.find((r) => r.by.id === actor.id && r.stage !== stage);
  if (other) {
    throw new SeparationOfDutiesError(
      `同一人只能签署一个审查环节：您已签署“${STAGE_LABELS[other.stage]}”。`,
      `actor ${actor.id} already acted at ${other.stage}, now ${stage}`,
    );
  }
}

function requireText(value: string | undefined, field: string, message: string): string {
  const v = value?.trim() ?? '';
  if (!v) throw new ReviewValidationError(message, { [field]: message });
  return v;
}

function validateChecklist(checklist: Checklist | undefined): Checklist {
  const fields: Record<string, string> = {};
  const out = {} as Record<ChecklistItem, ChecklistAnswer>;
  for (const item of CHECKLIST_ITEMS) {
    const answer = checklist?.[item];
    if (!answer || typeof answer.involved !== 'boolean') {
      fields[`checklist.${item}`] = `请回答：${CHECKLIST_LABELS[item]}。`;
      continue;
    }
    const note = answer.note?.trim();
    if (answer.involved && !note) fields[`checklist.${item}`] = `“${CHECKLIST_LABELS[item]}”选择“是”时，请说明具体情况和处理方式。`;
    out[item] = note ? { involved: answer.involved, note } : { involved: answer.involved };
  }
  if (Object.keys(fields).length) throw new ReviewValidationError('审查单填写不完整，请按提示补充。', fields);
  return out;
}

function validateConclusion(conclusion: Conclusion | undefined, stage: ReviewStage): Conclusion {
  switch (conclusion?.type) {
    case 'disclose':
    case 'disclose-redacted':
      return { type: conclusion.type };
    case 'withhold':
      return {
        type: 'withhold',
        legalBasis: requireText(conclusion.legalBasis, 'conclusion.legalBasis', '不予公开的，请写明法律依据（如条例第十四条）。'),
      };
    case 'refer':
      if (stage === 'self') {
        throw new ReviewValidationError('承办人自审不能直接报请确定，请提交科室负责人审核。', { conclusion: 'refer not allowed at self stage' });
      }
      if (conclusion.referTo !== 'competent-department' && conclusion.referTo !== 'secrecy-administration') {
        throw new ReviewValidationError('请选择报请确定的部门类型。', { 'conclusion.referTo': '请选择。' });
      }
      return { type: 'refer', referTo: conclusion.referTo, body: requireText(conclusion.body, 'conclusion.body', '请写明报请确定的具体部门。') };
    default:
      throw new ReviewValidationError('请选择审查结论。', { conclusion: '请选择审查结论。' });
  }
}

function nextStage(stage: ReviewStage): ReviewStage {
  return REVIEW_STAGES[REVIEW_STAGES.indexOf(stage) + 1]!;
}

export interface OpenReviewInput {
  readonly id: string;
  readonly subject: ReviewSubject;
  readonly author: ReviewActor;
  readonly contentDigest: string;
  readonly findings: readonly ReviewFinding[];
  readonly now: Date;
}

/** Open a review for content the author submits; the first step is the author's self-review. */
export function openReview(input: OpenReviewInput): ReviewResult {
  requireText(input.contentDigest, 'contentDigest', '缺少内容摘要。');
  const at = iso(input.now);
  const review: SecrecyReview = {
    id: input.id,
    subject: input.subject,
    author: person(input.author),
    status: 'draft',
    stage: 'self',
    round: 1,
    contentDigest: input.contentDigest,
    findings: [...input.findings],
    resolutions: {},
    records: [],
    referrals: [],
    createdAt: at,
    updatedAt: at,
  };
  return {
    review,
    events: [{ type: 'ReviewOpened', reviewId: input.id, at, actorId: input.author.id, round: 1, contentDigest: input.contentDigest, findingCount: input.findings.length }],
  };
}

export interface SignStageInput {
  readonly actor: ReviewActor;
  /** The stage the person means to sign; must be the stage waiting for a signature. */
  readonly stage: ReviewStage;
  readonly checklist: Checklist;
  readonly conclusion: Conclusion;
  readonly comments?: string;
  /** The digest of the content the person looked at; must equal releaseDigest(review). */
  readonly contentDigest: string;
  readonly now: Date;
}

/** Sign the current stage with a checklist, a conclusion and comments. */
export function signStage(review: SecrecyReview, input: SignStageInput): ReviewResult {
  const { actor, stage } = input;
  if (stage === 'self') {
    if (review.status !== 'draft' && review.status !== 'returned') {
      throw new ReviewStageError('当前不在承办人自审环节。', `status ${review.status}, stage ${review.stage}`);
    }
    if (actor.id !== review.author.id) {
      throw new ReviewPermissionError('只有承办人本人可以进行自审。', `actor ${actor.id} is not author ${review.author.id}`);
    }
    requireRole(actor, 'clerk', STAGE_LABELS.self);
  } else {
    if (review.status === 'on-hold') throw new ReviewStageError('报请确定期间暂缓审查，请先登记答复。', `review ${review.id} on hold`);
    if (review.status !== 'in-review' || review.stage !== stage) {
      throw new ReviewStageError(`当前不在“${STAGE_LABELS[stage]}”环节。`, `status ${review.status}, stage ${review.stage}, asked ${stage}`);
    }
    requireRole(actor, STAGE_ROLE[stage], STAGE_LABELS[stage]);
    requireIndependent(review, actor, stage);
  }
  const current = releaseDigest(review);
  if (input.contentDigest !== current) throw new StaleContentError(`signed ${input.contentDigest}, current ${current}`);

  const checklist = validateChecklist(input.checklist);
  const conclusion = validateConclusion(input.conclusion, stage);
  const approving = conclusion.type === 'disclose' || conclusion.type === 'disclose-redacted';
  const decisive = stage === 'secrecy' || stage === 'leader';
  if (decisive && approving) {
    const open = unresolvedFindings(review);
    if (open.length > 0) throw new UnresolvedFindingsError(open.map((f) => f.id));
    const anyRedact = Object.values(review.resolutions).some((r) => r.resolution.action === 'redact');
    if (conclusion.type === 'disclose' && anyRedact) {
      throw new ReviewValidationError('有检测结果标记为删除，结论应为“作删除处理后可以公开”。', { conclusion: 'redactions exist' });
    }
    if (conclusion.type === 'disclose-redacted' && !review.redaction) {
      throw new ReviewStageError('结论为删除后公开的，请先生成或上传删除处理后的版本。', `review ${review.id} has no redacted version`);
    }
  }

  const at = iso(input.now);
  const base = { reviewId: review.id, at, actorId: actor.id, round: review.round };
  const record: StageRecord = {
    stage,
    round: review.round,
    action: 'signed',
    by: { ...person(actor), role: STAGE_ROLE[stage] },
    at,
    contentDigest: current,
    checklist,
    conclusion,
    comments: input.comments?.trim() ?? '',
  };
  const signed: SecrecyReview = { ...review, records: [...review.records, record], updatedAt: at };
  const events: ReviewEvent[] = [{ ...base, type: 'StageSigned', stage, conclusion: conclusion.type }];

  if (conclusion.type === 'refer') {
    const referral: Referral = { stage, round: review.round, referTo: conclusion.referTo, body: conclusion.body, sentAt: at, by: person(actor) };
    events.push({ ...base, type: 'ReviewReferred', stage, referTo: conclusion.referTo });
    return { review: { ...signed, status: 'on-hold', referrals: [...review.referrals, referral] }, events };
  }

  const concludes = stage === 'leader' || (stage === 'secrecy' && !leaderRequired(review, conclusion));
  if (!concludes) {
    return { review: { ...signed, status: 'in-review', stage: nextStage(stage) }, events };
  }
  const decision = { digest: current, conclusion, at, round: review.round };
  if (conclusion.type === 'withhold') {
    events.push({ ...base, type: 'ReviewWithheld', legalBasis: conclusion.legalBasis });
    return { review: { ...signed, status: 'withheld', decision }, events };
  }
  events.push({ ...base, type: 'ReviewApproved', digest: current, conclusion: conclusion.type });
  return { review: { ...signed, status: 'approved', decision }, events };
}

export interface ReturnInput {
  readonly actor: ReviewActor;
  readonly comments: string;
  readonly now: Date;
}

/** Return the item to the author with comments. The history stays; a new round begins. */
export function returnToAuthor(review: SecrecyReview, input: ReturnInput): ReviewResult {
  if (review.status !== 'in-review') {
    throw new ReviewStageError('只有审查中的信息可以退回。', `status ${review.status}`);
  }
  const stage = review.stage;
  requireRole(input.actor, STAGE_ROLE[stage], STAGE_LABELS[stage]);
  requireIndependent(review, input.actor, stage);
  const comments = requireText(input.comments, 'comments', '退回时请写明修改意见。');
  const at = iso(input.now);
  const record: StageRecord = {
    stage,
    round: review.round,
    action: 'returned',
    by: { ...person(input.actor), role: STAGE_ROLE[stage] },
    at,
    contentDigest: releaseDigest(review),
    comments,
  };
  return {
    review: { ...review, status: 'returned', stage: 'self', round: review.round + 1, records: [...review.records, record], updatedAt: at },
    events: [{ type: 'ReviewReturned', reviewId: review.id, at, actorId: input.actor.id, round: review.round, stage }],
  };
}

export interface ReviseContentInput {
  readonly actor: ReviewActor;
  readonly contentDigest: string;
  /** Findings of a fresh scan of the revised content. */
  readonly findings: readonly ReviewFinding[];
  readonly now: Date;
}

/**
 * The author changes the content. Allowed before review, after a return, and after the decision
 * (which voids it: changing a word after approval means a new review round). Resolutions and any
 * redacted version belong to the old content and are dropped.
 */
export function reviseContent(review: SecrecyReview, input: ReviseContentInput): ReviewResult {
  if (input.actor.id !== review.author.id) {
    throw new ReviewPermissionError('只有承办人可以修改送审内容。', `actor ${input.actor.id} is not author`);
  }
  if (review.status === 'in-review' || review.status === 'on-hold') {
    throw new ReviewStageError('审查进行中不能修改内容，请由当前审查人退回后再修改。', `status ${review.status}`);
  }
  requireText(input.contentDigest, 'contentDigest', '缺少内容摘要。');
  const at = iso(input.now);
  const decided = review.status === 'approved' || review.status === 'withheld';
  const round = decided ? review.round + 1 : review.round;
  const base = { reviewId: review.id, at, actorId: input.actor.id, round };
  const events: ReviewEvent[] = [];
  if (decided && review.decision) events.push({ ...base, type: 'DecisionVoided', previousDigest: review.decision.digest });
  events.push({ ...base, type: 'ContentRevised', contentDigest: input.contentDigest, findingCount: input.findings.length });
  const { decision: _dropDecision, redaction: _dropRedaction, ...rest } = review;
  return {
    review: {
      ...rest,
      status: review.status === 'draft' ? 'draft' : 'returned',
      stage: 'self',
      round,
      contentDigest: input.contentDigest,
      findings: [...input.findings],
      resolutions: {},
      updatedAt: at,
    },
    events,
  };
}

export interface ResolveFindingInput {
  readonly actor: ReviewActor;
  readonly findingId: string;
  readonly resolution: FindingResolution;
  readonly now: Date;
}

/**
 * The secrecy reviewer resolves one finding: redact it, or keep it with a reason. Changing a
 * resolution discards any redacted version already attached (it no longer matches the choices).
 */
export function resolveFinding(review: SecrecyReview, input: ResolveFindingInput): ReviewResult {
  if (review.status !== 'in-review' || review.stage !== 'secrecy') {
    throw new ReviewStageError('只有在保密审查环节可以处理检测结果。', `status ${review.status}, stage ${review.stage}`);
  }
  requireRole(input.actor, 'reviewer', STAGE_LABELS.secrecy);
  requireIndependent(review, input.actor, 'secrecy');
  if (!review.findings.some((f) => f.id === input.findingId)) {
    throw new ReviewValidationError('找不到该检测结果，请刷新页面。', { findingId: input.findingId });
  }
  let resolution: FindingResolution;
  if (input.resolution?.action === 'redact') resolution = { action: 'redact' };
  else if (input.resolution?.action === 'keep') {
    resolution = { action: 'keep', reason: requireText(input.resolution.reason, 'reason', '保留检测内容的，请写明理由（如当事人同意公开、属于公开的办公电话）。') };
  } else throw new ReviewValidationError('请选择处理方式：删除或保留。', { resolution: '请选择。' });

  const at = iso(input.now);
  const previous = review.resolutions[input.findingId];
  const changed = previous !== undefined && previous.resolution.action !== resolution.action;
  const { redaction: _stale, ...withoutRedaction } = review;
  const next: SecrecyReview = {
    ...(changed ? withoutRedaction : review),
    resolutions: { ...review.resolutions, [input.findingId]: { resolution, by: person(input.actor), at } },
    updatedAt: at,
  };
  return {
    review: next,
    events: [{ type: 'FindingResolved', reviewId: review.id, at, actorId: input.actor.id, round: review.round, findingId: input.findingId, action: resolution.action }],
  };
}

export interface AttachRedactedVersionInput {
  readonly actor: ReviewActor;
  /** Digest of the redacted content bundle (contentDigest over the redacted text and files). */
  readonly digest: string;
  /**
   * Result of verifyRedactedText on every redacted file's re-extracted text: redacted findings
   * still present. Any entry blocks the attachment.
   */
  readonly residualFindings: readonly unknown[];
  /** Metadata that may identify people, reported to the reviewer (does not block). */
  readonly metadataWarnings?: readonly string[];
  readonly now: Date;
}

/** Attach the redacted version (generated for text, uploaded for files) that will be released. */
export function attachRedactedVersion(review: SecrecyReview, input: AttachRedactedVersionInput): ReviewResult {
  if (review.status !== 'in-review' || review.stage !== 'secrecy') {
    throw new ReviewStageError('只有在保密审查环节可以上传删除处理后的版本。', `status ${review.status}, stage ${review.stage}`);
  }
  requireRole(input.actor, 'reviewer', STAGE_LABELS.secrecy);
  requireIndependent(review, input.actor, 'secrecy');
  requireText(input.digest, 'digest', '缺少内容摘要。');
  if (input.residualFindings.length > 0) throw new RedactionLeakError(input.residualFindings.length);
  const at = iso(input.now);
  const metadataWarnings = [...(input.metadataWarnings ?? [])];
  return {
    review: { ...review, redaction: { digest: input.digest, by: person(input.actor), at, metadataWarnings }, updatedAt: at },
    events: [{ type: 'RedactedVersionAttached', reviewId: review.id, at, actorId: input.actor.id, round: review.round, digest: input.digest, metadataWarnings: metadataWarnings.length }],
  };
}

export interface ReferralReplyInput {
  readonly actor: ReviewActor;
  readonly reply: string;
  readonly now: Date;
}

/** Record the answer of the competent department or secrecy administration; the review resumes. */
export function recordReferralReply(review: SecrecyReview, input: ReferralReplyInput): ReviewResult {
  const last = review.referrals[review.referrals.length - 1];
  if (review.status !== 'on-hold' || !last || last.reply) {
    throw new ReviewStageError('该信息没有待答复的报请确定事项。', `status ${review.status}`);
  }
  if (!input.actor.roles.some((r) => r === 'reviewer' || r === 'leader' || r === 'admin')) {
    throw new ReviewPermissionError('登记答复需要保密审查员、分管领导或管理员角色。', `actor ${input.actor.id}`);
  }
  const text = requireText(input.reply, 'reply', '请填写答复内容。');
  const at = iso(input.now);
  const answered: Referral = { ...last, reply: { text, recordedAt: at, recordedBy: person(input.actor) } };
  return {
    review: { ...review, status: 'in-review', stage: last.stage, referrals: [...review.referrals.slice(0, -1), answered], updatedAt: at },
    events: [{ type: 'ReferralAnswered', reviewId: review.id, at, actorId: input.actor.id, round: review.round, stage: last.stage }],
  };
}

// ---------------------------------------------------------------------------------------------
// One entry point for use cases that receive commands as data.

export type ReviewCommand =
  | ({ readonly type: 'sign' } & SignStageInput)
  | ({ readonly type: 'return' } & ReturnInput)
  | ({ readonly type: 'revise' } & ReviseContentInput)
  | ({ readonly type: 'resolve-finding' } & ResolveFindingInput)
  | ({ readonly type: 'attach-redacted' } & AttachRedactedVersionInput)
  | ({ readonly type: 'referral-reply' } & ReferralReplyInput);

export function applyReviewCommand(review: SecrecyReview, command: ReviewCommand): ReviewResult {
  switch (command.type) {
    case 'sign':
      return signStage(review, command);
    case 'return':
      return returnToAuthor(review, command);
    case 'revise':
      return reviseContent(review, command);
    case 'resolve-finding':
      return resolveFinding(review, command);
    case 'attach-redacted':
      return attachRedactedVersion(review, command);
    case 'referral-reply':
      return recordReferralReply(review, command);
  }
}
