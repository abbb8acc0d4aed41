import { resolve } from 'node:path';
import { FolderAuditAnchorStore, S3AuditAnchorStore } from '#adapters/audit/anchor-stores';
import { DynamoRecordStore } from '#adapters/dynamodb/record-store';
import { monthsBetween, verifyAuditTrail } from '#application/audit-verification';
import { FIRST_AUDIT_MONTH } from '#application/scheduled-jobs';
import { createAuditSigner, sha256 } from '#config/dependencies';
import { createClients } from '#config/clients';
import { systemClock } from '#ports/clock';
import { localDynamoClient, startEmulators } from '#local/emulators';
import { auditAnchorsDir, auditKeyFile, LOCAL_TABLE, readRunningEndpoints } from '#local/local-runtime';

/**
 * `npm run audit:verify`: walks every audit chain and names each event that was altered, removed,
 * reordered or re-sealed, each record edited outside the application, and each chain rewritten or
 * cut back since the last write-once anchor. Exit code 1 when anything is wrong.
 *
 * - AWS: set TABLE_NAME, AUDIT_MAC_KEY_ID (kms:VerifyMac) and AUDIT_ANCHOR_BUCKET (and credentials).
 * - Local: uses the running portal's DynamoDB Local (npm start), or starts one on .data/; the key
 *   file and anchors beside it.
 */
const FIRST_MONTH = process.env.AUDIT_FROM ?? FIRST_AUDIT_MONTH;

async function main(): Promise<number> {
  const to = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  let stop = async () => {};
  let client;
  let table = process.env.TABLE_NAME;
  let signer;
  let anchors;
  const region = process.env.AWS_REGION ?? 'cn-north-1';
  if (table) {
    const clients = createClients({ AWS_REGION: region, DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT, S3_ENDPOINT: process.env.S3_ENDPOINT });
    client = clients.dynamodb;
    signer = createAuditSigner({ AWS_REGION: region, AUDIT_MAC_KEY_ID: process.env.AUDIT_MAC_KEY_ID, AUDIT_KEY_FILE: process.env.AUDIT_KEY_FILE });
    if (process.env.AUDIT_ANCHOR_BUCKET) anchors = new S3AuditAnchorStore(clients.s3, process.env.AUDIT_ANCHOR_BUCKET);
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
    signer = createAuditSigner({ AWS_REGION: region, AUDIT_KEY_FILE: auditKeyFile(dataDir) });
    anchors = new FolderAuditAnchorStore(auditAnchorsDir(dataDir));
  }
  try {
    const store = new DynamoRecordStore(client, table, systemClock, sha256, signer);
    const { checked, findings, anchor } = await verifyAuditTrail({ records: store, hash: sha256, signer, ...(anchors ? { anchors } : {}) }, monthsBetween(FIRST_MONTH, to));
    for (const f of findings) process.stdout.write(`TAMPERED ${f.stream}: [${f.problem.kind}] ${f.problem.message}\n`);
    process.stdout.write(
      `${checked} audit chains checked in ${table}${anchor ? ` against anchor ${anchor}` : ' (no anchor yet)'}: ${findings.length ? `${findings.length} problem(s) found` : 'all intact'}.\n`,
    );
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
