/**
 * Use cases of correction requests (更正, Art. 41): the public request form with evidence and its
 * receipt (tracking number + access code), the staff workflow, the answer letter through secrecy
 * review and the release step, and the applicant's lookup on the tracking page.
 */
import { letterhead } from '../letterhead';
import { randomBytes } from 'node:crypto';
import { shanghaiDate, type IsoDate, type WorkingCalendar } from '#domain/calendar';
import { actorOf, applicantActor } from '#domain/case';
import {
  assertCorrectionReviewApproved,
  CORRECTION_OUTCOME_LABELS,
  CORRECTION_STATUS_LABELS,
  correctionDue,
  correctionHasOpenDeadline,
  correctionLetter,
  correctionLetterText,
  correctionWorkflow,
  formatCorrectionTrackingNumber,
  isCorrectionTrackingNumber,
  openCorrection,
  parseCorrectionStep,
  type CorrectedVersion,
  type CorrectionCase,
  type CorrectionCommand,
  type CorrectionCommandType,
  type CorrectionContext,
  type CorrectionFacts,
  type CorrectionStatus,
  type CorrectionStep,
} from '#domain/corrections';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors';
import { ACCESS_CODE_RANDOM_BYTES, generateAccessCode, maskIdNumber } from '#domain/requests/tracking';
import type { OutgoingMessage } from '#domain/notifications/message';
import { staffActor, systemActor, type StaffMember } from '#domain/staff';
import type { Change } from '#ports/record-store';
import { Counters } from '#repositories/counters';
import { CorrectionRepository, type CorrectionRecord, type StoredCorrection, type StoredEvidence } from '#repositories/corrections';
import type { DeadlineSummary } from '#repositories/deadline-index';
import { Outbox } from '#repositories/outbox';
import { RateLimiter } from '#repositories/rate-limiter';
import { lookupByAccessCode } from '../lookup-guard';
import { putStaged } from '../staged-files';
import { effectChange } from '../effects';
import { prepareRelease } from '../release';
import { ReviewRepository } from '#repositories/reviews';
import { ItemRepository } from '#repositories/items';
import { publishedVersion } from '#domain/catalogue';
import { markItemVersionCorrected } from '../catalogue/items';
import { loadCalendar } from '../calendar';
import { checkUploads, openingLine, optionalEmail, optionalPhone, str, type CaseDeps, type FileUpload } from '../clarifications/common';
import type { CaseType, DeadlineKind } from '../case/registry';
import { assertAllowed, assertVersion, caseContext, runStep, type CaseRunnerType, type StepInput, type StepOptions } from '../case/runner';
import { newId } from '../ids';
import { openReviewFor } from '../secrecy';
import { accessCodeMatches, encryptIdentity, hashAccessCode, submissionFingerprint } from './secrets';

export const CORRECTION_DEADLINE_KIND = 'correction';
export const MAX_EVIDENCE = 3;
export const SUBMIT_LIMIT = { limit: 10, windowSeconds: 3600, message: '提交次数过多，请1小时后再试。' } as const;
export { LOOKUP_LIMITS } from '../lookup-guard';
const GUARD_SECONDS = 24 * 3600;

function message(deps: Pick<CaseDeps, 'clock'>, kind: string, to: string, subject: string, text: string, reference: string): OutgoingMessage {
  const now = deps.clock.now();
  return { id: newId(now), kind, to, subject, text, reference, createdAt: now.toISOString() };
}

const todayOf = (deps: Pick<CaseDeps, 'clock'>): IsoDate => shanghaiDate(deps.clock.now());

function summary(data: Pick<StoredCorrection, 'case' | 'handlerName'>, calendarVersion: string): DeadlineSummary | null {
  const c = data.case;
  if (!correctionHasOpenDeadline(c) || !c.due) return null;
  return {
    kind: CORRECTION_DEADLINE_KIND,
    caseId: c.trackingNumber,
    title: `${c.trackingNumber} 更正申请答复`,
    due: c.due,
    provisional: c.dueProvisional,
    calendarVersion,
    responsible: c.handlerId ? { id: c.handlerId, name: data.handlerName ?? c.handlerId } : { id: 'unassigned', name: '待分派' },
  };
}

