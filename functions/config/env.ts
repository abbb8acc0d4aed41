import { z } from 'zod';

/**
 * The environment contract shared by both composition roots. The CDK stack sets these on the
 * Lambda functions; local mode sets them from the emulators it starts. Nothing else reads
 * process.env.
 */
const envSchema = z.object({
  TABLE_NAME: z.string().min(3),
  PRIVATE_BUCKET: z.string().min(3),
  PUBLIC_BUCKET: z.string().min(3),
  /** JWT issuer of staff tokens: the Cognito user pool URL in AWS, the local issuer locally. */
  AUTH_ISSUER: z.string().url(),
  /** Audience (Cognito app client id) that staff tokens must carry. */
  AUTH_AUDIENCE: z.string().min(1),
  /** Where the issuer's public keys are published (JWKS). */
  AUTH_JWKS_URL: z.string().url(),
  /** Cognito hosted-UI domain (https://<prefix>.auth.<region>.amazoncognito.com); AWS only. */
  AUTH_HOSTED_UI_URL: z.string().url().optional(),
  /** Verified SES sender for notices to applicants (AWS). Unset: messages stay in the outbox (local mailbox). */
  NOTIFY_FROM: z.string().email().optional(),
  /**
   * Receipt date of online applications (Art. 31; domain.md §11): 'submission' (the default in domain/policy.ts — the
   * portal's automatic acknowledgement is the agency's confirmation, which protects the applicant)
   * or 'clerk-confirmation' (received on the day a clerk confirms it when registering).
   */
  ONLINE_RECEIPT_RULE: z.enum(['submission', 'clerk-confirmation']).optional(),
  /**
   * The agency's own periods (no statutory number); unset = the defaults in domain/policy.ts. A
   * clarification's in natural clock hours from registration (国办发〔2016〕61号: 48; urgent 24),
   * a correction's in working days.
   */
  CLARIFICATION_HOURS: z.coerce.number().int().min(1).max(720).optional(),
  URGENT_CLARIFICATION_HOURS: z.coerce.number().int().min(1).max(720).optional(),
  CORRECTION_WORKING_DAYS: z.coerce.number().int().min(1).max(60).optional(),
  /** Hours before a deadline counted in hours (a clarification's) that the hourly sweep reminds its handler; default in domain/deadlines/config.ts. */
  DUE_SOON_HOURS: z.coerce.number().int().min(0).max(168).optional(),
  /** [M?] What a 要求确认或重新出具已获取信息 answer cites (default in domain/requests/letters.ts; docs/legal-notes.md). */
  CONFIRM_OR_REISSUE_BASIS: z.string().trim().min(2).max(200).optional(),
  /** AWS: the KMS HMAC key that signs audit events (its MAC key never leaves KMS). */
  AUDIT_MAC_KEY_ID: z.string().min(1).optional(),
  /** Local mode: the file holding the audit MAC key, outside the data folder. */
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  /** AWS: the write-once (Object Lock) bucket the daily job anchors audit chain heads in. */
  AUDIT_ANCHOR_BUCKET: z.string().min(3).optional(),
  /** The CloudFront distribution (release function in AWS): removed copies are invalidated there. */
  DISTRIBUTION_ID: z.string().optional(),
  /** Base URL of the public site (CloudFront in AWS, http://localhost:3000 locally). */
  PUBLIC_BASE_URL: z.string().url(),
  /** Base URL under which public-bucket objects are served. */
  PUBLIC_FILES_BASE_URL: z.string().url(),
  /**
   * AWS: the value CloudFront sends in X-Origin-Verify on every origin request. Requests without it
   * reached API Gateway directly, so their CloudFront-Viewer-Address is not to be trusted (refused).
   */
  ORIGIN_VERIFY_SECRET: z.string().min(32).optional(),
  /** Secret for CSRF tokens, access-code hashing and the like (Secrets Manager / SSM in AWS). */
  APP_SECRET: z.string().min(32),
  AGENCY_NAME: z.string().min(1).default('示例市人民政府办公室'),
  AGENCY_CODE: z.string().min(9).default('000014349'),
  /** Endpoints: set only in local mode (emulators); unset in AWS. */
  DYNAMODB_ENDPOINT: z.string().url().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  AWS_REGION: z.string().default('cn-north-1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** 'local' shows the local login page and outbox; never set in AWS. */
  DEPLOYMENT: z.enum(['aws', 'local']).default('aws'),
});

export type AppEnv = z.infer<typeof envSchema>;

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** Variables that were replaced: set, they would be ignored silently, so the start refuses them with the new name. */
const REPLACED: Record<string, string> = {
  CLARIFICATION_WORKING_DAYS: 'CLARIFICATION_HOURS (clarification periods now count natural hours, default 48)',
  URGENT_CLARIFICATION_WORKING_DAYS: 'URGENT_CLARIFICATION_HOURS (default 24)',
};

/** The agency's policy (functions/config/policy.ts) and the replaced names: local mode takes these from its own environment too. */
export const AGENCY_POLICY_VARIABLES = [
  'ONLINE_RECEIPT_RULE',
  'CLARIFICATION_HOURS',
  'URGENT_CLARIFICATION_HOURS',
  'CORRECTION_WORKING_DAYS',
  'DUE_SOON_HOURS',
  'CONFIRM_OR_REISSUE_BASIS',
  ...Object.keys(REPLACED),
] as const;

/** The policy variables set in `source`, for a runtime that builds the rest of its environment itself. */
export function agencyPolicyVariables(source: Record<string, string | undefined> = process.env): Record<string, string> {
  return Object.fromEntries(AGENCY_POLICY_VARIABLES.flatMap((name) => (source[name] !== undefined ? [[name, source[name]!]] : [])));
}

export function parseEnv(source: Record<string, string | undefined> = process.env): AppEnv {
  const replaced = Object.keys(REPLACED).filter((name) => source[name] !== undefined);
  if (replaced.length > 0) throw new ConfigurationError(`Invalid environment: ${replaced.map((name) => `${name} is no longer read; use ${REPLACED[name]}`).join('; ')}`);
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigurationError(`Invalid environment: ${problems}`);
  }
  return result.data;
}
