import type { AuditEvent, AuditEventInput } from '../domain/audit/chain';
import type { CorrectionCase } from '../domain/corrections';
import type { Change, Page, RecordStore, VersionedRecord } from '../ports/record-store';
import type { ReleasedPart } from './review-releases';
import { openDeadlineIndexes, type DeadlineSummary } from './deadline-index';
import { keys } from './keys';

export interface StoredCorrectionApplicant {
  readonly name: string;
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

export interface CorrectionTimelineEntry {
  readonly at: string;
  readonly command: string;
  readonly label: string;
  readonly by: { readonly id: string; readonly name?: string };
  /** Shown to the applicant on the tracking page. */
  readonly public: boolean;
  readonly note?: string;
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
  /** The released copy handed to the applicant. */
  readonly answer?: { readonly releaseId: string; readonly files: readonly ReleasedPart[]; readonly releasedAt: string; /** The released text of the letter. */ readonly text: string };
  readonly timeline: readonly CorrectionTimelineEntry[];
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

  async get(trackingNumber: string): Promise<CorrectionRecord | undefined> {
    const r = await this.records.get<StoredCorrection>(keys.correction(trackingNumber));
    return r ? { data: r.data, version: r.version } : undefined;
  }

  async newest(limit = 100, cursor?: string): Promise<Page<CorrectionRecord>> {
    const page = await this.records.query<StoredCorrection>({ index: 'GSI1', pk: keys.correctionsByTimePk(), descending: true, limit, cursor });
    return { items: page.items.map(toRecord), cursor: page.cursor };
  }

  async history(trackingNumber: string): Promise<AuditEvent[]> {
    return this.records.history(keys.correction(trackingNumber));
  }
}

const toRecord = (r: VersionedRecord<StoredCorrection>): CorrectionRecord => ({ data: r.data, version: r.version });
