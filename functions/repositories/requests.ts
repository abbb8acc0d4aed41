import type { AuditEventInput } from '#domain/audit/chain';
import type { Actor } from '#domain/case';
import type {
  AnswerLetter,
  ApplicantColumn,
  Channel,
  Decision,
  DeliveryMethod,
  DuplicateFlag,
  IdDocumentType,
  NoticeKind,
  OfficialDocument,
  OrganisationKind,
  ProvisionForm,
  RequestCase,
  RequestCommand,
  RequestStatus,
  Service,
} from '#domain/requests';
import type { ReleasedPart } from './review-releases';
import type { Change, Page, RecordStore, RecordWrite, VersionedRecord } from '#ports/record-store';
import { openDeadlineIndexes, type DeadlineSummary } from './deadline-index';
import { keys } from './keys';

/** Sort key used in the queue for cases without a running answer deadline (they sort last). */
export const NO_DUE_DATE = '9999-12-31';

/**
 * The applicant as stored: what the case needs, nothing more. The identity number is kept as a
 * keyed hash (matching), a masked form (lists, pages) and an AES-GCM ciphertext under a key derived
 * from the app secret (the rare unmasked view, which is audited).
 */
export interface StoredApplicant {
  readonly kind: 'citizen' | 'organisation';
  readonly organisationKind?: OrganisationKind;
  readonly column: ApplicantColumn;
  readonly name: string;
  readonly idType?: IdDocumentType;
  /** `110101********1234`; for organisations the masked credit code. */
  readonly idMasked: string;
  /** AES-256-GCM (base64url iv.ciphertext.tag) of the full number. */
  readonly idEncrypted: string;
  readonly workUnit?: string;
  readonly legalRepresentative?: string;
  readonly contactPerson?: string;
  /** 代理申请: the agent, identified like the applicant (masked, encrypted). */
  readonly agent?: { readonly name: string; readonly idType: IdDocumentType; readonly idMasked: string; readonly idEncrypted: string };
  readonly phone?: string;
  readonly email?: string;
  readonly address?: string;
  readonly postCode?: string;
}

export interface RequestedInformation {
  readonly documentTitle?: string;
  readonly documentNumber?: string;
  readonly description?: string;
}

export interface StoredAttachment {
  readonly id: string;
  readonly fileKey: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly uploadedBy: 'applicant' | string;
}

/** One line of the timeline the applicant and staff see (no personal data). */
export interface TimelineEntry {
  readonly at: string;
  readonly on: string;
  readonly type: string;
  readonly label: string;
  readonly actor: { readonly kind: 'staff' | 'applicant' | 'system'; readonly id: string; readonly name?: string };
  /** Shown to the applicant (false: internal steps such as reassignment). */
  readonly public: boolean;
  readonly note?: string;
}

export interface SupplementNotice {
  readonly deficiencies: readonly string[];
  readonly requestedOn: string;
  readonly periodWorkingDays: number;
  readonly applicantDue?: string;
}

export interface SupplementReply {
  readonly receivedAt: string;
  readonly text: string;
  readonly via: 'applicant' | 'clerk';
}

export interface AnswerDocument {
  readonly fileKey: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
}

export interface AnswerDraft {
  readonly decision: Decision;
  readonly letter: AnswerLetter;
  readonly documents: readonly AnswerDocument[];
  readonly draftedAt: string;
  readonly draftedBy: { readonly id: string; readonly name: string };
}

export interface ReleasedAnswer {
  readonly releaseId: string;
  readonly releasedAt: string;
  readonly text: string;
  readonly files: readonly ReleasedPart[];
}

/**
 * A procedural notice (补正告知书, 延期答复告知书, …): drafted by the step that owes it, reviewed like
 * the answer, and in force from its service, which is what starts the period it governs.
 */
export interface StoredNotice {
  /** `<kind>-<n>`: the case's n-th notice of the kind. */
  readonly id: string;
  readonly kind: NoticeKind;
  readonly document: OfficialDocument;
  readonly issuedOn: string;
  readonly issuedBy: { readonly id: string; readonly name: string };
  /** The step the notice's service takes (补正, 收费, 延迟答复: the applicant is told by being served); none for an extension, approved before. */
  readonly step?: RequestCommand;
  /** Who decided that step (a head sets a delayed reply; the clerk serves it): it is taken in their name. */
  readonly decidedBy?: Actor;
  readonly review?: { readonly id: string; readonly version: number };
  readonly served?: { readonly releaseId: string; readonly servedAt: string; readonly service: Service };
  /** Set aside unserved (the case moved on): kept with its number, never served. */
  readonly discarded?: { readonly on: string; readonly by: string; readonly reason: string };
}

export interface StoredRequest {
  readonly case: RequestCase;
  readonly channel: Channel;
  readonly submittedAt: string;
  readonly applicant: StoredApplicant;
  /** Keyed hash of identityKey(form): duplicates and the monthly fee count (GSI3). */
  readonly identityHash: string;
  readonly requested: RequestedInformation;
  readonly provisionForm: ProvisionForm;
  readonly deliveryMethod: DeliveryMethod;
  readonly notes?: string;
  /** Art. 44(2): the applicant's suggestion, with their reasons, that the information be disclosed proactively. */
  readonly proactiveSuggestion?: string;
  readonly attachments: readonly StoredAttachment[];
  /** Salted hash of the applicant's access code (`salt.hash`, base64url). */
  readonly accessCodeHash: string;
  readonly receiptRule: string;
  /** Ordinary letters: the day the letter arrived (confirmation with the applicant is due that day). */
  readonly arrivedOn?: string;
  readonly registeredBy?: { readonly id: string; readonly name: string };
  readonly handlerName?: string;
  readonly duplicates: readonly DuplicateFlag[];
  readonly timeline: readonly TimelineEntry[];
  readonly supplementNotice?: SupplementNotice;
  readonly supplementReplies: readonly SupplementReply[];
  readonly draft?: AnswerDraft;
  readonly review?: { readonly id: string; readonly version: number };
  readonly released?: ReleasedAnswer;
  readonly notices?: readonly StoredNotice[];
  readonly feeMonthCount?: number;
  /** The open answer deadline (GSI2 via deadline-index), null once the case has no running deadline. */
  readonly openDeadline: DeadlineSummary | null;
  /** Art. 44: the catalogue item this answer was proposed as, once proposed. */
  readonly proposedItemId?: string;
}

