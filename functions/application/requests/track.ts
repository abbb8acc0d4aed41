import { createHmac, timingSafeEqual } from 'node:crypto';
import { renderCaseDeadlineExplanation } from '#domain/deadlines';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors';
import { applicantActor } from '#domain/case';
import {
  CHANNEL_LABELS,
  overdueRemediesText,
  parseTrackingNumber,
  RESPONSE_TYPE_INFO,
  requestWorkflow,
  serviceDate,
  SERVICE_METHOD_LABELS,
  STATUS_LABELS,
  TO_APPLICANT,
  type OfficialDocument,
  type RequestStatus,
} from '#domain/requests';
import type { IsoDate } from '#domain/calendar';
import { loadCatalogue } from '../catalogue/settings';
import { lookupByAccessCode } from '../lookup-guard';
import { RequestRepository, type RequestRecord, type StoredRequest, type SupplementNotice, type TimelineEntry } from '#repositories/requests';
import { loadCalendar } from '../calendar';
import type { AppDependencies } from '../context';
import { safeFileName } from '../documents';
import { applyCommand, caseDeadlines, loadRequest, requestContext, timelineEntry, todayIn, type RequestDeps } from './common';
import { accessCodeMatches } from './secrets';
import { checkAttachments, type AttachmentUpload } from './submit';
import { newId } from '../ids';
import { putStaged } from '../staged-files';

/** Brute-force limits on lookups (shared with correction requests: application/lookup-guard.ts). */
export { LOOKUP_LIMITS as TRACK_LIMITS } from '../lookup-guard';

/** The tracking session (a signed cookie) lasts this long after a successful lookup. */
export const TRACKING_SESSION_SECONDS = 30 * 60;
/** Download links handed to the applicant expire after this many seconds. */
export const DOWNLOAD_LINK_SECONDS = 300;

/** Looks an application up by tracking number and access code (rate-limited, constant-time). */
export function trackApplication(deps: RequestDeps, input: { trackingNumber: string; accessCode: string }, client: { ip: string }): Promise<RequestRecord> {
  return lookupByAccessCode(deps, input, client, {
    malformed: (tn) => (parseTrackingNumber(tn) ? undefined : '申请编号格式应为 YSQ-年份-6位序号，如 YSQ-2026-000123。'),
    load: (tn) => new RequestRepository(deps.records).get(tn),
    accessCodeHash: (r) => r.data.accessCodeHash,
    matches: (code, stored) => accessCodeMatches(deps.config.appSecret, code, stored),
  });
}

// ---------------------------------------------------------------------------------------------
// The tracking session: `trackingNumber.expiresAt.hmac`, so later pages need not ask for the code.

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(`track:${payload}`).digest('base64url');

export function issueTrackingToken(deps: Pick<AppDependencies, 'config' | 'clock'>, trackingNumber: string): string {
  const payload = `${trackingNumber}.${Math.floor(deps.clock.now().getTime() / 1000) + TRACKING_SESSION_SECONDS}`;
  return `${payload}.${sign(deps.config.appSecret, payload)}`;
}

/** The tracking number the token is good for, or undefined (expired, forged, another case). */
export function verifyTrackingToken(deps: Pick<AppDependencies, 'config' | 'clock'>, token: string | undefined, trackingNumber: string): boolean {
  if (!token) return false;
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const [tn, exp, mac] = parts as [string, string, string];
  const expected = sign(deps.config.appSecret, `${tn}.${exp}`);
  const a = Buffer.from(mac);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return false;
  return tn === trackingNumber.toUpperCase() && Number(exp) > deps.clock.now().getTime() / 1000;
}

// ---------------------------------------------------------------------------------------------
// What the applicant sees

export interface ApplicantView {
  readonly trackingNumber: string;
  readonly version: number;
  readonly status: RequestStatus;
  readonly statusLabel: string;
  readonly channelLabel: string;
  readonly submittedAt: string;
  readonly receivedOn?: string;
  readonly applicantName: string;
  readonly requested: StoredRequest['requested'];
  readonly answerDue?: string;
  readonly provisional: boolean;
  readonly awaitingSupplement: boolean;
  /** Set once the answer period has run out unanswered: what the applicant can do about it. */
  readonly overdueRemedies?: string;
  readonly explanation: readonly string[];
  readonly timeline: readonly TimelineEntry[];
  readonly supplementNotice?: SupplementNotice;
  readonly canReplyToSupplement: boolean;
  readonly canWithdraw: boolean;
  /** The procedural notices served on the applicant (never one that is not served yet), as signed. */
  readonly notices: readonly ServedNoticeView[];
  readonly answer?: {
    readonly typeLabel: string;
    readonly releasedAt: string;
    readonly letterText: string;
    readonly files: readonly { readonly index: number; readonly fileName: string; readonly sizeBytes: number }[];
  };
}

export interface ServedNoticeView {
  readonly id: string;
  readonly document: OfficialDocument;
  readonly servedOn: string;
  readonly serviceLabel: string;
}

