/**
 * What the staff JSON API says about an application: an explicit allow-list, declared once as a
 * schema that both documents the response (OpenAPI) and builds it (`parse` drops every field not
 * listed). A field added to the stored record stays inside until someone lists it here, so the
 * sealed identity, the hashes and the letter's internals can never leak by default.
 */
import { z } from '#domain/zod';
import { URGENCY_LABEL_ZH, type Urgency } from '#domain/deadlines';
import { documentText, REQUEST_STATUSES, serviceDate, STATUS_LABELS } from '#domain/requests';
import type { StaffMember } from '#domain/staff';
import type { RequestRecord } from '#repositories/requests';
import { contactFor, type CaseView, type QueueRow } from './staff';

const text = z.string();
const optional = <S extends z.ZodType>(s: S) => s.optional();

const applicantSchema = z.object({
  kind: z.enum(['citizen', 'organisation']),
  organisationKind: optional(text),
  name: text,
  idType: optional(text),
  /** 110101********1234: the full number opens only through the audited reveal. */
  idMasked: text,
  workUnit: optional(text),
  legalRepresentative: optional(text),
  contactPerson: optional(text),
  /** Plain for the clerks and heads who handle cases, masked for reviewers and leaders. */
  phone: optional(text),
  email: optional(text),
  address: optional(text),
  postCode: optional(text),
});

const timelineSchema = z.object({ at: text, on: text, type: text, label: text, actor: z.object({ kind: text, id: text, name: optional(text) }), public: z.boolean(), note: optional(text) });

export const staffCaseSchema = z.object({
  trackingNumber: text,
  version: z.number(),
  status: text,
  statusLabel: text,
  handlerId: optional(text),
  handlerName: optional(text),
  due: optional(text),
  provisional: z.boolean(),
  channel: text,
  submittedAt: text,
  receivedOn: optional(text),
  applicant: applicantSchema,
  requested: z.object({ documentTitle: optional(text), documentNumber: optional(text), description: optional(text) }),
  provisionForm: text,
  deliveryMethod: text,
  notes: optional(text),
  attachments: z.array(z.object({ id: text, fileName: text, contentType: text, sizeBytes: z.number() })),
  duplicates: z.array(z.object({ earlierTrackingNumber: text, similarity: z.number(), sameDocumentNumber: z.boolean() })),
  /** Art. 44(1): other applicants' applications for the same information (advisory). */
  sameInformation: z.object({
    applicants: z.number().int(),
    reached: z.boolean(),
    matches: z.array(z.object({ trackingNumber: text, similarity: z.number(), sameDocumentNumber: z.boolean(), status: text, receivedOn: optional(text) })),
  }),
  timeline: z.array(timelineSchema),
  supplementNotice: optional(z.object({ deficiencies: z.array(text), requestedOn: text, periodWorkingDays: z.number(), applicantDue: optional(text) })),
  supplementReplies: z.number(),
  draft: optional(z.object({ responseType: text, letterNumber: text, draftedAt: text, draftedBy: text, documents: z.array(z.object({ fileName: text, contentType: text, sizeBytes: z.number() })) })),
  released: optional(z.object({ releaseId: text, releasedAt: text })),
  proposedItemId: optional(text),
  commands: z.array(text),
  explanation: z.array(text),
  review: optional(z.object({ id: text, status: text, stage: text, version: z.number() })),
  /** The procedural notices: number, where each stands (reviewStatus; approved; served with method and date), the text as signed. */
  notices: z.array(
    z.object({
      id: text,
      kind: text,
      title: text,
      number: text,
      issuedOn: text,
      text,
      reviewId: optional(text),
      reviewStatus: optional(text),
      approved: z.boolean(),
      served: optional(z.object({ method: text, servedOn: text, releaseId: text })),
      discarded: optional(z.object({ on: text, reason: text })),
    }),
  ),
});

export type StaffCaseDto = z.infer<typeof staffCaseSchema>;

