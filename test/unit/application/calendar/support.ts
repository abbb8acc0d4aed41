import { nodeContent } from '#adapters/extraction/content-port';
import { withTestKind } from './test-kind';
import { DEFAULT_AGENCY_POLICY } from '#domain/policy';
import { localMailbox } from '#adapters/mail/local-mailbox';
import { MemoryRecordStore } from '#adapters/memory/record-store';
import { sha256 } from '#config/dependencies';
import { createLogger } from '#observability/logger';
import { fixedClock, type Clock } from '#ports/clock';
import type { Change, Page, PlainQuerySpec, QuerySpec, RecordKey, RecordStore, VersionedRecord } from '#ports/record-store';

/** A RecordStore wrapper that counts what a use case reads and writes (index-driven cost tests). */
export class CountingRecordStore implements RecordStore {
  itemsRead = 0;
  queries: QuerySpec[] = [];
  /** Items returned by queries, per `index:pk`. */
  readByPartition = new Map<string, number>();
  gets = 0;
  commits = 0;
  constructor(readonly inner: RecordStore) {}
  reset(): void {
    this.itemsRead = 0;
    this.queries = [];
    this.readByPartition.clear();
    this.gets = 0;
    this.commits = 0;
  }
  async get<T>(key: RecordKey) {
    this.gets++;
    return this.inner.get<T>(key);
  }
  async commit(changes: readonly Change[]) {
    this.commits++;
    return this.inner.commit(changes);
  }
  async query<T>(spec: QuerySpec): Promise<Page<VersionedRecord<T>>> {
    const page = await this.inner.query<T>(spec);
    this.queries.push(spec);
    this.itemsRead += page.items.length;
    const p = `${spec.index ?? 'table'}:${spec.pk}`;
    this.readByPartition.set(p, (this.readByPartition.get(p) ?? 0) + page.items.length);
    return page;
  }
  history(key: RecordKey) {
    return this.inner.history(key);
  }
  chainsStartedIn(month: string) {
    return this.inner.chainsStartedIn(month);
  }
  getPlain(key: RecordKey) {
    return this.inner.getPlain(key);
  }
  queryPlain(spec: PlainQuerySpec) {
    return this.inner.queryPlain(spec);
  }
  increment(key: RecordKey, by: number, options?: { max?: number; expiresAt?: number }) {
    return this.inner.increment(key, by, options);
  }
  putPlainIf(key: RecordKey, data: Readonly<Record<string, unknown>>, expectedRevision: number) {
    return this.inner.putPlainIf(key, data, expectedRevision);
  }
}

/** Use-case dependencies over the memory store, with a fixed clock (2026-03-02 10:00 in Shanghai by default). */
export function memoryDeps(iso = '2026-03-02T02:00:00.000Z', clock: Clock = fixedClock(iso)) {
  const records = new CountingRecordStore(new MemoryRecordStore(clock, sha256));
  return { records, clock, logger: createLogger('silent'), mailer: localMailbox, policy: DEFAULT_AGENCY_POLICY, caseTypes: withTestKind(), content: nodeContent };
}

/** A plausible 2027 national schedule (not shipped: 2027 is uncovered in the shipped data). */
export const SCHEDULE_2027 = {
  scope: 'national',
  year: 2027,
  source: { title: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）', documentNumber: '国办发明电〔2026〕99号' },
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-13' },
  ],
  makeupWorkdays: [
    { name: '春节', date: '2027-02-14' },
    { name: '春节', date: '2027-02-20' },
  ],
} as const;
