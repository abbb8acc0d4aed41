/**
 * Procedural notices (补正告知书, 延期答复告知书): the step that owes one drafts it, numbered in its
 * kind's series; it goes through the secrecy review like the answer (先审查、后公开) and leaves only
 * through the release step; its service (送达, 235号) is what starts the period it governs: the
 * applicant's period to supplement runs from receipt, and an extension takes effect once served.
 */
import { formatDateZh, type IsoDate, type WorkingCalendar } from '#domain/calendar';
import { actorOf, type EventData } from '#domain/case';
import { ConflictError, ForbiddenError, NotFoundError } from '#domain/errors';
import {
  checkService,
  documentText,
  generateNotice,
  NOTICE_TITLES,
  requestDeadlines,
  SERVICE_METHOD_LABELS,
  type CommandType,
  type NoticeFacts,
  type NoticeKind,
  type RequestCase,
  type RequestCommand,
} from '#domain/requests';
import { staffActor, type StaffMember } from '#domain/staff';
import { Counters } from '#repositories/counters';
import { RequestRepository, type RequestRecord, type StoredNotice, type StoredRequest } from '#repositories/requests';
import { ReviewRepository } from '#repositories/reviews';
import { Outbox } from '#repositories/outbox';
import { deliverSoon } from '../case/runner';
import { afterCommit, effectChange } from '../effects';
import { letterhead } from '../letterhead';
import { prepareRelease } from '../release';
import { submitForReview } from '../secrecy';
import { letterFacts, loadRequest, message, previewStep, timelineEntry, todayIn, type RequestDeps } from './common';
import { mayTakeStep, serviceFromInput, takeStep } from './staff';

/** The steps that owe the applicant a notice, and which. */
const NOTICE_OF: Partial<Record<CommandType, NoticeKind>> = { requestSupplement: 'supplement', approveExtension: 'extension' };

export const noticeOwedBy = (command: CommandType): NoticeKind | undefined => NOTICE_OF[command];

/** What the reviewer and the release compare: the notice as plain text. */
export const noticeText = (n: StoredNotice) => documentText(n.document);

const reviewSubject = (s: StoredRequest, n: StoredNotice) => ({ type: 'notice' as const, id: `${s.case.trackingNumber}/${n.id}` });

function noticeOf(s: StoredRequest, noticeId: string): StoredNotice {
  const n = s.notices?.find((x) => x.id === noticeId);
  if (!n) throw new NotFoundError('告知书不存在。');
  return n;
}

const withNotice = (s: StoredRequest, n: StoredNotice): Partial<StoredRequest> => ({ notices: (s.notices ?? []).map((x) => (x.id === n.id ? n : x)) });

