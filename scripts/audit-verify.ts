import { resolve } from 'node:path';
import { DynamoRecordStore } from '../functions/adapters/dynamodb/record-store';
import { monthsBetween, verifyAuditTrail } from '../functions/application/audit-verification';
import { createClients } from '../functions/config/clients';
import { sha256 } from '../functions/config/dependencies';
import { systemClock } from '../functions/ports/clock';
import { localDynamoClient, startEmulators } from '../functions/local/emulators';
import { LOCAL_TABLE, readRunningEndpoints } from '../functions/local/local-runtime';

/**
 * `npm run audit:verify`: walks every audit chain and names each event that was altered,
 * removed or reordered. Exit code 1 when anything is wrong.
 *
 * - AWS: set TABLE_NAME (and AWS credentials/region); the real table is read.
 * - Local: uses the running portal's DynamoDB Local (npm start), or starts one on .data/.
 */
const FIRST_MONTH = process.env.AUDIT_FROM ?? '2019-01';

async function main(): Promise<number> {
  const to = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  let stop = async () => {};
  let client;
  let table = process.env.TABLE_NAME;
  if (table) {
    client = createClients({ AWS_REGION: process.env.AWS_REGION ?? 'cn-north-1', DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT }).dynamodb;
  } else {
    const dataDir = resolve(process.env.DATA_DIR ?? '.data');
    let endpoint = readRunningEndpoints(dataDir)?.dynamodbEndpoint;
    if (!endpoint) {
      const emulators = await startEmulators({ dataDir });
      endpoint = emulators.dynamodbEndpoint;
      stop = () => emulators.stop();
    }
    client = localDynamoClient(endpoint);
    table = LOCAL_TABLE;
  }
  try {
    const store = new DynamoRecordStore(client, table, systemClock, sha256);
    const { checked, findings } = await verifyAuditTrail(store, sha256, monthsBetween(FIRST_MONTH, to));
    for (const f of findings) process.stdout.write(`TAMPERED ${f.stream}: ${f.problem.message}\n`);
    process.stdout.write(`${checked} audit chains checked in ${table}: ${findings.length ? `${findings.length} problem(s) found` : 'all intact'}.\n`);
    return findings.length ? 1 : 0;
  } finally {
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify failed: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