export type RequestRecord = VersionedRecord<StoredRequest>;

function writeOf(data: StoredRequest): RecordWrite<StoredRequest> {
  const c = data.case;
  return {
    key: keys.request(c.trackingNumber),
    entity: 'request',
    data,
    indexes: {
      GSI1: keys.requestQueue(c.status, data.openDeadline?.due ?? NO_DUE_DATE, c.trackingNumber),
      ...openDeadlineIndexes(data.openDeadline),
      GSI3: keys.requestsByApplicant(data.identityHash, data.submittedAt, c.trackingNumber),
    },
  };
}

/** The idempotency guard of one submitted form: which application it became, and its sealed access code. */
export interface SubmissionGuard {
  readonly trackingNumber: string;
  readonly sealed: string;
}

export class RequestRepository {
  /** An application as this repository stores it: key, entity and index entries (also for bulk seeding in the benchmarks). */
  static write = writeOf;

  constructor(private readonly records: RecordStore) {}

  /** The guard that makes a form's submission idempotent; created with the application, expiring after `expiresAt` (epoch seconds). */
  static submissionGuardChange(fingerprint: string, guard: SubmissionGuard, expiresAt: number): Change {
    return { op: 'guard', key: keys.requestSubmission(fingerprint), data: { entity: 'request-submission', ...guard }, expiresAt };
  }

  /** The guard of an earlier submission of the same form, if it is still kept. */
  async submissionGuard(fingerprint: string): Promise<SubmissionGuard | undefined> {
    const guard = await this.records.getPlain(keys.requestSubmission(fingerprint));
    if (!guard || typeof guard['trackingNumber'] !== 'string' || typeof guard['sealed'] !== 'string') return undefined;
    return { trackingNumber: guard['trackingNumber'], sealed: guard['sealed'] };
  }

  static createChange(data: StoredRequest, event: AuditEventInput): Change<StoredRequest> {
    return { op: 'create', write: writeOf(data), event };
  }

  static updateChange(data: StoredRequest, expectedVersion: number, event: AuditEventInput): Change<StoredRequest> {
    return { op: 'update', write: writeOf(data), expectedVersion, event };
  }

  /**
   * Art. 44(1): the application's same-information markers (plain items, committed with it and
   * expiring at `expiresAt`, epoch seconds), under which later applications find it.
   */
  static sameInformationChanges(data: StoredRequest, markers: readonly string[], expiresAt: number): Change[] {
    return markers.map((marker) => ({
      op: 'guard',
      key: keys.requestSameInformation(marker, data.submittedAt, data.case.trackingNumber),
      data: { entity: 'request-same-information', trackingNumber: data.case.trackingNumber },
      expiresAt,
    }));
  }

  /**
   * Tracking numbers of applications left under any of `markers` since `since` (ISO instant),
   * newest first: one Query per marker of at most `perMarker` items (a common marker cannot make
   * the lookup unbounded).
   */
  async sameInformationCandidates(markers: readonly string[], since: string, perMarker = 25): Promise<string[]> {
    const pages = await Promise.all(markers.map((marker) => this.records.queryPlain({ pk: keys.requestSameInformationPk(marker), sk: { gte: since }, descending: true, limit: perMarker })));
    return [...new Set(pages.flat().flatMap((item) => (typeof item['trackingNumber'] === 'string' ? [item['trackingNumber']] : [])))];
  }

  get(trackingNumber: string): Promise<RequestRecord | undefined> {
    return this.records.get<StoredRequest>(keys.request(trackingNumber));
  }

  /** One status of the queue, earliest due first (GSI1). */
  async queue(status: RequestStatus, limit = 100, cursor?: string, dueBy?: string): Promise<Page<RequestRecord>> {
    return this.records.query<StoredRequest>({ index: 'GSI1', pk: keys.requestQueuePk(status), limit, ...(cursor ? { cursor } : {}), ...(dueBy ? { sk: { lte: `${dueBy}#~` } } : {}) });
  }

  /** An applicant's earlier applications (GSI3), optionally only those submitted from `since` (ISO instant). */
  async byApplicant(identityHash: string, options: { since?: string; limit?: number } = {}): Promise<RequestRecord[]> {
    const out: RequestRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.records.query<StoredRequest>({
        index: 'GSI3',
        pk: keys.requestsByApplicantPk(identityHash),
        ...(options.since ? { sk: { gte: options.since } } : {}),
        limit: Math.min(options.limit ?? 200, 200),
        cursor,
      });
      out.push(...page.items);
      cursor = page.cursor;
    } while (cursor && out.length < (options.limit ?? 200));
    return out;
  }

  history(trackingNumber: string) {
    return this.records.history(keys.request(trackingNumber));
  }
}