export async function applicantView(deps: RequestDeps, record: RequestRecord): Promise<ApplicantView> {
  const s = record.data;
  const c = s.case;
  const calendar = await loadCalendar(deps);
  const d = caseDeadlines(c, calendar, deps.policy);
  const open = c.status !== 'released' && c.status !== 'closed' && !['withdrawn', 'abandoned-no-supplement', 'abandoned-no-payment'].includes(c.status);
  // The step is taken when its 补正告知书 is served: from then on the applicant is asked.
  const supplementAsked = c.status === 'supplement-requested';
  return {
    trackingNumber: c.trackingNumber,
    version: record.version,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    channelLabel: CHANNEL_LABELS[s.channel],
    submittedAt: s.submittedAt,
    ...(c.receivedOn ? { receivedOn: c.receivedOn } : {}),
    applicantName: s.applicant.name,
    requested: s.requested,
    ...(open && d?.answer ? { answerDue: d.answer.due } : {}),
    provisional: open && (d?.answer?.provisional ?? false),
    awaitingSupplement: supplementAsked,
    ...(open && d?.answer && todayIn(deps) > d.answer.due ? { overdueRemedies: await overdueRemedies(deps, d.answer.due) } : {}),
    explanation: open && d ? renderCaseDeadlineExplanation(d) : [],
    timeline: s.timeline.filter((t) => t.public),
    ...(s.supplementNotice && supplementAsked ? { supplementNotice: s.supplementNotice } : {}),
    canReplyToSupplement: supplementAsked,
    canWithdraw: requestWorkflow.check(c, 'withdraw', await requestContext(deps, applicantActor(c.trackingNumber), calendar)).ok,
    // Only what was served on the applicant: a consultation letter goes to the consultee.
    notices: (s.notices ?? []).flatMap((n) =>
      n.served && TO_APPLICANT.has(n.kind) ? [{ id: n.id, document: n.document, servedOn: serviceDate(n.served.service), serviceLabel: SERVICE_METHOD_LABELS[n.served.service.method] }] : [],
    ),
    ...(s.released && s.draft
      ? {
          answer: {
            typeLabel: RESPONSE_TYPE_INFO[s.draft.decision.type].label,
            releasedAt: s.released.releasedAt,
            letterText: s.released.text,
            files: s.released.files.map((f, index) => ({ index, fileName: f.fileName, sizeBytes: f.sizeBytes })),
          },
        }
      : {}),
  };
}

async function overdueRemedies(deps: RequestDeps, due: IsoDate): Promise<string> {
  const profile = (await loadCatalogue(deps)).settings.profile;
  return overdueRemediesText(due, { ...(profile ? { reconsiderationBody: profile.reconsiderationBody.name } : {}), ...(profile?.court ? { court: profile.court } : {}) });
}

/** A short-lived link to one released file (the redacted copy the release step wrote). */
export async function releasedFileLink(deps: RequestDeps, trackingNumber: string, index: number): Promise<string> {
  const record = await loadRequest(deps, trackingNumber);
  const file = record.data.released?.files[index];
  if (!file) throw new NotFoundError('文件不存在。');
  return deps.files.presignDownload(file.key, file.fileName, DOWNLOAD_LINK_SECONDS);
}

/** The applicant withdraws the application (until the answer is served). */
export async function withdrawByApplicant(deps: RequestDeps, trackingNumber: string, input: { expectedVersion?: number; reason?: string }): Promise<RequestRecord> {
  const record = await loadRequest(deps, trackingNumber);
  const reason = (input.reason ?? '').trim().slice(0, 500);
  return applyCommand(deps, record, { type: 'withdraw' }, applicantActor(record.data.case.trackingNumber), {
    ...(input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {}),
    ...(reason ? { note: `撤回理由：${reason}` } : {}),
  });
}

/**
 * The applicant's reply to a supplement notice (补正). It is stored with the case and shown to the
 * handler, who records it (登记补正材料), which restarts the clock on the day it was received.
 */
export async function replyToSupplement(
  deps: RequestDeps,
  trackingNumber: string,
  input: { expectedVersion?: number; text: string; attachments?: readonly AttachmentUpload[] },
): Promise<RequestRecord> {
  const record = await loadRequest(deps, trackingNumber, input.expectedVersion);
  const c = record.data.case;
  if (c.status !== 'supplement-requested') throw new ConflictError(`当前状态为「${STATUS_LABELS[c.status]}」，无需补正。`);
  const text = String(input.text ?? '').trim();
  if (!text) throw new ValidationError('请填写补正内容。', { text: '请填写补正内容。' });
  if (text.length > 4000) throw new ValidationError('补正内容过长。', { text: '补正内容不能超过4000个字。' });
  const types = checkAttachments(deps, input.attachments ?? []);
  const now = deps.clock.now();
  const files = (input.attachments ?? []).filter((a) => a.bytes.byteLength > 0);
  const stored = files.map((a, i) => ({
    id: `sup-${record.data.supplementReplies.length + 1}-${i + 1}`,
    fileKey: `requests/${c.trackingNumber}/supplements/${newId(now)}-${i + 1}`,
    fileName: safeFileName(a.fileName),
    contentType: types[i]!,
    sizeBytes: a.bytes.byteLength,
    uploadedBy: 'applicant' as const,
  }));
  const applicant = { kind: 'applicant', id: c.trackingNumber } as const;
  const committed = await putStaged(
    deps,
    stored.map((f, i) => ({ key: f.fileKey, bytes: files[i]!.bytes, contentType: f.contentType })),
    applicant,
  );
  const next: StoredRequest = {
    ...record.data,
    supplementReplies: [...record.data.supplementReplies, { receivedAt: now.toISOString(), text, via: 'applicant' }],
    attachments: [...record.data.attachments, ...stored],
    timeline: [...record.data.timeline, timelineEntry(deps, 'supplementReplied', '申请人提交补正材料', { kind: 'applicant', id: c.trackingNumber }, { public: true })],
  };
  try {
    await deps.records.commit([
      RequestRepository.updateChange(next, record.version, { type: 'request.supplement-replied', actor: applicant, data: { on: todayIn(deps), attachments: stored.length } }),
      ...committed,
    ]);
  } catch (error) {
    for (const f of stored) await deps.files.delete(f.fileKey).catch(() => undefined);
    throw error;
  }
  return { ...record, data: next, version: record.version + 1 };
}
