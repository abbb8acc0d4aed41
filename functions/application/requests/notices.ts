/**
 * Procedural notices and letters (补正, 延期, 收费, 延迟答复; the consultation letters; the notice of a
 * decision to disclose over an objection): numbered in their kind's series, reviewed like the
 * answer (先审查、后公开), leaving only through the release step, and in force from their service
 * (送达, 235号), which is what starts the period each governs.
 */
import { formatDateZh, type IsoDate, type WorkingCalendar } from '#domain/calendar';
import { actorOf, type EventData } from '#domain/case';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#domain/errors';
import {
  editDocumentParagraphs,
  assessFee,
  checkService,
  documentText,
  generateNotice,
  NOTICE_TITLES,
  requestDeadlines,
  SERVICE_METHOD_LABELS,
  TO_APPLICANT,
  type CommandType,
  type NoticeFacts,
  type NoticeKind,
  type RequestCase,
  type RequestCommand,
} from '#domain/requests';
import { staffActor, type StaffMember } from '#domain/staff';
import { Counters } from '#repositories/counters';
import { RequestRepository, type RequestRecord, type StoredNotice, type StoredRequest } from '#repositories/requests';
import { ReviewRepository, type ReviewRecord } from '#repositories/reviews';
import { effectChange } from '../effects';
import type { Change } from '#ports/record-store';
import { feePaymentText, letterhead } from '../letterhead';
import { prepareRelease } from '../release';
import { openReviewFor } from '../secrecy';
import { letterFacts, loadRequest, message, previewStep, timelineEntry, todayIn, type RequestDeps } from './common';
import { mayTakeStep, serviceFromInput, takeStep } from './staff';

/**
 * Steps someone is told of in writing, and when the step happens. Most take effect when their
 * notice is served: the clerk drafts it, and its service takes the step (the clock stops, a
 * period starts, the 7 days of Art. 30 are judged, on that day). An extension is approved first
 * (an internal decision) and takes effect when its notice is served (notifyExtension).
 */
const SERVED_STEP: Partial<Record<CommandType, NoticeKind>> = {
  requestSupplement: 'supplement',
  issueFeeNotice: 'fee',
  setDelayedReply: 'delay',
  startThirdPartyConsultation: 'third-party-consultation',
  startAgencyConsultation: 'agency-consultation',
  overruleObjection: 'disclosure-over-objection',
};
const AFTER_STEP: Partial<Record<CommandType, NoticeKind>> = { approveExtension: 'extension' };

/** The notice a step is taken by serving, when it is one. */
export const noticeTakingStep = (command: CommandType): NoticeKind | undefined => SERVED_STEP[command];

/** What the reviewer and the release compare: the notice as plain text. */
export const noticeText = (n: StoredNotice) => documentText(n.document);

const reviewSubject = (s: StoredRequest, n: StoredNotice) => ({ type: 'notice' as const, id: `${s.case.trackingNumber}/${n.id}` });

/** A notice not yet served nor set aside. */
const pending = (n: StoredNotice) => !n.served && !n.discarded;

function noticeOf(s: StoredRequest, noticeId: string): StoredNotice {
  const n = s.notices?.find((x) => x.id === noticeId);
  if (!n) throw new NotFoundError('告知书不存在。');
  if (n.served) throw new ConflictError('告知书已送达。');
  if (n.discarded) throw new ConflictError('告知书已作废。');
  return n;
}

const withNotice = (s: StoredRequest, n: StoredNotice): Partial<StoredRequest> => ({ notices: (s.notices ?? []).map((x) => (x.id === n.id ? n : x)) });

