import { createHash } from 'node:crypto';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { createRemoteJWKSet } from 'jose';
import { createStaffTokenVerifier } from '../adapters/auth/staff-token';
import { DynamoRecordStore } from '../adapters/dynamodb/record-store';
import { S3PrivateFileStore } from '../adapters/s3/private-file-store';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { localMailbox } from '../adapters/mail/local-mailbox';
import { SesMailer } from '../adapters/mail/ses-mailer';
import type { AppDependencies } from '../application/context';
import { createPublicFileWriter, inProcessReleaser } from '../application/release';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { lambdaInvoke, LambdaReleaser } from '../adapters/lambda/releaser';
import type { Hasher } from '../domain/audit/chain';
import { createLogger } from '../observability/logger';
import { systemClock } from '../ports/clock';
import type { StaffTokenSigner } from '../ports/staff-auth';
import type { JWTVerifyGetKey } from 'jose';
import { createClients } from './clients';
import type { AppEnv } from './env';

export const APP_VERSION = '0.1.0';

export const sha256: Hasher = (text) => createHash('sha256').update(text).digest('hex');

export interface LocalOverrides {
  /** Local issuer's keys and signer; in AWS the keys come from Cognito's JWKS URL. */
  readonly staffKeys?: JWTVerifyGetKey;
  readonly localSignIn?: StaffTokenSigner;
}

/** Composition root shared by Lambda and local mode: environment in, ports out. */
export function createDependencies(env: AppEnv, overrides: LocalOverrides = {}): AppDependencies {
  const clock = systemClock;
  const { dynamodb, s3 } = createClients(env);
  const region = env.AWS_REGION;
  const cognitoDomain = env.AUTH_HOSTED_UI_URL;
  const deps: AppDependencies = {
    config: {
      deployment: env.DEPLOYMENT,
      agencyName: env.AGENCY_NAME,
      agencyCode: env.AGENCY_CODE,
      publicBaseUrl: env.PUBLIC_BASE_URL,
      publicFilesBaseUrl: env.PUBLIC_FILES_BASE_URL,
      appSecret: env.APP_SECRET,
      appVersion: APP_VERSION,
      onlineReceiptRule: env.ONLINE_RECEIPT_RULE,
      periods: { clarification: env.CLARIFICATION_WORKING_DAYS, urgentClarification: env.URGENT_CLARIFICATION_WORKING_DAYS, correction: env.CORRECTION_WORKING_DAYS },
      staffSignIn: cognitoDomain
        ? { authorizeUrl: `${cognitoDomain}/oauth2/authorize`, tokenUrl: `${cognitoDomain}/oauth2/token`, clientId: env.AUTH_AUDIENCE }
        : undefined,
    },
    clock,
    logger: createLogger(env.LOG_LEVEL, { service: 'gov-disclosure-portal', region }),
    hash: sha256,
    records: new DynamoRecordStore(dynamodb, env.TABLE_NAME, clock, sha256),
    files: new S3PrivateFileStore(s3, env.PRIVATE_BUCKET),
    mailer: env.NOTIFY_FROM ? new SesMailer(new SESv2Client({ region }), env.NOTIFY_FROM) : localMailbox,
    verifyStaffToken: createStaffTokenVerifier({
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
      keys: overrides.staffKeys ?? createRemoteJWKSet(new URL(env.AUTH_JWKS_URL)),
    }),
    localSignIn: overrides.localSignIn,
    ping: async () => {
      await dynamodb.send(new DescribeTableCommand({ TableName: env.TABLE_NAME }));
    },
  };
  // The release step: the HTTP function in AWS asks the release function (which alone may write
  // to the public bucket); the release function itself and local mode run it in-process.
  const release = env.RELEASE_FUNCTION_NAME
    ? new LambdaReleaser(env.RELEASE_FUNCTION_NAME, lambdaInvoke(new LambdaClient({ region })))
    : inProcessReleaser(deps, createPublicFileWriter(s3, env.PUBLIC_BUCKET));
  return { ...deps, release };
}
