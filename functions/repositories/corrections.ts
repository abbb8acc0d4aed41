import type { AuditEvent, AuditEventInput } from '#domain/audit/chain';
import type { CaseTimelineEntry } from '#domain/case';
import { normaliseTimeline } from '#domain/clarifications/timeline';
import type { CorrectionCase } from '#domain/corrections';
import type { Change, Page, RecordStore, VersionedRecord } from '#ports/record-store';
import type { ReleasedPart } from './review-releases';
import { openDeadlineIndexes, type DeadlineSummary } from './deadline-index';
import { keys } from './keys';

export interface StoredCorrectionApplicant {
  /** Absent on requests stored before organisations could ask: a person. */
  readonly kind?: 'citizen' | 'organisation';
  readonly name: string;
  readonly contactPerson?: string;
  /** `110101********1234`: the full number is kept only as AES-GCM ciphertext. */
  readonly idMasked: string;
  readonly idEncrypted: string;
  readonly phone?: string;
  readonly email?: string;
  readonly address?: string;
}

export interface StoredEvidence {
  readonly id: string;
  readonly fileKey: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
}

export interface StoredCorrection {
  readonly case: CorrectionCase;
  readonly submittedAt: string;
  readonly applicant: StoredCorrectionApplicant;
  /** The record concerned, as the applicant described it (title, number, where it was provided). */
  readonly record: { readonly description: string; readonly itemId?: string };
  /** What is inaccurate and what it should say. */
  readonly inaccuracy: string;
  readonly requestedCorrection: string;
  readonly evidence: readonly StoredEvidence[];
  readonly accessCodeHash: string;
  readonly handlerName?: string;
  /** The answer letter text once drafted (the exact text sent to review). */
  readonly letterText?: string;
  /** The answer's 文号, kept when it is redrafted in the same year. */
  readonly letterNumber?: string;
  /** The released copy handed to the applicant. */
  readonly answer?: { readonly releaseId: string; readonly files: readonly ReleasedPart[]; readonly releasedAt: string; /** The released text of the letter. */ readonly text: string };
  /** Lines with `public` are shown to the applicant on the tracking page. */
  readonly timeline: readonly CaseTimelineEntry[];
  readonly openDeadline?: DeadlineSummary | null;
}

export type CorrectionRecord = { readonly data: StoredCorrection; readonly version: number };

const ENTITY = 'correction';

export class CorrectionRepository {
  constructor(private readonly records: RecordStore) {}

  static write(data: StoredCorrection) {
    return {
      key: keys.correction(data.case.trackingNumber),
      entity: ENTITY,
      data,
      indexes: { GSI1: keys.correctionsByTime(data.submittedAt, data.case.trackingNumber), ...openDeadlineIndexes(data.openDeadline) },
    };
  }

  static createChange(data: StoredCorrection, event: AuditEventInput): Change<StoredCorrection> {
    return { op: 'create', write: CorrectionRepository.write(data), event };
  }

  static updateChange(data: StoredCorrection, expectedVersion: number, event: AuditEventInput): Change<StoredCorrection> {
    return { op: 'update', write: CorrectionRepository.write(data), expectedVersion, event };
  }

  /**
   * The idempotency guard of a submitted form (keyed by the form's fingerprint): it expires, so an
   * identical form may be sent again later; committed with the new request.
   */
  static submissionGuardChange(fingerprint: string, trackingNumber: string, expiresAt: number): Change {
    return { op: 'guard', key: keys.correctionSubmission(fingerprint), data: { entity: 'correction-submission', trackingNumber }, expiresAt };
  }

  /** Whether a form with this fingerprint was submitted (and its guard has not expired). */
  async submissionSeen(fingerprint: string): Promise<boolean> {
    return Boolean(await this.records.getPlain(keys.correctionSubmission(fingerprint)));
  }

  async get(trackingNumber: string): Promise<CorrectionRecord | undefined> {
    const r = await this.records.get<StoredCorrection>(keys.correction(trackingNumber));
    return r ? toRecord(r) : undefined;
  }

  async newest(limit = 100, cursor?: string): Promise<Page<CorrectionRecord>> {
    const page = await this.records.query<StoredCorrection>({ index: 'GSI1', pk: keys.correctionsByTimePk(), descending: true, limit, cursor });
    return { items: page.items.map(toRecord), cursor: page.cursor };
  }

  async history(trackingNumber: string): Promise<AuditEvent[]> {
    return this.records.history(keys.correction(trackingNumber));
  }
}

/** Every read goes through here: timelines stored before the case kernel are read in its shape. */
const toRecord = (r: VersionedRecord<StoredCorrection>): CorrectionRecord => ({ data: { ...r.data, timeline: normaliseTimeline(r.data.timeline) }, version: r.version });
