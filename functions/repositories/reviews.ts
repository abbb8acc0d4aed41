import type { AuditEventInput } from '#domain/audit/chain';
import type { SecrecyReview } from '#domain/secrecy';
import type { AuditEvent } from '#domain/audit/chain';
import type { Change, IndexEntry, Page, RecordStore } from '#ports/record-store';
import { keys } from './keys';

/**
 * One stored part of the content under review. Texts live in the private bucket (never in the
 * table): `textKey` is the body or the extracted text of an attachment, so findings can be shown
 * side by side with the content and redaction can be verified without re-reading the file.
 */
export interface ReviewAttachment {
  /** `att-1`, `att-2`, …: the finding `source` of this attachment. */
  readonly id: string;
  readonly fileKey: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  /** Private key of the extracted text (what the scanner read). */
  readonly textKey: string;
  /** Extraction warnings (no text layer, hidden content…), messages only. */
  readonly warnings: readonly string[];
  /** Document metadata that may identify people (messages only, no values). */
  readonly metadataWarnings: readonly string[];
}

export interface ReviewContent {
  /** Private key of the body text; absent when the item is attachments only. */
  readonly bodyKey?: string;
  readonly bodyLength: number;
  readonly attachments: readonly ReviewAttachment[];
}

/** A redacted piece kept privately until the whole bundle is verified and attached. */
export interface RedactedFile {
  readonly fileKey: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly textKey: string;
  readonly metadataWarnings: readonly string[];
}

export interface RedactedPieces {
  /** Private key of the ■ copy of the body. */
  readonly bodyKey?: string;
  /** Hand-marked spans of the body (offsets only, never the text), verified like findings. */
  readonly bodySpans?: readonly { readonly start: number; readonly end: number }[];
  /** Redacted files by attachment id. */
  readonly files: Readonly<Record<string, RedactedFile>>;
}

/** The stored review: the pure domain value plus where its content lives and since when it waits. */
export interface StoredReview {
  readonly review: SecrecyReview;
  readonly content: ReviewContent;
  readonly redacted?: RedactedPieces;
  /** When the review reached its current stage (the queue's waiting time). */
  readonly waitingSince: string;
}

export interface ReviewRecord {
  readonly data: StoredReview;
  readonly version: number;
}

/** The queue a review waits in: the stage's, its author's (self-review), or none when decided. */
function queueEntry(stored: StoredReview): IndexEntry | null {
  const { review, waitingSince } = stored;
  switch (review.status) {
    case 'draft':
    case 'returned':
      return keys.reviewSelfQueue(review.author.id, waitingSince, review.id);
    case 'in-review':
      return keys.reviewQueue(review.stage, waitingSince, review.id);
    case 'on-hold':
      return keys.reviewQueue('on-hold', waitingSince, review.id);
    default:
      return null;
  }
}

function write(stored: StoredReview) {
  const { review } = stored;
  return {
    key: keys.review(review.id),
    entity: 'secrecy-review',
    data: stored,
    indexes: {
      GSI1: queueEntry(stored),
      GSI2: keys.reviewsByAuthor(review.author.id, review.createdAt, review.id),
      GSI3: keys.reviewsBySubject(review.subject.type, review.subject.id, review.createdAt, review.id),
    },
  };
}

export type QueueName = 'head' | 'secrecy' | 'leader' | 'on-hold';

export class ReviewRepository {
  constructor(private readonly records: RecordStore) {}

  static createChange(stored: StoredReview, event: AuditEventInput): Change {
    return { op: 'create', write: write(stored), event };
  }

  async update(stored: StoredReview, expectedVersion: number, event: AuditEventInput): Promise<void> {
    await this.records.commit([{ op: 'update', write: write(stored), expectedVersion, event }]);
  }

  async get(id: string): Promise<ReviewRecord | undefined> {
    const record = await this.records.get<StoredReview>(keys.review(id));
    return record ? { data: record.data, version: record.version } : undefined;
  }

  /** Reviews waiting at a stage, longest wait first (GSI1 `REVIEWQ#<stage>`). */
  async waitingAt(queue: QueueName, limit = 100): Promise<ReviewRecord[]> {
    const page = await this.records.query<StoredReview>({ index: 'GSI1', pk: keys.reviewQueuePk(queue), limit });
    return page.items.map((r) => ({ data: r.data, version: r.version }));
  }

  /** Reviews waiting for one author's self-review (GSI1 `REVIEWQ#self#<author>`). */
  async waitingForAuthor(authorId: string, limit = 100): Promise<ReviewRecord[]> {
    const page = await this.records.query<StoredReview>({ index: 'GSI1', pk: keys.reviewSelfQueuePk(authorId), limit });
    return page.items.map((r) => ({ data: r.data, version: r.version }));
  }

  /** An author's reviews, newest first (GSI2 `REVIEWBY#<author>`). */
  async byAuthor(authorId: string, limit = 50, cursor?: string): Promise<Page<ReviewRecord>> {
    const page = await this.records.query<StoredReview>({ index: 'GSI2', pk: keys.reviewsByAuthorPk(authorId), descending: true, limit, cursor });
    return { items: page.items.map((r) => ({ data: r.data, version: r.version })), cursor: page.cursor };
  }

  /** The reviews of one subject, newest first (GSI3 `REVIEWSUBJ#<type>#<id>`). */
  async bySubject(type: string, subjectId: string, limit = 20): Promise<ReviewRecord[]> {
    const page = await this.records.query<StoredReview>({ index: 'GSI3', pk: keys.reviewsBySubjectPk(type, subjectId), descending: true, limit });
    return page.items.map((r) => ({ data: r.data, version: r.version }));
  }

  history(id: string): Promise<AuditEvent[]> {
    return this.records.history(keys.review(id));
  }
}
