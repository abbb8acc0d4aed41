/**
 * What the staff JSON API says about a secrecy review (审查单): an explicit allow-list, declared
 * once as a schema that both documents the response (OpenAPI) and builds it (`parse` drops every
 * field not listed). The stored review also holds where its content lives (private storage keys,
 * the redacted pieces); a field added to it stays inside until someone lists it here.
 */
import { z } from '#domain/zod';
import { CHECKLIST_ITEMS, FINDING_KINDS, REVIEW_STAGES, releaseDigest, type PublicFinding } from '#domain/secrecy';
import type { ReviewRecord } from '#repositories/reviews';
import type { ReleaseReceipt } from '../release';
import type { RedactionOutcome, ReviewView } from './reviews';

const text = z.string();
const int = z.number().int();
const person = z.object({ id: text, name: text });
const stage = z.enum(REVIEW_STAGES);

const conclusionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('disclose') }),
  z.object({ type: z.literal('disclose-redacted') }),
  z.object({ type: z.literal('withhold'), legalBasis: text }),
  z.object({ type: z.literal('refer'), referTo: z.enum(['competent-department', 'secrecy-administration']), body: text }),
]);

const checklistSchema = z.object(
  Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, z.object({ involved: z.boolean(), note: text.optional() })])) as Record<
    (typeof CHECKLIST_ITEMS)[number],
    z.ZodObject<{ involved: z.ZodBoolean; note: z.ZodOptional<z.ZodString> }>
  >,
);

export const staffReviewSchema = z.object({
  id: text,
  version: int,
  subject: z.object({ type: z.enum(['publication', 'answer', 'clarification', 'notice']), id: text, title: text.optional() }),
  author: person,
  status: z.enum(['draft', 'in-review', 'on-hold', 'returned', 'approved', 'withheld']),
  stage,
  round: int,
  /** Digest of the content as submitted. */
  contentDigest: text,
  /** Digest of what would be released now (the redacted copy where one was made). */
  releaseDigest: text,
  waitingSince: text,
  createdAt: text,
  updatedAt: text,
  /** Where each finding is and a masked preview; never the value found. */
  findings: z.array(z.object({ id: text, source: text, kind: z.enum(FINDING_KINDS), start: z.number(), end: z.number(), preview: text })),
  resolutions: z.record(
    text,
    z.object({
      resolution: z.discriminatedUnion('action', [z.object({ action: z.literal('redact') }), z.object({ action: z.literal('keep'), reason: text })]),
      by: person,
      at: text,
    }),
  ),
  /** The 审查单: every signature and return, oldest first. */
  records: z.array(
    z.object({
      stage,
      round: int,
      action: z.enum(['signed', 'returned']),
      by: person.extend({ role: text }),
      at: text,
      contentDigest: text,
      checklist: checklistSchema.optional(),
      conclusion: conclusionSchema.optional(),
      comments: text,
    }),
  ),
  referrals: z.array(
    z.object({
      stage,
      round: int,
      referTo: z.enum(['competent-department', 'secrecy-administration']),
      body: text,
      sentAt: text,
      by: person,
      reply: z.object({ text, recordedAt: text, recordedBy: person }).optional(),
    }),
  ),
  decision: z.object({ digest: text, conclusion: conclusionSchema, at: text, round: int }).optional(),
  redaction: z.object({ digest: text, by: person, at: text, metadataWarnings: z.array(text) }).optional(),
});

export type StaffReviewDto = z.infer<typeof staffReviewSchema>;

/** A release of the reviewed content: what left and when; no private storage keys or hashes. */
const releaseSchema = z.object({
  id: text,
  target: z.enum(['public', 'applicant', 'consultee']),
  reviewVersion: int,
  digest: text,
  subject: z.object({ type: text, id: text }),
  files: z.array(z.object({ part: text, fileName: text, contentType: text, sizeBytes: z.number() })),
  releasedAt: text,
  releasedBy: z.object({ id: text, name: text.optional() }),
});

export const staffReviewDetailSchema = staffReviewSchema.extend({
  /** Whether the person asking may take a step now (other than revising). */
  canAct: z.boolean(),
  /** The steps the person asking may take now. */
  available: z.array(text),
  /** Why the person asking may not take the step the review waits for (separation of duties, the wrong role…), when they may not. */
  refusal: text.optional(),
  /** Whether the person asking may release it now (an approved publication, and a role that may publish). */
  mayRelease: z.boolean(),
  releases: z.array(releaseSchema),
});

export type StaffReviewDetailDto = z.infer<typeof staffReviewDetailSchema>;

function reviewFields(record: ReviewRecord) {
  const { review, waitingSince } = record.data;
  return {
    id: review.id,
    version: record.version,
    subject: review.subject,
    author: review.author,
    status: review.status,
    stage: review.stage,
    round: review.round,
    contentDigest: review.contentDigest,
    releaseDigest: releaseDigest(review),
    waitingSince,
    createdAt: review.createdAt,
    updatedAt: review.updatedAt,
    findings: review.findings,
    resolutions: review.resolutions,
    records: review.records,
    referrals: review.referrals,
    decision: review.decision,
    redaction: review.redaction,
  };
}

/** The review as the staff API returns it after a step. */
export function toStaffReviewDto(record: ReviewRecord): StaffReviewDto {
  return staffReviewSchema.parse(reviewFields(record));
}

/** The review with what the person asking may do (or why not) and what has been released under it. */
export function toStaffReviewDetailDto(view: Pick<ReviewView, 'record' | 'canAct' | 'available' | 'refusal' | 'mayRelease' | 'releases'>): StaffReviewDetailDto {
  return staffReviewDetailSchema.parse({
    ...reviewFields(view.record),
    canAct: view.canAct,
    available: view.available,
    refusal: view.refusal,
    mayRelease: view.mayRelease,
    releases: view.releases,
  });
}

/** After redact-text: whether the redacted bundle is attached, what still needs a redacted version, the review. */
export const redactionSchema = z.object({ attached: z.boolean(), pending: z.array(z.object({ source: z.string(), label: z.string(), preview: z.string() })), review: staffReviewSchema });

export const releaseReceiptSchema = z.object({ releaseId: z.string(), digest: z.string(), files: z.array(z.object({ fileName: z.string(), url: z.string().optional() })) });

/** What the scanner found, by position (UTF-16 indices, end exclusive) with a masked preview only. */
export const scanResultSchema = z.object({ findings: z.array(z.object({ kind: z.enum(FINDING_KINDS), label: z.string(), start: z.number().int(), end: z.number().int(), preview: z.string() })) });

export type RedactionDto = z.infer<typeof redactionSchema>;
export type ReleaseReceiptDto = z.infer<typeof releaseReceiptSchema>;
export type ScanResultDto = z.infer<typeof scanResultSchema>;

export function toRedactionDto(outcome: RedactionOutcome): RedactionDto {
  return redactionSchema.parse({
    attached: outcome.attached,
    pending: outcome.pending.map((p) => ({ source: p.source, label: p.label, preview: p.preview })),
    review: toStaffReviewDto(outcome.record),
  });
}

export function toReleaseReceiptDto(receipt: ReleaseReceipt): ReleaseReceiptDto {
  return releaseReceiptSchema.parse({ releaseId: receipt.releaseId, digest: receipt.digest, files: receipt.files.map((f) => ({ fileName: f.fileName, url: f.url })) });
}

export function toScanResultDto(result: { readonly findings: readonly PublicFinding[] }): ScanResultDto {
  return scanResultSchema.parse({ findings: result.findings.map((f) => ({ kind: f.kind, label: f.label, start: f.start, end: f.end, preview: f.preview })) });
}