/** The correction case type as the case runner runs it. */
const corrections: CaseRunnerType<StoredCorrection, CorrectionCase, CorrectionStatus, CorrectionCommand, CorrectionFacts> = {
  workflow: correctionWorkflow,
  updateChange: CorrectionRepository.updateChange,
  context: (calendar, policy) => ({ calendar, config: policy.correction }),
  deadline: (next, calendar) => summary(next, calendar.version),
};

// ---------------------------------------------------------------------------------------------
// Submission

export interface CorrectionForm {
  /** Art. 41: 公民、法人或者其他组织 (a person by default). */
  readonly applicantKind?: string;
  readonly name?: string;
  /** A person's identity document number; an organisation's USCC or other registration number. */
  readonly idNumber?: string;
  /** Organisations: who to talk to. */
  readonly contactPerson?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly address?: string;
  readonly recordDescription?: string;
  readonly itemId?: string;
  readonly inaccuracy?: string;
  readonly requestedCorrection?: string;
}

export interface CorrectionReceipt {
  readonly trackingNumber: string;
  /** Shown once; only its salted hash is stored. */
  readonly accessCode: string;
  readonly submittedOn: IsoDate;
}

function parseForm(form: CorrectionForm): {
  fields: Record<string, string>;
  value: Required<Pick<CorrectionForm, 'name' | 'idNumber' | 'recordDescription' | 'inaccuracy' | 'requestedCorrection'>> & {
    kind: 'citizen' | 'organisation';
    contactPerson?: string;
    phone?: string;
    email?: string;
    address?: string;
    itemId?: string;
  };
} {
  const fields: Record<string, string> = {};
  const need = (name: keyof CorrectionForm, label: string, max: number) => {
    const v = str(form[name]);
    if (!v) fields[name] = `请填写${label}。`;
    else if (v.length > max) fields[name] = `${label}不能超过 ${max} 个字。`;
    return v;
  };
  const kind = str(form.applicantKind) || 'citizen';
  if (kind !== 'citizen' && kind !== 'organisation') fields['applicantKind'] = '请选择申请人类型。';
  const organisation = kind === 'organisation';
  const name = need('name', organisation ? '名称' : '姓名', organisation ? 100 : 50);
  const idNumber = str(form.idNumber).replace(/\s/g, '').toUpperCase();
  if (!idNumber) fields['idNumber'] = organisation ? '请填写统一社会信用代码或其他登记证明编号。' : '请填写身份证件号码。';
  else if (!/^(\d{17}[\dX]|\d{15}|[A-Z0-9]{6,20})$/.test(idNumber)) fields['idNumber'] = organisation ? '统一社会信用代码或登记证明编号格式不正确。' : '身份证件号码格式不正确。';
  const contactPerson = organisation ? need('contactPerson', '联系人', 50) : undefined;
  let phone: string | undefined;
  let email: string | undefined;
  try {
    phone = optionalPhone(form.phone, 'phone');
  } catch (e) {
    if (e instanceof ValidationError) Object.assign(fields, e.fields);
  }
  try {
    email = optionalEmail(form.email, 'email');
  } catch (e) {
    if (e instanceof ValidationError) Object.assign(fields, e.fields);
  }
  if (!phone && !email && !fields['phone'] && !fields['email']) fields['phone'] = '请至少填写联系电话或电子邮箱中的一项。';
  const address = str(form.address).slice(0, 200);
  const recordDescription = need('recordDescription', '需要更正的信息记录（名称、文号或提供给您的时间）', 500);
  const itemId = str(form.itemId);
  if (itemId && !/^[\w-]{1,100}$/.test(itemId)) fields['itemId'] = '信息编号只能包含字母、数字和连字符。';
  const inaccuracy = need('inaccuracy', '不准确的内容', 3000);
  const requestedCorrection = need('requestedCorrection', '应当更正为的内容', 3000);
  return {
    fields,
    value: {
      kind: organisation ? 'organisation' : 'citizen',
      name,
      idNumber,
      ...(contactPerson ? { contactPerson } : {}),
      recordDescription,
      inaccuracy,
      requestedCorrection,
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
      ...(address ? { address } : {}),
      ...(itemId ? { itemId } : {}),
    },
  };
}

