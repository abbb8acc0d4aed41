/**
 * What the JSON API says to the applicant of a correction request (更正申请), who holds its `GZ-`
 * number and access code: an explicit allow-list, declared once as a schema that both documents
 * the response (OpenAPI) and builds it (`parse` drops every field not listed). As on the tracking
 * page: no staff ids or names, no staff notes or internal steps, nothing of the secrecy review
 * but the status, no identity beyond the applicant's own record description. A field added to
 * the stored case or the read model stays inside until it is listed here.
 */
import { z } from '#domain/zod';
import { CORRECTION_STATUSES } from '#domain/corrections';
import type { CorrectionTrackingView } from './cases';

const text = z.string();

export const correctionTrackingSchema = z.object({
  kind: z.literal('correction'),
  trackingNumber: text,
  status: z.enum(CORRECTION_STATUSES),
  statusLabel: text,
  submittedOn: text,
  receivedOn: text.optional(),
  due: text.optional(),
  dueProvisional: z.boolean(),
  /** The record the applicant asked to correct, in their words. */
  record: text,
  /** Once answered: corrected, not corrected, … */
  outcomeLabel: text.optional(),
  /** The steps shown to the applicant, oldest first, without who took them. */
  timeline: z.array(z.object({ at: text, label: text })),
  /** The released answer letter (only after release). */
  answerText: text.optional(),
  answeredOn: text.optional(),
  /** The applicant may still withdraw (before the answer is served). */
  canWithdraw: z.boolean(),
});

export type CorrectionTrackingDto = z.infer<typeof correctionTrackingSchema>;

/** The correction request as its applicant sees it, from the applicant's read model. */
export function toCorrectionTrackingDto(view: CorrectionTrackingView): CorrectionTrackingDto {
  return correctionTrackingSchema.parse({
    kind: view.kind,
    trackingNumber: view.trackingNumber,
    status: view.status,
    statusLabel: view.statusLabel,
    submittedOn: view.submittedOn,
    receivedOn: view.receivedOn,
    due: view.due,
    dueProvisional: view.dueProvisional,
    record: view.record,
    outcomeLabel: view.outcomeLabel,
    timeline: view.timeline.map((t) => ({ at: t.at, label: t.label })),
    answerText: view.answerText,
    answeredOn: view.answeredOn,
    canWithdraw: view.canWithdraw,
  } satisfies z.input<typeof correctionTrackingSchema>);
}
