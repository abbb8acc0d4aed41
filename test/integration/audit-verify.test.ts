import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryAuditAnchorStore } from '#adapters/audit/anchor-stores';
import { HmacAuditSigner, testAuditSigner } from '#adapters/audit/local-signer';
import { DynamoRecordStore } from '#adapters/dynamodb/record-store';
import { anchorAuditHeads, monthsBetween, verifyAuditTrail } from '#application/audit-verification';
import { sha256 } from '#config/dependencies';
import { canonicalJson, type AuditEvent } from '#domain/audit/chain';
import { systemActor } from '#domain/staff';
import { fixedClock } from '#ports/clock';
import { freshTable } from '#support/local-stack';

/**
 * Tampering done directly in DynamoDB Local, the way someone with table write access (but not the
 * audit MAC key, and not the write-once anchors) would. Each kind is named by the verifier.
 */
describe('audit:verify against DynamoDB Local', () => {
  let store: DynamoRecordStore;
  let raw: DynamoDBDocumentClient;
  let tableName: string;
  let anchors: MemoryAuditAnchorStore;
  const clock = fixedClock('2026-03-02T02:00:00.000Z');
  const key = { pk: 'DOC#1', sk: 'DOC' };
  const auditSk = (seq: number) => `AUDIT#DOC#${String(seq).padStart(10, '0')}`;
  const months = monthsBetween('2026-01', '2026-12');
  const verify = () => verifyAuditTrail({ records: store, hash: sha256, signer: testAuditSigner, anchors }, months);
  const kinds = async () => (await verify()).findings.map((f) => [f.problem.kind, 'seq' in f.problem ? f.problem.seq : 0]);
  const eventAt = async (seq: number) => (await raw.send(new GetCommand({ TableName: tableName, Key: { PK: 'DOC#1', SK: auditSk(seq) } }))).Item!;
  const putEvent = (seq: number, event: AuditEvent) => raw.send(new PutCommand({ TableName: tableName, Item: { PK: 'DOC#1', SK: auditSk(seq), entity: 'audit', event } }));
  const recordItem = async () => (await raw.send(new GetCommand({ TableName: tableName, Key: { PK: 'DOC#1', SK: 'DOC' } }))).Item!;
  /** What an attacker without the key can do: recompute every hash from `from` on, keep the old MACs. */
  const reseal = async (from: number, edit: (e: AuditEvent) => AuditEvent) => {
    let prev = from > 1 ? ((await eventAt(from - 1)).event as AuditEvent).hash : '';
    let last: AuditEvent | undefined;
    for (let seq = from; seq <= 4; seq++) {
      const original = (await eventAt(seq)).event as AuditEvent;
      const { hash: _h, mac, ...body } = seq === from ? edit(original) : original;
      const rebuilt = { ...body, prevHash: prev };
      last = { ...rebuilt, hash: sha256(canonicalJson(rebuilt)), ...(mac ? { mac } : {}) };
      await putEvent(seq, last);
      prev = last.hash;
    }
    await raw.send(new UpdateCommand({ TableName: tableName, Key: { PK: 'DOC#1', SK: 'DOC' }, UpdateExpression: 'SET auditHead = :h', ExpressionAttributeValues: { ':h': last!.hash } }));
  };

  beforeEach(async () => {
    const table = await freshTable();
    tableName = table.tableName;
    raw = DynamoDBDocumentClient.from(table.client);
    anchors = new MemoryAuditAnchorStore();
    store = new DynamoRecordStore(table.client, tableName, clock, sha256, testAuditSigner);
    const actor = systemActor('test');
    await store.commit([{ op: 'create', write: { key, entity: 'document', data: { title: 'v1' } }, event: { type: 'document.uploaded', actor } }]);
    for (let v = 1; v <= 3; v++) {
      await store.commit([
        { op: 'update', write: { key, entity: 'document', data: { title: `v${v + 1}` } }, expectedVersion: v, event: { type: 'document.renamed', actor, data: { to: `v${v + 1}` } } },
      ]);
    }
  });

  it('finds an intact trail intact, against its anchor too', async () => {
    expect(await verify()).toEqual({ checked: 1, findings: [] });
    await anchorAuditHeads({ records: store, clock, anchors }, months);
    expect((await verify()).findings).toEqual([]);
  });

  it('names an altered event', async () => {
    await raw.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { PK: 'DOC#1', SK: auditSk(2) },
        UpdateExpression: 'SET #e.#d.#to = :x',
        ExpressionAttributeNames: { '#e': 'event', '#d': 'data', '#to': 'to' },
        ExpressionAttributeValues: { ':x': 'forged' },
      }),
    );
    expect(await kinds()).toEqual([['altered', 2]]);
  });

  it('names a re-sealed chain: every hash recomputed after an edit, but the MACs no longer verify', async () => {
    await reseal(2, (e) => ({ ...e, data: { to: 'forged' } }));
    const found = await kinds();
    expect(found).toEqual([
      ['resealed', 2],
      ['resealed', 3],
      ['resealed', 4],
    ]);
  });

  it('names events whose MAC was stripped', async () => {
    await reseal(3, ({ mac: _m, ...e }) => e as AuditEvent);
    expect(await kinds()).toContainEqual(['unsigned', 3]);
  });

  it('names a record edited in the table (its content no longer matches its newest event)', async () => {
    await raw.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { PK: 'DOC#1', SK: 'DOC' },
        UpdateExpression: 'SET #d.title = :t',
        ExpressionAttributeNames: { '#d': 'data' },
        ExpressionAttributeValues: { ':t': 'edited quietly' },
      }),
    );
    expect(await kinds()).toEqual([['record-edited', 4]]);
  });

  it('names a record dropped from an index in the table (a case hidden from a queue)', async () => {
    await store.commit([
      {
        op: 'update',
        write: { key, entity: 'document', data: { title: 'v5' }, indexes: { GSI1: { pk: 'QUEUE', sk: 'x' } } },
        expectedVersion: 4,
        event: { type: 'document.queued', actor: systemActor('t') },
      },
    ]);
    await raw.send(new UpdateCommand({ TableName: tableName, Key: { PK: 'DOC#1', SK: 'DOC' }, UpdateExpression: 'REMOVE GSI1PK, GSI1SK' }));
    expect(await kinds()).toEqual([['record-edited', 5]]);
  });

  it('names a removed event in the middle and a removed newest event', async () => {
    await raw.send(new DeleteCommand({ TableName: tableName, Key: { PK: 'DOC#1', SK: auditSk(2) } }));
    let { findings } = await verify();
    expect(findings.map((f) => f.problem.kind)).toEqual(['missing']);
    expect(findings[0]!.problem.message).toContain('2..2');

    await raw.send(new DeleteCommand({ TableName: tableName, Key: { PK: 'DOC#1', SK: auditSk(4) } }));
    ({ findings } = await verify());
    expect(findings.map((f) => f.problem.kind)).toContain('head-mismatch');
  });

  it('names reordered events', async () => {
    const [two, three] = [await eventAt(2), await eventAt(3)];
    await raw.send(new PutCommand({ TableName: tableName, Item: { ...two, SK: auditSk(3) } }));
    await raw.send(new PutCommand({ TableName: tableName, Item: { ...three, SK: auditSk(2) } }));
    expect((await kinds()).map(([k]) => k)).toContain('reordered');
  });

  it('names a consistent roll-back only the anchor can see', async () => {
    await anchorAuditHeads({ records: store, clock, anchors }, months);
    // Cut history back to version 3 so that everything left is internally consistent.
    const three = (await eventAt(3)).event as AuditEvent;
    await raw.send(new DeleteCommand({ TableName: tableName, Key: { PK: 'DOC#1', SK: auditSk(4) } }));
    const record = await recordItem();
    await raw.send(new PutCommand({ TableName: tableName, Item: { ...record, version: 3, auditHead: three.hash, data: { title: 'v3' } } }));
    expect(await kinds()).toEqual([['rolled-back', 4]]);
  });

  it('names a record deleted together with its history and its registry entry', async () => {
    await anchorAuditHeads({ records: store, clock, anchors }, months);
    const items = (await raw.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'DOC#1' } }))).Items!;
    for (const item of items) await raw.send(new DeleteCommand({ TableName: tableName, Key: { PK: item.PK, SK: item.SK } }));
    const registry = (await raw.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'CHAINS#2026-03' } }))).Items!;
    for (const item of registry) await raw.send(new DeleteCommand({ TableName: tableName, Key: { PK: item.PK, SK: item.SK } }));
    const { findings } = await verify();
    expect(findings.map((f) => [f.stream, f.problem.kind])).toEqual([['DOC#1|DOC', 'record-missing']]);
  });

  it('a MAC made with another key does not verify', async () => {
    const other = new HmacAuditSigner(new Uint8Array(32).fill(9));
    const { findings } = await verifyAuditTrail({ records: store, hash: sha256, signer: other }, months);
    expect(findings.map((f) => f.problem.kind)).toEqual(['resealed', 'resealed', 'resealed', 'resealed']);
  });
});