/** A correction request (Art. 41): an applicant asks to correct a record about themselves, with evidence. */
export async function submitCorrection(deps: CaseDeps, input: { form: CorrectionForm; nonce: string; evidence: readonly FileUpload[] }, client: { ip: string }): Promise<CorrectionReceipt> {
  const nonce = str(input.nonce);
  if (!/^[\w-]{8,100}$/.test(nonce)) throw new ValidationError('页面已过期，请刷新后重新填写。', { _: '表单标识无效，请刷新页面后重新提交。' });
  const { fields, value } = parseForm(input.form);
  let files: ReturnType<typeof checkUploads> = [];
  try {
    files = checkUploads(deps, input.evidence, 'evidence', MAX_EVIDENCE);
  } catch (e) {
    if (e instanceof ValidationError) Object.assign(fields, e.fields);
    else throw e;
  }
  if (files.length === 0 && !fields['evidence']) fields['evidence'] = '请上传能够证明记录不准确的证据材料（PNG、JPEG 或 PDF）。';
  if (Object.keys(fields).length > 0) throw new ValidationError('申请表填写不完整或有误，请按提示修改。', fields);

  const fingerprint = submissionFingerprint(deps.config.appSecret, nonce, JSON.stringify([value, files.map((f) => f.upload.bytes.byteLength)]));
  if (await new CorrectionRepository(deps.records).submissionSeen(fingerprint)) {
    throw new ConflictError('该申请已经提交，请勿重复提交。请使用回执上的申请编号和查询码查询办理进度。');
  }
  await new RateLimiter(deps.records, deps.clock).consume(`correction-submit#${client.ip || 'unknown'}`, SUBMIT_LIMIT);

  const now = deps.clock.now();
  const today = todayOf(deps);
  const calendar = await loadCalendar(deps);
  const year = Number(today.slice(0, 4));
  const tn = formatCorrectionTrackingNumber(year, await new Counters(deps.records).next('correction-tracking', String(year)));
  const accessCode = generateAccessCode(randomBytes(ACCESS_CODE_RANDOM_BYTES));
  const evidence: StoredEvidence[] = files.map((f, i) => ({
    id: `ev-${i + 1}`,
    fileKey: `corrections/${tn}/evidence/${newId(now)}-${i + 1}`,
    fileName: f.fileName,
    contentType: f.contentType,
    sizeBytes: f.upload.bytes.byteLength,
  }));
  const committed = await putStaged(
    deps,
    evidence.map((e, i) => ({ key: e.fileKey, bytes: files[i]!.upload.bytes, contentType: e.contentType })),
    { kind: 'applicant', id: tn },
  );
  const base = {
    case: openCorrection({ id: tn, trackingNumber: tn, submittedOn: today }),
    submittedAt: now.toISOString(),
    applicant: {
      kind: value.kind,
      name: value.name,
      ...(value.contactPerson ? { contactPerson: value.contactPerson } : {}),
      idMasked: maskIdNumber(value.idNumber),
      idEncrypted: encryptIdentity(deps.config.appSecret, value.idNumber),
      ...(value.phone ? { phone: value.phone } : {}),
      ...(value.email ? { email: value.email } : {}),
      ...(value.address ? { address: value.address } : {}),
    },
    record: { description: value.recordDescription, ...(value.itemId ? { itemId: value.itemId } : {}) },
    inaccuracy: value.inaccuracy,
    requestedCorrection: value.requestedCorrection,
    evidence,
    accessCodeHash: hashAccessCode(deps.config.appSecret, accessCode),
    timeline: [openingLine(deps, 'submit', '网上提交更正申请', applicantActor(tn), true)],
  };
  const data: StoredCorrection = { ...base, openDeadline: summary(base, calendar.version) };
  const changes: Change[] = [
    CorrectionRepository.submissionGuardChange(fingerprint, tn, Math.floor(now.getTime() / 1000) + GUARD_SECONDS),
    CorrectionRepository.createChange(data, { type: 'correction.submitted', actor: { kind: 'applicant', id: tn }, data: { evidence: evidence.length, itemId: value.itemId ?? null } }),
  ];
  if (value.email) {
    const text = [`${value.name}：`, '', `${deps.config.agencyName}已收到您提交的更正申请。`, `申请编号：${tn}`, '请凭申请编号和回执上的查询码查询办理进度。', ''].join('\n');
    changes.push(
      Outbox.enqueue(message(deps, 'correction.received', value.email, `更正申请已收到（${tn}）`, text, tn), {
        type: 'outbox.enqueued',
        actor: systemActor('corrections'),
        data: { kind: 'correction.received', reference: tn },
      }),
    );
  }
  await deps.records.commit([...changes, ...committed]);
  return { trackingNumber: tn, accessCode, submittedOn: today };
}

