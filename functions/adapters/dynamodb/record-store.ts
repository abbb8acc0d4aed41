import { ConditionalCheckFailedException, TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { recordStateDigest, sealEvent, type AuditEvent, type AuditEventInput, type Hasher } from '#domain/audit/chain';
import type { AuditSigner } from '#ports/audit-signer';
import { ConflictError, PayloadTooLargeError, StorageUnavailableError, ValidationError, VersionConflictError } from '#domain/errors';
import type { Clock } from '#ports/clock';
import {
  keyFits,
  presentIndexes,
  type Change,
  type IndexName,
  type Page,
  type PlainQuerySpec,
  type QuerySpec,
  type RecordKey,
  type RecordStore,
  type RecordWrite,
  type VersionedRecord,
} from '#ports/record-store';
import { auditKey, auditPrefix, chainRegistryKey, chainRegistryPk, streamName } from './audit-keys';
import { tableDefinition } from './table-definition';

type Item = Record<string, unknown>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const MAX_TRANSACTION_ITEMS = 100;

/**
 * RecordStore on one DynamoDB table. Every change is a conditional write (attribute_not_exists on
 * create, version = expected on update) and its audit event goes into the same TransactWriteItems,
 * so a state change without its audit record (or the reverse) cannot happen.
 */
export class DynamoRecordStore implements RecordStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
    private readonly clock: Clock,
    private readonly hash: Hasher,
    private readonly signer: AuditSigner,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async get<T>(key: RecordKey): Promise<VersionedRecord<T> | undefined> {
    if (!keyFits(key)) return undefined;
    const out = await this.send(() => this.doc.send(new GetCommand({ TableName: this.tableName, Key: toKey(key), ConsistentRead: true })));
    return out.Item ? toRecord<T>(out.Item) : undefined;
  }

  async getPlain(key: RecordKey): Promise<Item | undefined> {
    if (!keyFits(key)) return undefined;
    const out = await this.send(() => this.doc.send(new GetCommand({ TableName: this.tableName, Key: toKey(key), ConsistentRead: true })));
    return out.Item;
  }

  async queryPlain(spec: PlainQuerySpec): Promise<Array<Item & { sk: string }>> {
    if (!keyFits({ pk: spec.pk, sk: spec.sk?.gte ?? 'sk' })) return [];
    const out = await this.send(() =>
      this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: spec.sk ? '#pk = :pk AND #sk >= :sk' : '#pk = :pk',
          ExpressionAttributeNames: { '#pk': tableDefinition.partitionKey, ...(spec.sk ? { '#sk': tableDefinition.sortKey } : {}) },
          ExpressionAttributeValues: { ':pk': spec.pk, ...(spec.sk ? { ':sk': spec.sk.gte } : {}) },
          ScanIndexForward: !spec.descending,
          Limit: Math.min(spec.limit ?? 50, 100),
          ConsistentRead: true,
        }),
      ),
    );
    return (out.Items ?? []).map(({ [tableDefinition.partitionKey]: _pk, [tableDefinition.sortKey]: sk, [tableDefinition.timeToLiveAttribute]: _ttl, ...rest }) => ({ ...rest, sk: String(sk) }));
  }

  async commit(changes: readonly Change[]): Promise<void> {
    if (changes.length === 0) return;
    assertKeysFit(changes);
    const now = this.clock.now().toISOString();
    const items: TransactItem[] = [];
    // Creating and updating need the chain head of the record as it stands; an update reads it
    // with the version it expects, so a concurrent writer makes the whole transaction fail.
    for (const change of changes) items.push(...(await this.transactItemsFor(change, now)));
    if (items.length > MAX_TRANSACTION_ITEMS) throw new Error(`commit of ${items.length} items exceeds the DynamoDB transaction limit`);
    try {
      await this.send(() => this.doc.send(new TransactWriteCommand({ TransactItems: items })));
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
        if (failed >= 0) throw conflictFor(items, failed, error);
        // Another transaction was changing the same item at that moment: the same as a stale write.
        const busy = reasons.findIndex((r) => r.Code === 'TransactionConflict');
        if (busy >= 0) throw new VersionConflictError('concurrent transaction on the same item', keyOf(items[busy]));
        throw new StorageUnavailableError('transaction cancelled by DynamoDB', { cause: error });
      }
      throw error;
    }
  }

  async putPlainIf(key: RecordKey, data: Readonly<Record<string, unknown>>, expectedRevision: number): Promise<boolean> {
    if (!keyFits(key)) throw new ValidationError(KEY_TOO_LONG);
    try {
      await this.send(() =>
        this.doc.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...data, ...toKey(key), rev: expectedRevision + 1 },
            ConditionExpression: expectedRevision === 0 ? 'attribute_not_exists(PK)' : 'rev = :rev',
            ExpressionAttributeValues: expectedRevision === 0 ? undefined : { ':rev': expectedRevision },
          }),
        ),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async query<T>(spec: QuerySpec): Promise<Page<VersionedRecord<T>>> {
    if (!keyFits({ pk: spec.pk, sk: 'sk' })) return { items: [] };
    const { pkName, skName } = keyNames(spec.index);
    const names: Record<string, string> = { '#pk': pkName };
    const values: Record<string, unknown> = { ':pk': spec.pk };
    let condition = '#pk = :pk';
    if (spec.sk) {
      names['#sk'] = skName;
      if ('beginsWith' in spec.sk) {
        condition += ' AND begins_with(#sk, :sk)';
        values[':sk'] = spec.sk.beginsWith;
      } else if ('between' in spec.sk) {
        condition += ' AND #sk BETWEEN :lo AND :hi';
        values[':lo'] = spec.sk.between[0];
        values[':hi'] = spec.sk.between[1];
      } else if ('lte' in spec.sk) {
        condition += ' AND #sk <= :sk';
        values[':sk'] = spec.sk.lte;
      } else {
        condition += ' AND #sk >= :sk';
        values[':sk'] = spec.sk.gte;
      }
    }
    const out = await this.send(() =>
      this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: spec.index,
          KeyConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: !spec.descending,
          Limit: spec.limit ?? 50,
          ExclusiveStartKey: spec.cursor ? decodeCursor(spec.cursor) : undefined,
        }),
      ),
    );
    return {
      items: (out.Items ?? []).map((item) => toRecord<T>(item)),
      cursor: out.LastEvaluatedKey ? encodeCursor(out.LastEvaluatedKey) : undefined,
    };
  }

  async history(key: RecordKey): Promise<AuditEvent[]> {
    if (!keyFits(key)) return [];
    const events: AuditEvent[] = [];
    let cursor: Item | undefined;
    do {
      const out = await this.send(() =>
        this.doc.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
            ExpressionAttributeValues: { ':pk': key.pk, ':prefix': auditPrefix(key) },
            ExclusiveStartKey: cursor,
            ConsistentRead: true,
          }),
        ),
      );
      for (const item of out.Items ?? []) events.push(item.event as AuditEvent);
      cursor = out.LastEvaluatedKey;
    } while (cursor);
    return events;
  }

  async chainsStartedIn(month: string): Promise<RecordKey[]> {
    const streams: RecordKey[] = [];
    let cursor: Item | undefined;
    do {
      const out = await this.send(() =>
        this.doc.send(new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': chainRegistryPk(month) }, ExclusiveStartKey: cursor })),
      );
      for (const item of out.Items ?? []) streams.push(item.stream as RecordKey);
      cursor = out.LastEvaluatedKey;
    } while (cursor);
    return streams;
  }

  async increment(key: RecordKey, by: number, options: { max?: number; expiresAt?: number } = {}): Promise<number | undefined> {
    if (!keyFits(key)) throw new ValidationError(KEY_TOO_LONG);
    const names: Record<string, string> = { '#v': 'value' };
    const values: Record<string, unknown> = { ':by': by };
    let update = 'ADD #v :by';
    if (options.expiresAt !== undefined) {
      update += ' SET #ttl = if_not_exists(#ttl, :ttl)';
      names['#ttl'] = tableDefinition.timeToLiveAttribute;
      values[':ttl'] = options.expiresAt;
    }
    let condition: string | undefined;
    if (options.max !== undefined) {
      condition = 'attribute_not_exists(#v) OR #v <= :limit';
      values[':limit'] = options.max - by;
    }
    try {
      const out = await this.send(() =>
        this.doc.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: toKey(key),
            UpdateExpression: update,
            ConditionExpression: condition,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'UPDATED_NEW',
          }),
        ),
      );
      return Number(out.Attributes?.value);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  private async transactItemsFor(change: Change, now: string): Promise<TransactItem[]> {
    const t = this.tableName;
    switch (change.op) {
      case 'guard':
        return [
          {
            Put: {
              TableName: t,
              Item: { ...change.data, ...toKey(change.key), [tableDefinition.timeToLiveAttribute]: change.expiresAt },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ];
      case 'count': {
        const counted = { TableName: t, Key: toKey(change.key), ExpressionAttributeNames: { '#v': 'value' } };
        if (change.expected === undefined) return [{ Update: { ...counted, UpdateExpression: 'ADD #v :one', ExpressionAttributeValues: { ':one': 1 } } }];
        return [
          {
            Update: {
              ...counted,
              UpdateExpression: 'SET #v = :next',
              ConditionExpression: change.expected === 0 ? 'attribute_not_exists(#v) OR #v = :expected' : '#v = :expected',
              ExpressionAttributeValues: { ':next': change.expected + 1, ':expected': change.expected },
            },
          },
        ];
      }
      case 'check':
        return [
          {
            ConditionCheck: {
              TableName: t,
              Key: toKey(change.key),
              ConditionExpression: 'version = :v',
              ExpressionAttributeValues: { ':v': change.expectedVersion },
            },
          },
        ];
      case 'create': {
        const { key } = change.write;
        const event = await this.seal(change.write, change.event, { seq: 1, at: now, prevHash: '' });
        return [
          {
            Put: {
              TableName: t,
              Item: toItem(change.write, { version: 1, auditHead: event.hash, createdAt: now, updatedAt: now }),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Put: { TableName: t, Item: { ...toKey(auditKey(key, 1)), entity: 'audit', event }, ConditionExpression: 'attribute_not_exists(PK)' } },
          { Put: { TableName: t, Item: { ...toKey(chainRegistryKey(key, now)), entity: 'chain', stream: key } } },
        ];
      }
      case 'update': {
        const { key } = change.write;
        const current = await this.getPlain(key);
        if (!current || current.version !== change.expectedVersion) {
          throw new VersionConflictError(`${streamName(key)}: expected version ${change.expectedVersion}, found ${String(current?.version)}`, key);
        }
        const seq = change.expectedVersion + 1;
        const event = await this.seal(change.write, change.event, { seq, at: now, prevHash: String(current.auditHead ?? '') });
        return [
          {
            Put: {
              TableName: t,
              Item: toItem(change.write, { version: seq, auditHead: event.hash, createdAt: String(current.createdAt), updatedAt: now }),
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': change.expectedVersion },
            },
          },
          { Put: { TableName: t, Item: { ...toKey(auditKey(key, seq)), entity: 'audit', event }, ConditionExpression: 'attribute_not_exists(PK)' } },
        ];
      }
    }
  }

  /** The event for a write: its hash covers the record's new state; the signer's MAC covers the hash. */
  private async seal(write: RecordWrite<unknown>, input: AuditEventInput, position: { seq: number; at: string; prevHash: string }): Promise<AuditEvent> {
    const state = recordStateDigest(this.hash, { entity: write.entity, data: write.data, indexes: presentIndexes(write.indexes) });
    const event = sealEvent(this.hash, input, { stream: streamName(write.key), ...position, state });
    return { ...event, mac: await this.signer.sign(event.hash) };
  }

  /**
   * Throttling, service faults and an unreachable endpoint become one error the web layer turns
   * into a calm 503 (nothing was written: a transaction commits whole or not at all).
   */
  private async send<R>(call: () => Promise<R>): Promise<R> {
    try {
      return await call();
    } catch (error) {
      throw translateDynamoError(error);
    }
  }
}

const KEY_TOO_LONG = '提交的标识过长，无法保存。';

function assertKeysFit(changes: readonly Change[]): void {
  for (const change of changes) {
    const key = change.op === 'create' || change.op === 'update' ? change.write.key : change.key;
    const entries = change.op === 'create' || change.op === 'update' ? Object.values(change.write.indexes ?? {}).filter((e) => e !== null && e !== undefined) : [];
    if (!keyFits(key) || !entries.every((e) => keyFits(e!))) throw new ValidationError(KEY_TOO_LONG);
  }
}

/** Network-level failures of the SDK (the endpoint is down or unreachable) carry a Node error code. */
const NETWORK_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_\w+)$/;

export function translateDynamoError(error: unknown): unknown {
  if (error instanceof TransactionCanceledException || error instanceof ConditionalCheckFailedException) return error;
  const e = error as { name?: string; code?: string; message?: string; $fault?: string; $metadata?: { httpStatusCode?: number } };
  const name = e.name ?? '';
  const status = e.$metadata?.httpStatusCode ?? 0;
  if (
    /Throttl|ProvisionedThroughputExceeded|RequestLimitExceeded|InternalServerError|ServiceUnavailable|TimeoutError|AbortError/.test(name) ||
    status >= 500 ||
    e.$fault === 'server' ||
    NETWORK_CODES.test(e.code ?? '') ||
    (!e.$metadata && /ECONNREFUSED|ECONNRESET|socket hang up/.test(e.message ?? ''))
  ) {
    return new StorageUnavailableError(`DynamoDB: ${name || e.code || 'unreachable'}`, { cause: error });
  }
  if (name === 'ValidationException' && /item size|Item size/.test(e.message ?? '')) {
    return new PayloadTooLargeError('提交的内容过大，无法保存。请缩短正文或改为附件上传。', e.message);
  }
  if (name === 'ValidationException' && /ExclusiveStartKey|starting key/i.test(e.message ?? '')) {
    return new ValidationError('分页参数无效，请从第一页重新浏览。');
  }
  return error;
}

function keyNames(index?: string): { pkName: string; skName: string } {
  if (!index) return { pkName: tableDefinition.partitionKey, skName: tableDefinition.sortKey };
  const def = tableDefinition.globalSecondaryIndexes.find((i) => i.indexName === index);
  if (!def) throw new Error(`unknown index ${index}`);
  return { pkName: def.partitionKey, skName: def.sortKey };
}

function toKey(key: RecordKey): Item {
  return { PK: key.pk, SK: key.sk };
}

/** The item a first write of `write` puts in the table, for bulk seeding outside a transaction (the benchmarks); no audit event. */
export const seedItem = (write: RecordWrite<unknown>, at: string): Item => toItem(write, { version: 1, auditHead: '', createdAt: at, updatedAt: at });

function toItem(write: RecordWrite<unknown>, meta: Item): Item {
  const item: Item = { ...toKey(write.key), entity: write.entity, data: write.data, ...meta };
  for (const def of tableDefinition.globalSecondaryIndexes) {
    const entry = write.indexes?.[def.indexName as IndexName];
    if (entry) {
      item[def.partitionKey] = entry.pk;
      item[def.sortKey] = entry.sk;
    }
  }
  return item;
}

function toRecord<T>(item: Item): VersionedRecord<T> {
  const indexes: Partial<Record<IndexName, { pk: string; sk: string }>> = {};
  for (const def of tableDefinition.globalSecondaryIndexes) {
    const pk = item[def.partitionKey];
    const sk = item[def.sortKey];
    if (typeof pk === 'string' && typeof sk === 'string') indexes[def.indexName as IndexName] = { pk, sk };
  }
  return {
    data: item.data as T,
    entity: String(item.entity ?? ''),
    indexes,
    version: Number(item.version),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
    auditHead: String(item.auditHead ?? ''),
  };
}

function keyOf(item: TransactItem | undefined): RecordKey | undefined {
  const key = item?.Put?.Item ?? item?.Update?.Key ?? item?.ConditionCheck?.Key ?? item?.Delete?.Key;
  return key ? { pk: String(key.PK), sk: String(key.SK) } : undefined;
}

function conflictFor(items: TransactItem[], index: number, cause: unknown): Error {
  const item = items[index];
  if (item?.Put?.ConditionExpression === 'attribute_not_exists(PK)') {
    return new ConflictError('该记录已存在，不能重复创建。', `duplicate ${String(item.Put.Item?.PK)}/${String(item.Put.Item?.SK)}`);
  }
  return new VersionConflictError(`transaction item ${index} failed its condition: ${String((cause as Error).message)}`, keyOf(item));
}

function encodeCursor(key: Item): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const KEY_ATTRIBUTES = new Set([tableDefinition.partitionKey, tableDefinition.sortKey, ...tableDefinition.globalSecondaryIndexes.flatMap((g) => [g.partitionKey, g.sortKey])]);

/** A cursor comes back from the client: only key attributes with string values that could exist. */
function decodeCursor(cursor: string): Item {
  let value: unknown;
  try {
    if (cursor.length <= 8192) value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // refused below
  }
  const entries = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [];
  const valid = entries.length > 0 && entries.every(([k, v]) => KEY_ATTRIBUTES.has(k) && typeof v === 'string' && v.length > 0 && v.length <= 2048);
  if (!valid) throw new ValidationError('分页参数无效，请从第一页重新浏览。');
  return Object.fromEntries(entries) as Item;
}
