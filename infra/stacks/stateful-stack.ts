import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccountRecovery, FeaturePlan, Mfa, StandardThreatProtectionMode, UserPool, UserPoolGroup } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectLockRetention, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { tableDefinition } from '#adapters/dynamodb/table-definition';
import { configuredSiteUrl, type EnvironmentConfig } from '../config';
import { SecureBucket } from '../constructs/secure-bucket';

/** Staff roles; each is a Cognito group whose name the web app reads from the `cognito:groups` claim. */
export const staffGroups = [
  { groupName: 'clerk', description: '经办人 (clerk)' },
  { groupName: 'head', description: '科室负责人 (head of section)' },
  { groupName: 'reviewer', description: '保密审查员 (secrecy reviewer)' },
  { groupName: 'leader', description: '分管领导 (leader in charge)' },
  { groupName: 'admin', description: '管理员 (administrator)' },
] as const;

/** Key prefix under which the public bucket holds released files; CloudFront serves it as /files/*. */
export const PUBLIC_FILES_PREFIX = 'files/';

export interface StatefulStackProps extends StackProps {
  readonly config: EnvironmentConfig;
}

/**
 * Everything that holds data: table, buckets, user pool, secret. All of it is retained on stack
 * deletion and protected where the service allows, so the app stack can be destroyed and
 * recreated freely.
 */
