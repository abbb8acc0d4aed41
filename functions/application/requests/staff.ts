import { formatDateZh, type IsoDate, type WorkingCalendar } from '#domain/calendar';
import { effectChange } from '../effects';
import { prepareRelease } from '../release';
import { deadlineUrgency, renderCaseDeadlineExplanation, type CaseDeadlines, type UrgencyResult } from '#domain/deadlines';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#domain/errors';
import { actorOf, CaseForbiddenError, CaseValidationError, type Actor, type EventData } from '#domain/case';
import { parseStepInput, requestCommand, type KnownFacts } from '#domain/requests/commands';
import {
  assessFee,
  editLetter,
  answerLetterText,
  expectedServiceMethod,
  generateAnswerLetter,
  parseDecision,
  REQUEST_STATUSES,
  requestWorkflow,
  tableBRow,
  TERMINAL_STATUSES,
  type CommandType,
  type FeeAssessment,
  type RequestCommand,
  type RequestStatus,
  type Service,
} from '#domain/requests';
import { staffActor, type StaffMember } from '#domain/staff';
import { maskEmail, maskMiddle } from '#domain/secrecy/mask';
import { ReviewRepository } from '#repositories/reviews';
import { RequestRepository, type AnswerDocument, type RequestRecord, type StoredRequest } from '#repositories/requests';
import { Counters } from '#repositories/counters';
import { loadCalendar } from '../calendar';
import { safeFileName } from '../documents';
import { newId } from '../ids';
import { putStaged } from '../staged-files';
import { openReviewFor } from '../secrecy';
import { letterhead } from '../letterhead';
import {
  applyCommand,
  caseDeadlines,
  letterFacts,
  REQUEST_DEADLINE_KIND,
  type ApplyOptions,
  loadRequest,
  message,
  previewStep,
  receivedOrSubmittedOn,
  requestContext,
  timelineEntry,
  todayIn,
  type RequestDeps,
} from './common';
import { assertAwaitsPostedReceipt, draftNotice, noticeTakingStep, noticeViews, offeredNow, reserveNotice, type NoticeView } from './notices';
import { decryptIdentity } from './secrets';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, type AttachmentUpload } from './submit';
import { DOCX, TEXT } from '#domain/content-types';
import { checkUploads } from '../uploads';
import { sameInformationOf, type SameInformationView } from './same-information';

/** Commands run through the generic `act` (the others have their own use cases below). */
export const GENERIC_COMMANDS = [
  'register',
  'startAssessment',
  'requestSupplement',
  'recordSupplementNoticeServed',
  'recordSupplement',
  'abandonNoSupplement',
  'startThirdPartyConsultation',
  'recordThirdPartyOpinion',
  'startAgencyConsultation',
  'recordAgencyOpinion',
  'overruleObjection',
  'answerProactiveSuggestion',
  'issueFeeNotice',
  'recordFeeNoticeReceived',
  'recordFeePaid',
  'waiveFee',
  'abandonNoPayment',
  'requestExtension',
  'approveExtension',
  'rejectExtension',
  'setDelayedReply',
  'returnToDrafting',
  'signOff',
  'close',
  'recordReReview',
  'withdraw',
] as const satisfies readonly CommandType[];
export type GenericCommand = (typeof GENERIC_COMMANDS)[number];

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The domain command from form or JSON fields, parsed by the step's schema (commands.ts; messages per field). */
export function commandFromInput(type: GenericCommand, f: Record<string, unknown>, ids: () => string, known: KnownFacts = {}): RequestCommand {
  return requestCommand(type, f, ids, known);
}

function emailTo(s: StoredRequest): string | undefined {
  return s.applicant.email;
}

function trackLine(deps: RequestDeps, tn: string): string {
  return `请凭申请编号 ${tn} 和查询码登录 ${deps.config.publicBaseUrl.replace(/\/$/, '')}/track 查看详情。`;
}

/**
 * May this person take the step at all, whatever the case's state and handler: one of their roles
 * is in the step's row of the table. The answer's steps ask before they read the case or the
 * input, so somebody who may never take a step is refused (403) before hearing about the case's
 * state or their input. Where the agency's policy decides the roles, the step's own check does.
 */
export function mayTakeStep(staff: Pick<StaffMember, 'roles'>, command: CommandType): boolean {
  const roles = requestWorkflow.transition(command)?.roles;
  return typeof roles === 'function' || (roles ?? []).some((r) => (staff.roles as readonly string[]).includes(r));
}

