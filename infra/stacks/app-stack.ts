import { Duration, SecretValue, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { HttpApi, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination, PayloadFormatVersion } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachedMethods,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  Function as CfFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { OAuthScope, type IUserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Construct } from 'constructs';
import { configuredSiteUrl, type EnvironmentConfig } from '../config';
import { AppFunction } from '../constructs/app-function';
import { acknowledge, acknowledgeWildcardResource } from '../constructs/nag';
import { PUBLIC_FILES_PREFIX } from './stateful-stack';
import { DOWNLOAD_SECURITY_HEADERS } from '#ports/file-store';
import { REVOKING_COGNITO_CALLS } from '#adapters/auth/cognito-events';

export interface AppStackProps extends StackProps {
  readonly config: EnvironmentConfig;
  readonly table: ITable;
  readonly privateBucket: IBucket;
  readonly publicBucket: IBucket;
  readonly accessLogsBucket: IBucket;
  readonly userPool: IUserPool;
  readonly appSecretName: string;
  readonly originSecretName: string;
  readonly auditMacKey: IKey;
  readonly auditAnchorBucket: IBucket;
}

/** Private keys only the release step writes: the copies handed to applicants. */
export const OUTGOING_PREFIX = 'outgoing/';

/** Sets the viewer's address as CloudFront saw it, replacing any header of that name from the client. */
export const VIEWER_ADDRESS_FUNCTION = `function handler(event) {
  var request = event.request;
  request.headers['x-viewer-address'] = { value: event.viewer.ip };
  return request;
}`;

/**
 * Stateless part: functions, HTTP API, schedule, CloudFront and the web app's Cognito client.
 * Safe to destroy and redeploy; all data lives in the stateful stack.
 *
 * Dependency order inside this stack (no cycle): Distribution -> HTTP API (origin domain only);
 * user pool client -> Distribution (callback URL); functions -> Distribution + client (env).
 * The API resource itself does not depend on the functions, only its integration does.
 */
export class AppStack extends Stack {
  readonly httpFunction: AppFunction;
  readonly scheduledJobsFunction: AppFunction;
  readonly releaseFunction: AppFunction;
  readonly revokeSessionsFunction: AppFunction;
  readonly effectsDeadLetters: Queue;
  readonly httpApi: HttpApi;
  readonly distribution: Distribution;
  readonly userPoolClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const { config } = props;

    // The API exists before its integration, so CloudFront can point at it first.
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: `Government information disclosure portal (${config.stageName})`,
      createDefaultStage: false,
    });
    this.addDefaultStage(config);

    const originSecret = SecretValue.secretsManager(props.originSecretName).unsafeUnwrap();
    this.distribution = this.createDistribution(config, props.publicBucket, props.accessLogsBucket, originSecret);
    const siteUrl = configuredSiteUrl(config) ?? `https://${this.distribution.distributionDomainName}`;

    this.userPoolClient = new UserPoolClient(this, 'WebClient', {
      userPool: props.userPool,
      // Public client using the authorization code flow with PKCE: the env contract has no client secret.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${siteUrl}/auth/callback`],
        logoutUrls: [`${siteUrl}/`],
      },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });

    const issuer = `https://cognito-idp.${this.region}.${this.urlSuffix}/${props.userPool.userPoolId}`;
    const environment: Record<string, string> = {
      DEPLOYMENT: 'aws',
      TABLE_NAME: props.table.tableName,
      PRIVATE_BUCKET: props.privateBucket.bucketName,
      PUBLIC_BUCKET: props.publicBucket.bucketName,
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: this.userPoolClient.userPoolClientId,
      AUTH_JWKS_URL: `${issuer}/.well-known/jwks.json`,
      // Not in functions/config/env.ts yet: where the web app sends staff to sign in.
      AUTH_HOSTED_UI_URL: `https://${config.cognitoDomainPrefix}.auth.${this.region}.amazoncognito.com`,
      PUBLIC_BASE_URL: siteUrl,
      PUBLIC_FILES_BASE_URL: `${siteUrl}/files`,
      // CloudFormation resolves this dynamic reference at deploy time, so the plain value ends up in
      // the function configuration (readable with lambda:GetFunctionConfiguration) and a changed
      // secret takes effect only on the next deploy. The secret name is fixed, so no cross-stack
      // token sits inside the reference.
      APP_SECRET: SecretValue.secretsManager(props.appSecretName).unsafeUnwrap(),
      AUDIT_MAC_KEY_ID: props.auditMacKey.keyArn,
      AGENCY_NAME: config.agencyName,
      AGENCY_CODE: config.agencyCode,
      ...(config.notifySender ? { NOTIFY_FROM: config.notifySender.address } : {}),
    };

    this.releaseFunction = new AppFunction(this, 'ReleaseFunction', {
      entry: 'functions/handlers/release.ts',
      description: 'Release step: applies committed effects (the only writer of the public bucket and of applicant copies)',
      logRetention: config.logRetention,
      timeout: Duration.minutes(2),
      environment: { ...environment, DISTRIBUTION_ID: this.distribution.distributionId },
    });
    this.releaseFunction.bindTable(props.table, 'RW');
    this.releaseFunction.bindBucket(props.privateBucket, 'read');
    // The copies handed to applicants, and the search snapshot it keeps up to date.
    this.releaseFunction.bindBucket(props.privateBucket, 'write', `${OUTGOING_PREFIX}*`);
    this.releaseFunction.bindBucket(props.privateBucket, 'write', 'search/*');
    // "Nothing unreviewed leaves": write (and withdrawal) on the public bucket is granted here only.
    this.releaseFunction.bindBucket(props.publicBucket, 'write', `${PUBLIC_FILES_PREFIX}*`);
    this.releaseFunction.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.publicBucket.bucketArn], conditions: { StringLike: { 's3:prefix': [`${PUBLIC_FILES_PREFIX}*`] } } }),
    );
    this.releaseFunction.addToRolePolicy(
      new PolicyStatement({
        actions: ['cloudfront:CreateInvalidation'],
        resources: [`arn:${this.partition}:cloudfront::${this.account}:distribution/${this.distribution.distributionId}`],
      }),
    );
    this.effectsDeadLetters = this.addEffectsStream(props.table, config);

    this.httpFunction = new AppFunction(this, 'HttpFunction', {
      entry: 'functions/handlers/http.ts',
      description: 'Hono web app behind API Gateway (HTTP API, payload 2.0)',
      staticAssets: 'web/static',
      // Staff download signed documents as PDF from the web app.
      documentFont: true,
      logRetention: config.logRetention,
      environment: { ...environment, ORIGIN_VERIFY_SECRET: originSecret },
    });
    this.httpFunction.bindTable(props.table, 'RW');
    // Read/write: presigned uploads and downloads are signed with this role's credentials.
    this.httpFunction.bindBucket(props.privateBucket, 'readwrite');

    this.scheduledJobsFunction = new AppFunction(this, 'ScheduledJobsFunction', {
      entry: 'functions/handlers/scheduled-jobs.ts',
      description: 'Scheduled jobs: deadline sweep, scheduled publication, outbox, audit anchor (EventBridge Scheduler)',
      logRetention: config.logRetention,
      timeout: Duration.minutes(5),
      environment: { ...environment, AUDIT_ANCHOR_BUCKET: props.auditAnchorBucket.bucketName },
    });
    this.scheduledJobsFunction.bindTable(props.table, 'RW');
    // Reads released documents and rewrites the search snapshot (search/) in the private bucket.
    this.scheduledJobsFunction.bindBucket(props.privateBucket, 'readwrite');
    // Anchors of the audit chain heads: it may add them, never delete (Object Lock would refuse anyway).
    this.scheduledJobsFunction.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [props.auditAnchorBucket.arnForObjects('audit-heads/*')] }));
    acknowledgeWildcardResource(this.scheduledJobsFunction.role, props.auditAnchorBucket.arnForObjects('audit-heads/*'), 'One anchor object per day, named by time; add only.');

    this.revokeSessionsFunction = new AppFunction(this, 'RevokeSessionsFunction', {
      entry: 'functions/handlers/revoke-sessions.ts',
      description: 'Ends staff sessions when Cognito changes a user (group, disable, delete, sign-out, password)',
      logRetention: config.logRetention,
      timeout: Duration.seconds(30),
      memorySize: 256,
      environment,
    });
    this.revokeSessionsFunction.bindTable(props.table, 'RW');
    this.addSessionRevocation(props.userPool);

    // Only the release step writes the applicants' copies: the others are denied outgoing/ outright.
    for (const fn of [this.httpFunction, this.scheduledJobsFunction, this.revokeSessionsFunction]) {
      fn.addToRolePolicy(new PolicyStatement({ effect: Effect.DENY, actions: ['s3:PutObject', 's3:DeleteObject'], resources: [props.privateBucket.arnForObjects(`${OUTGOING_PREFIX}*`)] }));
    }
    // Every function that commits audited changes signs the events with the audit MAC key.
    for (const fn of [this.httpFunction, this.scheduledJobsFunction, this.releaseFunction, this.revokeSessionsFunction]) {
      fn.addToRolePolicy(new PolicyStatement({ actions: ['kms:GenerateMac'], resources: [props.auditMacKey.keyArn] }));
    }

    // Outbox delivery: both the HTTP function (right after a change) and the sweep (retries) send
    // through SES, from the agency's one verified identity only.
    if (config.notifySender) {
      const sendFromAgency = new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [`arn:${this.partition}:ses:${this.region}:${this.account}:identity/${config.notifySender.sesIdentity}`],
      });
      this.httpFunction.addToRolePolicy(sendFromAgency);
      this.scheduledJobsFunction.addToRolePolicy(sendFromAgency);
    }

    // `$default` route: every path and method goes to the Hono app.
    const defaultRoute = new HttpRoute(this, 'DefaultRoute', {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('HttpIntegration', this.httpFunction.function, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
      }),
    });
    acknowledge(
      defaultRoute,
      'AwsSolutions-APIG4',
      'Public pages and request forms are anonymous by law; staff routes verify the Cognito JWT in the Hono auth middleware (AUTH_ISSUER/AUTH_JWKS_URL), which an API Gateway authorizer on $default cannot express per path.',
    );
    this.addScheduledJobs();
  }

  /**
   * Effects after commit: every new effect record reaches the release function through the table's
   * stream (filtered to effect inserts). A shard's records arrive in order, and the effects of one
   * subject share a partition key. A record whose handling throws is retried, the batch bisected,
   * and after the retries it goes to the dead-letter queue; the effect itself stays pending in the
   * table and the release sweep below retries it (docs/runbook: redrive).
   */
  private addEffectsStream(table: ITable, config: EnvironmentConfig): Queue {
    const deadLetters = new Queue(this, 'EffectsDeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    acknowledge(deadLetters, 'AwsSolutions-SQS3', 'This queue is itself the dead-letter queue of the effects stream.');
    this.releaseFunction.function.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        reportBatchItemFailures: true,
        parallelizationFactor: 1,
        onFailure: new SqsDlq(deadLetters),
        filters: [FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('effect') } } } })],
      }),
    );
    // Effects waiting for a retry, anything the stream gave up on, and the daily bucket reconciliation.
    const role = new Role(this, 'ReleaseSweepSchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    new Schedule(this, 'ReleaseSweepSchedule', {
      description: 'Release sweep: pending effects and the daily public bucket reconciliation',
      schedule: ScheduleExpression.rate(Duration.minutes(5)),
      target: new LambdaInvoke(this.releaseFunction.function, { role, retryAttempts: 2, maxEventAge: Duration.minutes(30), input: ScheduleTargetInput.fromObject({ job: 'release-sweep' }) }),
    });
    acknowledgeWildcardResource(role, `${this.releaseFunction.function.functionArn}:*`, 'LambdaInvoke grants the release function and its versions/aliases (ARN:*); no other function.');
    void config;
    return deadLetters;
  }

  /**
   * Cognito user changes (CloudTrail management events through EventBridge; the account needs a
   * trail with management events) end the person's sessions in the portal at once.
   */
  private addSessionRevocation(userPool: IUserPool): void {
    new Rule(this, 'CognitoUserChangedRule', {
      description: 'Ends portal sessions when an administrator changes a staff user in Cognito',
      eventPattern: {
        source: ['aws.cognito-idp'],
        detailType: ['AWS API Call via CloudTrail'],
        detail: { eventSource: ['cognito-idp.amazonaws.com'], eventName: [...REVOKING_COGNITO_CALLS], requestParameters: { userPoolId: [userPool.userPoolId] } },
      },
      targets: [new LambdaFunction(this.revokeSessionsFunction.function, { retryAttempts: 4, maxEventAge: Duration.hours(2) })],
    });
  }

  private addDefaultStage(config: EnvironmentConfig): void {
    const accessLogs = new LogGroup(this, 'HttpApiAccessLogs', { retention: config.logRetention });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: config.apiThrottle,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
    });
  }

  /**
   * The scheduled jobs every 5 minutes: publications due at a time of day and undelivered notices on
   * every run; the once-a-day parts (deadline reminders, validity, search rebuild, audit anchor)
   * on the first run of each Beijing date, guarded by a ledger item so retries and later runs skip them.
   */
  private addScheduledJobs(): void {
    const role = new Role(this, 'ScheduledJobsSchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    new Schedule(this, 'ScheduledJobsSchedule', {
      description: 'Scheduled jobs every 5 minutes (daily parts once per Asia/Shanghai date)',
      schedule: ScheduleExpression.rate(Duration.minutes(5)),
      target: new LambdaInvoke(this.scheduledJobsFunction.function, { role, retryAttempts: 2, maxEventAge: Duration.hours(1) }),
    });
    acknowledgeWildcardResource(role, `${this.scheduledJobsFunction.function.functionArn}:*`, 'LambdaInvoke grants the scheduled-jobs function and its versions/aliases (ARN:*); no other function.');
  }

  private createDistribution(config: EnvironmentConfig, publicBucket: IBucket, logBucket: IBucket, originSecret: string): Distribution {
    const apiOrigin = new HttpOrigin(`${this.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      // Proves the request came through CloudFront: the API URL itself is public, and only a
      // request through the edge may tell the app who the viewer is (web/middleware/client-address).
      customHeaders: { 'X-Origin-Verify': originSecret },
    });
    const viewerAddress = new CfFunction(this, 'ViewerAddressFunction', {
      comment: 'Writes the viewer IP the edge saw into x-viewer-address (replacing any client value)',
      code: FunctionCode.fromInline(VIEWER_ADDRESS_FUNCTION),
      runtime: FunctionRuntime.JS_2_0,
    });

    // Reference the bucket by name only: if CDK saw the stateful Bucket it would write an OAC
    // statement naming this distribution into the bucket policy over there (a cross-stack cycle).
    // The stateful stack grants the equivalent statement itself.
    const releasedFiles = Bucket.fromBucketAttributes(this, 'PublicBucketRef', {
      bucketName: publicBucket.bucketName,
      bucketRegionalDomainName: publicBucket.bucketRegionalDomainName,
    });

    // Released files are downloads, never pages of this site: saved, not sniffed, and sandboxed.
    const downloadHeaders = new ResponseHeadersPolicy(this, 'DownloadHeaders', {
      comment: 'Released files: nosniff, sandboxing CSP, HSTS (Content-Disposition: attachment is set on each object)',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: DOWNLOAD_SECURITY_HEADERS['Content-Security-Policy'], override: true },
      },
    });

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'HSTS and baseline security headers; the app sets its own CSP',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: false },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: false },
      },
    });

    // Honour the origin's Cache-Control: nothing is cached unless the app says so (default TTL 0).
    // Cookies are not in the cache key, so any response that depends on a cookie (staff pages,
    // a requester's own case) must send Cache-Control: private or no-store.
    const originCacheControl = new CachePolicy(this, 'OriginCacheControl', {
      comment: 'Cache only what the origin marks cacheable; key = path + query string',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.days(1),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const distribution = new Distribution(this, 'Distribution', {
      comment: `Disclosure portal ${config.stageName}`,
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Mainland China and Hong Kong viewers are served from the Asian edges included here.
      priceClass: PriceClass.PRICE_CLASS_200,
      // Only settable with a custom certificate; the default *.cloudfront.net one is fixed (see CFR4).
      minimumProtocolVersion: config.customDomain ? SecurityPolicyProtocol.TLS_V1_2_2021 : undefined,
      domainNames: config.customDomain ? [config.customDomain.domainName] : undefined,
      certificate: config.customDomain ? Certificate.fromCertificateArn(this, 'SiteCertificate', config.customDomain.certificateArn) : undefined,
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: apiOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachedMethods: CachedMethods.CACHE_GET_HEAD,
        cachePolicy: originCacheControl,
        // Forward cookies, query strings and headers, but not Host: API Gateway must see its own.
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: viewerAddress, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors: {
        // CloudFront keeps the path, so /files/x reads key files/x: released objects live under files/.
        [`/${PUBLIC_FILES_PREFIX}*`]: {
          origin: S3BucketOrigin.withOriginAccessControl(releasedFiles),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: downloadHeaders,
          compress: true,
        },
      },
    });

    Validations.of(distribution).acknowledge({
      id: 'Annotation::@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
      reason: 'Intended: the stateful stack writes the OAC read statement itself (see StatefulStack).',
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'Government information must be available to every citizen, including those abroad; no geo restriction.',
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason: 'No WAF by decision for this stage: API Gateway throttling limits abuse; revisit if attacked.',
    });
    if (!config.customDomain) {
      Validations.of(distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'Without a custom domain CloudFront uses its default *.cloudfront.net certificate, whose TLS policy cannot be set; prod uses a custom domain with TLSv1.2_2021.',
      });
    }
    return distribution;
  }
}