/** The facts the notice states, from the step as decided (now, or for a served step, as it will be). */
async function factsOf(
  deps: RequestDeps,
  kind: NoticeKind,
  before: StoredRequest,
  command: RequestCommand,
  next: RequestCase,
  data: EventData,
  calendar: WorkingCalendar,
  staff: StaffMember,
): Promise<NoticeFacts> {
  if (kind === 'supplement' && command.type === 'requestSupplement') {
    return { kind, deficiencies: command.deficiencies, periodWorkingDays: Number(data['periodWorkingDays']), repeat: data['repeat'] === true };
  }
  if (kind === 'fee' && command.type === 'issueFeeNotice') {
    const { deadlines } = deps.policy;
    const reduction = command.reductionReason ? { reductionReason: command.reductionReason } : {};
    return {
      kind,
      assessment: assessFee(command.choice),
      amountYuan: Number(data['amountYuan']),
      ...reduction,
      payment: await feePaymentText(deps),
      periodWorkingDays: deadlines.feePaymentWorkingDays,
      pausesClock: deadlines.feeNoticePausesClock,
    };
  }
  if (kind === 'delay' && command.type === 'setDelayedReply') return { kind, reason: command.reason, due: command.due };
  if ((kind === 'third-party-consultation' && command.type === 'startThirdPartyConsultation') || (kind === 'agency-consultation' && command.type === 'startAgencyConsultation')) {
    return { kind, consultee: command.consultee ?? '', concerning: command.concerning ?? '', periodWorkingDays: deps.policy.deadlines.consultationWorkingDays };
  }
  if (kind === 'disclosure-over-objection' && command.type === 'overruleObjection') {
    // Addressed to the third party last consulted, as its consultation letter was.
    const consulted = before.case.clock.filter((e) => e.type === 'consultationStarted' && e.kind === 'third-party').at(-1);
    if (consulted?.type !== 'consultationStarted' || !consulted.consultee) throw new ConflictError('找不到征求意见的第三方，无法生成告知书。');
    return { kind, consultee: consulted.consultee, consultedOn: consulted.date, content: command.content, reason: command.reason };
  }
  const ext = before.case.extension;
  if (kind === 'extension' && ext.status === 'requested') {
    // The due date the notice promises: the one the extension gives once served (today at the earliest).
    const extended = requestDeadlines({ clock: [...next.clock, { type: 'extensionNotified', date: todayIn(deps) }] }, calendar, deps.policy.deadlines)?.extension?.dueAfter;
    if (!extended) throw new ConflictError('无法计算延长后的答复期限。');
    return { kind, reason: ext.reason, workingDays: ext.workingDays, newDue: extended, approver: staff.displayName };
  }
  throw new ConflictError(`${NOTICE_TITLES[kind]}无法由此步骤生成。`);
}

/** A notice numbered in its kind's series (the series keeps no gaps a clerk must explain: only allowed steps take a number). */
async function numberedNotice(deps: RequestDeps, staff: StaffMember, s: StoredRequest, kind: NoticeKind, facts: NoticeFacts): Promise<StoredNotice> {
  const issuedOn = todayIn(deps);
  const agency = await letterhead(deps);
  const sequence = await new Counters(deps.records).next(`notice-${kind}`, issuedOn.slice(0, 4));
  return {
    id: `${kind}-${(s.notices ?? []).filter((n) => n.kind === kind).length + 1}`,
    kind,
    document: generateNotice({ agency, application: letterFacts(s), facts, issuedOn, sequence }),
    issuedOn,
    issuedBy: { id: staff.id, name: staff.displayName },
  };
}

/**
 * Drafts the notice whose service takes the step: the step is decided now as it would be, so a
 * refused one drafts nothing, and kept on the notice to be taken on service.
 * One notice of a kind at a time.
 */
export async function draftNotice(deps: RequestDeps, staff: StaffMember, record: RequestRecord, command: RequestCommand, calendar?: WorkingCalendar): Promise<RequestRecord> {
  const kind = SERVED_STEP[command.type]!;
  const s = record.data;
  const open = s.notices?.find((n) => n.kind === kind && pending(n));
  if (open) throw new ConflictError(`已有尚未送达的${NOTICE_TITLES[kind]}（${open.document.number}），请先送达或作废。`);
  const decided = await previewStep(deps, record, command, actorOf(staff), calendar);
  const facts = await factsOf(deps, kind, s, command, decided.next, decided.event.data, decided.ctx.calendar, staff);
  const notice = { ...(await numberedNotice(deps, staff, s, kind, facts)), step: command, decidedBy: actorOf(staff) };
  return commitNotice(deps, staff, { ...record, data: { ...s, notices: [...(s.notices ?? []), notice] } }, notice, {
    type: 'request.notice-drafted',
    label: `拟定${notice.document.title}`,
    note: `${notice.document.number}，经保密审查后送达`,
    data: { noticeId: notice.id, number: notice.document.number },
  });
}

