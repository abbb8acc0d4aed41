import { randomBytes } from 'node:crypto';
import { JPEG, PDF, PNG } from '#domain/content-types';
import { checkUploads } from '../uploads';
import { isIsoDate, shanghaiDate, type IsoDate } from '#domain/calendar';
import { actorOf, CaseValidationError } from '#domain/case';
import { ConflictError, ForbiddenError } from '#domain/errors';
import {
  ACCESS_CODE_RANDOM_BYTES,
  applicantColumn,
  CHANNELS,
  findDuplicates,
  formatTrackingNumber,
  generateAccessCode,
  identityKey,
  maskIdNumber,
  openCase,
  receiptDate,
  requestWorkflow,
  safeParseApplication,
  type ApplicationForm,
  type Channel,
  type DuplicateFlag,
  type ReceiptPolicy,
} from '#domain/requests';
import { staffActor, type StaffMember } from '#domain/staff';
import type { Change } from '#ports/record-store';
import { Counters } from '#repositories/counters';
import { Outbox } from '#repositories/outbox';
import { RateLimiter } from '#repositories/rate-limiter';
import { RequestRepository, type StoredAttachment, type StoredRequest } from '#repositories/requests';
import { loadCalendar } from '../calendar';
import { safeFileName } from '../documents';
import { putStaged } from '../staged-files';
import { newId } from '../ids';
import { deliverSoon } from '../case/runner';
import { caseDeadlines, deadlineSummary, message, receivedOrSubmittedOn, requestContext, timelineEntry, type RequestDeps } from './common';
import { canonicalJson, encryptIdentity, hashAccessCode, identityHash, openShortLived, sealShortLived, submissionFingerprint } from './secrets';
import { requestedText, sameInformationChanges } from './same-information';

/** Identity proof and similar attachments: checked by their bytes, never by name. */
export const ATTACHMENT_TYPES: Record<string, string> = { [PDF]: 'PDF', [JPEG]: 'JPEG 图片', [PNG]: 'PNG 图片' };
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 3;
/** A retried submission within this time returns the same receipt (the guard then expires). */
export const SUBMISSION_GUARD_SECONDS = 24 * 3600;