/**
 * A correction of a catalogue item is made in the catalogue (修订: a new version, reviewed and
 * published; the earlier version stays in the item's revision history). This checks that it was:
 * the item exists and its public version is the corrected one. Versions default to the item's.
 */
async function checkCorrectedItem(deps: CaseDeps, itemId: string, previous: number, next: number): Promise<{ previousVersion: number; newVersion: number }> {
  const item = itemId ? await new ItemRepository(deps.records).get(itemId) : undefined;
  if (!item) throw new ValidationError('找不到该公开信息。', { recordId: '找不到该编号的公开信息，请核对。' });
  const shown = publishedVersion(item.data.record)?.number ?? 0;
  const newVersion = Number.isInteger(next) && next > 0 ? next : shown;
  const previousVersion = Number.isInteger(previous) && previous > 0 ? previous : newVersion - 1;
  if (shown < 2 || newVersion > shown) {
    throw new ValidationError('更正后的版本尚未发布。', { recordId: `请先在“主动公开”中修订该信息并发布更正后的新版本（当前公开的是第 ${shown} 版），再登记更正。` });
  }
  if (!item.data.record.versions.some((v) => v.number === previousVersion && v.publishedAt)) {
    throw new ValidationError('原版本不存在。', { previousVersion: `该信息没有已发布的第 ${previousVersion} 版。` });
  }
  return { previousVersion, newVersion };
}

// ---------------------------------------------------------------------------------------------
// Staff workflow

async function load(deps: Pick<CaseDeps, 'records'>, tn: string, expectedVersion?: number): Promise<CorrectionRecord> {
  const record = isCorrectionTrackingNumber(tn) ? await new CorrectionRepository(deps.records).get(tn.toUpperCase()) : undefined;
  if (!record) throw new NotFoundError('更正申请不存在。');
  assertVersion(record, expectedVersion, `correction ${tn}`);
  return record;
}

/** One staff step through the case runner. */
async function step(deps: CaseDeps, staff: StaffMember, record: CorrectionRecord, command: CorrectionCommand, options: StepOptions<StoredCorrection> = {}): Promise<CorrectionRecord> {
  return (await runStep(deps, corrections, record, command, actorOf(staff), options)).record;
}

/**
 * Runs one staff step from its raw input (a posted form or JSON): the record, then whether this
 * person may take the step now, then the input through the command's schema (commands.ts).
 */
export async function actOnCorrection(deps: CaseDeps, staff: StaffMember, tn: string, type: CorrectionCommandType, input: StepInput): Promise<CorrectionRecord> {
  const record = await load(deps, tn, input.expectedVersion);
  const calendar = await loadCalendar(deps);
  await assertAllowed(deps, corrections, record.data.case, type, actorOf(staff), calendar);
  return correctionStep(deps, staff, record, parseCorrectionStep(type, input), calendar);
}