function assertMayTakeStep(staff: StaffMember, command: CommandType): void {
  if (!mayTakeStep(staff, command)) throw new CaseForbiddenError(`您无权对本申请执行「${requestWorkflow.commandLabel(command)}」。`, `forbidden: request.${command} by ${staff.roles.join(',')}`);
}

/**
 * Staff act on a case with one of the workflow's generic commands, from a form or JSON: whether this
 * person may take the step now is asked first (403, or 409 when the state or a rule forbids it, or
 * the case changed since the page was shown), then the input is parsed by the step's schema
 * (commands.ts; 400 with a message per field) and the typed command is run.
 */
export async function act(
  deps: RequestDeps,
  staff: StaffMember,
  trackingNumber: string,
  input: { command: string; expectedVersion?: number; fields?: Record<string, unknown> },
): Promise<RequestRecord> {
  if (!(GENERIC_COMMANDS as readonly string[]).includes(input.command)) throw new CaseValidationError('不支持的操作。', { command: '不支持的操作。' });
  const type = input.command as GenericCommand;
  const record = await loadRequest(deps, trackingNumber, input.expectedVersion);
  if (type === 'recordSupplementNoticeServed') assertAwaitsPostedReceipt(record.data);
  const ctx = await requestContext(deps, actorOf(staff));
  requestWorkflow.assertAllowed(record.data.case, type, ctx);
  // A fee is computed from what the records say (the applicant's applications this month), never typed.
  const command = commandFromInput(type, input.fields ?? {}, () => newId(deps.clock.now()), type === 'issueFeeNotice' ? { monthlyOrdinal: (await suggestFee(deps, record.data)).monthlyOrdinal } : {});
  // 补正, 收费, 延迟答复: the applicant is told by a notice, and its service takes the step.
  if (noticeTakingStep(type)) return draftNotice(deps, staff, record, command, ctx.calendar);
  return takeStep(deps, staff, record, command, ctx.calendar);
}

/** Runs a generic step's typed command on the loaded case, with the notice and mail it owes. */
export async function takeStep(
  deps: RequestDeps,
  staff: StaffMember,
  record: RequestRecord,
  command: RequestCommand,
  calendar?: WorkingCalendar,
  options: Omit<ApplyOptions, 'then' | 'calendar'> = {},
  actor: Actor = actorOf(staff),
): Promise<RequestRecord> {
  const drafted = await reserveNotice(deps, staff, record, command, calendar);
  // The notice and the timeline quote the deadlines after the step: the runner hands over the decided case.
  return applyCommand(deps, record, command, actor, {
    ...options,
    // A step that owes a notice is the applicant's business once the notice is served, not before.
    ...(drafted ? { public: false } : {}),
    ...(calendar ? { calendar } : {}),
    then: ({ next, event, calendar: used }) => {
      const owed = stepNote(record.data, command, caseDeadlines(next, used, deps.policy), event.data, options.on ?? todayIn(deps));
      if (!drafted) return owed;
      return { ...owed, patch: (r: StoredRequest) => ({ ...(owed.patch?.(r) ?? {}), notices: [...(r.notices ?? []), drafted] }) };
    },
  });
}

interface StepNote {
  readonly note?: string;
  readonly patch?: (s: StoredRequest) => Partial<StoredRequest>;
}

/**
 * What a generic step notes on the timeline and keeps on the record, as of the day it happened
 * (`on`). The applicant is told nothing here: what they are owed is a notice (notices.ts).
 */
