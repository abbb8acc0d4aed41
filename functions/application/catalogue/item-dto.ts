/**
 * What the JSON API says about a proactive-disclosure item, to staff and to the public: explicit
 * allow-lists, each declared once as a schema that both documents the response (OpenAPI) and
 * builds it (`parse` drops every field not listed). The stored item also holds private storage
 * keys, the publication-deadline index and the release bookkeeping, and the public projection
 * holds the private keys of its attachments; a field added to either stays inside until someone
 * lists it here.
 */
import { z } from '#domain/zod';
import { DISCLOSURE_ATTRIBUTES, VALIDITY_STATUSES, VERSION_STATUSES, WORKFLOW_STATE_LABELS, type PublicItem, type WorkflowState } from '#domain/catalogue';
import type { PublicView } from '#repositories/items';
import type { StaffItemView, WorkListRow } from './items';

const text = z.string();
const int = z.number().int();
const STATES = Object.keys(WORKFLOW_STATE_LABELS) as [WorkflowState, ...WorkflowState[]];

/** An attachment as staff see it: the file, not where it is kept. */
const attachmentSchema = z.object({ name: text, contentType: text, size: z.number(), sha256: text });

const contentSchema = z.object({
  title: text,
  issuer: text,
  coIssuers: z.array(text),
  writtenOn: text.optional(),
  formedOn: text,
  documentNumber: text.optional(),
  subjectCategory: text.optional(),
  categoryId: text,
  genre: text.optional(),
  effectiveOn: text.optional(),
  validUntil: text.optional(),
  keywords: z.array(text),
  summary: text.optional(),
  body: text.describe('Markdown'),
  attachments: z.array(attachmentSchema),
  disclosureAttribute: z.enum(DISCLOSURE_ATTRIBUTES),
  nonDisclosureReason: text.optional(),
  related: z.object({ interpretations: z.array(text), clarifications: z.array(text), others: z.array(text) }),
});

const versionSchema = z.object({
  number: int,
  status: z.enum(VERSION_STATUSES),
  content: contentSchema,
  changedOn: text.optional(),
  digest: text.optional(),
  submittedAt: text.optional(),
  approval: z.object({ reviewId: text, digest: text, at: text, by: text }).optional(),
  publishAt: text.optional(),
  publishedAt: text.optional(),
  corrected: z.object({ caseId: text, summary: text, at: text }).optional(),
  createdAt: text,
  updatedAt: text,
});

const releasedFileSchema = z.object({ name: text, url: text, contentType: text, size: z.number() });

const deadlineSchema = z.object({
  version: int,
  from: text,
  due: text,
  provisional: z.boolean(),
  status: z.enum(['pending', 'due-soon', 'overdue', 'met', 'late']),
  workingDaysLeft: int.optional(),
  publishedOn: text.optional(),
  scheduledAfterDue: z.boolean().optional(),
});

export const staffItemSchema = z.object({
  /** The item as stored, field by field: every version, its review and its releases. */
  stored: z.object({
    record: z.object({
      id: text,
      indexNumber: text.optional(),
      versions: z.array(versionSchema),
      validity: z.object({ status: z.enum(VALIDITY_STATUSES), since: text.optional(), note: text.optional() }),
      withdrawal: z.object({ at: text, by: text, reason: text }).optional(),
      createdAt: text,
      updatedAt: text,
    }),
    /** The secrecy review of the version in the workflow. */
    review: z.object({ id: text, version: int }).optional(),
    releases: z.array(z.object({ version: int, releaseId: text, files: z.array(releasedFileSchema) })),
    createdBy: z.object({ id: text, name: text }),
  }),
  version: int,
  state: z.enum(STATES),
  /** The steps the person asking may take now. */
  allowed: z.array(text),
  deadline: deadlineSchema.optional(),
  review: z.object({ id: text, status: text, approvedForThisVersion: z.boolean() }).optional(),
  /** What the public sees now (item null once withdrawn). */
  publicView: z
    .object({
      item: z.object({ version: int, title: text, publishedAt: text, updatedAt: text }).nullable(),
      releaseId: text.optional(),
      files: z.array(releasedFileSchema),
    })
    .optional(),
});