/**
 * The notice a step owes once taken (an approved extension's), for the step's runner to draft
 * when the step is decided; numbered only after the step is found allowed.
 */
export async function reserveNotice(deps: RequestDeps, staff: StaffMember, record: RequestRecord, command: RequestCommand, calendar?: WorkingCalendar) {
  const kind = AFTER_STEP[command.type];
  if (!kind) return undefined;
  const decided = await previewStep(deps, record, command, actorOf(staff), calendar);
  const s = record.data;
  return numberedNotice(deps, staff, s, kind, await factsOf(deps, kind, s, command, decided.next, decided.event.data, decided.ctx.calendar, staff));
}

/** Sets an unserved notice aside, with the reason (the case moved on; a wrong draft): it keeps its number on the record. */
export async function discardNotice(deps: RequestDeps, staff: StaffMember, trackingNumber: string, noticeId: string, input: { reason: string; expectedVersion?: number }): Promise<RequestRecord> {
  assertHandlesNotices(staff, 'submitForSecrecyReview');
  const record = await loadRequest(deps, trackingNumber, input.expectedVersion);
  const n = noticeOf(record.data, noticeId);
  const reason = String(input.reason ?? '').trim();
  if (!reason) throw new ValidationError('请填写作废的理由。', { reason: '请填写作废的理由。' });
  if (reason.length > 500) throw new ValidationError('理由过长。', { reason: '理由不能超过500个字。' });
  const next = { ...n, discarded: { on: todayIn(deps), by: staff.displayName, reason } };
  return commitNotice(deps, staff, record, next, { type: 'request.notice-discarded', label: `作废${n.document.title}`, note: `${n.document.number}；理由：${reason}`, data: { noticeId } });
}

/**
 * The clerk rewords a drafted notice's paragraphs before it goes to review (or after the review
 * returned it): the generated text is the starting point, the reviewed text is what is served.
 */
export async function editNotice(
  deps: RequestDeps,
  staff: StaffMember,
  trackingNumber: string,
  noticeId: string,
  input: { edits: Record<string, string>; expectedVersion?: number },
): Promise<RequestRecord> {
  assertHandlesNotices(staff, 'submitForSecrecyReview');
  const record = await loadRequest(deps, trackingNumber, input.expectedVersion);
  const n = noticeOf(record.data, noticeId);
  const review = n.review ? await new ReviewRepository(deps.records).get(n.review.id) : undefined;
  if (review && review.data.review.status !== 'returned') throw new ConflictError('告知书已提交保密审查，审查退回后方可修改。');
  const document = editDocumentParagraphs(n.document, input.edits);
  const changed = document.paragraphs.flatMap((p, i) => (p !== n.document.paragraphs[i] ? [i + 1] : []));
  return commitNotice(deps, staff, record, { ...n, document }, { type: 'request.notice-edited', label: `修改${n.document.title}`, data: { noticeId, paragraphs: changed } });
}

/** Sends a drafted notice to secrecy review; a notice returned by the review may be sent again. */
export async function submitNoticeForReview(deps: RequestDeps, staff: StaffMember, trackingNumber: string, noticeId: string, input: { expectedVersion?: number } = {}): Promise<RequestRecord> {
  assertHandlesNotices(staff, 'submitForSecrecyReview');
  const record = await loadRequest(deps, trackingNumber, input.expectedVersion);
  const s = record.data;
  const n = noticeOf(s, noticeId);
  const current = n.review ? await new ReviewRepository(deps.records).get(n.review.id) : undefined;
  if (current && current.data.review.status !== 'returned') throw new ConflictError('告知书已提交保密审查。');
  const { record: review, change } = await openReviewFor(deps, staff, { subject: { ...reviewSubject(s, n), title: `${trackingNumber} ${n.document.title}` }, text: noticeText(n), attachments: [] });
  const next = { ...n, review: { id: review.data.review.id, version: review.version } };
  return commitNotice(deps, staff, record, next, { type: 'request.notice-submitted', label: `${n.document.title}提交保密审查`, data: { noticeId, reviewId: next.review.id } }, [change]);
}