export interface AttachmentUpload {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export interface SubmitInput {
  /** The raw form fields (nested: contact.*, requested.*); validated here. */
  readonly form: unknown;
  /** The form's one-time nonce (hidden field); with the form content it makes the submission idempotent. */
  readonly nonce: string;
  readonly attachments?: readonly AttachmentUpload[];
  /** Where an online submission comes from (the host's view of the client address), for the rate limit. */
  readonly client?: string;
}

/** Online submissions per client address: generous for an office, fatal for a script. */
export const SUBMIT_LIMIT = { limit: 20, windowSeconds: 3600, message: '提交次数过多，请1小时后再试。如需提交大量申请，请与政府信息公开工作机构联系。' } as const;

export interface SubmitResult {
  readonly trackingNumber: string;
  /** Shown once; only its salted hash is stored. */
  readonly accessCode: string;
  readonly receivedOn?: IsoDate;
  readonly receiptRule: string;
  readonly answerDue?: IsoDate;
  readonly provisional: boolean;
  readonly duplicates: readonly DuplicateFlag[];
  /** True when this was a retry of a submission already stored. */
  readonly replayed: boolean;
}

/** An application's attachments (PDF or images, 3 of 5 MB at most); returns their sniffed types. */
export function checkAttachments(deps: Pick<RequestDeps, 'content'>, attachments: readonly AttachmentUpload[]): string[] {
  return checkUploads(deps, attachments, { field: 'attachments', noun: '附件', max: MAX_ATTACHMENTS, maxBytes: MAX_ATTACHMENT_BYTES, types: ATTACHMENT_TYPES, typesText: 'PDF、JPEG 或 PNG' }).map(
    (u) => u.contentType,
  );
}

function parseForm(raw: unknown, channel: Channel): ApplicationForm {
  const input = raw && typeof raw === 'object' ? { ...(raw as Record<string, unknown>), channel } : { channel };
  const r = safeParseApplication(input);
  if (!r.ok) throw new CaseValidationError('申请表填写不完整或有误，请按提示修改。', r.fields);
  return r.value;
}

function digestOf(bytes: Uint8Array): string {
  // A cheap content fingerprint for the idempotency key (not a security boundary).
  let h = 2166136261;
  for (let i = 0; i < bytes.length; i += Math.max(1, Math.floor(bytes.length / 4096))) h = Math.imul(h ^ bytes[i]!, 16777619);
  return `${bytes.length}:${(h >>> 0).toString(16)}`;
}

interface Prepared {
  readonly form: ApplicationForm;
  readonly fingerprint: string;
  readonly types: string[];
}

async function replayOf(deps: RequestDeps, fingerprint: string): Promise<SubmitResult | undefined> {
  const repo = new RequestRepository(deps.records);
  const guard = await repo.submissionGuard(fingerprint);
  if (!guard) return undefined;
  const tn = guard.trackingNumber;
  const record = await repo.get(tn);
  if (!record) return undefined;
  const calendar = await loadCalendar(deps);
  const d = caseDeadlines(record.data.case, calendar, deps.policy);
  return {
    trackingNumber: tn,
    accessCode: openShortLived(deps.config.appSecret, guard.sealed),
    ...(record.data.case.receivedOn ? { receivedOn: record.data.case.receivedOn } : {}),
    receiptRule: record.data.receiptRule,
    ...(d?.answer ? { answerDue: d.answer.due } : {}),
    provisional: d?.answer?.provisional ?? false,
    duplicates: record.data.duplicates,
    replayed: true,
  };
}

function prepare(deps: RequestDeps, input: SubmitInput, channel: Channel, extra: unknown = {}): Prepared {
  const nonce = typeof input.nonce === 'string' ? input.nonce.trim() : '';
  if (!/^[\w-]{8,100}$/.test(nonce)) throw new CaseValidationError('页面已过期，请刷新后重新填写。', { _: '表单标识无效，请刷新页面后重新提交。' });
  const form = parseForm(input.form, channel);
  const types = checkAttachments(deps, input.attachments ?? []);
  if (form.agent && !(input.attachments ?? []).some((a) => a.bytes.byteLength > 0)) {
    throw new CaseValidationError('代理申请的，请上传申请人签署的授权委托书。', { attachments: '请上传授权委托书。' });
  }
  const fingerprint = submissionFingerprint(
    deps.config.appSecret,
    nonce,
    canonicalJson({ form, extra, attachments: (input.attachments ?? []).filter((a) => a.bytes.byteLength > 0).map((a) => digestOf(a.bytes)) }),
  );
  return { form, fingerprint, types };
}

interface CreateOptions {
  readonly channel: Channel;
  readonly receivedOn?: IsoDate;
  readonly receiptRule: string;
  readonly arrivedOn?: string;
  /** The clerk who registers it (and becomes its handler); absent for an online application and for a letter awaiting confirmation. */
  readonly registeredBy?: StaffMember;
  /** An ordinary letter entered on arrival, before it was confirmed with the applicant: who entered it (reminded to confirm it). */
  readonly enteredBy?: StaffMember;
}

async function create(deps: RequestDeps, input: SubmitInput, prepared: Prepared, options: CreateOptions): Promise<SubmitResult> {
  const { form, fingerprint, types } = prepared;
  const existing = await replayOf(deps, fingerprint);
  if (existing) return existing;

  const now = deps.clock.now();
  const calendar = await loadCalendar(deps);
  const year = Number(shanghaiDate(now).slice(0, 4));
  const tn = formatTrackingNumber(year, await new Counters(deps.records).next('tracking', String(year)));
  const accessCode = generateAccessCode(randomBytes(ACCESS_CODE_RANDOM_BYTES));
  const idHash = identityHash(deps.config.appSecret, identityKey(form));
  const repo = new RequestRepository(deps.records);

  // Duplicates: the same applicant's earlier applications (GSI3), flagged, never refused.
  const earlier = await repo.byApplicant(idHash, { limit: 200 });
  const duplicates = findDuplicates(
    { applicantHash: idHash, text: requestedText(form.requested), ...(form.requested.documentNumber ? { documentNumber: form.requested.documentNumber } : {}) },
    earlier.map((r) => ({
      trackingNumber: r.data.case.trackingNumber,
      applicantHash: r.data.identityHash,
      text: requestedText(r.data.requested),
      ...(r.data.requested.documentNumber ? { documentNumber: r.data.requested.documentNumber } : {}),
    })),
  );

  let c = openCase({
    id: tn,
    trackingNumber: tn,
    ...(options.receivedOn ? { receivedOn: options.receivedOn } : {}),
    ...(options.enteredBy && options.arrivedOn ? { letterArrivedOn: options.arrivedOn as IsoDate } : {}),
    ...(form.proactiveSuggestion ? { proactiveSuggested: true } : {}),
  });
  const byStaff = options.registeredBy ?? options.enteredBy;
  let handlerName: string | undefined;
  const timeline = [
    timelineEntry(
      deps,
      'submitted',
      options.channel === 'online' ? '网上提交申请' : options.enteredBy ? '收到平常信函（待与申请人确认）' : `收到申请（${options.channel === 'oral' ? '口头申请' : '书面申请'}）`,
      { kind: byStaff ? 'staff' : 'applicant', id: byStaff?.id ?? tn, ...(byStaff ? { name: byStaff.displayName } : {}) },
      { public: true },
    ),
  ];
  if (options.registeredBy) {
    // First-inquiry responsibility (首问负责): the registering clerk becomes the handler. The
    // application is created registered, so the step is decided here and stored with the creation.
    const ctx = await requestContext(deps, actorOf(options.registeredBy), calendar);
    c = requestWorkflow.decide(c, { type: 'register', ...(options.receivedOn && !c.receivedOn ? { receivedOn: options.receivedOn } : {}) }, ctx).next;
    handlerName = options.registeredBy.displayName;
    timeline.push(timelineEntry(deps, 'register', requestWorkflow.commandLabel('register'), { kind: 'staff', id: options.registeredBy.id, name: options.registeredBy.displayName }));
  }
  const deadlines = caseDeadlines(c, calendar, deps.policy);
  const idNumber = form.applicantKind === 'citizen' ? (form.idNumber ?? '') : (form.creditCode ?? form.orgDocument ?? '');
  const attachments: StoredAttachment[] = (input.attachments ?? [])
    .filter((a) => a.bytes.byteLength > 0)
    .map((a, i) => ({
      id: `att-${i + 1}`,
      fileKey: `requests/${tn}/attachments/${newId(now)}-${i + 1}`,
      fileName: safeFileName(a.fileName),
      contentType: types[i]!,
      sizeBytes: a.bytes.byteLength,
      uploadedBy: byStaff?.id ?? 'applicant',
    }));
  const monthStart = `${shanghaiDate(now).slice(0, 7)}-01`;
  const feeMonthCount = 1 + earlier.filter((r) => receivedOrSubmittedOn(r.data) >= monthStart).length;

  const stored: StoredRequest = {
    case: c,
    channel: options.channel,
    submittedAt: now.toISOString(),
    applicant: {
      kind: form.applicantKind,
      ...(form.organisationKind ? { organisationKind: form.organisationKind } : {}),
      column: applicantColumn(form),
      name: form.name,
      ...(form.idType ? { idType: form.idType } : {}),
      idMasked: maskIdNumber(idNumber),
      idEncrypted: encryptIdentity(deps.config.appSecret, idNumber),
      ...(form.workUnit ? { workUnit: form.workUnit } : {}),
      ...(form.legalRepresentative ? { legalRepresentative: form.legalRepresentative } : {}),
      ...(form.contactPerson ? { contactPerson: form.contactPerson } : {}),
      ...(form.agent
        ? { agent: { name: form.agent.name, idType: form.agent.idType, idMasked: maskIdNumber(form.agent.idNumber), idEncrypted: encryptIdentity(deps.config.appSecret, form.agent.idNumber) } }
        : {}),
      ...(form.contact.phone ? { phone: form.contact.phone } : {}),
      ...(form.contact.email ? { email: form.contact.email } : {}),
      ...(form.contact.address ? { address: form.contact.address } : {}),
      ...(form.contact.postCode ? { postCode: form.contact.postCode } : {}),
    },
    identityHash: idHash,
    requested: form.requested,
    provisionForm: form.provisionForm,
    deliveryMethod: form.deliveryMethod,
    ...(form.notes ? { notes: form.notes } : {}),
    ...(form.proactiveSuggestion ? { proactiveSuggestion: form.proactiveSuggestion } : {}),
    attachments,
    accessCodeHash: hashAccessCode(deps.config.appSecret, accessCode),
    receiptRule: options.receiptRule,
    ...(options.arrivedOn ? { arrivedOn: options.arrivedOn } : {}),
    ...(byStaff ? { registeredBy: { id: byStaff.id, name: byStaff.displayName } } : {}),
    ...(handlerName ? { handlerName } : {}),
    duplicates,
    timeline,
    supplementReplies: [],
    feeMonthCount,
    openDeadline: deadlineSummary(c, deadlines, handlerName),
  };

  const actor = byStaff ? staffActor(byStaff) : ({ kind: 'applicant', id: tn } as const);
  const changes: Change[] = [
    RequestRepository.submissionGuardChange(
      prepared.fingerprint,
      { trackingNumber: tn, sealed: sealShortLived(deps.config.appSecret, accessCode) },
      Math.floor(now.getTime() / 1000) + SUBMISSION_GUARD_SECONDS,
    ),
    RequestRepository.createChange(stored, {
      type: options.registeredBy ? 'request.registered-by-clerk' : options.enteredBy ? 'request.letter-entered' : 'request.submitted',
      actor,
      data: { channel: options.channel, receivedOn: c.receivedOn ?? null, column: stored.applicant.column, duplicates: duplicates.length, attachments: attachments.length },
    }),
    ...sameInformationChanges(deps, stored),
  ];
  const email = form.contact.email;
  if (email) {
    const agency = deps.config.agencyName;
    const text = [
      `${form.name}：`,
      '',
      `${agency}已收到您提交的政府信息公开申请。`,
      `申请编号：${tn}`,
      c.receivedOn ? `收到申请之日：${c.receivedOn}` : '收到申请之日：待工作人员确认',
      deadlines?.answer ? `答复期限：${deadlines.answer.due}${deadlines.answer.provisional ? '（暂定）' : ''}` : '',
      '',
      `您可以凭申请编号和查询码在 ${deps.config.publicBaseUrl.replace(/\/$/, '')}/track 查询办理进度。为保护您的信息，本邮件不包含查询码，请妥善保管提交时显示的查询码。`,
    ]
      .filter((l, i, all) => l !== '' || all[i - 1] !== '')
      .join('\n');
    const m = message(deps, 'request.receipt', email, `【${agency}】政府信息公开申请回执（${tn}）`, text, tn);
    changes.push(Outbox.enqueue(m, { type: 'outbox.queued', actor, data: { kind: m.kind, reference: tn } }));
  }

  // Files first (private bucket, staged), then the one commit; a failed commit removes them again,
  // and if the process dies in between the daily sweep does (application/staged-files).
  const uploads = (input.attachments ?? []).filter((x) => x.bytes.byteLength > 0);
  const committed = await putStaged(
    deps,
    attachments.map((a, i) => ({ key: a.fileKey, bytes: uploads[i]!.bytes, contentType: a.contentType })),
    actor,
  );
  try {
    await deps.records.commit([...changes, ...committed]);
  } catch (error) {
    for (const a of attachments) await deps.files.delete(a.fileKey).catch((e: unknown) => deps.logger.error('orphaned attachment could not be removed', { key: a.fileKey, error: e }));
    if (error instanceof ConflictError) {
      // A concurrent retry of the same form won the guard: answer with its receipt.
      const replay = await replayOf(deps, fingerprint);
      if (replay) return replay;
    }
    throw error;
  }
  if (email) await deliverSoon(deps);
  return {
    trackingNumber: tn,
    accessCode,
    ...(c.receivedOn ? { receivedOn: c.receivedOn } : {}),
    receiptRule: options.receiptRule,
    ...(deadlines?.answer ? { answerDue: deadlines.answer.due } : {}),
    provisional: deadlines?.answer?.provisional ?? false,
    duplicates,
    replayed: false,
  };
}

/** An online application from the public form: the receipt date follows the agency's rule (Art. 31). */
export async function submitOnline(deps: RequestDeps, input: SubmitInput, policy: ReceiptPolicy = deps.policy.receipt): Promise<SubmitResult> {
  await new RateLimiter(deps.records, deps.clock).consume(`apply#${input.client || 'unknown'}`, SUBMIT_LIMIT);
  const prepared = prepare(deps, input, 'online');
  const receipt = receiptDate({ channel: 'online', submittedAt: deps.clock.now() }, policy);
  return create(deps, input, prepared, { channel: 'online', ...(receipt.status === 'received' ? { receivedOn: receipt.date } : {}), receiptRule: receipt.rule });
}

export interface RegisterInput extends SubmitInput {
  readonly channel: Channel;
  /**
   * The channel's receipt fact: post requiring signature → the day signed for; ordinary letter,
   * fax → the day both sides confirmed; in person, oral → the day it was handed in or written
   * down (today when not given).
   */
  readonly receivedOn?: string;
  /** Ordinary letter: the day it arrived. */
  readonly arrivedOn?: string;
}

/** An application received on paper, by post, fax or orally, entered by a clerk, who becomes its handler. */
export async function registerByClerk(deps: RequestDeps, clerk: StaffMember, input: RegisterInput): Promise<SubmitResult> {
  assertMayRegisterApplications(clerk);
  const channel = input.channel;
  if (!(CHANNELS as readonly string[]).includes(channel) || channel === 'online') {
    throw new CaseValidationError('请选择申请渠道。', { channel: '请选择当面、邮寄、信函、传真或口头申请。' });
  }
  const form = channel === 'oral' && input.form && typeof input.form === 'object' ? { recordedBy: clerk.id, ...(input.form as object) } : input.form;
  const prepared = prepare(deps, { ...input, form }, channel, { channel, receivedOn: input.receivedOn ?? null });
  const today = shanghaiDate(deps.clock.now());
  const handedIn = channel === 'in-person' || channel === 'oral';
  const date = (input.receivedOn ?? '').trim() || (handedIn ? today : '');
  if (channel === 'ordinary-letter' && !date) return enterLetterOnArrival(deps, clerk, { ...input, form }, prepared, today);
  if (!isIsoDate(date)) {
    const hint = { 'post-signed': '请填写签收之日', 'ordinary-letter': '请填写与申请人确认之日', fax: '请填写与申请人确认之日' }[channel as string] ?? '请填写递交申请之日';
    throw new CaseValidationError('请填写收到申请的日期。', { receivedOn: `${hint}（YYYY-MM-DD）。` });
  }
  if (date > today) throw new CaseValidationError('收到申请之日不能晚于今天。', { receivedOn: '收到申请之日不能晚于今天。' });
  const arrivedOn = (input.arrivedOn ?? '').trim();
  if (channel === 'ordinary-letter') {
    if (!isIsoDate(arrivedOn)) throw new CaseValidationError('请填写信函到达之日。', { arrivedOn: '请填写信函到达本机关之日（YYYY-MM-DD）。' });
    if (arrivedOn > date) throw new CaseValidationError('确认之日不能早于信函到达之日。', { receivedOn: '与申请人确认之日不能早于信函到达之日。' });
  }
  const receipt = receiptDate(
    {
      channel,
      submittedAt: deps.clock.now(),
      ...(handedIn ? { handedInOn: date as IsoDate } : {}),
      ...(channel === 'post-signed' ? { signedForOn: date as IsoDate } : {}),
      ...(channel === 'ordinary-letter' || channel === 'fax' ? { confirmedOn: date as IsoDate, confirmedBy: clerk.id } : {}),
      ...(channel === 'ordinary-letter' ? { arrivedOn: arrivedOn as IsoDate } : {}),
    },
    deps.policy.receipt,
  );
  if (receipt.status !== 'received') throw new CaseValidationError('请填写收到申请的日期。', { receivedOn: '请填写收到申请的日期。' });
  return create(deps, { ...input, form }, prepared, {
    channel,
    receivedOn: receipt.date,
    receiptRule: receipt.rule,
    registeredBy: clerk,
    ...(channel === 'ordinary-letter' ? { arrivedOn } : {}),
  });
}

/**
 * Art. 31(2): an ordinary letter must be confirmed with the applicant on the day it arrives, and the
 * confirmation is what receives it. Entered on arrival without a confirmation date, it waits in
 * 'submitted' with its arrival date; the scheduled jobs remind whoever entered it from the agency's
 * reminder hour that day, and 登记受理 with the confirmation date receives it.
 */
async function enterLetterOnArrival(deps: RequestDeps, clerk: StaffMember, input: RegisterInput, prepared: Prepared, today: IsoDate): Promise<SubmitResult> {
  const arrivedOn = (input.arrivedOn ?? '').trim();
  if (!isIsoDate(arrivedOn)) {
    throw new CaseValidationError('请填写信函到达之日。', { arrivedOn: '请填写信函到达本机关之日（YYYY-MM-DD）；已与申请人确认的，同时填写收到申请之日（确认之日）。' });
  }
  if (arrivedOn > today) throw new CaseValidationError('信函到达之日不能晚于今天。', { arrivedOn: '信函到达之日不能晚于今天。' });
  const receipt = receiptDate({ channel: 'ordinary-letter', submittedAt: deps.clock.now(), arrivedOn: arrivedOn as IsoDate }, deps.policy.receipt);
  return create(deps, input, prepared, { channel: 'ordinary-letter', receiptRule: receipt.rule, arrivedOn, enteredBy: clerk });
}

/** Who may register a paper, post, fax or oral application and so becomes its handler (registerByClerk). */
export function mayRegisterApplications(staff: StaffMember): boolean {
  return staff.roles.some((r) => r === 'clerk' || r === 'head');
}

/** The refusal of registerByClerk, also asked by its form page before it is shown or read. */
export function assertMayRegisterApplications(staff: StaffMember): void {
  if (!mayRegisterApplications(staff)) throw new ForbiddenError('登记申请需要“经办人”或“科室负责人”角色。');
}