export class StatefulStack extends Stack {
  readonly table: Table;
  readonly privateBucket: Bucket;
  readonly publicBucket: Bucket;
  readonly accessLogsBucket: Bucket;
  readonly userPool: UserPool;
  readonly appSecret: Secret;
  /** Fixed name, so consumers use a plain dynamic reference (no cross-stack token inside it). */
  readonly appSecretName: string;
  /** The value CloudFront sends the API in X-Origin-Verify (fixed name, read by dynamic reference). */
  readonly originSecretName: string;
  /** HMAC key that signs audit events (its key material never leaves KMS). */
  readonly auditMacKey: Key;
  /** Write-once (Object Lock, compliance) store of the daily audit chain-head anchors. */
  readonly auditAnchorBucket: Bucket;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, { terminationProtection: props.config.terminationProtection, ...props });
    const { config } = props;

    this.table = this.createTable();
    this.accessLogsBucket = this.createAccessLogsBucket(config);

    this.privateBucket = new SecureBucket(this, 'PrivateBucket', {
      accessLogsBucket: this.accessLogsBucket,
      cors: [
        {
          // Browsers PUT attachments straight to S3 with presigned URLs issued by the HTTP function.
          allowedMethods: [HttpMethods.PUT],
          allowedOrigins: [uploadOrigin(config)],
          allowedHeaders: ['content-type', 'content-md5', 'content-disposition', 'x-amz-*'],
          exposedHeaders: ['ETag'],
          maxAge: 3600,
        },
      ],
    }).bucket;

    // Slots of presigned uploads that were never completed (completion copies and deletes them).
    this.privateBucket.addLifecycleRule({ id: 'ExpireUploadSlots', prefix: 'uploads/', expiration: Duration.days(1) });

    this.publicBucket = new SecureBucket(this, 'PublicBucket', { accessLogsBucket: this.accessLogsBucket }).bucket;
    this.allowCloudFrontToReadReleasedFiles();

    this.userPool = this.createUserPool(config);

    this.appSecretName = `gov-disclosure/${config.stageName}/app-secret`;
    this.appSecret = new Secret(this, 'AppSecret', {
      secretName: this.appSecretName,
      description: 'APP_SECRET: CSRF tokens, access-code hashing (functions/config/env.ts)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.appSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'APP_SECRET is read at deploy time into the function environment; rotating it needs a redeploy and ' +
        'invalidates outstanding CSRF tokens and access codes, so it is rotated manually with a release.',
    });

    this.originSecretName = `gov-disclosure/${config.stageName}/origin-verify`;
    const originSecret = new Secret(this, 'OriginVerifySecret', {
      secretName: this.originSecretName,
      description: 'X-Origin-Verify: CloudFront adds it to every origin request; the HTTP function refuses requests without it',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Read at deploy time by CloudFront (origin custom header) and the HTTP function; rotated manually with a deployment so both change together.',
    });

    this.auditMacKey = new Key(this, 'AuditMacKey', {
      description: 'Signs audit events (GenerateMac); the table alone cannot re-seal a chain without it',
      keySpec: KeySpec.HMAC_256,
      keyUsage: KeyUsage.GENERATE_VERIFY_MAC,
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    Validations.of(this.auditMacKey).acknowledge({
      id: 'AwsSolutions-KMS5',
      reason: 'HMAC keys do not support automatic rotation in KMS; and every stored MAC must stay verifiable with this key.',
    });

    this.auditAnchorBucket = new Bucket(this, 'AuditAnchorBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectLockEnabled: true,
      // Compliance mode: no one can delete or overwrite an anchor before its retention ends.
      objectLockDefaultRetention: ObjectLockRetention.compliance(config.auditAnchorRetention),
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 's3/AuditAnchorBucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  private createTable(): Table {
    const S = AttributeType.STRING;
    const table = new Table(this, 'Table', {
      partitionKey: { name: tableDefinition.partitionKey, type: S },
      sortKey: { name: tableDefinition.sortKey, type: S },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      // The effects processor (release function) reads new effect records from the stream.
      stream: StreamViewType.NEW_IMAGE,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableDefinition.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: S },
        sortKey: { name: index.sortKey, type: S },
        projectionType: ProjectionType.ALL,
      });
    }
    return table;
  }

  private createAccessLogsBucket(config: EnvironmentConfig): Bucket {
    const bucket = new Bucket(this, 'AccessLogsBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // CloudFront standard logging writes with ACLs, so ACLs must stay enabled on this bucket.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [{ expiration: config.accessLogExpiration, noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it into itself would loop.',
    });
    return bucket;
  }

  /**
   * Origin Access Control grant, written here rather than by the distribution: CloudFront lives in
   * the app stack, and a bucket policy naming the distribution ID would make this stack depend on
   * the app stack (a cycle). The condition pins the caller to CloudFront distributions of this
   * account, the same scoping CDK itself uses for OAC key policies. GetObject only, files/ only.
   */
  private allowCloudFrontToReadReleasedFiles(): void {
    this.publicBucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowCloudFrontOacReadReleasedFiles',
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: [this.publicBucket.arnForObjects(`${PUBLIC_FILES_PREFIX}*`)],
        conditions: {
          StringEquals: { 'AWS:SourceAccount': this.account },
          ArnLike: { 'AWS:SourceArn': `arn:${this.partition}:cloudfront::${this.account}:distribution/*` },
        },
      }),
    );
  }

  private createUserPool(config: EnvironmentConfig): UserPool {
    const userPool = new UserPool(this, 'StaffUserPool', {
      // Staff accounts are created by administrators only.
      selfSignUpEnabled: false,
      signInAliases: { email: true, username: false },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.REQUIRED,
      // TOTP only: SMS needs an SNS role and costs money, and SIM swaps make it the weaker factor.
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: config.cognitoPlusFeaturePlan ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      standardThreatProtectionMode: config.cognitoPlusFeaturePlan ? StandardThreatProtectionMode.FULL_FUNCTION : undefined,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    if (!config.cognitoPlusFeaturePlan) {
      Validations.of(userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason: `Stage ${config.stageName} uses the Essentials plan to save cost; MFA is required for every user. Prod uses Plus with threat protection.`,
      });
    }
    for (const group of staffGroups) {
      new UserPoolGroup(this, `Group-${group.groupName}`, { userPool, ...group });
    }
    userPool.addDomain('HostedUiDomain', { cognitoDomain: { domainPrefix: config.cognitoDomainPrefix } });
    return userPool;
  }
}

/**
 * The origin allowed to PUT to presigned URLs. With a custom domain it is exact. Without one, the
 * CloudFront domain exists only in the app stack, which depends on this stack; naming it here
 * would be a cycle, so the rule accepts CloudFront default domains. CORS is not access control:
 * an upload still needs a presigned URL that only our HTTP function issues.
 */
function uploadOrigin(config: EnvironmentConfig): string {
  return configuredSiteUrl(config) ?? 'https://*.cloudfront.net';
}