function stepNote(s: StoredRequest, command: RequestCommand, deadlines: CaseDeadlines | null, data: EventData, on: IsoDate): StepNote {
  switch (command.type) {
    case 'requestSupplement': {
      const due = deadlines?.supplement?.applicantDue;
      const notice = {
        deficiencies: command.deficiencies.map((d) => d.trim()).filter(Boolean),
        requestedOn: on,
        periodWorkingDays: Number(data['periodWorkingDays']),
        ...(due ? { applicantDue: due } : {}),
      };
      const period = due ? `请于${formatDateZh(due)}前补正` : `自收到补正告知书之日起${notice.periodWorkingDays}个工作日内补正`;
      return { patch: () => ({ supplementNotice: notice }), note: `需补正：${notice.deficiencies.join('；')}（${period}）` };
    }
    case 'recordSupplementNoticeServed': {
      const due = deadlines?.supplement?.applicantDue;
      return {
        patch: (stored) => (stored.supplementNotice && due ? { supplementNotice: { ...stored.supplementNotice, applicantDue: due } } : {}),
        note: `补正通知于${formatDateZh(data['servedOn'] as IsoDate)}送达${due ? `，申请人应于${formatDateZh(due)}前补正` : ''}`,
      };
    }
    case 'approveExtension': {
      const days = s.case.extension.status === 'requested' ? s.case.extension.workingDays : 0;
      // In force once its notice is served, before the original period ends.
      return { note: `批准延长${days}个工作日，自延期答复告知书送达之日起生效` };
    }
    case 'recordFeeNoticeReceived': {
      const limit = deadlines?.pauses.find((p) => p.referenceId === s.case.activeFeeNotice?.id)?.limitOn;
      return { note: `收费通知于${formatDateZh(data['receivedOn'] as IsoDate)}送达${limit ? `，申请人应于${formatDateZh(limit)}前缴费` : ''}` };
    }
    case 'recordSupplement':
      return { note: `收到补正材料之日：${formatDateZh(data['receivedOn'] as IsoDate)}，答复期限重新计算` };
    case 'issueFeeNotice':
      return { note: `收费金额：${String(data['amountYuan'])}元。${String(data['basis'])}${data['reductionReason'] ? `经降低，理由：${String(data['reductionReason'])}。` : ''}` };
    case 'returnToDrafting':
    case 'rejectExtension':
      return { note: command.reason };
    default:
      return {};
  }
}

/** The head reassigns the case to another handler, with the reason recorded. */
export async function reassign(
  deps: RequestDeps,
  staff: StaffMember,
  trackingNumber: string,
  input: { handlerId: string; handlerName?: string | undefined; reason: string; expectedVersion?: number | undefined },
): Promise<RequestRecord> {
  assertMayTakeStep(staff, 'reassign');
  const { handlerId, handlerName = handlerId, reason } = parseStepInput('reassign', input);
  const record = await loadRequest(deps, trackingNumber, input.expectedVersion);
  return applyCommand(deps, record, { type: 'reassign', handlerId, reason }, actorOf(staff), { handlerName, note: `承办人变更为${handlerName}；理由：${reason}` });
}

// ---------------------------------------------------------------------------------------------
// The answer: draft, letter, secrecy review, sign-off, release

/** Answer documents (the information provided) may be PDF, DOCX, plain text or images. */
const ANSWER_DOCUMENT_TYPES: Record<string, string> = { ...ATTACHMENT_TYPES, [DOCX]: 'Word 文档', [TEXT]: '文本文件' };

/**
 * Draft (or redraft) the answer: the response type and its facts, the letter generated from the
 * template, and the documents to provide. Redrafting after review returns voids the old review.
 */
