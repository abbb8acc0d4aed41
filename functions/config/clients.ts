import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { AppEnv } from './env';

/**
 * The only place SDK clients are built. In AWS they use the function's role and region; in local
 * mode only the endpoints and the emulators' fixed credentials differ.
 */
export function createClients(env: Pick<AppEnv, 'AWS_REGION' | 'DYNAMODB_ENDPOINT' | 'S3_ENDPOINT'>) {
  const dynamodb = new DynamoDBClient({
    region: env.AWS_REGION,
    ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  const s3 = new S3Client({
    region: env.AWS_REGION,
    ...(env.S3_ENDPOINT
      ? {
          endpoint: env.S3_ENDPOINT,
          forcePathStyle: true,
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
          // s3rver stores aws-chunked framing as content; send plain bodies (stack-notes.md).
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : {}),
  });
  return { dynamodb, s3 };
}
