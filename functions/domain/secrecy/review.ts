import {
  actorOf,
  CaseForbiddenError,
  caseTime,
  defineWorkflow,
  GuardRefusedError,
  IllegalTransitionError,
  rolesOf,
  unless,
  type Actor,
  type CaseContext,
  type CaseEvent,
  type CaseRefusal,
  type CheckResult,
  type Effect,
  type Guard,
  type StepField,
  type StepForm,
  type Transition,
} from '../case';
import type { StaffMember, StaffRole } from '../staff';
import { RedactionLeakError, ReviewPermissionError, ReviewStageError, ReviewValidationError, SeparationOfDutiesError, StaleContentError, UnresolvedFindingsError } from './errors';
import type { Finding, FindingKind } from './kinds';

/*
 * The secrecy pre-review (信息公开保密审查, domain.md §4): one record per stage (审查单), a strict
 * stage order, separation of duties, findings that must be resolved, and an approval bound to
 * the digest of exactly the content that will be released.
 *
 * The stage pipeline is a table on the case kernel (domain/case): who signs which stage, the
 * separation-of-duties rules as guards with codes and Chinese reasons, and one effect per step.
 * Everything here is pure: a step takes the review, the command and a CaseContext (actor,
 * instant) and returns the next review plus one event, or throws a named error from ./errors.
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

export const CHECKLIST_ITEMS = ['state-secret', 'work-secret', 'trade-secret', 'personal-privacy', 'process-or-internal', 'security-stability'] as const;
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
  /** notice: a procedural notice of an application (id `<tracking number>/<notice id>`). */
  readonly type: 'publication' | 'answer' | 'clarification' | 'notice';
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

/**
 * The state a review is in for the workflow: the stage waiting for a signature, on hold, or
 * decided. `draft` and `returned` are both the author's self-review (`self`).
 */
export type ReviewStep = ReviewStage | 'on-hold' | 'approved' | 'withheld';

/** One step of a review in the kernel's envelope; `type` is today's audit name (`review.stage-signed`, …). */
export type ReviewEvent = CaseEvent<ReviewStep>;