export async function draftAnswer(
  deps: RequestDeps,
  staff: StaffMember,
  trackingNumber: string,
  input: { decision: unknown; expectedVersion?: number; documents?: readonly AttachmentUpload[]; keepDocuments?: boolean },
): Promise<RequestRecord> {
  assertMayTakeStep(staff, 'draftAnswer');
  const record = await loadRequest(deps, trackingNumber, input.expectedVersion);
  const decision = parseDecision(input.decision);
  const today = todayIn(deps);
  const actor = actorOf(staff);
  // Refused steps store no files: the decision is tried before anything is staged.
  const { ctx } = await previewStep(deps, record, { type: 'draftAnswer', decision }, actor);
  const uploads = (input.documents ?? []).filter((d) => d.bytes.byteLength > 0);
  const types = checkUploads(deps, uploads, { field: 'documents', noun: '文件', max: 5, maxBytes: MAX_ATTACHMENT_BYTES, types: ANSWER_DOCUMENT_TYPES, typesText: 'PDF、Word、文本或图片' }).map(
    (u) => u.contentType,
  );
  const now = deps.clock.now();
  const documents: AnswerDocument[] = [
    ...(input.keepDocuments !== false && uploads.length === 0 ? (record.data.draft?.documents ?? []) : []),
    ...uploads.map((u, i) => ({
      fileKey: `requests/${record.data.case.trackingNumber}/answer/${newId(now)}-${i + 1}`,
      fileName: safeFileName(u.fileName),
      contentType: types[i]!,
      sizeBytes: u.bytes.byteLength,
    })),
  ];
  const suggestion = record.data.case.proactiveSuggestion;
  const year = today.slice(0, 4);
  const sequence = record.data.draft?.letter.number.includes(`〔${year}〕`) ? Number(/〔\d{4}〕(\d+)号/.exec(record.data.draft.letter.number)?.[1] ?? 0) : 0;
  const letter = generateAnswerLetter({
    agency: await letterhead(deps),
    application: letterFacts(record.data),
    decision,
    letterSequence: sequence > 0 ? sequence : await new Counters(deps.records).next('answer-letter', year),
    letterDate: today,
    policy: deps.policy.letters,
    ...(suggestion?.status === 'answered' ? { proactiveSuggestion: { accepted: suggestion.accepted, reason: suggestion.reason } } : {}),
  });
  const committed = await putStaged(
    deps,
    uploads.map((u, i) => ({ key: documents[documents.length - uploads.length + i]!.fileKey, bytes: u.bytes, contentType: types[i]! })),
    staffActor(staff),
  );
  return applyCommand(deps, record, { type: 'draftAnswer', decision }, actor, {
    extraChanges: committed,
    calendar: ctx.calendar,
    // A new draft voids the old review.
    patch: () => ({ draft: { decision, letter, documents, draftedAt: now.toISOString(), draftedBy: { id: staff.id, name: staff.displayName } }, review: undefined }),
    note: letter.title,
  });
}

/** Staff reword paragraphs of the letter (before it goes to review). */
export async function editAnswerLetter(deps: RequestDeps, staff: StaffMember, trackingNumber: string, input: { edits: Record<string, string>; expectedVersion?: number }): Promise<RequestRecord> {
  assertMayTakeStep(staff, 'draftAnswer');
  const record = await loadRequest(deps, trackingNumber, input.expectedVersion);
  const s = record.data;
  if (s.case.status !== 'drafting' || !s.draft) throw new ConflictError('只有在拟定答复阶段可以修改告知书。');
  if (!requestWorkflow.check(s.case, 'draftAnswer', await requestContext(deps, actorOf(staff))).ok) throw new ForbiddenError('您无权修改本申请的答复。');
  const letter = editLetter(s.draft.letter, input.edits);
  const next: StoredRequest = {
    ...s,
    draft: { ...s.draft, letter },
    timeline: [...s.timeline, timelineEntry(deps, 'letterEdited', '修改答复告知书', { kind: 'staff', id: staff.id, name: staff.displayName }, { public: false })],
  };
  await deps.records.commit([RequestRepository.updateChange(next, record.version, { type: 'request.letter-edited', actor: staffActor(staff), data: { paragraphs: Object.keys(input.edits) } })]);
  return { ...record, data: next, version: record.version + 1 };
}

/** Sends the letter and its documents to secrecy review (先审查、后公开). */
export async function submitAnswerForReview(deps: RequestDeps, staff: StaffMember, trackingNumber: string, input: { expectedVersion?: number } = {}): Promise<RequestRecord> {
  assertMayTakeStep(staff, 'submitForSecrecyReview');
  const record = await loadRequest(deps, trackingNumber, input.expectedVersion);
  const s = record.data;
  if (!s.draft) throw new ConflictError('请先拟定答复。');
  const actor = actorOf(staff);
  const ctx = await requestContext(deps, actor);
  // Nothing goes to review unless the case may move on.
  requestWorkflow.assertAllowed(s.case, 'submitForSecrecyReview', ctx);
  const { record: review, change } = await openReviewFor(deps, staff, {
    subject: { type: 'answer', id: s.case.trackingNumber, title: `${s.case.trackingNumber} ${s.draft.letter.title}` },
    text: answerLetterText(s.draft.letter),
    attachments: s.draft.documents.map((d) => ({ fileKey: d.fileKey, fileName: d.fileName, contentType: d.contentType })),
  });
  const id = review.data.review.id;
  return applyCommand(deps, record, { type: 'submitForSecrecyReview', secrecyReviewId: id }, actor, {
    calendar: ctx.calendar,
    patch: () => ({ review: { id, version: review.version } }),
    extraChanges: [change],
  });
}

