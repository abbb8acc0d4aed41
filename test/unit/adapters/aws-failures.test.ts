import { nodeContent } from '#adapters/extraction/content-port';
import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { testAuditSigner } from '#adapters/audit/local-signer';
import { DeleteObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoRecordStore } from '#adapters/dynamodb/record-store';
import { S3PrivateFileStore } from '#adapters/s3/private-file-store';
import { uploadDocument } from '#application/documents';
import { sha256 } from '#config/dependencies';
import { ConflictError, StorageUnavailableError, VersionConflictError } from '#domain/errors';
import { systemActor } from '#domain/staff';
import { createLogger } from '#observability/logger';
import { fixedClock } from '#ports/clock';
import { staff } from '#support/memory-deps';

/**
 * What the adapters do when AWS says no: throttling, failed conditions, S3 faults. Each must
 * become a named error the web layer can explain, and leave nothing half-written.
 */
const clock = fixedClock('2026-03-02T02:00:00.000Z');
const ddb = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const event = { type: 'x.changed', actor: systemActor('test') };
const key = { pk: 'THING#1', sk: 'THING' };

afterEach(() => {
  ddb.reset();
  s3.reset();
});

const store = () => new DynamoRecordStore(new DynamoDBClient({ region: 'cn-north-1' }), 'table', clock, sha256, testAuditSigner);

describe('DynamoRecordStore on AWS failures', () => {
  it('turns throttling into StorageUnavailableError', async () => {
    ddb.on(GetCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    await expect(store().get(key)).rejects.toBeInstanceOf(StorageUnavailableError);
  });

  it('turns a cancelled transaction with a failed version condition into VersionConflictError', async () => {
    ddb.on(GetCommand).resolves({ Item: { PK: key.pk, SK: key.sk, version: 3, auditHead: 'h' } });
    ddb.on(TransactWriteCommand).rejects(new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }] }));
    await expect(store().commit([{ op: 'update', write: { key, entity: 'thing', data: {} }, expectedVersion: 3, event }])).rejects.toBeInstanceOf(VersionConflictError);
  });

  it('refuses before writing anything when the record already moved on', async () => {
    ddb.on(GetCommand).resolves({ Item: { PK: key.pk, SK: key.sk, version: 4, auditHead: 'h' } });
    await expect(store().commit([{ op: 'update', write: { key, entity: 'thing', data: {} }, expectedVersion: 3, event }])).rejects.toBeInstanceOf(VersionConflictError);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('reports a duplicate create as ConflictError', async () => {
    ddb
      .on(TransactWriteCommand)
      .rejects(new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }, { Code: 'None' }] }));
    await expect(store().commit([{ op: 'create', write: { key, entity: 'thing', data: {} }, event }])).rejects.toBeInstanceOf(ConflictError);
  });

  it('writes the record, its audit event and the chain registry entry in one transaction', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    await store().commit([{ op: 'create', write: { key, entity: 'thing', data: { a: 1 }, indexes: { GSI1: { pk: 'THINGS', sk: '1' } } }, event }]);
    const calls = ddb.commandCalls(TransactWriteCommand);
    expect(calls).toHaveLength(1);
    const items = calls[0]!.args[0].input.TransactItems!;
    expect(items.map((i) => i.Put?.Item?.SK)).toEqual(['THING', 'AUDIT#THING#0000000001', '2026-03-02T02:00:00.000Z#THING#1|THING']);
    expect(items[0]!.Put).toMatchObject({ ConditionExpression: 'attribute_not_exists(PK)', Item: { version: 1, GSI1PK: 'THINGS', GSI1SK: '1' } });
  });

  it('returns undefined (not an error) when a limited counter is full', async () => {
    ddb.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'full', $metadata: {} }));
    expect(await store().increment({ pk: 'RATE#x', sk: 'w' }, 1, { max: 5 })).toBeUndefined();
  });
});

describe('S3 failures', () => {
  const files = () => new S3PrivateFileStore(new S3Client({ region: 'cn-north-1' }), 'bucket');

  it('turns S3 5xx into StorageUnavailableError', async () => {
    s3.on(PutObjectCommand).rejects(new S3ServiceException({ name: 'InternalError', $fault: 'server', $metadata: { httpStatusCode: 500 }, message: 'boom' }));
    await expect(files().put('k', new Uint8Array([1]), 'text/plain')).rejects.toBeInstanceOf(StorageUnavailableError);
  });

  it('leaves no orphaned object when recording the upload fails after S3 accepted it', async () => {
    s3.on(PutObjectCommand).resolves({});
    s3.on(DeleteObjectCommand).resolves({});
    // The staging commit succeeds; the commit that records the document is throttled.
    ddb
      .on(TransactWriteCommand)
      .resolvesOnce({})
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' }));
    ddb.on(GetCommand).resolves({ Item: { version: 1, auditHead: 'h', createdAt: '2026-03-02T02:00:00.000Z' } });
    const deps = { records: store(), files: files(), clock, logger: createLogger('silent'), content: nodeContent };
    const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
    await expect(uploadDocument(deps, staff(['clerk']), { title: '文件', fileName: 'a.pdf', bytes: pdf })).rejects.toBeInstanceOf(StorageUnavailableError);
    const put = s3.commandCalls(PutObjectCommand)[0]!.args[0].input.Key;
    expect(s3.commandCalls(DeleteObjectCommand).map((c) => c.args[0].input.Key)).toEqual([put]);
  });

  it('reports nothing stored when S3 refuses the upload, and records nothing', async () => {
    s3.on(PutObjectCommand).rejects(new S3ServiceException({ name: 'SlowDown', $fault: 'server', $metadata: { httpStatusCode: 503 }, message: 'slow down' }));
    const deps = { records: store(), files: files(), clock, logger: createLogger('silent'), content: nodeContent };
    await expect(uploadDocument(deps, staff(['clerk']), { title: '文件', fileName: 'a.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n') })).rejects.toBeInstanceOf(StorageUnavailableError);
    // Only the staging marker was committed (the orphan sweep clears it); no document was recorded.
    const commits = ddb.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems!.map((i) => i.Put?.Item?.entity));
    expect(commits).toEqual([['staged-file', 'audit', 'chain']]);
  });
});
