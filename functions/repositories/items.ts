import type { AuditEventInput } from '#domain/audit/chain';
import type { DisclosureRecord, PublicItem, WorkflowState } from '#domain/catalogue';
import { workflowState } from '#domain/catalogue';
import type { Change, IndexEntry, Page, QuerySpec, RecordStore, RecordWrite, VersionedRecord } from '#ports/record-store';
import { openDeadlineIndexes, type DeadlineSummary } from './deadline-index';
import { keys } from './keys';

/** A released copy of one attachment in the public bucket (served through CloudFront). */
export interface ReleasedFile {
  readonly name: string;
  readonly url: string;
  readonly contentType: string;
  readonly size: number;
}

/** The release of one version: the receipt of the release step. */
export interface ItemRelease {
  readonly version: number;
  readonly releaseId: string;
  readonly files: readonly ReleasedFile[];
  /** Every copy the release wrote to the public bucket (the reviewed text and the attachments), for withdrawal. */
  readonly publicUrls?: readonly string[];
}

/** What the item record stores: the pure domain record plus the application's bookkeeping. */
export interface StoredItem {
  readonly record: DisclosureRecord;
  /** The secrecy review of the version in the workflow (set on submit). */
  readonly review?: { readonly id: string; readonly version: number };
  /** Releases of versions to the public bucket, newest last. */
  readonly releases: readonly ItemRelease[];
  readonly createdBy: { readonly id: string; readonly name: string };
  /** The open publication deadline (GSI2, deadline-index.ts); null once the version is public. */
  readonly openDeadline: DeadlineSummary | null;
}

/**
 * The materialised public view: exactly `publicProjection(record, at)` plus the public URLs of
 * the released attachments, or `item: null` once nothing is public (withdrawn). Public surfaces
 * read only these records, so a draft can never reach them.
 */
export interface PublicView {
  readonly id: string;
  readonly item: PublicItem | null;
  readonly files: readonly ReleasedFile[];
  /** The release whose copies `files` are (the public bucket holds exactly this one of the item's releases). */
  readonly releaseId?: string;
  /** Top-level category of the item (GSI3), kept to list a parent category. */
  readonly rootCategoryId?: string;
}

export type ItemRecord = VersionedRecord<StoredItem>;
export type PublicViewRecord = VersionedRecord<PublicView>;

function itemIndexes(data: StoredItem): Partial<Record<'GSI1' | 'GSI2', IndexEntry | null>> {
  const state: WorkflowState = workflowState(data.record);
  return { GSI1: keys.itemsByState(state, data.record.updatedAt, data.record.id), ...openDeadlineIndexes(data.openDeadline) };
}

function viewIndexes(view: PublicView) {
  const item = view.item;
  if (!item) return { GSI1: null, GSI2: null, GSI3: null };
  return {
    GSI1: keys.publicByCategory(item.categoryId, item.publishedAt, item.id),
    GSI2: keys.publicAll(item.publishedAt, item.id),
    GSI3: view.rootCategoryId ? keys.publicByRoot(view.rootCategoryId, item.publishedAt, item.id) : null,
  };
}

/** Sort key of a view in the listing indexes (also the listing cursor). */
/** Which public items a listing reads. */
export type ListingScope = { readonly all: true } | { readonly category: string } | { readonly root: string };

export const listingSortKey = (item: Pick<PublicItem, 'publishedAt' | 'id'>) => `${item.publishedAt}#${item.id}`;

export class ItemRepository {
  /** A public view as this repository stores it: key, entity and index entries (also for bulk seeding in the benchmarks). */
  static viewWrite(view: PublicView): RecordWrite<PublicView> {
    return { key: keys.publicItem(view.id), entity: 'public-item', data: view, indexes: viewIndexes(view) };
  }

  constructor(private readonly records: RecordStore) {}

  get(id: string): Promise<ItemRecord | undefined> {
    return this.records.get<StoredItem>(keys.item(id));
  }

  getView(id: string): Promise<PublicViewRecord | undefined> {
    return this.records.get<PublicView>(keys.publicItem(id));
  }

  createChange(data: StoredItem, event: AuditEventInput): Change {
    return { op: 'create', write: { key: keys.item(data.record.id), entity: 'disclosure-item', data, indexes: itemIndexes(data) }, event };
  }

  updateChange(data: StoredItem, expectedVersion: number, event: AuditEventInput): Change {
    return { op: 'update', write: { key: keys.item(data.record.id), entity: 'disclosure-item', data, indexes: itemIndexes(data) }, expectedVersion, event };
  }

  /** The change that writes a new public view (create on first publication, update after). */
  viewChange(view: PublicView, existing: PublicViewRecord | undefined, event: AuditEventInput): Change {
    const write = ItemRepository.viewWrite(view);
    return existing ? { op: 'update', write, expectedVersion: existing.version, event } : { op: 'create', write, event };
  }

  async byState(state: WorkflowState, limit = 50, cursor?: string): Promise<Page<ItemRecord>> {
    return this.records.query<StoredItem>({ index: 'GSI1', pk: keys.itemsByStatePk(state), limit, cursor, descending: true });
  }

  /** One page of public views from a listing index (see application/catalogue/listing.ts). */
  /**
   * P5–P7: public views of one listing scope in publication order, within a sort-key range:
   * every public item (GSI2), a leaf category (GSI1) or a top-level category's subtree (GSI3).
   */
  listing(
    scope: ListingScope,
    range: { readonly between: readonly [string, string]; readonly descending: boolean; readonly limit: number; readonly cursor?: string },
  ): Promise<Page<PublicViewRecord>> {
    const where: Pick<QuerySpec, 'index' | 'pk'> =
      'category' in scope
        ? { index: 'GSI1', pk: keys.publicByCategoryPk(scope.category) }
        : 'root' in scope
          ? { index: 'GSI3', pk: keys.publicByRootPk(scope.root) }
          : { index: 'GSI2', pk: keys.publicAllPk() };
    return this.records.query<PublicView>({
      ...where,
      sk: { between: [range.between[0], range.between[1]] },
      descending: range.descending,
      limit: range.limit,
      ...(range.cursor ? { cursor: range.cursor } : {}),
    });
  }

  /** One page of every public view (the all-items listing index), for sweeps over what is public. */
  publicViews(limit = 200, cursor?: string): Promise<Page<PublicViewRecord>> {
    return this.records.query<PublicView>({ index: 'GSI2', pk: keys.publicAllPk(), limit, ...(cursor ? { cursor } : {}) });
  }

  history(id: string) {
    return this.records.history(keys.item(id));
  }
}