async function approvedReview(deps: RequestDeps, s: StoredRequest): Promise<{ id: string; version: number } | undefined> {
  if (!s.review) return undefined;
  const r = await new ReviewRepository(deps.records).get(s.review.id);
  if (!r || r.data.review.status !== 'approved') return undefined;
  if (r.data.review.subject.type !== 'answer' || r.data.review.subject.id !== s.case.trackingNumber) return undefined;
  return { id: r.data.review.id, version: r.version };
}

/** The review's current status label for the case page. */
export async function reviewStatus(deps: RequestDeps, s: StoredRequest): Promise<{ id: string; status: string; stage: string; version: number } | undefined> {
  if (!s.review) return undefined;
  const r = await new ReviewRepository(deps.records).get(s.review.id);
  return r ? { id: r.data.review.id, status: r.data.review.status, stage: r.data.review.stage, version: r.version } : undefined;
}

/** After the secrecy review is approved, the case goes to the leader for sign-off. */
export async function confirmSecrecyReview(deps: RequestDeps, staff: StaffMember, trackingNumber: string, input: { expectedVersion?: number } = {}): Promise<RequestRecord> {
  assertMayTakeStep(staff, 'passSecrecyReview');
  const record = await loadRequest(deps, trackingNumber, input.expectedVersion);
  const approved = await approvedReview(deps, record.data);
  return applyCommand(deps, record, { type: 'passSecrecyReview', secrecyReviewApproved: approved !== undefined }, actorOf(staff), {
    patch: () => (approved ? { review: approved } : {}),
  });
}

/**
 * How the answer is served (送达), from the release form or JSON (commands.ts): unless said
 * otherwise, the way the applicant asked to receive it (Art. 40); the deadline is judged by its date.
 */
export function serviceFromInput(f: unknown, today: IsoDate, s: Pick<StoredRequest, 'deliveryMethod' | 'applicant'>, toApplicant = true): Service {
  const { method = toApplicant ? expectedServiceMethod(s.deliveryMethod) : 'post', servedOn = today, postalTrackingNumber = '', entrustedAgency = '', deviationReason } = parseStepInput('release', f);
  const why = deviationReason ? { deviationReason } : {};
  switch (method) {
    case 'electronic':
      if (toApplicant && !s.applicant.email) throw new CaseValidationError('申请人未留电子邮箱，不能电子送达；请选择其他送达方式。', { method: '申请人未留电子邮箱。' });
      return { method, sentOn: servedOn, ...why };
    case 'handed-over':
      return { method, signedOn: servedOn, ...why };
    case 'entrusted':
      return { method, signedOn: servedOn, entrustedAgency, ...why };
    case 'post':
      return { method, postedOn: servedOn, postalTrackingNumber: postalTrackingNumber.toUpperCase(), ...why };
  }
}

/**
 * Release the signed-off answer to the applicant through the release step (the only way
 * documents leave), then record the service. The release refuses unless the approved review
 * covers exactly this letter and these documents.
 */
export async function releaseAnswer(
  deps: RequestDeps,
  staff: StaffMember,
  trackingNumber: string,
  input: { expectedVersion?: number; service?: Record<string, unknown> } = {},
): Promise<RequestRecord> {
  assertMayTakeStep(staff, 'release');
  const record = await loadRequest(deps, trackingNumber, input.expectedVersion);
  const s = record.data;
  const approved = await approvedReview(deps, s);
  const today = todayIn(deps);
  const service = serviceFromInput(input.service ?? {}, today, s);
  const actor = actorOf(staff);
  const command: RequestCommand = { type: 'release', service, applicantChose: s.deliveryMethod, secrecyReviewApproved: approved !== undefined };
  // The step is decided before the release is prepared: a refused step releases nothing.
  const { ctx } = await previewStep(deps, record, command, actor);
  // The copies for the applicant are written by the release step after this commit (its effect).
  const prepared = await prepareRelease(
    deps,
    {
      reviewId: approved!.id,
      reviewVersion: approved!.version,
      subject: { type: 'answer', id: s.case.trackingNumber },
      parts: { text: answerLetterText(s.draft!.letter), attachments: s.draft!.documents.map((d) => ({ fileKey: d.fileKey, fileName: d.fileName, contentType: d.contentType })) },
      requestedBy: staffActor(staff),
    },
    'applicant',
  );
  const receipt = prepared.receipt;
  const email = emailTo(s);
  const tn = s.case.trackingNumber;
  return applyCommand(deps, record, command, actor, {
    calendar: ctx.calendar,
    patch: () => ({ released: { releaseId: receipt.releaseId, releasedAt: deps.clock.now().toISOString(), text: receipt.text, files: receipt.files.filter((f) => f.part !== 'body') } }),
    auditData: { releaseId: receipt.releaseId, digest: receipt.digest },
    extraChanges: [...prepared.changes, effectChange(deps, `release:${receipt.releaseId}`, [{ kind: 'release-copies', releaseId: receipt.releaseId }], staffActor(staff))],
    // Electronic service is the reviewed letter itself reaching the applicant's mailbox, not a pointer to the tracking page.
    messages: email
      ? [
          message(
            deps,
            'request.answered',
            email,
            `政府信息公开申请答复（${tn}）`,
            [`${s.applicant.name}：`, '', '您的政府信息公开申请已作出答复。', ...(service.method === 'electronic' ? ['', receipt.text, ''] : []), trackLine(deps, tn)].join('\n'),
            tn,
          ),
        ]
      : [],
  });
}

