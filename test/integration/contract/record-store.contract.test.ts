import { beforeEach, describe, expect, it } from 'vitest';
import { testAuditSigner } from '#adapters/audit/local-signer';
import { DynamoRecordStore } from '#adapters/dynamodb/record-store';
import { MemoryRecordStore } from '#adapters/memory/record-store';
import { sha256 } from '#config/dependencies';
import { verifyChain } from '#domain/audit/chain';
import { ConflictError, ValidationError, VersionConflictError } from '#domain/errors';
import { systemActor } from '#domain/staff';
import { fixedClock } from '#ports/clock';
import type { RecordStore } from '#ports/record-store';
import { freshTable } from '#support/local-stack';

/**
 * One set of expectations, run against the in-memory fake and against DynamoDB Local, so the
 * fake that unit tests rely on behaves like the real adapter.
 */
const clock = fixedClock('2026-03-02T02:00:00.000Z');
const actor = systemActor('test');
const key = (id: string) => ({ pk: `THING#${id}`, sk: 'THING' });
const event = (type: string) => ({ type, actor, data: { note: type } });
const write = (id: string, data: Record<string, unknown>, gsi1?: string) => ({
  key: key(id),
  entity: 'thing',
  data,
  indexes: gsi1 ? { GSI1: { pk: 'THINGS', sk: gsi1 } } : {},
});

const adapters: Array<[string, () => Promise<RecordStore>]> = [
  ['memory', async () => new MemoryRecordStore(clock, sha256)],
  [
    'dynamodb-local',
    async () => {
      const { client, tableName } = await freshTable();
      return new DynamoRecordStore(client, tableName, clock, sha256, testAuditSigner);
    },
  ],
];

