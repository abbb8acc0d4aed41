import type { AuditEvent, AuditEventInput } from '#domain/audit/chain';
import type { CaseTimelineEntry } from '#domain/case';
import { normaliseTimeline, type ClarificationCase } from '#domain/clarifications';
import type { Change, Page, RecordStore, VersionedRecord } from '#ports/record-store';
import { openDeadlineIndexes, type DeadlineSummary } from './deadline-index';
import { keys } from './keys';

/** Staff-only: where the reported information appeared and what is wrong with it. Never published. */
export interface StoredReport {
  readonly url?: string;
  readonly outlet?: string;
  readonly firstSeenOn?: string;
  readonly description: string;
  readonly contact?: { readonly name?: string; readonly phone?: string; readonly email?: string };
  readonly screenshot?: { readonly fileKey: string; readonly fileName: string; readonly contentType: string; readonly sizeBytes: number };
}

/** What the public sees of one publication: the RELEASED text (the reviewed, possibly redacted copy). */
export interface PublishedClarification {
  readonly round: number;
  readonly title: string;
  readonly text: string;
  readonly relatedItemIds: readonly string[];
  readonly publishedAt: string;
  readonly releaseId: string;
  readonly files: readonly { readonly fileName: string; readonly url?: string }[];
  /** The catalogue item (category 澄清说明) the clarification was published as. */
  readonly itemId?: string;
}

export interface StoredClarification {
  readonly case: ClarificationCase;
  /** Working title for staff lists (the report's summary until a draft exists). */
  readonly title: string;
  readonly registeredAt: string;
  readonly createdBy: { readonly kind: 'public' | 'staff'; readonly id?: string; readonly name?: string };
  /** The handler's name for the deadline index (records from before it was kept lack it). */
  readonly handlerName?: string;
  readonly report?: StoredReport;
  readonly monitoringNote?: string;
  /** The catalogue item carrying the clarification (created when the draft goes to review). */
  readonly catalogueItemId?: string;
  readonly timeline: readonly CaseTimelineEntry[];
  /** The current public version (newest publication); earlier ones stay in `history`. */
  readonly published?: PublishedClarification;
  readonly publishedHistory: readonly PublishedClarification[];
  readonly openDeadline?: DeadlineSummary | null;
}

export type ClarificationRecord = { readonly data: StoredClarification; readonly version: number };

const ENTITY = 'clarification';

export class ClarificationRepository {
  constructor(private readonly records: RecordStore) {}

  static write(data: StoredClarification) {
    return {
      key: keys.clarification(data.case.id),
      entity: ENTITY,
      data,
      indexes: {
        GSI1: keys.clarificationsByTime(data.registeredAt, data.case.id),
        ...openDeadlineIndexes(data.openDeadline),
        GSI3: data.published ? keys.clarificationsPublished(data.published.publishedAt, data.case.id) : null,
      },
    };
  }

  static createChange(data: StoredClarification, event: AuditEventInput): Change<StoredClarification> {
    return { op: 'create', write: ClarificationRepository.write(data), event };
  }

  static updateChange(data: StoredClarification, expectedVersion: number, event: AuditEventInput): Change<StoredClarification> {
    return { op: 'update', write: ClarificationRepository.write(data), expectedVersion, event };
  }

  /** The back-link an item carries to a clarification that concerns it (created once). */
  static linkChange(itemId: string, clarificationId: string, title: string, event: AuditEventInput): Change<ClarificationLink> {
    return { op: 'create', write: { key: keys.clarificationLink(itemId, clarificationId), entity: 'clarification-link', data: { itemId, clarificationId, title } }, event };
  }

  async get(id: string): Promise<ClarificationRecord | undefined> {
    const r = await this.records.get<StoredClarification>(keys.clarification(id));
    return r ? toRecord(r) : undefined;
  }

  async newest(limit = 100, cursor?: string): Promise<Page<ClarificationRecord>> {
    const page = await this.records.query<StoredClarification>({ index: 'GSI1', pk: keys.clarificationsByTimePk(), descending: true, limit, cursor });
    return { items: page.items.map(toRecord), cursor: page.cursor };
  }

  async published(limit = 50, cursor?: string): Promise<Page<ClarificationRecord>> {
    const page = await this.records.query<StoredClarification>({ index: 'GSI3', pk: keys.clarificationsPublishedPk(), descending: true, limit, cursor });
    return { items: page.items.map(toRecord), cursor: page.cursor };
  }

  async linksFor(itemId: string): Promise<ClarificationLink[]> {
    const page = await this.records.query<ClarificationLink>({ pk: keys.clarificationLinksPk(itemId), sk: { beginsWith: keys.clarificationLinksSkPrefix() }, limit: 50 });
    return page.items.map((r) => r.data);
  }

  async linkExists(itemId: string, clarificationId: string): Promise<boolean> {
    return Boolean(await this.records.get(keys.clarificationLink(itemId, clarificationId)));
  }

  async history(id: string): Promise<AuditEvent[]> {
    return this.records.history(keys.clarification(id));
  }
}

export interface ClarificationLink {
  readonly itemId: string;
  readonly clarificationId: string;
  readonly title: string;
}

/** Every read goes through here: timelines stored before the case kernel are read in its shape. */
const toRecord = (r: VersionedRecord<StoredClarification>): ClarificationRecord => ({ data: { ...r.data, timeline: normaliseTimeline(r.data.timeline) }, version: r.version });
