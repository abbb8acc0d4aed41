import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoRecordStore } from '../../functions/adapters/dynamodb/record-store';
import { monthsBetween, verifyAuditTrail } from '../../functions/application/audit-verification';
import { sha256 } from '../../functions/config/dependencies';
import { systemActor } from '../../functions/domain/staff';
import { fixedClock } from '../../functions/ports/clock';
import { freshTable } from '../support/local-stack';

/** Tampering done directly in DynamoDB Local, the way someone with table access would. */
describe('audit:verify against DynamoDB Local', () => {
  let store: DynamoRecordStore;
  let raw: DynamoDBDocumentClient;
  let tableName: string;
  const key = { pk: 'DOC#1', sk: 'DOC' };
  const auditSk = (seq: number) => `AUDIT#DOC#${String(seq).padStart(10, '0')}`;
  const months = monthsBetween('2026-01', '2026-12');

  beforeEach(async () => {
    const table = await freshTable();
    tableName = table.tableName;
    raw = DynamoDBDocumentClient.from(table.client);
    store = new DynamoRecordStore(table.client, tableName, fixedClock('2026-03-02T02:00:00.000Z'), sha256);
    const actor = systemActor('test');
    await store.commit([{ op: 'create', write: { key, entity: 'document', data: { title: 'v1' } }, event: { type: 'document.uploaded', actor } }]);
    for (let v = 1; v <= 3; v++) {
      await store.commit([{ op: 'update', write: { key, entity: 'document', data: { title: `v${v + 1}` } }, expectedVersion: v, event: { type: 'document.renamed', actor, data: { to: `v${v + 1}` } } }]);
    }
  });

  it('finds an intact trail intact', async () => {
    expect(await verifyAuditTrail(store, sha256, months)).toEqual({ checked: 1, findings: [] });
  });

  it('names an altered event', async () => {
    await raw.send(new UpdateCommand({ TableName: tableName, Key: { PK: 'DOC#1', SK: auditSk(2) }, UpdateExpression: 'SET #e.#d.#to = :x', ExpressionAttributeNames: { '#e': 'event', '#d': 'data', '#to': 'to' }, ExpressionAttributeValues: { ':x': 'forged' } }));
    const { findings } = await verifyAuditTrail(store, sha256, months);
    expect(findings.map((f) => [f.stream, f.problem.kind, 'seq' in f.problem ? f.problem.seq : 0])).toEqual([['DOC#1|DOC', 'altered', 2]]);
  });

  it('names a removed event in the middle and a removed newest event', async () => {
    await raw.send(new DeleteCommand({ TableName: tableName, Key: { PK: 'DOC#1', SK: auditSk(2) } }));
    let { findings } = await verifyAuditTrail(store, sha256, months);
    expect(findings.map((f) => f.problem.kind)).toEqual(['missing']);
    expect(findings[0]!.problem.message).toContain('2..2');

    await raw.send(new DeleteCommand({ TableName: tableName, Key: { PK: 'DOC#1', SK: auditSk(4) } }));
    ({ findings } = await verifyAuditTrail(store, sha256, months));
    expect(findings.map((f) => f.problem.kind)).toContain('head-mismatch');
  });

  it('names reordered events', async () => {
    const get = async (seq: number) => (await raw.send(new GetCommand({ TableName: tableName, Key: { PK: 'DOC#1', SK: auditSk(seq) } }))).Item!;
    const [two, three] = [await get(2), await get(3)];
    await raw.send(new PutCommand({ TableName: tableName, Item: { ...two, SK: auditSk(3) } }));
    await raw.send(new PutCommand({ TableName: tableName, Item: { ...three, SK: auditSk(2) } }));
    const { findings } = await verifyAuditTrail(store, sha256, months);
    expect(findings.map((f) => f.problem.kind)).toContain('reordered');
  });

  it('names a record deleted together with part of its history', async () => {
    await raw.send(new DeleteCommand({ TableName: tableName, Key: { PK: 'DOC#1', SK: 'DOC' } }));
    const { findings } = await verifyAuditTrail(store, sha256, months);
    expect(findings.map((f) => f.problem.kind)).toEqual(['record-missing']);
  });
});
