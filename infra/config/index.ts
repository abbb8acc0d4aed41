import { Duration } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/**
 * Typed per-environment settings. Pick one with `-c stage=<name>` (default `dev`).
 * Nothing here is secret: APP_SECRET is generated in Secrets Manager.
 */
export interface EnvironmentConfig {
  /** Short name used in stack names and resource prefixes. */
  readonly stageName: string;
  /**
   * Target account/region. Leave `account` undefined for an environment-agnostic synth: `cdk synth`
   * then needs no credentials. `region` is still pinned so the Cognito issuer URL and the
   * schedule are explicit in the template.
   */
  readonly account?: string;
  readonly region?: string;
  /** Shown on pages and in documents (AGENCY_NAME / AGENCY_CODE of functions/config/env.ts). */
  readonly agencyName: string;
  readonly agencyCode: string;
  /**
   * Custom domain of the public site. When set, the site URL is known before deployment and is
   * used for CORS, the Cognito callback and PUBLIC_BASE_URL. When unset, the CloudFront default
   * domain is used (see infra/stacks/app-stack.ts for how that avoids a dependency cycle).
   * The certificate must be in us-east-1 (CloudFront requirement).
   */
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
  /** Prefix of the Cognito hosted sign-in domain: <prefix>.auth.<region>.amazoncognito.com. */
  readonly cognitoDomainPrefix: string;
  /** PLUS enables Cognito threat protection (paid); ESSENTIALS is acknowledged in cdk-nag. */
  readonly cognitoPlusFeaturePlan: boolean;
  readonly logRetention: RetentionDays;
  /** How long access logs (S3, CloudFront) are kept before expiry. */
  readonly accessLogExpiration: Duration;
  /** API Gateway default-route throttling (requests per second / burst). */
  readonly apiThrottle: { readonly rateLimit: number; readonly burstLimit: number };
  /**
   * Sender of notices to applicants (receipt, supplement, extension, answer released), a verified
   * SES identity of the agency's domain. Without it, messages stay in the outbox undelivered.
   */
  readonly notifySender?: { readonly address: string; readonly sesIdentity: string };
  /** Termination protection on the stateful stack. */
  readonly terminationProtection: boolean;
  /**
   * How long each daily anchor of the audit chain heads is locked (S3 Object Lock, compliance mode:
   * nobody, not even the account root, can shorten it). Short in dev so test data can expire.
   */
  readonly auditAnchorRetention: Duration;
}

const common = {
  agencyName: '示例市人民政府办公室',
  agencyCode: '000014349',
  // Replace with the agency's own verified SES identity before deploying.
  notifySender: { address: 'xxgk@example.gov.cn', sesIdentity: 'example.gov.cn' },
} as const;

export const environments: Record<string, EnvironmentConfig> = {
  dev: {
    ...common,
    stageName: 'dev',
    region: 'ap-east-1',
    cognitoDomainPrefix: 'gov-disclosure-dev',
    cognitoPlusFeaturePlan: false,
    logRetention: RetentionDays.ONE_MONTH,
    accessLogExpiration: Duration.days(90),
    apiThrottle: { rateLimit: 50, burstLimit: 100 },
    terminationProtection: false,
    auditAnchorRetention: Duration.days(7),
  },
  prod: {
    ...common,
    stageName: 'prod',
    region: 'ap-east-1',
    cognitoDomainPrefix: 'gov-disclosure',
    cognitoPlusFeaturePlan: true,
    // Government records: keep operational logs and access logs well beyond the complaint window.
    logRetention: RetentionDays.ONE_YEAR,
    accessLogExpiration: Duration.days(365 * 3),
    apiThrottle: { rateLimit: 200, burstLimit: 400 },
    terminationProtection: true,
    // Archive-grade: audit records of disclosure work are kept for at least ten years.
    auditAnchorRetention: Duration.days(3653),
  },
};

export function loadConfig(stage: string | undefined): EnvironmentConfig {
  const name = stage ?? 'dev';
  const config = environments[name];
  if (!config) {
    throw new Error(`Unknown stage "${name}"; expected one of: ${Object.keys(environments).join(', ')}`);
  }
  return config;
}

/** The site URL when it is known before deployment (custom domain), else undefined. */
export function configuredSiteUrl(config: EnvironmentConfig): string | undefined {
  return config.customDomain ? `https://${config.customDomain.domainName}` : undefined;
}
