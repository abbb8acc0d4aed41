import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createLocalIssuer, generateLocalIssuerKeys, type LocalIssuerKeys } from '#adapters/auth/local-issuer';
import type { AppDependencies } from '#application/context';
import type { ReleaseDeps } from '#application/release';
import { S3PublicFileReader } from '#adapters/s3/public-file-writer';
import { FolderAuditAnchorStore } from '#adapters/audit/anchor-stores';
import type { PublicFileReader } from '#ports/file-store';
import { seedDemoData } from '#application/seed';
import { createDependencies, createReleaseDependencies } from '#config/dependencies';
import { agencyPolicyVariables, parseEnv, type AppEnv } from '#config/env';
import { ensureBucket, ensureTable, localDynamoClient, localS3Client, type Emulators } from './emulators';

export const LOCAL_TABLE = 'gov-disclosure-local';
export const LOCAL_PRIVATE_BUCKET = 'gov-disclosure-private';
export const LOCAL_PUBLIC_BUCKET = 'gov-disclosure-public';
const LOCAL_ISSUER = 'http://localhost/local-issuer';
const LOCAL_AUDIENCE = 'local-portal';

interface LocalSecrets {
  appSecret: string;
  issuerKeys: LocalIssuerKeys;
}

/**
 * While `npm start` runs it leaves its emulator endpoints here, so tools such as
 * `npm run audit:verify` use the running DynamoDB Local instead of opening the same files twice.
 */
const endpointsFile = (dataDir: string) => `${dataDir}/running.json`;

export function writeRunningEndpoints(dataDir: string, endpoints: { dynamodbEndpoint: string; s3Endpoint: string; pid: number }): void {
  writeFileSync(endpointsFile(dataDir), JSON.stringify(endpoints));
}

export function clearRunningEndpoints(dataDir: string): void {
  rmSync(endpointsFile(dataDir), { force: true });
}

export function readRunningEndpoints(dataDir: string): { dynamodbEndpoint: string; s3Endpoint: string } | undefined {
  try {
    const running = JSON.parse(readFileSync(endpointsFile(dataDir), 'utf8')) as { dynamodbEndpoint: string; s3Endpoint: string; pid: number };
    process.kill(running.pid, 0); // throws when that process is gone
    return running;
  } catch {
    return undefined;
  }
}

/**
 * The audit MAC key file: beside the data folder, never inside it, so a copy or an edit of .data/
 * does not carry the key and `npm run reset` keeps it (AUDIT_KEY_FILE overrides). Tests without a
 * data folder get one key per process in a temporary folder.
 */
let testKeyFile: string | undefined;
export function auditKeyFile(dataDir: string | undefined): string {
  if (process.env.AUDIT_KEY_FILE) return process.env.AUDIT_KEY_FILE;
  if (dataDir) return join(dirname(resolve(dataDir)), '.audit-key');
  return (testKeyFile ??= join(mkdtempSync(join(tmpdir(), 'audit-key-')), 'audit.key'));
}

/** Local anchors of the audit chain heads: write-once files beside the data folder. */
export const auditAnchorsDir = (dataDir: string) => join(dirname(resolve(dataDir)), '.audit-anchors');

/** Secrets local mode keeps under .data/ so sessions survive a restart; fresh ones in tests. */
async function localSecrets(dataDir: string | undefined): Promise<LocalSecrets> {
  const file = dataDir ? `${dataDir}/local-secrets.json` : undefined;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  const secrets = { appSecret: randomBytes(32).toString('base64url'), issuerKeys: await generateLocalIssuerKeys() };
  if (file) writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/** Local mode's dependencies: the release step runs here, and the app stands in for the CDN. */
export type LocalDependencies = AppDependencies & ReleaseDeps & { readonly publicFileReader: PublicFileReader };

/**
 * Local mode's composition: the same createDependencies as Lambda, with the emulators'
 * endpoints and the local issuer's keys. Creates the table and buckets when missing and seeds
 * the demo data once.
 */
export async function createLocalDependencies(
  emulators: Pick<Emulators, 'dynamodbEndpoint' | 's3Endpoint'> & Partial<Pick<Emulators, 'dynamodbAlive'>>,
  options: { dataDir?: string; baseUrl: string; tableName?: string; logLevel?: AppEnv['LOG_LEVEL']; seed?: boolean },
): Promise<{ deps: LocalDependencies; env: AppEnv }> {
  const secrets = await localSecrets(options.dataDir);
  const tableName = options.tableName ?? LOCAL_TABLE;
  const env = parseEnv({
    TABLE_NAME: tableName,
    PRIVATE_BUCKET: LOCAL_PRIVATE_BUCKET,
    PUBLIC_BUCKET: LOCAL_PUBLIC_BUCKET,
    AUTH_ISSUER: LOCAL_ISSUER,
    AUTH_AUDIENCE: LOCAL_AUDIENCE,
    AUTH_JWKS_URL: `${options.baseUrl}/local-issuer/jwks.json`,
    PUBLIC_BASE_URL: options.baseUrl,
    // Released files live under files/ in the public bucket; the app serves them at /files/* with
    // CloudFront's download headers, as CloudFront does in AWS.
    PUBLIC_FILES_BASE_URL: `${options.baseUrl}/files`,
    APP_SECRET: secrets.appSecret,
    AUDIT_KEY_FILE: auditKeyFile(options.dataDir),
    DYNAMODB_ENDPOINT: emulators.dynamodbEndpoint,
    S3_ENDPOINT: emulators.s3Endpoint,
    AWS_REGION: 'cn-north-1',
    LOG_LEVEL: options.logLevel ?? 'info',
    DEPLOYMENT: 'local',
    AGENCY_NAME: process.env.AGENCY_NAME,
    AGENCY_CODE: process.env.AGENCY_CODE,
    // The agency's rules, as in AWS: npm start with CLARIFICATION_HOURS=24 runs under them.
    ...agencyPolicyVariables(),
  });
  await ensureTable(localDynamoClient(emulators.dynamodbEndpoint), tableName);
  const s3 = localS3Client(emulators.s3Endpoint);
  await ensureBucket(s3, LOCAL_PRIVATE_BUCKET, [options.baseUrl]);
  await ensureBucket(s3, LOCAL_PUBLIC_BUCKET);

  const issuer = await createLocalIssuer(LOCAL_ISSUER, LOCAL_AUDIENCE, secrets.issuerKeys);
  // Local mode is its own release function: effects are applied in-process right after each
  // commit (and by a poller in npm start for anything a failure left pending).
  const base = createDependencies(env, { staffKeys: issuer.keys, localSignIn: issuer });
  const alive = emulators.dynamodbAlive?.bind(emulators);
  const deps: LocalDependencies = {
    ...createReleaseDependencies(env, {
      ...base,
      // Health goes red the moment the DynamoDB Local child is down, not only once a call times out.
      ping: async () => {
        if (alive && !alive()) throw new Error('DynamoDB Local is not running');
        await base.ping?.();
      },
    }),
    publicFileReader: new S3PublicFileReader(s3, LOCAL_PUBLIC_BUCKET),
    ...(options.dataDir ? { anchors: new FolderAuditAnchorStore(auditAnchorsDir(options.dataDir)) } : {}),
  };
  if (options.seed !== false) await seedDemoData(deps);
  return { deps, env };
}
