import type { AuditEventInput } from '#domain/audit/chain';
import type { Change, RecordStore } from '#ports/record-store';
import { keys } from './keys';

export interface ReleasedFile {
  /** Public bucket key (`files/…`) or private key under `outgoing/…`. */
  readonly key: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  /** `body` or the attachment id it was released for. */
  readonly part: string;
  /** Private-bucket key of exactly the bytes that were approved (the redacted copy where one was made). */
  readonly source: string;
  /** SHA-256 of those bytes: the effect that writes the copy checks it again before anything leaves. */
  readonly sha256: string;
}

/** A released copy as the subject that released it keeps it (an answer's documents, a letter). */
export interface ReleasedPart {
  readonly part: string;
  readonly key: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  /** Public releases: where the released copy is served. */
  readonly url?: string;
}

/**
 * Where a release goes: the public bucket; the applicant (an answer, a notice served on them); a
 * consultee (the third party or agency a consultation letter, or the notice of disclosure over an
 * objection, is addressed to). Only 'public' writes the public bucket; the others are private copies.
 */
export type ReleaseTarget = 'public' | 'applicant' | 'consultee';

/** One release of reviewed content: what left, under which review version and digest. */
export interface ReleaseRecord {
  readonly id: string;
  readonly target: ReleaseTarget;
  readonly reviewId: string;
  readonly reviewVersion: number;
  readonly digest: string;
  readonly subject: { readonly type: string; readonly id: string };
  readonly files: readonly ReleasedFile[];
  readonly releasedAt: string;
  readonly releasedBy: { readonly id: string; readonly name?: string };
}

export class ReleaseRepository {
  constructor(private readonly records: RecordStore) {}

  /**
   * The changes that record a release: the record itself and a check that the review is still at
   * the version that was approved. The caller commits them with the subject's own change (an item
   * published, an answer served), so a review changed in between, or a stale subject, makes the
   * whole commit fail and nothing is released.
   */
  static changes(release: ReleaseRecord, event: AuditEventInput): Change[] {
    return [
      { op: 'check', key: keys.review(release.reviewId), expectedVersion: release.reviewVersion },
      {
        op: 'create',
        write: { key: keys.release(release.id), entity: 'release', data: release, indexes: { GSI1: keys.releasesByReview(release.reviewId, release.releasedAt, release.id) } },
        event,
      },
    ];
  }

  async get(id: string): Promise<ReleaseRecord | undefined> {
    return (await this.records.get<ReleaseRecord>(keys.release(id)))?.data;
  }

  /** Releases under one review, newest first (GSI1 `RELEASES#<review>`). */
  async forReview(reviewId: string, limit = 20): Promise<ReleaseRecord[]> {
    const page = await this.records.query<ReleaseRecord>({ index: 'GSI1', pk: keys.releasesByReviewPk(reviewId), descending: true, limit });
    return page.items.map((r) => r.data);
  }
}