export interface ReviewResult {
  readonly review: SecrecyReview;
  readonly event: ReviewEvent;
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
// The stage pipeline

const ROLE_NAMES: Record<StaffRole, string> = {
  clerk: '经办人',
  head: '科室负责人',
  reviewer: '保密审查员',
  leader: '分管领导',
  admin: '管理员',
};

/** A step of a review needs no facts beyond actor and time. */
export type ReviewContext = CaseContext;

export const REVIEW_STEP_LABELS: Record<ReviewStep, string> = {
  self: '待承办人自审',
  head: '科室负责人审核',
  secrecy: '保密审查',
  leader: '分管领导审批',
  'on-hold': '报请确定中（暂缓公开）',
  approved: '审查通过',
  withheld: '不予公开',
};

export function reviewStep(review: SecrecyReview): ReviewStep {
  switch (review.status) {
    case 'draft':
    case 'returned':
      return 'self';
    case 'in-review':
      return review.stage;
    default:
      return review.status;
  }
}

/** The review in a step: the stage waits in review; self keeps draft until the first return. */
function withStep(review: SecrecyReview, step: ReviewStep): SecrecyReview {
  switch (step) {
    case 'self':
      return { ...review, status: review.status === 'draft' ? 'draft' : 'returned', stage: 'self' };
    case 'head':
    case 'secrecy':
    case 'leader':
      return { ...review, status: 'in-review', stage: step };
    default:
      // On hold and decided keep the stage that referred or decided.
      return { ...review, status: step };
  }
}

interface SignFields {
  readonly checklist: Checklist;
  readonly conclusion: Conclusion;
  readonly comments?: string;
  /** The digest of the content the person looked at; must equal releaseDigest(review). */
  readonly contentDigest: string;
}

export type SignCommandType = 'signSelf' | 'signHead' | 'signSecrecy' | 'signLeader';

/** The commands of the table (applyReviewCommand takes the older, data-shaped ReviewCommand). */
export type ReviewStepCommand =
  | ({ readonly type: SignCommandType } & SignFields)
  | { readonly type: 'return'; readonly comments: string }
  | { readonly type: 'revise'; readonly contentDigest: string; readonly findings: readonly ReviewFinding[] }
  | { readonly type: 'resolveFinding'; readonly findingId: string; readonly resolution: FindingResolution }
  | { readonly type: 'attachRedacted'; readonly digest: string; readonly residualFindings: readonly unknown[]; readonly metadataWarnings?: readonly string[] }
  | { readonly type: 'referralReply'; readonly reply: string };

export type ReviewCommandType = ReviewStepCommand['type'];

export const SIGN_COMMANDS: Record<ReviewStage, SignCommandType> = { self: 'signSelf', head: 'signHead', secrecy: 'signSecrecy', leader: 'signLeader' };

/** A row of the table: the kernel's transition plus why it is refused where the row does not apply. */
export interface ReviewTransition extends Transition<ReviewStep, ReviewCommandType> {
  /** The stage a signature or a return belongs to (its role is STAGE_ROLE). */
  readonly stage?: ReviewStage;
  /** Refusal when the review is in a step the row does not list. */
  readonly refused: string;
  readonly refusedIn?: Partial<Record<ReviewStep, string>>;
}

const IN_REVIEW: readonly ReviewStep[] = ['head', 'secrecy', 'leader'];

const options = <K extends string>(labels: Readonly<Record<K, string>>, keys: readonly K[] = Object.keys(labels) as K[]) => keys.map((value) => ({ value, label: labels[value] }));

/**
 * The 审查单 a stage signs: every checklist question (否/是, and what it is when 是), the conclusion
 * and comments. The author's self-review cannot refer (报请确定), so its form has no referral fields.
 * Field names are the keys of the review's validation messages (checklist.<item>, conclusion.legalBasis…).
 */
const signForm = (stage: ReviewStage): StepForm => {
  const refer = stage !== 'self';
  const conclusions = options(CONCLUSION_LABELS, refer ? undefined : ['disclose', 'disclose-redacted', 'withhold']);
  const fields: StepField[] = [
    ...CHECKLIST_ITEMS.flatMap((item): StepField[] => [
      {
        name: `checklist.${item}`,
        label: CHECKLIST_LABELS[item],
        kind: 'radio',
        required: true,
        options: [
          { value: 'no', label: '否' },
          { value: 'yes', label: '是' },
        ],
      },
      { name: `checklist.${item}.note`, label: `情况说明：${CHECKLIST_LABELS[item].slice(2)}`, kind: 'text', hint: '选“是”时必填：写明具体情况和处理方式' },
    ]),
    { name: 'conclusion', label: '审查结论', kind: 'radio', required: true, options: conclusions },
    { name: 'conclusion.legalBasis', label: '不予公开的法律依据', kind: 'text', hint: '结论为“不予公开”时必填，例如：《政府信息公开条例》第十四条。' },
    ...(refer
      ? [
          { name: 'conclusion.referTo', label: '报请确定的部门类型', kind: 'select', options: options(REFERRAL_BODY_LABELS) } as const,
          { name: 'conclusion.body', label: '报请确定的具体部门', kind: 'text' } as const,
        ]
      : []),
    { name: 'comments', label: '审查意见', kind: 'textarea', rows: 3 },
  ];
  return { fields, tone: 'primary' };
};

const signRow = (stage: Exclude<ReviewStage, 'self'>, to: ReviewStep): ReviewTransition => ({
  command: SIGN_COMMANDS[stage],
  label: STAGE_LABELS[stage],
  event: 'stage-signed',
  stage,
  from: [stage],
  to,
  roles: [STAGE_ROLE[stage]],
  refused: `当前不在“${STAGE_LABELS[stage]}”环节。`,
  refusedIn: { 'on-hold': '报请确定期间暂缓审查，请先登记答复。' },
  form: signForm(stage),
});

export const REVIEW_TRANSITIONS: readonly ReviewTransition[] = [
  { command: 'signSelf', label: STAGE_LABELS.self, event: 'stage-signed', stage: 'self', from: ['self'], to: 'head', roles: ['clerk'], refused: '当前不在承办人自审环节。', form: signForm('self') },
  signRow('head', 'secrecy'),
  // The secrecy stage concludes unless the leader must approve (leaderRequired); the effect decides.
  signRow('secrecy', 'leader'),
  signRow('leader', 'approved'),
  // Whoever may sign the waiting stage may return it instead (guard STAGE_ROLE).
  {
    command: 'return',
    label: '退回承办人',
    event: 'review-returned',
    from: IN_REVIEW,
    to: 'self',
    roles: ['head', 'reviewer', 'leader'],
    refused: '只有审查中的信息可以退回。',
    // Not `comments`: the sign form on the same page has its own 审查意见.
    form: { fields: [{ name: 'returnComments', label: '修改意见', kind: 'textarea', required: true, rows: 3 }], tone: 'secondary' },
  },
  {
    command: 'revise',
    label: '修改送审内容',
    event: 'content-revised',
    from: ['self', 'approved', 'withheld'],
    to: 'self',
    roles: ['clerk'],
    refused: '审查进行中不能修改内容，请由当前审查人退回后再修改。',
    form: { fields: [{ name: 'text', label: '正文', kind: 'textarea', rows: 8, hint: '修改后系统重新检测；附件保持不变。' }], tone: 'secondary' },
  },
  {
    command: 'resolveFinding',
    label: '处理检测结果',
    event: 'finding-resolved',
    stage: 'secrecy',
    from: ['secrecy'],
    to: 'same',
    roles: ['reviewer'],
    refused: '只有在保密审查环节可以处理检测结果。',
    form: {
      fields: [
        {
          name: 'action',
          label: '处理方式',
          kind: 'radio',
          required: true,
          options: [
            { value: 'redact', label: '删除' },
            { value: 'keep', label: '保留' },
          ],
        },
        { name: 'reason', label: '保留理由', kind: 'text', hint: '选“保留”时必填' },
      ],
      tone: 'secondary',
    },
  },
  {
    command: 'attachRedacted',
    label: '删除处理',
    event: 'redacted-version-attached',
    stage: 'secrecy',
    from: ['secrecy'],
    to: 'same',
    roles: ['reviewer'],
    refused: '只有在保密审查环节可以上传删除处理后的版本。',
    // The body's redacted copy is made from the findings marked 删除 and these terms; an attachment's is uploaded.
    form: { fields: [{ name: 'terms', label: '其他需删除的文字', kind: 'list', rows: 3, hint: '每行一项，如姓名、住址' }] },
  },
  // Resumes at the stage that referred (the effect's target).
  {
    command: 'referralReply',
    label: '登记答复',
    event: 'referral-answered',
    from: ['on-hold'],
    to: 'secrecy',
    roles: ['reviewer', 'leader', 'admin'],
    refused: '该信息没有待答复的报请确定事项。',
    form: { fields: [{ name: 'reply', label: '答复内容', kind: 'textarea', required: true, rows: 3 }], tone: 'secondary' },
  },
];

// ---- guards: the rules that need no input, each with a code and the Chinese reason

/** How each guard's refusal reaches the caller: the review's named errors keep their statuses. */
const GUARD_ERRORS = {
  REVIEW_AUTHOR_ONLY: 'permission',
  REVIEW_STAGE_ROLE: 'permission',
  REVIEW_AUTHOR_MAY_NOT_SIGN: 'separation',
  REVIEW_ONE_STAGE_PER_PERSON: 'separation',
  REVIEW_NO_PENDING_REFERRAL: 'stage',
} as const;
type GuardCode = keyof typeof GUARD_ERRORS;

type ReviewGuard = Guard<SecrecyReview, unknown>;
const refusal = (ok: unknown, code: GuardCode, message: string) => unless(ok, code, message);

const authorOnly =
  (message: string): ReviewGuard =>
  (review, { actor }) =>
    refusal(actor.id === review.author.id, 'REVIEW_AUTHOR_ONLY', message);

/** Separation of duties for every stage after the author's: not the author, and one stage per person. */
const independent =
  (stageOf: (review: SecrecyReview) => ReviewStage): ReviewGuard =>
  (review, { actor }) => {
    if (actor.id === review.author.id) return refusal(false, 'REVIEW_AUTHOR_MAY_NOT_SIGN', '承办人不能审核或审批自己承办的信息。');
    const stage = stageOf(review);
    const other = review.records.find((r) => r.by.id === actor.id && r.stage !== stage);
    return refusal(!other, 'REVIEW_ONE_STAGE_PER_PERSON', `同一人只能签署一个审查环节：您已签署“${STAGE_LABELS[other?.stage ?? stage]}”。`);
  };

/** The person acting for the waiting stage needs that stage's role (a return, for instance). */
const stageRole: ReviewGuard = (review, { actor }) => {
  const role = STAGE_ROLE[review.stage];
  return refusal(rolesOf(actor).includes(role), 'REVIEW_STAGE_ROLE', `${STAGE_LABELS[review.stage]}需要“${ROLE_NAMES[role]}”角色。`);
};

const all =
  (...guards: ReviewGuard[]): ReviewGuard =>
  (review, ctx) => {
    for (const g of guards) {
      const refused = g(review, ctx);
      if (refused) return refused;
    }
    return undefined;
  };

const atStage = (stage: ReviewStage) => () => stage;
const waitingStage = (review: SecrecyReview) => review.stage;

// ---- effects

const person = (a: Actor): ReviewPerson => ({ id: a.id, name: (a.kind === 'staff' ? a.name : undefined) ?? a.id });

function requireText(value: string | undefined, field: string, message: string): string {
  const v = typeof value === 'string' ? value.trim() : '';
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

type ReviewEffect<C extends ReviewStepCommand> = (review: SecrecyReview, command: C, ctx: ReviewContext) => Effect<SecrecyReview, ReviewStep>;
type SignCommand = Extract<ReviewStepCommand, { type: SignCommandType }>;

/** Signs `stage` with a checklist, a conclusion and comments; the conclusion picks the next step. */
const signAt =
  (stage: ReviewStage): ReviewEffect<SignCommand> =>
  (review, input, { actor, at }) => {
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
    const signed = { records: [...review.records, record], updatedAt: at };
    const data = { stage, conclusion: conclusion.type, round: review.round };

    if (conclusion.type === 'refer') {
      const referral: Referral = { stage, round: review.round, referTo: conclusion.referTo, body: conclusion.body, sentAt: at, by: person(actor) };
      return { patch: { ...signed, referrals: [...review.referrals, referral] }, to: 'on-hold', event: 'review-referred', data: { ...data, referTo: conclusion.referTo } };
    }
    const concludes = stage === 'leader' || (stage === 'secrecy' && !leaderRequired(review, conclusion));
    if (!concludes) return { patch: signed, to: REVIEW_STAGES[REVIEW_STAGES.indexOf(stage) + 1]!, data };
    const decision = { digest: current, conclusion, at, round: review.round };
    if (conclusion.type === 'withhold') return { patch: { ...signed, decision }, to: 'withheld', event: 'review-withheld', data: { ...data, legalBasis: conclusion.legalBasis } };
    return { patch: { ...signed, decision }, to: 'approved', event: 'review-approved', data: { ...data, digest: current } };
  };

const EFFECTS: { readonly [T in ReviewCommandType]: ReviewEffect<Extract<ReviewStepCommand, { type: T }>> } = {
  signSelf: signAt('self'),
  signHead: signAt('head'),
  signSecrecy: signAt('secrecy'),
  signLeader: signAt('leader'),
  // The history stays; a new round begins.
  return: (review, input, { actor, at }) => {
    const stage = review.stage;
    const comments = requireText(input.comments, 'comments', '退回时请写明修改意见。');
    const record: StageRecord = { stage, round: review.round, action: 'returned', by: { ...person(actor), role: STAGE_ROLE[stage] }, at, contentDigest: releaseDigest(review), comments };
    return { patch: { round: review.round + 1, records: [...review.records, record], updatedAt: at }, data: { stage, round: review.round } };
  },
  /*
   * Allowed before review, after a return, and after the decision (which voids it: changing a
   * word after approval means a new review round). Resolutions and any redacted version belong
   * to the old content and are dropped.
   */
  revise: (review, input, { at }) => {
    requireText(input.contentDigest, 'contentDigest', '缺少内容摘要。');
    const decided = review.status === 'approved' || review.status === 'withheld';
    const round = decided ? review.round + 1 : review.round;
    return {
      patch: { round, contentDigest: input.contentDigest, findings: [...input.findings], resolutions: {}, decision: undefined, redaction: undefined, updatedAt: at },
      data: { round, contentDigest: input.contentDigest, findingCount: input.findings.length, ...(decided && review.decision ? { voidedDigest: review.decision.digest } : {}) },
    };
  },
  // Changing a resolution discards any redacted version already attached (it no longer matches the choices).
  resolveFinding: (review, input, { actor, at }) => {
    if (!review.findings.some((f) => f.id === input.findingId)) {
      throw new ReviewValidationError('找不到该检测结果，请刷新页面。', { findingId: input.findingId });
    }
    let resolution: FindingResolution;
    if (input.resolution?.action === 'redact') resolution = { action: 'redact' };
    else if (input.resolution?.action === 'keep') {
      resolution = { action: 'keep', reason: requireText(input.resolution.reason, 'reason', '保留检测内容的，请写明理由（如当事人同意公开、属于公开的办公电话）。') };
    } else throw new ReviewValidationError('请选择处理方式：删除或保留。', { resolution: '请选择。' });
    const previous = review.resolutions[input.findingId];
    const changed = previous !== undefined && previous.resolution.action !== resolution.action;
    return {
      patch: { resolutions: { ...review.resolutions, [input.findingId]: { resolution, by: person(actor), at } }, updatedAt: at, ...(changed ? { redaction: undefined } : {}) },
      data: { round: review.round, findingId: input.findingId, action: resolution.action },
    };
  },
  /**
   * `residualFindings` is verifyRedactedText on every redacted file's re-extracted text: any entry
   * blocks the attachment. Metadata that may identify people is reported (does not block).
   */
  attachRedacted: (review, input, { actor, at }) => {
    requireText(input.digest, 'digest', '缺少内容摘要。');
    if (input.residualFindings.length > 0) throw new RedactionLeakError(input.residualFindings.length);
    const metadataWarnings = [...(input.metadataWarnings ?? [])];
    return {
      patch: { redaction: { digest: input.digest, by: person(actor), at, metadataWarnings }, updatedAt: at },
      data: { round: review.round, digest: input.digest, metadataWarnings: metadataWarnings.length },
    };
  },
  referralReply: (review, input, { actor, at }) => {
    const last = review.referrals[review.referrals.length - 1]!;
    const text = requireText(input.reply, 'reply', '请填写答复内容。');
    const answered: Referral = { ...last, reply: { text, recordedAt: at, recordedBy: person(actor) } };
    return { patch: { referrals: [...review.referrals.slice(0, -1), answered], updatedAt: at }, to: last.stage, data: { round: review.round, stage: last.stage } };
  },
};

/** The secrecy review's stage pipeline on the case kernel. */
export const reviewWorkflow = defineWorkflow<SecrecyReview, ReviewStep, ReviewStepCommand>({
  name: 'review',
  noun: '审查单',
  states: ['self', 'head', 'secrecy', 'leader', 'on-hold', 'approved', 'withheld'],
  labels: REVIEW_STEP_LABELS,
  // A decision is not final: the author's revision voids it and starts a new round.
  terminal: [],
  transitions: REVIEW_TRANSITIONS,
  stateOf: reviewStep,
  withState: withStep,
  idOf: (r) => r.id,
  handlerOf: (r) => r.author.id,
  guards: {
    signSelf: authorOnly('只有承办人本人可以进行自审。'),
    signHead: independent(atStage('head')),
    signSecrecy: independent(atStage('secrecy')),
    signLeader: independent(atStage('leader')),
    return: all(stageRole, independent(waitingStage)),
    revise: authorOnly('只有承办人可以修改送审内容。'),
    resolveFinding: independent(atStage('secrecy')),
    attachRedacted: independent(atStage('secrecy')),
    referralReply: (review) => {
      const last = review.referrals[review.referrals.length - 1];
      return refusal(last && !last.reply, 'REVIEW_NO_PENDING_REFERRAL', '该信息没有待答复的报请确定事项。');
    },
  },
  effects: EFFECTS,
});

const rowOf = (command: ReviewCommandType) => REVIEW_TRANSITIONS.find((t) => t.command === command);

/**
 * The kernel's refusal as the review's named error, so callers keep the statuses they rely on:
 * a step out of order is a ReviewStageError (409), a missing role a ReviewPermissionError (403),
 * a separation-of-duties rule a SeparationOfDutiesError (403); each keeps the guard's code.
 */
function reviewRefusal(review: SecrecyReview, command: ReviewCommandType, error: CaseRefusal): Error {
  const row = rowOf(command);
  if (!row) return new ReviewStageError(error.message, `review ${review.id}: unknown step ${command}`);
  const detail = `review ${review.id} ${command}: ${error.detail ?? error.message}`;
  if (error instanceof GuardRefusedError) {
    const kind = GUARD_ERRORS[error.code as GuardCode] ?? 'stage';
    if (kind === 'separation') return new SeparationOfDutiesError(error.message, detail, error.code);
    if (kind === 'permission') return new ReviewPermissionError(error.message, detail, error.code);
    return new ReviewStageError(error.message, detail, error.code);
  }
  if (error instanceof CaseForbiddenError) {
    const roles = typeof row.roles === 'function' ? [] : row.roles;
    const names = roles.flatMap((r) => (r in ROLE_NAMES ? [`“${ROLE_NAMES[r as StaffRole]}”`] : []));
    return new ReviewPermissionError(`${row.label}需要${names.join('或')}角色。`, detail);
  }
  if (error instanceof IllegalTransitionError) return new ReviewStageError(row.refusedIn?.[reviewStep(review)] ?? row.refused, detail);
  return error;
}

/** May this actor take the step now? Needs no input; a refusal is the review's named error. */
export function checkReviewStep(review: SecrecyReview, command: ReviewCommandType, ctx: ReviewContext): { readonly ok: true } | { readonly ok: false; readonly error: Error } {
  const result: CheckResult<ReviewStep, ReviewCommandType, unknown> = reviewWorkflow.check(review, command, ctx);
  return result.ok ? { ok: true } : { ok: false, error: reviewRefusal(review, command, result.error) };
}

export function assertReviewStep(review: SecrecyReview, command: ReviewCommandType, ctx: ReviewContext): void {
  const result = checkReviewStep(review, command, ctx);
  if (!result.ok) throw result.error;
}

/** The steps this actor may take now (for the review page, the queue and the API). */
export function availableReviewSteps(review: SecrecyReview, ctx: ReviewContext): ReviewCommandType[] {
  return reviewWorkflow.available(review, ctx);
}

/** Takes one step of the table; a refusal is the review's named error. */
export function decideReview(review: SecrecyReview, command: ReviewStepCommand, ctx: ReviewContext): ReviewResult {
  assertReviewStep(review, command.type, ctx);
  const { next, event } = reviewWorkflow.decide(review, command, ctx);
  return { review: next, event };
}

/** The step context of a person acting now (for callers that hold a StaffMember and a Date). */
export function reviewContext(actor: ReviewActor, now: Date): ReviewContext {
  return { actor: actorOf(actor), ...caseTime(now) };
}

// ---------------------------------------------------------------------------------------------
// Commands as data (the actor and the time inside), for tests and callers without a context

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
  const { at } = caseTime(input.now);
  const review: SecrecyReview = {
    id: input.id,
    subject: input.subject,
    author: { id: input.author.id, name: input.author.displayName },
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
  // Opening is not a step of the table (there is no review yet); its event keeps the audit name.
  const event: ReviewEvent = {
    type: 'review.review-opened',
    caseId: input.id,
    from: 'self',
    to: 'self',
    at,
    actor: { kind: 'staff', id: input.author.id },
    data: { round: 1, contentDigest: input.contentDigest, findingCount: input.findings.length },
  };
  return { review, event };
}

export interface SignStageInput extends SignFields {
  readonly actor: ReviewActor;
  /** The stage the person means to sign; must be the stage waiting for a signature. */
  readonly stage: ReviewStage;
  readonly now: Date;
}

export interface ReturnInput {
  readonly actor: ReviewActor;
  readonly comments: string;
  readonly now: Date;
}

export interface ReviseContentInput {
  readonly actor: ReviewActor;
  readonly contentDigest: string;
  /** Findings of a fresh scan of the revised content. */
  readonly findings: readonly ReviewFinding[];
  readonly now: Date;
}

export interface ResolveFindingInput {
  readonly actor: ReviewActor;
  readonly findingId: string;
  readonly resolution: FindingResolution;
  readonly now: Date;
}

export interface AttachRedactedVersionInput {
  readonly actor: ReviewActor;
  /** Digest of the redacted content bundle (contentDigest over the redacted text and files). */
  readonly digest: string;
  readonly residualFindings: readonly unknown[];
  readonly metadataWarnings?: readonly string[];
  readonly now: Date;
}

export interface ReferralReplyInput {
  readonly actor: ReviewActor;
  readonly reply: string;
  readonly now: Date;
}

export type ReviewCommand =
  | ({ readonly type: 'sign' } & SignStageInput)
  | ({ readonly type: 'return' } & ReturnInput)
  | ({ readonly type: 'revise' } & ReviseContentInput)
  | ({ readonly type: 'resolve-finding' } & ResolveFindingInput)
  | ({ readonly type: 'attach-redacted' } & AttachRedactedVersionInput)
  | ({ readonly type: 'referral-reply' } & ReferralReplyInput);

/** The table's command for a data-shaped one: a signature names its stage's row. */
export function stepCommandOf(command: ReviewCommand): ReviewStepCommand {
  switch (command.type) {
    case 'sign': {
      const { checklist, conclusion, comments, contentDigest } = command;
      if (!Object.hasOwn(SIGN_COMMANDS, command.stage)) throw new ReviewValidationError('请选择审查环节。', { stage: '请选择审查环节。' });
      return { type: SIGN_COMMANDS[command.stage], checklist, conclusion, ...(comments !== undefined ? { comments } : {}), contentDigest };
    }
    case 'return':
      return { type: 'return', comments: command.comments };
    case 'revise':
      return { type: 'revise', contentDigest: command.contentDigest, findings: command.findings };
    case 'resolve-finding':
      return { type: 'resolveFinding', findingId: command.findingId, resolution: command.resolution };
    case 'attach-redacted':
      return { type: 'attachRedacted', digest: command.digest, residualFindings: command.residualFindings, ...(command.metadataWarnings ? { metadataWarnings: command.metadataWarnings } : {}) };
    case 'referral-reply':
      return { type: 'referralReply', reply: command.reply };
  }
}

export function applyReviewCommand(review: SecrecyReview, command: ReviewCommand): ReviewResult {
  return decideReview(review, stepCommandOf(command), reviewContext(command.actor, command.now));
}

/** Sign the current stage with a checklist, a conclusion and comments. */
export const signStage = (review: SecrecyReview, input: SignStageInput) => applyReviewCommand(review, { type: 'sign', ...input });
/** Return the item to the author with comments. The history stays; a new round begins. */
export const returnToAuthor = (review: SecrecyReview, input: ReturnInput) => applyReviewCommand(review, { type: 'return', ...input });
/** The author changes the content (voids a decision). */
export const reviseContent = (review: SecrecyReview, input: ReviseContentInput) => applyReviewCommand(review, { type: 'revise', ...input });
/** The secrecy reviewer resolves one finding: redact it, or keep it with a reason. */
export const resolveFinding = (review: SecrecyReview, input: ResolveFindingInput) => applyReviewCommand(review, { type: 'resolve-finding', ...input });
/** Attach the redacted version (generated for text, uploaded for files) that will be released. */
export const attachRedactedVersion = (review: SecrecyReview, input: AttachRedactedVersionInput) => applyReviewCommand(review, { type: 'attach-redacted', ...input });
/** Record the answer of the competent department or secrecy administration; the review resumes. */
export const recordReferralReply = (review: SecrecyReview, input: ReferralReplyInput) => applyReviewCommand(review, { type: 'referral-reply', ...input });