async function correctionStep(deps: CaseDeps, staff: StaffMember, record: CorrectionRecord, cmd: CorrectionStep, calendar: WorkingCalendar): Promise<CorrectionRecord> {
  const c = record.data.case;
  const tn = c.trackingNumber;
  switch (cmd.type) {
    case 'register':
      return step(deps, staff, record, { type: cmd.type, receivedOn: (cmd.receivedOn ?? c.submittedOn) as IsoDate }, { calendar });
    case 'recordCorrection': {
      const { type, recordType = 'item', recordId, summary } = cmd;
      let { previousVersion = 0, newVersion = 0 } = cmd;
      if (recordType === 'item') ({ previousVersion, newVersion } = await checkCorrectedItem(deps, recordId, previousVersion, newVersion));
      const corrected: CorrectedVersion = { recordType, recordId, previousVersion, newVersion, summary };
      const next = await step(deps, staff, record, { type, corrected }, { calendar, note: summary });
      // The replaced version stays in the item's history, marked as corrected (shown on its page).
      if (recordType === 'item') await markItemVersionCorrected(deps, staff, recordId, { version: previousVersion, caseId: tn, summary });
      return next;
    }
    case 'draftAnswer': {
      const date = todayOf(deps);
      const agency = await letterhead(deps);
      // A redraft in the same year keeps its number; a new letter takes the next in the correction series.
      const kept = record.data.letterNumber?.includes(`〔${date.slice(0, 4)}〕`) ? Number(/〔\d{4}〕(\d+)号$/.exec(record.data.letterNumber)?.[1]) : 0;
      const sequence = kept > 0 ? kept : await new Counters(deps.records).next('correction-letter', date.slice(0, 4));
      const letter = correctionLetter({
        agency,
        applicantName: record.data.applicant.name,
        trackingNumber: tn,
        receivedOn: c.receivedOn ?? c.submittedOn,
        recordConcerned: record.data.record.description,
        case: c,
        date,
        sequence,
      });
      const letterText = correctionLetterText(letter);
      return step(deps, staff, record, cmd, { calendar, patch: () => ({ letterText, letterNumber: letter.number }) });
    }
    case 'returnToDrafting':
      return step(deps, staff, record, cmd, { calendar, note: cmd.reason });
    case 'submitForSecrecyReview':
      return submitCorrectionAnswerForReview(deps, staff, tn, record.version);
    case 'recordReviewApproved': {
      const review = c.secrecyReviewId ? await new ReviewRepository(deps.records).get(c.secrecyReviewId) : undefined;
      return step(deps, staff, record, { type: cmd.type, secrecyReviewId: c.secrecyReviewId ?? '', secrecyReviewApproved: review?.data.review.status === 'approved' }, { calendar });
    }
    case 'release':
      return releaseCorrectionAnswer(deps, staff, tn, record.version);
    default:
      return step(deps, staff, record, cmd, { calendar });
  }
}

/** The answer letter goes to secrecy review as subject type 'answer' (subject id = tracking number). */
export async function submitCorrectionAnswerForReview(deps: CaseDeps, staff: StaffMember, tn: string, expectedVersion?: number): Promise<CorrectionRecord> {
  const record = await load(deps, tn, expectedVersion);
  const calendar = await loadCalendar(deps);
  // The workflow refuses before the letter goes into the review queue.
  await assertAllowed(deps, corrections, record.data.case, 'submitForSecrecyReview', actorOf(staff), calendar);
  const { record: review, change } = await openReviewFor(deps, staff, {
    subject: { type: 'answer', id: record.data.case.trackingNumber, title: `更正申请答复（${record.data.case.trackingNumber}）` },
    text: record.data.letterText ?? '',
  });
  return step(deps, staff, record, { type: 'submitForSecrecyReview', secrecyReviewId: review.data.review.id }, { calendar, note: `审查单 ${review.data.review.id}`, extraChanges: [change] });
}