/** The notice's review when it is approved and still covers this notice. */
function approvalOf(r: ReviewRecord | undefined, s: StoredRequest, n: StoredNotice) {
  const subject = reviewSubject(s, n);
  if (!r || r.data.review.status !== 'approved' || r.data.review.subject.type !== subject.type || r.data.review.subject.id !== subject.id) return undefined;
  return { id: r.data.review.id, version: r.version };
}

async function approvedReview(deps: RequestDeps, s: StoredRequest, n: StoredNotice) {
  return n.review ? approvalOf(await new ReviewRepository(deps.records).get(n.review.id), s, n) : undefined;
}

/**
 * Serves a reviewed notice: the release step hands over the reviewed text, the service is recorded,
 * and the step it takes is taken (servedStep). A supplement notice served in person or
 * electronically starts the applicant's period on that day; a posted one when its receipt is
 * recorded (登记补正通知送达). An extension takes effect with the service of its notice.
 */
export async function serveNotice(
  deps: RequestDeps,
  staff: StaffMember,
  trackingNumber: string,
  noticeId: string,
  input: { expectedVersion?: number; service?: Record<string, unknown> } = {},
): Promise<RequestRecord> {
  assertHandlesNotices(staff, 'release');
  const record = await loadRequest(deps, trackingNumber, input.expectedVersion);
  const s = record.data;
  const n = noticeOf(s, noticeId);
  const approved = await approvedReview(deps, s, n);
  if (!approved) throw new ConflictError('告知书的保密审查尚未通过，不能送达。');
  const today = todayIn(deps);
  // The applicant's choice of delivery (Art. 40) governs what is served on the applicant, not a consultee's letter.
  const toApplicant = TO_APPLICANT.has(n.kind);
  const service = serviceFromInput(input.service ?? {}, today, s, toApplicant);
  const on = checkService(service, toApplicant ? s.deliveryMethod : undefined, today);
  const recorded = servedStep(n, service.method, on);
  const prepared = await prepareRelease(
    deps,
    { reviewId: approved.id, reviewVersion: approved.version, subject: reviewSubject(s, n), parts: { text: noticeText(n), attachments: [] }, requestedBy: staffActor(staff) },
    toApplicant ? 'applicant' : 'consultee',
  );
  const served: StoredNotice = { ...n, served: { releaseId: prepared.receipt.releaseId, servedAt: deps.clock.now().toISOString(), service } };
  const extra = [...prepared.changes, effectChange(deps, `release:${prepared.receipt.releaseId}`, [{ kind: 'release-copies', releaseId: prepared.receipt.releaseId }], staffActor(staff))];
  const note = `${n.document.title}（${n.document.number}）于${formatDateZh(on)}${SERVICE_METHOD_LABELS[service.method].replace(/（.*$/, '')}`;
  const mail =
    s.applicant.email && toApplicant
      ? [
          message(
            deps,
            `request.notice.${n.kind}`,
            s.applicant.email,
            `${n.document.title}（${trackingNumber}）`,
            // Electronic service is the reviewed notice itself reaching the applicant's mailbox.
            [`${s.applicant.name}：`, '', `本机关已向您送达${n.document.title}（${n.document.number}）。`, ...(service.method === 'electronic' ? ['', prepared.receipt.text] : [])].join('\n'),
            trackingNumber,
          ),
        ]
      : [];
  const audit = { releaseId: prepared.receipt.releaseId, noticeId, method: service.method, servedOn: on };
  // A decided step is taken in the name of who decided it (the head's delayed reply); the service is the server's.
  const actor = n.step && n.decidedBy ? n.decidedBy : actorOf(staff);
  // Taken on the day of service, even when recorded later.
  const options = { label: `送达${n.document.title}`, on, patch: (r: StoredRequest) => withNotice(r, served), note, auditData: { ...audit, servedBy: staff.id } };
  return takeStep(deps, staff, record, recorded, undefined, { ...options, extraChanges: extra, messages: mail }, actor);
}