/** The facts the notice states, from the decided step. */
function factsOf(kind: NoticeKind, before: StoredRequest, command: RequestCommand, next: RequestCase, data: EventData, calendar: WorkingCalendar, deps: RequestDeps, staff: StaffMember): NoticeFacts {
  if (kind === 'supplement' && command.type === 'requestSupplement') {
    return { kind, deficiencies: command.deficiencies, periodWorkingDays: Number(data['periodWorkingDays']), repeat: data['repeat'] === true };
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

/**
 * Reserves the notice a step owes (its letterhead and its number in the kind's series), for the
 * step's runner to draft once the step is decided.
 */
export async function reserveNotice(deps: RequestDeps, staff: StaffMember, record: RequestRecord, command: RequestCommand, calendar?: WorkingCalendar) {
  const kind = noticeOwedBy(command.type);
  if (!kind) return undefined;
  // A step that would be refused takes no number: the series keeps no gaps a clerk must explain.
  await previewStep(deps, record, command, actorOf(staff), calendar);
  const agency = await letterhead(deps);
  const issuedOn = todayIn(deps);
  const sequence = await new Counters(deps.records).next(`notice-${kind}`, issuedOn.slice(0, 4));
  const s = record.data;
  const id = `${kind}-${(s.notices ?? []).filter((n) => n.kind === kind).length + 1}`;
  return (next: RequestCase, data: EventData, calendar: WorkingCalendar): StoredNotice => ({
    id,
    kind,
    document: generateNotice({ agency, application: letterFacts(s), facts: factsOf(kind, s, command, next, data, calendar, deps, staff), issuedOn, sequence }),
    issuedOn,
    issuedBy: { id: staff.id, name: staff.displayName },
  });
}

/** Sends a drafted notice to secrecy review; a notice returned by the review may be sent again. */
export async function submitNoticeForReview(deps: RequestDeps, staff: StaffMember, trackingNumber: string, noticeId: string, input: { expectedVersion?: number } = {}): Promise<RequestRecord> {
  assertHandlesNotices(staff, 'submitForSecrecyReview');
  const record = await loadRequest(deps, trackingNumber, input.expectedVersion);
  const s = record.data;
  const n = noticeOf(s, noticeId);
  if (n.served) throw new ConflictError('告知书已送达。');
  const current = n.review ? await new ReviewRepository(deps.records).get(n.review.id) : undefined;
  if (current && current.data.review.status !== 'returned') throw new ConflictError('告知书已提交保密审查。');
  const review = await submitForReview(deps, staff, { subject: { ...reviewSubject(s, n), title: `${trackingNumber} ${n.document.title}` }, text: noticeText(n), attachments: [] });
  const next = { ...n, review: { id: review.data.review.id, version: review.version } };
  return commitNotice(deps, staff, record, next, { type: 'request.notice-submitted', label: `${n.document.title}提交保密审查`, data: { noticeId, reviewId: next.review.id } });
}

/** The notice's review when it is approved and still covers this notice. */
async function approvedReview(deps: RequestDeps, s: StoredRequest, n: StoredNotice) {
  if (!n.review) return undefined;
  const r = await new ReviewRepository(deps.records).get(n.review.id);
  const subject = reviewSubject(s, n);
  if (!r || r.data.review.status !== 'approved' || r.data.review.subject.type !== subject.type || r.data.review.subject.id !== subject.id) return undefined;
  return { id: r.data.review.id, version: r.version };
}

export async function noticeReviewApproved(deps: RequestDeps, s: StoredRequest, n: StoredNotice): Promise<boolean> {
  return (await approvedReview(deps, s, n)) !== undefined;
}

/**
 * Serves a reviewed notice: the release step hands the reviewed text to the applicant, the service
 * is recorded, and the case records what the service starts. A supplement notice served in person
 * or electronically starts the applicant's period on that day; a posted one when its receipt is
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
  if (n.served) throw new ConflictError('告知书已送达。');
  const approved = await approvedReview(deps, s, n);
  if (!approved) throw new ConflictError('告知书的保密审查尚未通过，不能送达。');
  const today = todayIn(deps);
  const service = serviceFromInput(input.service ?? {}, today, s);
  const on = checkService(service, s.deliveryMethod, today);
  const recorded = caseCommandFor(n, service.method, on);
  const prepared = await prepareRelease(
    deps,
    { reviewId: approved.id, reviewVersion: approved.version, subject: reviewSubject(s, n), parts: { text: noticeText(n), attachments: [] }, requestedBy: staffActor(staff) },
    'applicant',
  );
  const served: StoredNotice = { ...n, served: { releaseId: prepared.receipt.releaseId, servedAt: deps.clock.now().toISOString(), service } };
  const extra = [...prepared.changes, effectChange(deps, `release:${prepared.receipt.releaseId}`, [{ kind: 'release-copies', releaseId: prepared.receipt.releaseId }], staffActor(staff))];
  const note = `${n.document.title}（${n.document.number}）于${formatDateZh(on)}${SERVICE_METHOD_LABELS[service.method].replace(/（.*$/, '')}`;
  const mail = s.applicant.email
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
  if (recorded) {
    return takeStep(deps, staff, record, recorded, undefined, { label: `送达${n.document.title}`, patch: (r) => withNotice(r, served), note, auditData: audit, extraChanges: extra, messages: mail });
  }
  return commitNotice(deps, staff, record, served, { type: 'request.notice-served', label: `送达${n.document.title}`, note, public: true, data: audit }, extra, mail);
}

/** The latest supplement notice, when it was posted and its receipt is not recorded yet (the applicant's period waits for it). */
export function awaitsPostedReceipt(s: StoredRequest): boolean {
  const latest = s.notices?.filter((n) => n.kind === 'supplement').at(-1);
  return s.case.status === 'supplement-requested' && latest?.served?.service.method === 'post' && !s.supplementNotice?.applicantDue;
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
      return { notice, ...(r ? { reviewStatus: r.data.review.status } : {}), approved: !notice.served && (await approvedReview(deps, s, notice)) !== undefined };
    }),
  );
}

/** What the case records when the notice is served; nothing yet for a posted supplement notice, whose receipt comes later. */
function caseCommandFor(n: StoredNotice, method: string, on: IsoDate): RequestCommand | undefined {
  if (n.kind === 'extension') return { type: 'notifyExtension', notifiedOn: on };
  if (n.kind === 'supplement' && method !== 'post') return { type: 'recordSupplementNoticeServed', servedOn: on };
  return undefined;
}

/** The notices go the answer's way: the roles that send the answer to review and serve it. */
function assertHandlesNotices(staff: StaffMember, command: 'submitForSecrecyReview' | 'release'): void {
  if (!mayTakeStep(staff, command)) throw new ForbiddenError('您无权办理告知书。');
}

/** Commits a change to one notice with its audit event, timeline line, effects and mail. */
async function commitNotice(
  deps: RequestDeps,
  staff: StaffMember,
  record: RequestRecord,
  n: StoredNotice,
  event: { type: string; label: string; note?: string; public?: boolean; data: Record<string, unknown> },
  extra: Parameters<RequestDeps['records']['commit']>[0] = [],
  mail: ReturnType<typeof message>[] = [],
): Promise<RequestRecord> {
  const actor = { kind: 'staff', id: staff.id, name: staff.displayName } as const;
  const next: StoredRequest = {
    ...record.data,
    ...withNotice(record.data, n),
    timeline: [...record.data.timeline, timelineEntry(deps, event.type, event.label, actor, { public: event.public ?? false, ...(event.note ? { note: event.note } : {}) })],
  };
  const audit = { type: event.type, actor: staffActor(staff), data: event.data };
  await deps.records.commit([
    RequestRepository.updateChange(next, record.version, audit),
    ...extra,
    ...mail.map((m) => Outbox.enqueue(m, { type: 'outbox.queued', actor: audit.actor, data: { kind: m.kind, reference: m.reference } })),
  ]);
  if (mail.length > 0) await deliverSoon(deps);
  if (extra.length > 0) await afterCommit(deps);
  return { ...record, data: next, version: record.version + 1 };
}
