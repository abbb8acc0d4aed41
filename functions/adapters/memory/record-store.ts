import { recordStateDigest, sealEvent, type AuditEvent, type Hasher } from '#domain/audit/chain';
import type { AuditSigner } from '#ports/audit-signer';
import { testAuditSigner } from '../audit/local-signer';
import { ConflictError, ValidationError, VersionConflictError } from '#domain/errors';
import type { Clock } from '#ports/clock';
import { keyFits, presentIndexes, type Change, type IndexName, type Page, type PlainQuerySpec, type QuerySpec, type RecordKey, type RecordStore, type VersionedRecord } from '#ports/record-store';

interface Stored {
  entity: string;
  data: unknown;
  version: number;
  auditHead: string;
  createdAt: string;
  updatedAt: string;
  indexes: Partial<Record<IndexName, { pk: string; sk: string } | null>>;
}

const k = (key: RecordKey) => `${key.pk}\u0000${key.sk}`;

/**
 * In-memory RecordStore for unit tests of use cases and the web app. The contract suite in
 * test/integration/contract runs the same expectations against it and against DynamoDB Local,
 * so it cannot quietly drift from the real adapter.
 */
export class MemoryRecordStore implements RecordStore {
  private readonly records = new Map<string, Stored & { key: RecordKey }>();
  private readonly events = new Map<string, AuditEvent[]>();
  private readonly plain = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly clock: Clock,
    private readonly hash: Hasher,
    private readonly signer: AuditSigner = testAuditSigner,
  ) {}

  async get<T>(key: RecordKey): Promise<VersionedRecord<T> | undefined> {
    if (!keyFits(key)) return undefined;
    const r = this.records.get(k(key));
    return r ? toRecord<T>(r) : undefined;
  }

  async getPlain(key: RecordKey): Promise<Record<string, unknown> | undefined> {
    if (!keyFits(key)) return undefined;
    const p = this.plain.get(k(key));
    return p ? { ...p } : undefined;
  }

  async queryPlain(spec: PlainQuerySpec): Promise<Array<Record<string, unknown> & { sk: string }>> {
    if (!keyFits({ pk: spec.pk, sk: spec.sk?.gte ?? 'sk' })) return [];
    const prefix = `${spec.pk}\u0000`;
    const rows = [...this.plain.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, { PK: _pk, SK: _sk, ...item }]) => ({ ...item, sk: key.slice(prefix.length) }))
      .filter((item) => !spec.sk || compare(item.sk, spec.sk.gte) >= 0)
      .sort((a, b) => compare(a.sk, b.sk));
    if (spec.descending) rows.reverse();
    return rows.slice(0, Math.min(spec.limit ?? 50, 100));
  }

  async commit(changes: readonly Change[]): Promise<void> {
    // Validate, seal the events, then (after the MACs, which take a turn of the event loop)
    // validate again and apply synchronously: all or nothing, like TransactWriteItems, and a
    // concurrent commit in between makes this one fail its conditions.
    this.validate(changes);
    const at = this.clock.now().toISOString();
    const sealed = new Map<Change, AuditEvent>();
    for (const c of changes) {
      if (c.op !== 'create' && c.op !== 'update') continue;
      const key = c.write.key;
      const previous = this.records.get(k(key));
      const state = recordStateDigest(this.hash, { entity: c.write.entity, data: c.write.data, indexes: presentIndexes(c.write.indexes) });
      const event = sealEvent(this.hash, c.event, { stream: `${key.pk}|${key.sk}`, seq: (previous?.version ?? 0) + 1, at, prevHash: previous?.auditHead ?? '', state });
      sealed.set(c, { ...event, mac: await this.signer.sign(event.hash) });
    }
    this.validate(changes);
    for (const c of changes) {
      if (c.op === 'guard') this.plain.set(k(c.key), { ...c.data, PK: c.key.pk, SK: c.key.sk });
      if (c.op === 'count') this.plain.set(k(c.key), { ...this.plain.get(k(c.key)), value: Number(this.plain.get(k(c.key))?.value ?? 0) + 1 });
      if (c.op !== 'create' && c.op !== 'update') continue;
      const key = c.write.key;
      const previous = this.records.get(k(key));
      const event = sealed.get(c)!;
      this.records.set(k(key), {
        key,
        entity: c.write.entity,
        data: structuredClone(c.write.data),
        version: event.seq,
        auditHead: event.hash,
        createdAt: previous?.createdAt ?? at,
        updatedAt: at,
        indexes: presentIndexes(c.write.indexes),
      });
      this.events.set(k(key), [...(this.events.get(k(key)) ?? []), event]);
    }
  }

  private validate(changes: readonly Change[]): void {
    for (const c of changes) {
      const key = c.op === 'create' || c.op === 'update' ? c.write.key : c.key;
      const entries = c.op === 'create' || c.op === 'update' ? Object.values(c.write.indexes ?? {}) : [];
      if (!keyFits(key) || !entries.every((e) => !e || keyFits(e))) throw new ValidationError('提交的标识过长，无法保存。');
      if (c.op === 'create' && this.records.has(k(c.write.key))) throw new ConflictError('该记录已存在，不能重复创建。');
      if (c.op === 'guard' && this.plain.has(k(c.key))) throw new ConflictError('该记录已存在，不能重复创建。');
      if ((c.op === 'update' || c.op === 'check') && this.records.get(k(key))?.version !== c.expectedVersion) throw new VersionConflictError(undefined, key);
      if (c.op === 'count' && c.expected !== undefined && Number(this.plain.get(k(key))?.value ?? 0) !== c.expected) throw new VersionConflictError('counter moved', key);
    }
  }

  async query<T>(spec: QuerySpec): Promise<Page<VersionedRecord<T>>> {
    if (!keyFits({ pk: spec.pk, sk: 'sk' })) return { items: [] };
    const rows = [...this.records.values()]
      .map((r) => ({ r, entry: spec.index ? r.indexes[spec.index] : r.key }))
      .filter((x): x is { r: Stored & { key: RecordKey }; entry: { pk: string; sk: string } } => !!x.entry && x.entry.pk === spec.pk)
      .filter(({ entry }) => matchesSk(entry.sk, spec.sk))
      // Ties on an index sort key are broken by the table key, as DynamoDB does.
      .sort((a, b) => compare(a.entry.sk, b.entry.sk) || compare(k(a.r.key), k(b.r.key)));
    if (spec.descending) rows.reverse();
    let start = 0;
    if (spec.cursor) {
      const after = decodeCursor(spec.cursor);
      start = rows.findIndex(({ r }) => k(r.key) === after) + 1;
      if (start === 0) throw new ValidationError('分页参数无效，请从第一页重新浏览。');
    }
    const limit = spec.limit ?? 50;
    const page = rows.slice(start, start + limit);
    const more = start + limit < rows.length;
    return {
      items: page.map(({ r }) => toRecord<T>(r)),
      cursor: more && page.length ? Buffer.from(k(page[page.length - 1]!.r.key)).toString('base64url') : undefined,
    };
  }

  async chainsStartedIn(month: string): Promise<RecordKey[]> {
    return [...this.records.values()].filter((r) => r.createdAt.startsWith(month)).map((r) => r.key);
  }

  async putPlainIf(key: RecordKey, data: Readonly<Record<string, unknown>>, expectedRevision: number): Promise<boolean> {
    if (!keyFits(key)) throw new ValidationError('提交的标识过长，无法保存。');
    if (Number(this.plain.get(k(key))?.rev ?? 0) !== expectedRevision) return false;
    this.plain.set(k(key), { ...structuredClone(data), PK: key.pk, SK: key.sk, rev: expectedRevision + 1 });
    return true;
  }

  async history(key: RecordKey): Promise<AuditEvent[]> {
    return [...(this.events.get(k(key)) ?? [])];
  }

  async increment(key: RecordKey, by: number, options: { max?: number } = {}): Promise<number | undefined> {
    if (!keyFits(key)) throw new ValidationError('提交的标识过长，无法保存。');
    const current = Number(this.plain.get(k(key))?.value ?? 0);
    if (options.max !== undefined && current + by > options.max) return undefined;
    this.plain.set(k(key), { ...this.plain.get(k(key)), value: current + by });
    return current + by;
  }
}

function toRecord<T>(r: Stored): VersionedRecord<T> {
  return { data: structuredClone(r.data) as T, entity: r.entity, indexes: presentIndexes(r.indexes), version: r.version, createdAt: r.createdAt, updatedAt: r.updatedAt, auditHead: r.auditHead };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function matchesSk(sk: string, cond: QuerySpec['sk']): boolean {
  if (!cond) return true;
  if ('beginsWith' in cond) return sk.startsWith(cond.beginsWith);
  if ('between' in cond) return sk >= cond.between[0] && sk <= cond.between[1];
  if ('lte' in cond) return sk <= cond.lte;
  return sk >= cond.gte;
}

function decodeCursor(cursor: string): string {
  if (cursor.length > 8192) throw new ValidationError('分页参数无效，请从第一页重新浏览。');
  return Buffer.from(cursor, 'base64url').toString('utf8');
}
