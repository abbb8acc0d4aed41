/**
 * What the JSON API says to an applicant (who holds a tracking number and its access code, or the
 * tracking session of /track): explicit allow-lists, declared once as schemas that both document
 * the responses (OpenAPI) and build them (`parse` drops every field not listed). The applicant
 * sees what the tracking page shows and no more: no staff ids or names, no internal notes or
 * steps, nothing of the secrecy review, nothing of another application (not even its number).
 * A field added to the stored record or the read model stays inside until it is listed here.
 */
import { z } from '#domain/zod';
import { REQUEST_STATUSES } from '#domain/requests';
import type { RequestRecord } from '#repositories/requests';
import { caseSummarySchema, toCaseSummaryDto } from './case-dto';
import type { SubmitResult } from './submit';
import type { ApplicantView } from './track';

const text = z.string();
const optional = <S extends z.ZodType>(s: S) => s.optional();

export const receiptSchema = z.object({
  trackingNumber: text,
  accessCode: text.describe('只返回这一次；服务器只保存其加盐哈希'),
  receivedOn: optional(text),
  receiptRule: text,
  answerDue: optional(text),
  provisional: z.boolean(),
  /** How many earlier applications look like this one; which ones is for the staff to see. */
  duplicates: z.number().int(),
  replayed: z.boolean(),
});

export type ReceiptDto = z.infer<typeof receiptSchema>;

/** The receipt of a submission (the applicant's, or the clerk's for a registered one). */
export function toReceiptDto(r: SubmitResult): ReceiptDto {
  return receiptSchema.parse({
    trackingNumber: r.trackingNumber,
    accessCode: r.accessCode,
    receivedOn: r.receivedOn,
    receiptRule: r.receiptRule,
    answerDue: r.answerDue,
    provisional: r.provisional,
    duplicates: r.duplicates.length,
    replayed: r.replayed,
  });
}

/** Where the application stands after the applicant's own step (withdrawal, supplement): the staff summary without the handler. */
export const applicantCaseSummarySchema = caseSummarySchema.omit({ handlerId: true });

export type ApplicantCaseSummaryDto = z.infer<typeof applicantCaseSummarySchema>;

export const toApplicantCaseSummaryDto = (record: RequestRecord): ApplicantCaseSummaryDto => applicantCaseSummarySchema.parse(toCaseSummaryDto(record));

/** A step the applicant is told about: when and what, with its note for the applicant. */
const publicStepSchema = z.object({ at: text, on: text, label: text, note: optional(text) });

export const applicantTrackingSchema = z.object({
  trackingNumber: text,
  version: z.number().int().describe('撤回、补正时作为 expectedVersion 提交'),
  status: z.enum(REQUEST_STATUSES),
  statusLabel: text,
  channelLabel: text,
  submittedAt: text,
  receivedOn: optional(text),
  applicantName: text,
  requested: z.object({ documentTitle: optional(text), documentNumber: optional(text), description: optional(text) }),
  answerDue: optional(text),
  provisional: z.boolean(),
  awaitingSupplement: z.boolean(),
  /** Once the answer is overdue: the applicant's remedies, in words. */
  overdueRemedies: optional(text),
  /** Why the answer is due on that date, line by line. */
  explanation: z.array(text),
  /** The steps shown to the applicant, oldest first. */
  timeline: z.array(publicStepSchema),
  supplementNotice: optional(z.object({ deficiencies: z.array(text), requestedOn: text, periodWorkingDays: z.number().int(), applicantDue: optional(text) })),
  canReplyToSupplement: z.boolean(),
  canWithdraw: z.boolean(),
  /** The procedural notices served on the applicant (补正告知书, 延期答复告知书, …), as signed. */
  notices: z.array(
    z.object({
      id: text,
      servedOn: text,
      serviceLabel: text,
      document: z.object({ title: text, number: text, addressee: text, paragraphs: z.array(text), legalBasis: z.array(text), signature: text, date: text }),
    }),
  ),
  /** The answer as served: the letter and the files (download them by index). */
  answer: optional(
    z.object({
      typeLabel: text,
      releasedAt: text,
      letterText: text,
      files: z.array(z.object({ index: z.number().int(), fileName: text, sizeBytes: z.number().int() })),
    }),
  ),
});

export type ApplicantTrackingDto = z.infer<typeof applicantTrackingSchema>;

/**
 * The application as its applicant sees it, from the applicant's read model. The timeline lists
 * only the steps shown to the applicant (the read model's filter), without who took them; the
 * note of a withdrawal is left out as on the tracking page.
 */
export function toApplicantTrackingDto(view: ApplicantView): ApplicantTrackingDto {
  const { requested: q, supplementNotice: n, answer: a } = view;
  return applicantTrackingSchema.parse({
    trackingNumber: view.trackingNumber,
    version: view.version,
    status: view.status,
    statusLabel: view.statusLabel,
    channelLabel: view.channelLabel,
    submittedAt: view.submittedAt,
    receivedOn: view.receivedOn,
    applicantName: view.applicantName,
    requested: { documentTitle: q.documentTitle, documentNumber: q.documentNumber, description: q.description },
    answerDue: view.answerDue,
    provisional: view.provisional,
    awaitingSupplement: view.awaitingSupplement,
    overdueRemedies: view.overdueRemedies,
    explanation: [...view.explanation],
    timeline: view.timeline.filter((t) => t.public).map((t) => ({ at: t.at, on: t.on, label: t.label, note: t.type === 'withdraw' ? undefined : t.note })),
    supplementNotice: n && { deficiencies: [...n.deficiencies], requestedOn: n.requestedOn, periodWorkingDays: n.periodWorkingDays, applicantDue: n.applicantDue },
    canReplyToSupplement: view.canReplyToSupplement,
    canWithdraw: view.canWithdraw,
    notices: view.notices.map(({ id, servedOn, serviceLabel, document: d }) => ({
      id,
      servedOn,
      serviceLabel,
      document: { title: d.title, number: d.number, addressee: d.addressee, paragraphs: [...d.paragraphs], legalBasis: [...d.legalBasis], signature: d.signature, date: d.date },
    })),
    answer: a && { typeLabel: a.typeLabel, releasedAt: a.releasedAt, letterText: a.letterText, files: a.files.map((f) => ({ index: f.index, fileName: f.fileName, sizeBytes: f.sizeBytes })) },
  } satisfies z.input<typeof applicantTrackingSchema>);
}