// ---------------------------------------------------------------------------------------------
// Personal data

/**
 * Who may open the full identity number: the case's handler (a clerk on another clerk's case may
 * not), the head of the disclosure office and the administrator. Before a handler is recorded the
 * clerk registering the application may.
 */
export function mayRevealIdentity(staff: StaffMember, s: StoredRequest): boolean {
  if (staff.roles.some((r) => r === 'head' || r === 'admin')) return true;
  return staff.roles.includes('clerk') && (s.case.handlerId === undefined || s.case.handlerId === staff.id);
}

/**
 * The staff who take applications in and handle them: clerks, heads of office and administrators.
 * They see applicants' contact details and open the attachments applicants sent (an ID scan, a
 * letter); reviewers and leaders work on a case's answer, not on its applicant.
 */
export function handlesApplications(staff: Pick<StaffMember, 'roles'>): boolean {
  return staff.roles.some((r) => r === 'clerk' || r === 'head' || r === 'admin');
}

/** Staff who handle cases see applicants' contact details; reviewers and leaders open them with a reason. */
export function seesContactPlainly(staff: StaffMember): boolean {
  return handlesApplications(staff);
}

/** Who opens an applicant's contact details with a recorded reason (revealContact): reviewers and leaders. */
export function mayOpenContact(staff: Pick<StaffMember, 'roles'>): boolean {
  return staff.roles.some((r) => r === 'reviewer' || r === 'leader');
}

/** Who may open the files an applicant attached (an ID scan, a letter): those who handle applications. */
export const mayOpenApplicationAttachments = handlesApplications;

/** A short-lived link to a file the applicant attached, for those who may open it (403), or 404. */
export async function applicationAttachmentUrl(deps: RequestDeps, staff: StaffMember, trackingNumber: string, attachmentId: string): Promise<string> {
  if (!mayOpenApplicationAttachments(staff)) throw new ForbiddenError('申请人提交的附件由承办人员查看。');
  const attachment = (await loadRequest(deps, trackingNumber)).data.attachments.find((a) => a.id === attachmentId);
  if (!attachment) throw new NotFoundError('附件不存在。');
  return deps.files.presignDownload(attachment.fileKey, attachment.fileName, 300);
}

/**
 * Art. 44: a case answered by disclosing (wholly or in part) may be proposed once for proactive
 * disclosure (proposeForCatalogue), by those who handle cases.
 */
export function mayProposeForCatalogue(staff: StaffMember, s: StoredRequest): boolean {
  const row = s.draft ? tableBRow(s.draft.decision) : undefined;
  const answered = Boolean(s.released) && (row === 'disclosed' || row === 'partial');
  return answered && !s.proposedItemId && handlesApplications(staff);
}

export type ApplicantContact = Pick<StoredRequest['applicant'], 'phone' | 'email' | 'address' | 'postCode'>;

/** The applicant's contact details as this viewer may see them (masked unless seesContactPlainly). */
export function contactFor(staff: StaffMember, applicant: StoredRequest['applicant'], revealed = false): ApplicantContact {
  const { phone, email, address, postCode } = applicant;
  if (revealed || seesContactPlainly(staff)) return { ...(phone ? { phone } : {}), ...(email ? { email } : {}), ...(address ? { address } : {}), ...(postCode ? { postCode } : {}) };
  return {
    ...(phone ? { phone: maskMiddle(phone, 3, 4) } : {}),
    ...(email ? { email: maskEmail(email) } : {}),
    ...(address ? { address: `${[...address].slice(0, 6).join('')}****` } : {}),
    ...(postCode ? { postCode: maskMiddle(postCode, 2, 0) } : {}),
  };
}