/** The latest supplement notice, when it was posted and its receipt is not recorded yet (the applicant's period waits for it). */
export function awaitsPostedReceipt(s: StoredRequest): boolean {
  const latest = s.notices?.filter((n) => n.kind === 'supplement').at(-1);
  return s.case.status === 'supplement-requested' && latest?.served?.service.method === 'post' && !s.supplementNotice?.applicantDue;
}

/**
 * Whether the case page offers a step the table allows: not a second notice of a kind while one is
 * pending, and the receipt of a supplement notice only for a posted one.
 */
export function offeredNow(s: StoredRequest, command: CommandType): boolean {
  if (command === 'recordSupplementNoticeServed') return awaitsPostedReceipt(s);
  const kind = SERVED_STEP[command];
  return !kind || !s.notices?.some((n) => n.kind === kind && pending(n));
}

export function assertAwaitsPostedReceipt(s: StoredRequest): void {
  if (!awaitsPostedReceipt(s)) throw new ConflictError('只有邮寄送达的补正告知书才需要登记申请人签收日期；补正告知书须先经保密审查并送达。');
}

export interface NoticeView {
  readonly notice: StoredNotice;
  /** Under review: the review's status (REVIEW_STATUS_LABELS); absent before submission. */
  readonly reviewStatus?: string;
  readonly approved: boolean;
}

/** Each notice of the case with its review's status, for the case page (one GetItem a reviewed notice). */
export async function noticeViews(deps: RequestDeps, s: StoredRequest): Promise<NoticeView[]> {
  const reviews = new ReviewRepository(deps.records);
  return Promise.all(
    (s.notices ?? []).map(async (notice) => {
      const r = notice.review ? await reviews.get(notice.review.id) : undefined;
      // One read a reviewed notice: its status and whether it approves this notice come from the same record.
      return { notice, ...(r ? { reviewStatus: r.data.review.status } : {}), approved: pending(notice) && approvalOf(r, s, notice) !== undefined };
    }),
  );
}

/**
 * The step the notice's service takes, dated by it. A supplement or fee notice served in person or
 * electronically reaches the applicant that day; a posted one when its receipt is recorded later.
 */
function servedStep(n: StoredNotice, method: string, on: IsoDate): RequestCommand {
  const received = method === 'post' ? {} : { deliveredOn: on };
  const step = n.step;
  if (n.kind === 'extension' || !step) return { type: 'notifyExtension', notifiedOn: on };
  if (step.type === 'setDelayedReply') return { ...step, applicantNotifiedOn: on };
  if (step.type === 'requestSupplement' || step.type === 'issueFeeNotice' || step.type === 'startThirdPartyConsultation' || step.type === 'startAgencyConsultation') return { ...step, ...received };
  return step;
}

/** The notices go the answer's way: the roles that send the answer to review and serve it. */
function assertHandlesNotices(staff: StaffMember, command: 'submitForSecrecyReview' | 'release'): void {
  if (!mayTakeStep(staff, command)) throw new ForbiddenError('您无权办理告知书。');
}

/** Commits a change to one notice (drafted, sent to review, set aside) with its audit event and an internal timeline line. */
async function commitNotice(
  deps: RequestDeps,
  staff: StaffMember,
  record: RequestRecord,
  n: StoredNotice,
  event: { type: string; label: string; note?: string; data: Record<string, unknown> },
  extraChanges: readonly Change[] = [],
): Promise<RequestRecord> {
  const actor = { kind: 'staff', id: staff.id, name: staff.displayName } as const;
  const line = timelineEntry(deps, event.type, event.label, actor, { public: false, ...(event.note ? { note: event.note } : {}) });
  const next: StoredRequest = { ...record.data, ...withNotice(record.data, n), timeline: [...record.data.timeline, line] };
  await deps.records.commit([RequestRepository.updateChange(next, record.version, { type: event.type, actor: staffActor(staff), data: event.data }), ...extraChanges]);
  return { ...record, data: next, version: record.version + 1 };
}
