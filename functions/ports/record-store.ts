import type { AuditEvent, AuditEventInput } from '#domain/audit/chain';

/**
 * The storage port every repository is written against: versioned records whose every change
 * carries an audit event, committed atomically. Two adapters implement it: DynamoDB (one table,
 * TransactWriteItems) and an in-memory fake for unit tests; one contract suite runs against both.
 *
 * Keys and index entries are opaque strings built by the repositories in adapters/records/keys.ts;
 * use cases never see them.
 */
export type IndexName = 'GSI1' | 'GSI2' | 'GSI3';

export interface RecordKey {
  readonly pk: string;
  readonly sk: string;
}

export interface IndexEntry {
  readonly pk: string;
  readonly sk: string;
}

/** DynamoDB's key limits (partition key 2,048 bytes, sort key 1,024 bytes): no larger key can exist. */
export const MAX_PARTITION_KEY_BYTES = 2048;
export const MAX_SORT_KEY_BYTES = 1024;

/**
 * Whether a key can exist in the table. Keys often carry a client-supplied id (a tracking number
 * from a URL); one that cannot exist is simply not found on read and refused on write, never sent
 * to DynamoDB to fail there.
 */
export function keyFits(key: { readonly pk: string; readonly sk: string }): boolean {
  return key.pk.length > 0 && key.sk.length > 0 && utf8Length(key.pk) <= MAX_PARTITION_KEY_BYTES && utf8Length(key.sk) <= MAX_SORT_KEY_BYTES;
}

/** The index entries a write leaves on its record (an entry set to null or left out is none). */
export function presentIndexes(indexes: RecordWrite<unknown>['indexes']): Partial<Record<IndexName, IndexEntry>> {
  const out: Partial<Record<IndexName, IndexEntry>> = {};
  for (const [name, entry] of Object.entries(indexes ?? {}) as [IndexName, IndexEntry | null | undefined][]) if (entry) out[name] = { pk: entry.pk, sk: entry.sk };
  return out;
}

const encoder = new TextEncoder();
const utf8Length = (s: string) => encoder.encode(s).length;

export interface RecordWrite<T> {
  readonly key: RecordKey;
  /** Entity type tag, stored with the record (e.g. `document`). */
  readonly entity: string;
  readonly data: T;
  /** Index entries; an index left out (or set to null) removes the record from that index. */
  readonly indexes?: Partial<Record<IndexName, IndexEntry | null>>;
}

export interface VersionedRecord<T> {
  readonly data: T;
  readonly entity: string;
  /** The index entries the record carries now (for the audit state digest). */
  readonly indexes: Partial<Record<IndexName, IndexEntry>>;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Hash of the newest audit event: the head of this record's chain. */
  readonly auditHead: string;
}

/** One record change inside an atomic commit. */
export type Change<T = unknown> =
  | { readonly op: 'create'; readonly write: RecordWrite<T>; readonly event: AuditEventInput }
  | { readonly op: 'update'; readonly write: RecordWrite<T>; readonly expectedVersion: number; readonly event: AuditEventInput }
  /** Asserts a record is still at a version without changing it (e.g. the approved review a release relies on). */
  | { readonly op: 'check'; readonly key: RecordKey; readonly expectedVersion: number }
  /** A plain, unaudited item that must not exist yet (uniqueness guards, idempotency keys). */
  | { readonly op: 'guard'; readonly key: RecordKey; readonly data: Readonly<Record<string, unknown>>; readonly expiresAt?: number }
  /**
   * A plain counter moves by one inside the commit. With `expected`, only from that value: a
   * number drawn for this commit (an index number) is used by it or by nobody, never burned.
   */
  | { readonly op: 'count'; readonly key: RecordKey; readonly expected?: number };

export interface QuerySpec {
  /** Omit for the table's own keys. */
  readonly index?: IndexName;
  readonly pk: string;
  readonly sk?: { readonly beginsWith: string } | { readonly between: readonly [string, string] } | { readonly lte: string } | { readonly gte: string };
  readonly limit?: number;
  readonly descending?: boolean;
  /** Opaque cursor from a previous page. */
  readonly cursor?: string;
}

export interface PlainQuerySpec {
  readonly pk: string;
  readonly sk?: { readonly gte: string };
  /** At most 100. */
  readonly limit?: number;
  readonly descending?: boolean;
}

export interface Page<T> {
  readonly items: T[];
  /** Present when there may be more. */
  readonly cursor?: string;
}

export interface RecordStore {
  get<T>(key: RecordKey): Promise<VersionedRecord<T> | undefined>;
  /** Atomic: every change commits or none does. Throws VersionConflictError / ConflictError. */
  commit(changes: readonly Change[]): Promise<void>;
  query<T>(spec: QuerySpec): Promise<Page<VersionedRecord<T>>>;
  /** The audit events of one record, oldest first. */
  history(key: RecordKey): Promise<AuditEvent[]>;
  /** Records whose audit chains began in a month (`YYYY-MM`), for the audit verifier. */
  chainsStartedIn(month: string): Promise<RecordKey[]>;
  /** Plain items outside the audited records (guards, rate-limit windows). */
  getPlain(key: RecordKey): Promise<Record<string, unknown> | undefined>;
  /**
   * One page of plain items under one table partition (markers written as guards), in sort-key
   * order; each item carries its `sk`. For small lookup partitions, never for audited records.
   */
  queryPlain(spec: PlainQuerySpec): Promise<Array<Record<string, unknown> & { readonly sk: string }>>;
  /**
   * Atomically adds `by` to a numeric attribute of a plain item, creating it when missing, and
   * returns the new value; refuses (returns undefined) when the new value would exceed `max`.
   */
  increment(key: RecordKey, by: number, options?: { max?: number; expiresAt?: number }): Promise<number | undefined>;
  /**
   * Writes a plain item only if it stands at `expectedRevision` (0: it must not exist yet) and
   * returns whether it did; the item then carries `rev: expectedRevision + 1`. For small shared
   * pointers (the search snapshot) that several writers update with compare-and-swap.
   */
  putPlainIf(key: RecordKey, data: Readonly<Record<string, unknown>>, expectedRevision: number): Promise<boolean>;
}