/** A reviewer or leader opens the applicant's contact details; every view is audited with its reason. */
export async function revealContact(deps: RequestDeps, staff: StaffMember, trackingNumber: string, input: { reason: string }): Promise<ApplicantContact> {
  if (!mayOpenContact(staff)) throw new ForbiddenError('查看联系方式（须写明理由）由保密审查员或分管领导办理；承办人员在案件页面即可看到。');
  const reason = str(input.reason);
  if (reason.length < 2) throw new ValidationError('请填写查看理由。', { reason: '请填写查看联系方式的理由。' });
  const record = await loadRequest(deps, trackingNumber);
  const s = record.data;
  if (!seesContactPlainly(staff)) {
    const next: StoredRequest = {
      ...s,
      timeline: [...s.timeline, timelineEntry(deps, 'contactViewed', '查看申请人联系方式', { kind: 'staff', id: staff.id, name: staff.displayName }, { public: false, note: reason })],
    };
    await deps.records.commit([RequestRepository.updateChange(next, record.version, { type: 'request.contact-viewed', actor: staffActor(staff), data: { reason } })]);
  }
  return contactFor(staff, s.applicant, true);
}

/** The full identity number, for staff who need it; every view is audited. */
export async function revealIdentityNumber(deps: RequestDeps, staff: StaffMember, trackingNumber: string, input: { reason: string }): Promise<string> {
  const reason = str(input.reason);
  const record = await loadRequest(deps, trackingNumber);
  const s = record.data;
  if (!mayRevealIdentity(staff, s)) throw new ForbiddenError('只有本案承办人、科室负责人或管理员可以查看完整证件号码。');
  if (reason.length < 2) throw new ValidationError('请填写查看理由。', { reason: '请填写查看完整证件号码的理由。' });
  const next: StoredRequest = {
    ...s,
    timeline: [...s.timeline, timelineEntry(deps, 'identityViewed', '查看完整证件号码', { kind: 'staff', id: staff.id, name: staff.displayName }, { public: false, note: reason })],
  };
  await deps.records.commit([RequestRepository.updateChange(next, record.version, { type: 'request.identity-viewed', actor: staffActor(staff), data: { reason } })]);
  return decryptIdentity(deps.config.appSecret, s.applicant.idEncrypted);
}

/** Fee suggestion for a per-application notice: this applicant's applications in the natural month. */
export async function suggestFee(deps: RequestDeps, s: StoredRequest): Promise<FeeAssessment & { readonly monthlyOrdinal: number }> {
  const month = receivedOrSubmittedOn(s).slice(0, 7);
  const all = await new RequestRepository(deps.records).byApplicant(s.identityHash, { limit: 500 });
  const inMonth = all.filter((r) => receivedOrSubmittedOn(r.data).startsWith(month) && r.data.submittedAt <= s.submittedAt);
  const monthlyOrdinal = Math.max(1, inMonth.length);
  return { ...assessFee({ method: 'per-application', monthlyOrdinal }), monthlyOrdinal };
}

// ---------------------------------------------------------------------------------------------
// Queries

export const OPEN_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s));

export interface QueueRow {
  readonly trackingNumber: string;
  readonly version: number;
  readonly status: RequestStatus;
  readonly applicantName: string;
  readonly subject: string;
  readonly handlerId?: string;
  readonly handlerName?: string;
  readonly due?: string;
  readonly provisional: boolean;
  readonly urgency?: UrgencyResult;
  readonly duplicates: number;
  readonly submittedAt: string;
}

export interface QueueFilter {
  readonly status?: string;
  readonly handler?: string;
  /** Only cases due on or before this date. */
  readonly dueBy?: string;
}

/**
 * The staff queue: one GSI1 Query per status (each already sorted by due date, at most `limit`
 * items), merged by due date; the first `limit` rows are the earliest due overall.
 */