/** Hands the reviewed letter to the applicant through the release step; the deadline closes. */
export async function releaseCorrectionAnswer(deps: CaseDeps, staff: StaffMember, tn: string, expectedVersion?: number): Promise<CorrectionRecord> {
  const record = await load(deps, tn, expectedVersion);
  const c = record.data.case;
  const review = c.secrecyReviewId ? await new ReviewRepository(deps.records).get(c.secrecyReviewId) : undefined;
  const approved = review?.data.review.status === 'approved';
  const calendar = await loadCalendar(deps);
  // State, role and the review, before the release step prepares anything.
  await assertAllowed(deps, corrections, c, 'release', actorOf(staff), calendar);
  assertCorrectionReviewApproved(approved);
  // The letter's copy for the applicant is written by the release step after this commit.
  const prepared = await prepareRelease(
    deps,
    {
      reviewId: review!.data.review.id,
      reviewVersion: review!.version,
      subject: { type: 'answer', id: c.trackingNumber },
      parts: { text: record.data.letterText ?? '', attachments: [] },
      requestedBy: staffActor(staff),
    },
    'applicant',
  );
  const receipt = prepared.receipt;
  const email = record.data.applicant.email;
  const notice = `${record.data.applicant.name}：\n\n您的更正申请（${c.trackingNumber}）已答复。请凭申请编号和查询码在“查询办理进度”页面查看答复告知书。\n`;
  return step(
    deps,
    staff,
    record,
    { type: 'release', releaseId: receipt.releaseId, secrecyReviewApproved: approved },
    {
      calendar,
      patch: () => ({ answer: { releaseId: receipt.releaseId, files: receipt.files, releasedAt: deps.clock.now().toISOString(), text: receipt.text } }),
      messages: email ? [message(deps, 'correction.answered', email, `更正申请已答复（${c.trackingNumber}）`, notice, c.trackingNumber)] : [],
      extraChanges: [...prepared.changes, effectChange(deps, `release:${receipt.releaseId}`, [{ kind: 'release-copies', releaseId: receipt.releaseId }], staffActor(staff))],
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Queries

export interface CorrectionListRow {
  readonly trackingNumber: string;
  readonly status: CorrectionStatus;
  readonly statusLabel: string;
  readonly applicantName: string;
  readonly record: string;
  readonly due?: IsoDate;
  readonly dueOpen: boolean;
  readonly submittedAt: string;
}

export async function listCorrections(deps: Pick<CaseDeps, 'records'>): Promise<CorrectionListRow[]> {
  const page = await new CorrectionRepository(deps.records).newest(200);
  return page.items.map((r) => ({
    trackingNumber: r.data.case.trackingNumber,
    status: r.data.case.status,
    statusLabel: CORRECTION_STATUS_LABELS[r.data.case.status],
    applicantName: r.data.applicant.name,
    record: r.data.record.description,
    ...(r.data.case.due ? { due: r.data.case.due } : {}),
    dueOpen: correctionHasOpenDeadline(r.data.case),
    submittedAt: r.data.submittedAt,
  }));
}

export interface CorrectionView {
  readonly record: CorrectionRecord;
  readonly available: readonly CorrectionCommandType[];
  readonly review?: { readonly id: string; readonly status: string; readonly stage: string };
}

export async function getCorrection(deps: CaseDeps, staff: StaffMember, tn: string): Promise<CorrectionView> {
  const record = await load(deps, tn);
  const review = record.data.case.secrecyReviewId ? await new ReviewRepository(deps.records).get(record.data.case.secrecyReviewId) : undefined;
  return {
    record,
    available: correctionWorkflow.available(record.data.case, await caseContext(deps, corrections, actorOf(staff))),
    ...(review ? { review: { id: review.data.review.id, status: review.data.review.status, stage: review.data.review.stage } } : {}),
  };
}

export async function evidenceUrl(deps: CaseDeps, tn: string, evidenceId: string): Promise<string> {
  const record = await load(deps, tn);
  const ev = record.data.evidence.find((e) => e.id === evidenceId);
  if (!ev) throw new NotFoundError('证据材料不存在。');
  return deps.files.presignDownload(ev.fileKey, ev.fileName);
}

/** What the applicant sees on the tracking page: no staff notes, no identity beyond the mask. */
export interface CorrectionTrackingView {
  readonly kind: 'correction';
  readonly trackingNumber: string;
  readonly status: CorrectionStatus;
  readonly statusLabel: string;
  readonly submittedOn: IsoDate;
  readonly receivedOn?: IsoDate;
  readonly due?: IsoDate;
  readonly dueProvisional: boolean;
  readonly record: string;
  readonly outcomeLabel?: string;
  readonly timeline: readonly { readonly at: string; readonly label: string }[];
  /** The released answer letter (only after release). */
  readonly answerText?: string;
  readonly answeredOn?: IsoDate;
  /** The applicant may still withdraw (before the answer is served). */
  readonly canWithdraw: boolean;
}

/**
 * The lookup the /track page calls for `GZ-` tracking numbers: rate-limited per client and per
 * number, constant-time code comparison, the same message for a wrong number or a wrong code.
 */
export async function findCorrectionByTracking(
  deps: Pick<CaseDeps, 'records' | 'clock' | 'config' | 'logger' | 'policy'>,
  trackingNumber: string,
  accessCode: string,
  client: { ip: string } = { ip: 'unknown' },
): Promise<CorrectionTrackingView> {
  const record = await lookupByAccessCode(deps, { trackingNumber, accessCode }, client, {
    malformed: (tn) => (isCorrectionTrackingNumber(tn) ? undefined : '更正申请编号格式应为 GZ-年份-6位序号，如 GZ-2026-000001。'),
    load: (tn) => new CorrectionRepository(deps.records).get(tn),
    accessCodeHash: (r) => r.data.accessCodeHash,
    matches: (code, stored) => accessCodeMatches(deps.config.appSecret, code, stored),
  });
  const tn = record.data.case.trackingNumber;
  return correctionTrackingView(record.data, await caseContext(deps, corrections, applicantActor(tn)));
}

/** The applicant withdraws their request (before the answer), with the tracking number and access code. */
export async function withdrawCorrection(deps: CaseDeps, trackingNumber: string, accessCode: string, client: { ip: string } = { ip: 'unknown' }): Promise<CorrectionTrackingView> {
  await findCorrectionByTracking(deps, trackingNumber, accessCode, client);
  const tn = trackingNumber.trim().toUpperCase();
  const record = await load(deps, tn);
  const applicant = applicantActor(tn);
  const calendar = await loadCalendar(deps);
  const { record: saved } = await runStep(deps, corrections, record, { type: 'withdraw' }, applicant, {
    calendar,
    // Staff may withdraw on the applicant's behalf too; the tracking page says who did.
    label: '申请人撤回申请',
  });
  return correctionTrackingView(saved.data, await caseContext(deps, corrections, applicant, calendar));
}

/** The applicant's view; `ctx` is the applicant's decision context (may they still withdraw?). */
export function correctionTrackingView(data: StoredCorrection, ctx: CorrectionContext): CorrectionTrackingView {
  const c = data.case;
  const answered = c.status === 'answered' || c.status === 'closed';
  return {
    kind: 'correction',
    trackingNumber: c.trackingNumber,
    status: c.status,
    statusLabel: CORRECTION_STATUS_LABELS[c.status],
    submittedOn: c.submittedOn,
    ...(c.receivedOn ? { receivedOn: c.receivedOn } : {}),
    ...(c.due ? { due: c.due } : {}),
    dueProvisional: c.dueProvisional,
    record: data.record.description,
    ...(answered && c.outcome ? { outcomeLabel: CORRECTION_OUTCOME_LABELS[c.outcome] } : {}),
    timeline: data.timeline.filter((t) => t.public).map((t) => ({ at: t.at, label: t.label })),
    ...(answered && data.answer ? { answerText: data.answer.text } : {}),
    ...(c.answeredOn ? { answeredOn: c.answeredOn } : {}),
    canWithdraw: correctionWorkflow.available(c, ctx).includes('withdraw'),
  };
}

// ---------------------------------------------------------------------------------------------
// Deadline kind

/** A correction request's answer period, derived again when the calendar changes. */
export const correctionDeadline: DeadlineKind<StoredCorrection> = {
  kind: CORRECTION_DEADLINE_KIND,
  label: '更正申请答复期限',
  caseType: 'correction',
  load: (records, caseId) => new CorrectionRepository(records).get(caseId),
  recompute(data, calendar, { policy }) {
    const c = data.case;
    if (!correctionHasOpenDeadline(c) || !c.receivedOn) return { ...data, openDeadline: null };
    const { due, provisional } = correctionDue(c.receivedOn, calendar, policy.correction);
    const next = { ...data, case: { ...c, due, dueProvisional: provisional } };
    return { ...next, openDeadline: summary(next, calendar.version) };
  },
  updateChange: (_records, next, version, event) => corrections.updateChange(next, version, event),
};

export const correctionCaseType: CaseType = { name: 'correction', deadlines: [correctionDeadline] };
