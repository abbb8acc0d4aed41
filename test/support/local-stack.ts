import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createLocalDependencies } from '#local/local-runtime';
import { ensureTable, localDynamoClient, localS3Client } from '#local/emulators';

/** A fresh table on the shared emulators, for one test file. */
export function uniqueTableName(prefix = 'test'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

export function emulatorEndpoints() {
  return { dynamodbEndpoint: inject('dynamodbEndpoint'), s3Endpoint: inject('s3Endpoint') };
}

export async function freshTable(): Promise<{ tableName: string; client: ReturnType<typeof localDynamoClient> }> {
  const client = localDynamoClient(inject('dynamodbEndpoint'));
  const tableName = uniqueTableName();
  await ensureTable(client, tableName);
  return { tableName, client };
}

export function s3Client() {
  return localS3Client(inject('s3Endpoint'));
}

/** The real local composition (same as `npm start`) on a fresh table, quiet logs. */
export async function localDeps(options: { baseUrl?: string; seed?: boolean } = {}) {
  return createLocalDependencies(emulatorEndpoints(), { baseUrl: options.baseUrl ?? 'http://localhost:3999', tableName: uniqueTableName(), logLevel: 'silent', seed: options.seed });
}
