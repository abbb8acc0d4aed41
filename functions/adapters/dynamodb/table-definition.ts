/**
 * The one declaration of the application table: key schema, global secondary indexes and TTL.
 * The CDK stack (infra/) and the local bootstrap (functions/local/) both build the table from this,
 * so the cloud table and the emulator table cannot drift apart.
 *
 * Keys are overloaded (single-table design); docs/data-model.md lists every access pattern.
 */
export { TABLE_SCHEMA_VERSION } from '#repositories/schema';

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Every index projects all attributes: the pages that read them need the whole item. */
  globalSecondaryIndexes: [
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
  ] as readonly IndexDefinition[],
  /** Epoch seconds; items with it (rate-limit windows, idempotency keys) expire by themselves. */
  timeToLiveAttribute: 'expiresAt',
} as const;

export type IndexName = 'GSI1' | 'GSI2' | 'GSI3';