export type StaffItemDto = z.infer<typeof staffItemSchema>;

/** The item as the staff API shows it. */
export function toStaffItemDto(view: StaffItemView): StaffItemDto {
  const { record, review, releases, createdBy } = view.stored;
  return staffItemSchema.parse({
    stored: { record, review, releases, createdBy },
    version: view.version,
    state: view.state,
    allowed: view.allowed,
    deadline: view.deadline,
    review: view.review,
    publicView: view.publicView,
  });
}

export const workListSchema = z.object({
  items: z.array(z.object({ id: text, title: text, state: z.enum(STATES), updatedAt: text, indexNumber: text.optional(), deadline: deadlineSchema.optional() })),
  cursor: text.optional(),
});

export type WorkListDto = z.infer<typeof workListSchema>;

/** One page of the work list as the staff API shows it. */
export function toWorkListDto(page: { readonly items: readonly WorkListRow[]; readonly cursor?: string }): WorkListDto {
  return workListSchema.parse(page);
}

// ---------------------------------------------------------------------------------------------
// The public catalogue API

const publicFileSchema = z.object({ name: text, url: text, contentType: text, size: z.number() });

export const publicItemSchema = z.object({
  id: text,
  indexNumber: text,
  version: int,
  title: text,
  issuer: text,
  coIssuers: z.array(text),
  writtenOn: text.optional(),
  publishedAt: text,
  updatedAt: text,
  documentNumber: text.optional(),
  subjectCategory: text.optional(),
  categoryId: text,
  /** 体裁 (通知, 办法, 公告…), where the item names one. */
  genre: text.optional(),
  /** 实施日期, where the item has one. */
  effectiveOn: text.optional(),
  /** 有效期至, where the item has one (the validity turns invalid the day after). */
  validUntil: text.optional(),
  validity: z.object({ status: z.enum(VALIDITY_STATUSES), label: text, since: text.optional(), note: text.optional() }),
  keywords: z.array(text),
  summary: text.optional(),
  body: text.optional().describe('Markdown；列表接口不返回正文'),
  /** The released copies of the attachments, never where the originals are kept. */
  attachments: z.array(publicFileSchema),
  revisions: z.array(z.object({ version: int, publishedAt: text, corrected: text.optional().describe('依更正申请修订的说明') })),
});

export type PublicItemDto = z.infer<typeof publicItemSchema>;

/** An item as the public catalogue API shows it: the projection, with the released files instead of private keys. */
export function toPublicItemDto(view: { readonly item: PublicItem; readonly files: PublicView['files'] }, options: { readonly withBody?: boolean } = {}): PublicItemDto {
  const { item, files } = view;
  return publicItemSchema.parse({
    id: item.id,
    indexNumber: item.indexNumber,
    version: item.version,
    title: item.title,
    issuer: item.issuer,
    coIssuers: [...item.coIssuers],
    writtenOn: item.writtenOn,
    publishedAt: item.publishedAt,
    updatedAt: item.updatedAt,
    documentNumber: item.documentNumber,
    subjectCategory: item.subjectCategory,
    categoryId: item.categoryId,
    genre: item.genre,
    effectiveOn: item.effectiveOn,
    validUntil: item.validUntil,
    validity: { status: item.validity.status, label: item.validity.label, since: item.validity.since, note: item.validity.note },
    keywords: [...item.keywords],
    summary: item.summary,
    body: (options.withBody ?? true) ? item.body : undefined,
    attachments: files.map((f) => ({ name: f.name, url: f.url, contentType: f.contentType, size: f.size })),
    revisions: item.revisions.map((r) => ({ version: r.version, publishedAt: r.publishedAt, corrected: r.corrected })),
  } satisfies z.input<typeof publicItemSchema>);
}
