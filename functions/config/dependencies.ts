import { scryptPasswords } from '#adapters/auth/passwords';
import { nodeContent } from '#adapters/extraction/content-port';
import { docxWriter } from '#adapters/documents/docx-writer';
import { pdfWriter } from '#adapters/documents/pdf-writer';
import { platformCaseTypes } from '#application/case-types';
import { createHash } from 'node:crypto';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { createRemoteJWKSet } from 'jose';
import { createStaffTokenVerifier } from '#adapters/auth/staff-token';
import { DynamoRecordStore } from '#adapters/dynamodb/record-store';
import { S3PrivateFileStore } from '#adapters/s3/private-file-store';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { localMailbox } from '#adapters/mail/local-mailbox';
import { SesMailer } from '#adapters/mail/ses-mailer';
import type { AppDependencies } from '#application/context';
import { withEffects } from '#application/effects';
import type { ReleaseDeps } from '#application/release';
import { S3PublicFileWriter } from '#adapters/s3/public-file-writer';
import { CloudFrontInvalidator } from '#adapters/cdn/cloudfront';
import { noCdn } from '#ports/cdn';
import type { Hasher } from '#domain/audit/chain';
import { createLogger } from '#observability/logger';
import { systemClock } from '#ports/clock';
import type { StaffTokenSigner } from '#ports/staff-auth';
import type { JWTVerifyGetKey } from 'jose';
import { createClients } from './clients';
import { ConfigurationError, type AppEnv } from './env';
import { KMSClient } from '@aws-sdk/client-kms';
import { KmsAuditSigner } from '#adapters/audit/kms-signer';
import { HmacAuditSigner, localAuditKey } from '#adapters/audit/local-signer';
import { S3AuditAnchorStore } from '#adapters/audit/anchor-stores';
import type { AuditSigner } from '#ports/audit-signer';
import { policyFromEnv } from './policy';

export const APP_VERSION = '0.1.0';

export const sha256: Hasher = (text) => createHash('sha256').update(text).digest('hex');

export interface LocalOverrides {
  /** Local issuer's keys and signer; in AWS the keys come from Cognito's JWKS URL. */
  readonly staffKeys?: JWTVerifyGetKey;
  readonly localSignIn?: StaffTokenSigner;
}

/**
 * The key that signs audit events: KMS in AWS, a key file outside the data folder locally. There
 * is no default: a deployment without one cannot write audited records.
 */
export function createAuditSigner(env: Pick<AppEnv, 'AUDIT_MAC_KEY_ID' | 'AUDIT_KEY_FILE' | 'AWS_REGION'>): AuditSigner {
  if (env.AUDIT_MAC_KEY_ID) return new KmsAuditSigner(env.AUDIT_MAC_KEY_ID, new KMSClient({ region: env.AWS_REGION }));
  if (env.AUDIT_KEY_FILE) return new HmacAuditSigner(localAuditKey(env.AUDIT_KEY_FILE));
  throw new ConfigurationError('Invalid environment: AUDIT_MAC_KEY_ID (AWS) or AUDIT_KEY_FILE (local mode) must be set to sign audit events');
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
      staffSignIn: cognitoDomain ? { authorizeUrl: `${cognitoDomain}/oauth2/authorize`, tokenUrl: `${cognitoDomain}/oauth2/token`, clientId: env.AUTH_AUDIENCE } : undefined,
    },
    policy: policyFromEnv(env),
    caseTypes: platformCaseTypes(),
    clock,
    logger: createLogger(env.LOG_LEVEL, { service: 'gov-disclosure-portal', region }),
    hash: sha256,
    records: new DynamoRecordStore(dynamodb, env.TABLE_NAME, clock, sha256, createAuditSigner(env)),
    files: new S3PrivateFileStore(s3, env.PRIVATE_BUCKET),
    content: nodeContent,
    documentFiles: { docx: docxWriter, pdf: pdfWriter },
    passwords: scryptPasswords,
    mailer: env.NOTIFY_FROM ? new SesMailer(new SESv2Client({ region }), env.NOTIFY_FROM) : localMailbox,
    verifyStaffToken: createStaffTokenVerifier({
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
      keys: overrides.staffKeys ?? createRemoteJWKSet(new URL(env.AUTH_JWKS_URL)),
    }),
    localSignIn: overrides.localSignIn,
    ...(env.AUDIT_ANCHOR_BUCKET ? { anchors: new S3AuditAnchorStore(s3, env.AUDIT_ANCHOR_BUCKET) } : {}),
    ping: async () => {
      await dynamodb.send(new DescribeTableCommand({ TableName: env.TABLE_NAME }));
    },
  };
  return deps;
}

/**
 * The release step's half of the composition: the public bucket writer, the CDN and an in-process
 * effects runner. Only the release function (AWS) and local mode build it; the HTTP and sweep
 * functions in AWS commit effects and leave them to the release function (the table's stream).
 */
export function createReleaseDependencies(env: AppEnv, deps: AppDependencies): AppDependencies & ReleaseDeps {
  const { s3 } = createClients(env);
  const cdn = env.DISTRIBUTION_ID ? new CloudFrontInvalidator(env.DISTRIBUTION_ID, env.AWS_REGION) : noCdn;
  return withEffects(deps, new S3PublicFileWriter(s3, env.PUBLIC_BUCKET), cdn);
}