describe.each(adapters)('RecordStore contract (%s)', (_name, make) => {
  let store: RecordStore;
  beforeEach(async () => {
    store = await make();
  });

  it('creates a record at version 1 with its first audit event', async () => {
    await store.commit([{ op: 'create', write: write('a', { title: '甲' }), event: event('thing.created') }]);
    const record = await store.get<{ title: string }>(key('a'));
    expect(record).toMatchObject({ data: { title: '甲' }, version: 1, createdAt: '2026-03-02T02:00:00.000Z' });
    const history = await store.history(key('a'));
    expect(history.map((e) => [e.seq, e.type])).toEqual([[1, 'thing.created']]);
  });

  it('refuses to create a record twice', async () => {
    await store.commit([{ op: 'create', write: write('a', {}), event: event('thing.created') }]);
    await expect(store.commit([{ op: 'create', write: write('a', {}), event: event('thing.created') }])).rejects.toBeInstanceOf(ConflictError);
  });

  it('updates only from the expected version, and a stale write changes nothing', async () => {
    await store.commit([{ op: 'create', write: write('a', { n: 1 }), event: event('thing.created') }]);
    await store.commit([{ op: 'update', write: write('a', { n: 2 }), expectedVersion: 1, event: event('thing.changed') }]);
    await expect(store.commit([{ op: 'update', write: write('a', { n: 3 }), expectedVersion: 1, event: event('thing.changed') }])).rejects.toBeInstanceOf(VersionConflictError);
    expect(await store.get(key('a'))).toMatchObject({ data: { n: 2 }, version: 2 });
    expect((await store.history(key('a'))).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('commits several changes atomically: one failing condition applies none', async () => {
    await store.commit([{ op: 'create', write: write('a', { n: 1 }), event: event('thing.created') }]);
    await store.commit([{ op: 'create', write: write('b', { n: 1 }), event: event('thing.created') }]);
    await expect(
      store.commit([
        { op: 'update', write: write('a', { n: 2 }), expectedVersion: 1, event: event('thing.changed') },
        { op: 'create', write: write('b', {}), event: event('thing.created') },
      ]),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await store.get(key('a'))).toMatchObject({ data: { n: 1 }, version: 1 });
    expect(await store.history(key('a'))).toHaveLength(1);
  });

  it('fails the whole commit when a checked record moved on', async () => {
    await store.commit([{ op: 'create', write: write('review', {}), event: event('review.created') }]);
    await store.commit([{ op: 'update', write: write('review', { approved: true }), expectedVersion: 1, event: event('review.approved') }]);
    await expect(
      store.commit([
        { op: 'check', key: key('review'), expectedVersion: 1 },
        { op: 'create', write: write('release', {}), event: event('released') },
      ]),
    ).rejects.toBeInstanceOf(VersionConflictError);
    expect(await store.get(key('release'))).toBeUndefined();
  });

  it('chains audit events so that the chain verifies against the record head', async () => {
    await store.commit([{ op: 'create', write: write('a', {}), event: event('one') }]);
    for (let v = 1; v <= 3; v++) await store.commit([{ op: 'update', write: write('a', { v }), expectedVersion: v, event: event(`step-${v}`) }]);
    const events = await store.history(key('a'));
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(verifyChain(sha256, events, { version: 4, hash: events[3]!.hash })).toEqual([]);
  });

  it('lets exactly one of two concurrent writers of the same version win', async () => {
    await store.commit([{ op: 'create', write: write('a', { n: 0 }), event: event('thing.created') }]);
    const results = await Promise.allSettled([
      store.commit([{ op: 'update', write: write('a', { n: 'first' }), expectedVersion: 1, event: event('edit') }]),
      store.commit([{ op: 'update', write: write('a', { n: 'second' }), expectedVersion: 1, event: event('edit') }]),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(VersionConflictError);
    expect(await store.history(key('a'))).toHaveLength(2);
  });

  it('queries an index in order, both directions, with cursor pagination', async () => {
    for (const [id, sk] of [
      ['a', '2026-01-03'],
      ['b', '2026-01-01'],
      ['c', '2026-01-02'],
      ['d', '2026-02-01'],
    ] as const) {
      await store.commit([{ op: 'create', write: write(id, { id }, sk), event: event('thing.created') }]);
    }
    const ascending = await store.query<{ id: string }>({ index: 'GSI1', pk: 'THINGS', sk: { between: ['2026-01-01', '2026-01-31'] } });
    expect(ascending.items.map((r) => r.data.id)).toEqual(['b', 'c', 'a']);
    const first = await store.query<{ id: string }>({ index: 'GSI1', pk: 'THINGS', descending: true, limit: 2 });
    expect(first.items.map((r) => r.data.id)).toEqual(['d', 'a']);
    expect(first.cursor).toBeDefined();
    const second = await store.query<{ id: string }>({ index: 'GSI1', pk: 'THINGS', descending: true, limit: 2, cursor: first.cursor });
    expect(second.items.map((r) => r.data.id)).toEqual(['c', 'b']);
    const upTo = await store.query<{ id: string }>({ index: 'GSI1', pk: 'THINGS', sk: { lte: '2026-01-02' } });
    expect(upTo.items.map((r) => r.data.id)).toEqual(['b', 'c']);
  });

  it('drops a record from an index when a write leaves the entry out', async () => {
    await store.commit([{ op: 'create', write: write('a', {}, '2026-01-01'), event: event('thing.created') }]);
    await store.commit([{ op: 'update', write: write('a', {}), expectedVersion: 1, event: event('thing.closed') }]);
    expect((await store.query({ index: 'GSI1', pk: 'THINGS' })).items).toEqual([]);
  });

  it('guards unique plain items', async () => {
    const guard = { op: 'guard' as const, key: { pk: 'SEED', sk: 'x' }, data: { entity: 'marker' } };
    await store.commit([guard]);
    await expect(store.commit([guard])).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getPlain({ pk: 'SEED', sk: 'x' })).toMatchObject({ entity: 'marker' });
  });

  it('reads the plain items of one partition in sort-key order, from a lower bound, newest first on request', async () => {
    await store.commit(
      ['2026-01-03#c', '2026-01-01#a', '2026-01-02#b'].map((sk) => ({ op: 'guard' as const, key: { pk: 'MARK#1', sk }, data: { entity: 'marker', n: sk.slice(-1) }, expiresAt: 1893456000 })),
    );
    await store.commit([{ op: 'guard', key: { pk: 'MARK#2', sk: '2026-01-01#z' }, data: { entity: 'marker' } }]);
    expect(await store.queryPlain({ pk: 'MARK#1' })).toEqual([
      { entity: 'marker', n: 'a', sk: '2026-01-01#a' },
      { entity: 'marker', n: 'b', sk: '2026-01-02#b' },
      { entity: 'marker', n: 'c', sk: '2026-01-03#c' },
    ]);
    expect((await store.queryPlain({ pk: 'MARK#1', sk: { gte: '2026-01-02' }, descending: true, limit: 1 })).map((m) => m.sk)).toEqual(['2026-01-03#c']);
    expect(await store.queryPlain({ pk: 'MARK#9' })).toEqual([]);
  });

  it('increments counters atomically under concurrency and honours a maximum', async () => {
    const counter = { pk: 'COUNTER#test', sk: '2026' };
    const values = await Promise.all(Array.from({ length: 20 }, () => store.increment(counter, 1)));
    expect([...values].sort((a, b) => a! - b!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const limited = { pk: 'RATE#x', sk: 'w' };
    expect(await store.increment(limited, 1, { max: 2 })).toBe(1);
    expect(await store.increment(limited, 1, { max: 2 })).toBe(2);
    expect(await store.increment(limited, 1, { max: 2 })).toBeUndefined();
  });

  it('draws a counter value inside a commit, and a failed commit burns none', async () => {
    const counter = { pk: 'COUNTER#index', sk: 'scheme' };
    await store.commit([{ op: 'create', write: write('item', {}), event: event('created') }]);
    await store.commit([
      { op: 'count', key: counter, expected: 0 },
      { op: 'update', write: write('item', { n: 1 }), expectedVersion: 1, event: event('numbered') },
    ]);
    expect(await store.getPlain(counter)).toMatchObject({ value: 1 });
    // The item moved on: the whole commit fails and the counter stays where it was.
    const stale = store.commit([
      { op: 'count', key: counter, expected: 1 },
      { op: 'update', write: write('item', { n: 2 }), expectedVersion: 1, event: event('numbered') },
    ]);
    await expect(stale).rejects.toMatchObject({ name: 'VersionConflictError', key: key('item') });
    expect(await store.getPlain(counter)).toMatchObject({ value: 1 });
    // Someone else drew the next number first: the conflict names the counter.
    await store.commit([{ op: 'count', key: counter }]);
    const behind = store.commit([
      { op: 'count', key: counter, expected: 1 },
      { op: 'update', write: write('item', { n: 3 }), expectedVersion: 2, event: event('numbered') },
    ]);
    await expect(behind).rejects.toMatchObject({ name: 'VersionConflictError', key: counter });
    expect(await store.getPlain(counter)).toMatchObject({ value: 2 });
  });

  it('compares and swaps plain pointers', async () => {
    const pointer = { pk: 'SEARCH', sk: 'POINTER' };
    expect(await store.putPlainIf(pointer, { object: 'a' }, 1)).toBe(false);
    expect(await store.putPlainIf(pointer, { object: 'a' }, 0)).toBe(true);
    expect(await store.putPlainIf(pointer, { object: 'b' }, 0)).toBe(false);
    const results = await Promise.all([store.putPlainIf(pointer, { object: 'c' }, 1), store.putPlainIf(pointer, { object: 'd' }, 1)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.getPlain(pointer)).toMatchObject({ rev: 2 });
  });

  it('treats keys larger than DynamoDB allows as absent, and refuses to write them', async () => {
    const huge = { pk: `THING#${'x'.repeat(3000)}`, sk: 'THING' };
    expect(await store.get(huge)).toBeUndefined();
    expect(await store.getPlain(huge)).toBeUndefined();
    expect(await store.history(huge)).toEqual([]);
    expect((await store.query({ pk: huge.pk })).items).toEqual([]);
    await expect(store.commit([{ op: 'create', write: { key: huge, entity: 'thing', data: {} }, event: event('x') }])).rejects.toBeInstanceOf(ValidationError);
  });

  it('refuses a forged cursor as a validation error', async () => {
    const forged = Buffer.from(JSON.stringify({ PK: 'THING#a', SK: { evil: true } })).toString('base64url');
    await expect(store.query({ index: 'GSI1', pk: 'THINGS', cursor: forged })).rejects.toBeInstanceOf(ValidationError);
    await expect(store.query({ index: 'GSI1', pk: 'THINGS', cursor: 'not base64 json' })).rejects.toBeInstanceOf(ValidationError);
  });
});