/** The case as the API shows it to `staff`. */
export function toStaffCaseDto(view: CaseView, staff: StaffMember): StaffCaseDto {
  const s = view.record.data;
  const c = s.case;
  const a = s.applicant;
  return staffCaseSchema.parse({
    trackingNumber: c.trackingNumber,
    version: view.record.version,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    handlerId: c.handlerId,
    handlerName: s.handlerName,
    due: s.openDeadline?.due,
    provisional: s.openDeadline?.provisional ?? false,
    channel: s.channel,
    submittedAt: s.submittedAt,
    receivedOn: c.receivedOn,
    applicant: {
      kind: a.kind,
      organisationKind: a.organisationKind,
      name: a.name,
      idType: a.idType,
      idMasked: a.idMasked,
      workUnit: a.workUnit,
      legalRepresentative: a.legalRepresentative,
      contactPerson: a.contactPerson,
      ...contactFor(staff, a),
    },
    requested: s.requested,
    provisionForm: s.provisionForm,
    deliveryMethod: s.deliveryMethod,
    notes: s.notes,
    attachments: s.attachments,
    duplicates: s.duplicates,
    sameInformation: view.sameInformation,
    timeline: s.timeline,
    supplementNotice: s.supplementNotice,
    supplementReplies: s.supplementReplies.length,
    draft: s.draft && {
      responseType: s.draft.decision.type,
      letterNumber: s.draft.letter.number,
      draftedAt: s.draft.draftedAt,
      draftedBy: s.draft.draftedBy.name,
      documents: s.draft.documents,
    },
    released: s.released,
    proposedItemId: s.proposedItemId,
    commands: view.commands,
    explanation: view.explanation,
    review: view.review,
    notices: view.notices.map(({ notice: n, reviewStatus, approved }) => ({
      id: n.id,
      kind: n.kind,
      title: n.document.title,
      number: n.document.number,
      issuedOn: n.issuedOn,
      text: documentText(n.document),
      reviewId: n.review?.id,
      reviewStatus,
      approved,
      served: n.served && { method: n.served.service.method, servedOn: serviceDate(n.served.service), releaseId: n.served.releaseId },
      discarded: n.discarded && { on: n.discarded.on, reason: n.discarded.reason },
    })),
  });
}

/** Where a case stands after a staff step: the answer to every staff command of the API. */
export const caseSummarySchema = z.object({
  trackingNumber: text,
  version: z.number().int(),
  status: z.enum(REQUEST_STATUSES),
  statusLabel: text,
  handlerId: optional(text),
  due: optional(text),
  provisional: z.boolean(),
});

export type CaseSummaryDto = z.infer<typeof caseSummarySchema>;

/** The case after a staff step (the applicant's routes answer with toApplicantCaseSummaryDto: no staff id). */
export function toCaseSummaryDto(record: RequestRecord): CaseSummaryDto {
  const c = record.data.case;
  return caseSummarySchema.parse({
    trackingNumber: c.trackingNumber,
    version: record.version,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    handlerId: c.handlerId,
    due: record.data.openDeadline?.due,
    provisional: record.data.openDeadline?.provisional ?? false,
  });
}

const URGENCIES = Object.keys(URGENCY_LABEL_ZH) as [Urgency, ...Urgency[]];

const queueRowSchema = z.object({
  trackingNumber: text,
  version: z.number().int(),
  status: z.enum(REQUEST_STATUSES),
  applicantName: text,
  /** The document asked for: its title, else the start of the description, else its number. */
  subject: text,
  handlerId: optional(text),
  handlerName: optional(text),
  due: optional(text),
  provisional: z.boolean(),
  urgency: optional(z.object({ urgency: z.enum(URGENCIES), workingDaysLeft: z.number().int().describe('答复期限前剩余工作日；逾期为负数'), label: text })),
  /** How many earlier applications look like this one (their numbers are on the case). */
  duplicates: z.number().int(),
  submittedAt: text,
});

export const requestQueueSchema = z.object({ today: text, items: z.array(queueRowSchema) });

export type RequestQueueDto = z.infer<typeof requestQueueSchema>;

/** One queue row, field by field. */
function queueRow(r: QueueRow): z.input<typeof queueRowSchema> {
  return {
    trackingNumber: r.trackingNumber,
    version: r.version,
    status: r.status,
    applicantName: r.applicantName,
    subject: r.subject,
    handlerId: r.handlerId,
    handlerName: r.handlerName,
    due: r.due,
    provisional: r.provisional,
    urgency: r.urgency && { urgency: r.urgency.urgency, workingDaysLeft: r.urgency.workingDaysLeft, label: r.urgency.label },
    duplicates: r.duplicates,
    submittedAt: r.submittedAt,
  };
}

/** The staff queue as the API shows it. */
export function toRequestQueueDto(queue: { readonly rows: readonly QueueRow[]; readonly today: string }): RequestQueueDto {
  return requestQueueSchema.parse({ today: queue.today, items: queue.rows.map(queueRow) });
}