export async function requestQueue(deps: RequestDeps, filter: QueueFilter = {}, limit = 100): Promise<{ rows: QueueRow[]; today: string }> {
  const statuses = filter.status && (REQUEST_STATUSES as readonly string[]).includes(filter.status) ? [filter.status as RequestStatus] : OPEN_STATUSES;
  const repo = new RequestRepository(deps.records);
  const matches = (r: RequestRecord) =>
    (!filter.handler || (filter.handler === 'unassigned' ? !r.data.case.handlerId : r.data.case.handlerId === filter.handler)) &&
    (!filter.dueBy || (r.data.openDeadline !== null && r.data.openDeadline.due <= filter.dueBy));
  // Each status partition is read in due order until `limit` rows match (or it is exhausted);
  // with a due-date bound the Query stops at that date.
  const perStatus = async (st: RequestStatus): Promise<RequestRecord[]> => {
    const out: RequestRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await repo.queue(st, limit, cursor, filter.dueBy);
      out.push(...page.items.filter(matches));
      cursor = page.cursor;
    } while (cursor && out.length < limit);
    return out.slice(0, limit);
  };
  const pages = await Promise.all(statuses.map(perStatus));
  const calendar = await loadCalendar(deps);
  const today = todayIn(deps);
  const rows = pages
    .flat()
    .map((r): QueueRow => {
      const s = r.data;
      // The queue's column is the answer's deadline (a served case's Art. 18 review date is on its page).
      const due = s.openDeadline?.kind === REQUEST_DEADLINE_KIND ? s.openDeadline.due : undefined;
      return {
        trackingNumber: s.case.trackingNumber,
        version: r.version,
        status: s.case.status,
        applicantName: s.applicant.name,
        subject: s.requested.documentTitle ?? s.requested.description?.slice(0, 40) ?? s.requested.documentNumber ?? '',
        ...(s.case.handlerId ? { handlerId: s.case.handlerId } : {}),
        ...(s.handlerName ? { handlerName: s.handlerName } : {}),
        ...(due ? { due, urgency: deadlineUrgency(due as IsoDate, today, calendar) } : {}),
        provisional: s.openDeadline?.provisional ?? false,
        duplicates: s.duplicates.length,
        submittedAt: s.submittedAt,
      };
    })
    .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.trackingNumber.localeCompare(b.trackingNumber));
  return { rows: rows.slice(0, limit), today };
}

export interface CaseView {
  readonly record: RequestRecord;
  readonly deadlines: CaseDeadlines | null;
  readonly explanation: readonly string[];
  readonly urgency?: UrgencyResult;
  readonly commands: readonly CommandType[];
  /** The case may be proposed for proactive disclosure by this person now (mayProposeForCatalogue). */
  readonly mayPropose: boolean;
  /** Art. 44(1): other applicants' applications for the same information (advisory). */
  readonly sameInformation: SameInformationView;
  readonly review?: { id: string; status: string; stage: string; version: number };
  /** The case's procedural notices with where each stands (drafted, under review, approved, served). */
  readonly notices: readonly NoticeView[];
  readonly history: readonly { at: string; type: string; actor: string }[];
}

export async function requestCase(deps: RequestDeps, staff: StaffMember, trackingNumber: string): Promise<CaseView> {
  const record = await loadRequest(deps, trackingNumber);
  const calendar = await loadCalendar(deps);
  const c = record.data.case;
  const deadlines = caseDeadlines(c, calendar, deps.policy);
  const due = record.data.openDeadline?.due;
  const review = await reviewStatus(deps, record.data);
  const history = (await new RequestRepository(deps.records).history(c.trackingNumber)).map((e) => ({
    at: e.at,
    type: e.type,
    actor: e.actor.kind === 'staff' ? e.actor.name : e.actor.kind === 'applicant' ? '申请人' : e.actor.kind === 'system' ? '系统' : '公众',
  }));
  return {
    record,
    deadlines,
    explanation: deadlines ? renderCaseDeadlineExplanation(deadlines) : [],
    ...(due ? { urgency: deadlineUrgency(due as IsoDate, todayIn(deps), calendar) } : {}),
    commands: requestWorkflow.available(c, await requestContext(deps, actorOf(staff), calendar)).filter((x) => offeredNow(record.data, x)),
    mayPropose: mayProposeForCatalogue(staff, record.data),
    sameInformation: await sameInformationOf(deps, record.data),
    ...(review ? { review } : {}),
    notices: await noticeViews(deps, record.data),
    history,
  };
}
