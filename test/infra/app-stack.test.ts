import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { devConfig, type SynthesizedDeployment, synthDeployment } from './support';

let d: SynthesizedDeployment;
beforeAll(() => {
  d = synthDeployment();
});

const resources = (type: string) => Object.entries(d.appTemplate.findResources(type));
const lambdaFunctions = () => resources('AWS::Lambda::Function');
const functionByEntry = (description: RegExp) => {
  const found = lambdaFunctions().filter(([, r]) => description.test(r.Properties.Description));
  expect(found).toHaveLength(1);
  return found[0]![1].Properties;
};

describe('functions', () => {
  it('are exactly four (HTTP, sweep, release, session revoker), all nodejs22.x on arm64 with X-Ray, source maps and their own log group', () => {
    expect(lambdaFunctions()).toHaveLength(4);
    for (const [, fn] of lambdaFunctions()) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
        Environment: { Variables: expect.objectContaining({ NODE_OPTIONS: '--enable-source-maps', DEPLOYMENT: 'aws' }) },
      });
    }
    const logGroups = resources('AWS::Logs::LogGroup');
    expect(logGroups.every(([, lg]) => typeof lg.Properties.RetentionInDays === 'number')).toBe(true);
  });

  it('receive the env contract of functions/config/env.ts', () => {
    const http = functionByEntry(/Hono/).Environment.Variables;
    for (const name of [
      'TABLE_NAME',
      'PRIVATE_BUCKET',
      'PUBLIC_BUCKET',
      'AUTH_ISSUER',
      'AUTH_AUDIENCE',
      'AUTH_JWKS_URL',
      'AUDIT_MAC_KEY_ID',
      'ORIGIN_VERIFY_SECRET',
      'PUBLIC_BASE_URL',
      'PUBLIC_FILES_BASE_URL',
      'APP_SECRET',
      'AGENCY_NAME',
      'AGENCY_CODE',
    ]) {
      expect(http, name).toHaveProperty(name);
    }
    expect(http.AGENCY_CODE).toBe('000014349');
    // A dynamic reference resolved by CloudFormation at deploy time; never the value itself.
    expect(http.APP_SECRET).toBe('{{resolve:secretsmanager:gov-disclosure/dev/app-secret:SecretString:::}}');
    const issuer = JSON.stringify(http.AUTH_ISSUER);
    expect(issuer).toContain('https://cognito-idp.ap-east-1.');
    expect(JSON.stringify(http.AUTH_JWKS_URL)).toContain('/.well-known/jwks.json');
    const distributionId = Object.keys(d.appTemplate.findResources('AWS::CloudFront::Distribution'))[0]!;
    expect(http.PUBLIC_BASE_URL).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] });
    expect(http.PUBLIC_FILES_BASE_URL).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/files']],
    });
    const clientId = Object.keys(d.appTemplate.findResources('AWS::Cognito::UserPoolClient'))[0]!;
    expect(http.AUTH_AUDIENCE).toEqual({ Ref: clientId });
    expect(http.ORIGIN_VERIFY_SECRET).toBe('{{resolve:secretsmanager:gov-disclosure/dev/origin-verify:SecretString:::}}');
    expect(http.RELEASE_FUNCTION_NAME).toBeUndefined();
    const release = functionByEntry(/Release step/).Environment.Variables;
    expect(release.DISTRIBUTION_ID).toEqual({ Ref: distributionId });
    expect(release.ORIGIN_VERIFY_SECRET).toBeUndefined();
    expect(JSON.stringify(functionByEntry(/sweep/i).Environment.Variables.AUDIT_ANCHOR_BUCKET)).toContain('AuditAnchorBucket');
  });
});

describe('HTTP API', () => {
  it('sends every route ($default) to the HTTP function with payload format 2.0', () => {
    d.appTemplate.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    d.appTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    d.appTemplate.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    const [httpFnId] = lambdaFunctions().find(([, r]) => /Hono/.test(r.Properties.Description))!;
    d.appTemplate.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [httpFnId, 'Arn'] },
    });
  });

  it('has a throttled, auto-deployed $default stage with access logs', () => {
    d.appTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });
});

describe('scheduled jobs', () => {
  it('invokes the scheduled-jobs function every 5 minutes, with one schedule (its daily parts are guarded by date in the app)', () => {
    const [jobsId] = lambdaFunctions().find(([, r]) => /^Scheduled jobs/.test(r.Properties.Description))!;
    const schedules = Object.values(d.appTemplate.findResources('AWS::Scheduler::Schedule')).filter((s) => JSON.stringify(s.Properties.Target).includes(jobsId));
    expect(schedules).toHaveLength(1);
    expect(schedules[0]!.Properties).toMatchObject({ ScheduleExpression: 'rate(5 minutes)', State: 'ENABLED' });
  });
});

describe('CloudFront', () => {
  const distributionConfig = () => Object.values(d.appTemplate.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;

  it('sends the default behaviour to the HTTP API over HTTPS, forwarding all but Host, honouring origin Cache-Control', () => {
    const config = distributionConfig();
    const apiId = Object.keys(d.appTemplate.findResources('AWS::ApiGatewayV2::Api'))[0]!;
    const apiOrigin = config.Origins.find((o: { CustomOriginConfig?: unknown }) => o.CustomOriginConfig);
    expect(JSON.stringify(apiOrigin.DomainName)).toContain(`{"Ref":"${apiId}"}`);
    expect(apiOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });

    const behaviour = config.DefaultCacheBehavior;
    expect(behaviour.TargetOriginId).toBe(apiOrigin.Id);
    expect(behaviour.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(behaviour.AllowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']);
    // Managed policy "AllViewerExceptHostHeader".
    expect(behaviour.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: expect.any(String) });

    d.appTemplate.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        DefaultTTL: 0,
        MinTTL: 0,
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
          CookiesConfig: { CookieBehavior: 'none' },
          HeadersConfig: { HeaderBehavior: 'none' },
          QueryStringsConfig: { QueryStringBehavior: 'all' },
        }),
      }),
    });
    d.appTemplate.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ Override: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: false },
        }),
      }),
    });
  });

  it('serves /files/* from the public bucket through Origin Access Control, GET/HEAD only', () => {
    const config = distributionConfig();
    const oacId = Object.keys(d.appTemplate.findResources('AWS::CloudFront::OriginAccessControl'))[0]!;
    d.appTemplate.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
    const s3Origin = config.Origins.find((o: { S3OriginConfig?: unknown }) => o.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
    expect(JSON.stringify(s3Origin.DomainName)).toContain('PublicBucket');

    expect(config.CacheBehaviors).toHaveLength(1);
    expect(config.CacheBehaviors[0]).toMatchObject({
      PathPattern: '/files/*',
      TargetOriginId: s3Origin.Id,
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD'],
    });
  });

  it('logs to the access-log bucket and uses HTTP/2+3', () => {
    const config = distributionConfig();
    expect(config.Logging).toMatchObject({ Prefix: 'cloudfront/' });
    expect(JSON.stringify(config.Logging.Bucket)).toContain('AccessLogsBucket');
    expect(config.HttpVersion).toBe('http2and3');
  });
});

describe('web app client', () => {
  it('uses the authorization code flow with the site callback, no client secret', () => {
    const distributionId = Object.keys(d.appTemplate.findResources('AWS::CloudFront::Distribution'))[0]!;
    d.appTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
      CallbackURLs: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/auth/callback']] }],
    });
  });
});

describe('notifications', () => {
  it('send e-mail only from the agency identity, from the HTTP and sweep functions', () => {
    expect(functionByEntry(/Hono/).Environment.Variables.NOTIFY_FROM).toBe(devConfig.notifySender!.address);
    const sesStatements = resources('AWS::IAM::Policy').flatMap(([, p]) =>
      (p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>).filter((s) => [s.Action].flat().some((a) => a.startsWith('ses:'))),
    );
    expect(sesStatements).toHaveLength(2);
    for (const s of sesStatements) {
      expect(s.Action).toBe('ses:SendEmail');
      expect(JSON.stringify(s.Resource)).toContain(`:identity/${devConfig.notifySender!.sesIdentity}`);
    }
  });
});

describe('scheduled publication', () => {
  it('runs the sweep every 5 minutes too, and the release sweep (pending effects, reconciliation) beside it', () => {
    const [sweepId] = lambdaFunctions().find(([, r]) => /sweep/i.test(r.Properties.Description))!;
    const [releaseId] = lambdaFunctions().find(([, r]) => /Release step/.test(r.Properties.Description))!;
    d.appTemplate.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(5 minutes)', Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [sweepId, 'Arn'] } }) });
    d.appTemplate.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(5 minutes)',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [releaseId, 'Arn'] }, Input: JSON.stringify({ job: 'release-sweep' }) }),
    });
    expect(functionByEntry(/sweep/i).Environment.Variables.RELEASE_FUNCTION_NAME).toBeUndefined();
  });
});

describe('effects after commit', () => {
  const roleStatements = (role: { node: { defaultChild?: unknown } }) => {
    const roleId = d.app.getLogicalId(role.node.defaultChild as never);
    return Object.values(d.appTemplate.findResources('AWS::IAM::Policy'))
      .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Array<{ Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown }>);
  };

  it('the table streams new images, and only effect inserts invoke the release function, in order, with retries and a dead-letter queue', () => {
    d.statefulTemplate.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
    const [releaseId] = lambdaFunctions().find(([, r]) => /Release step/.test(r.Properties.Description))!;
    const mappings = resources('AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    const m = mappings[0]![1].Properties;
    expect(m.FunctionName).toEqual({ Ref: releaseId });
    expect(m).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      ParallelizationFactor: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    expect(JSON.parse(m.FilterCriteria.Filters[0].Pattern)).toEqual({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['effect'] } } } });
    const dlqId = Object.keys(d.appTemplate.findResources('AWS::SQS::Queue'))[0]!;
    expect(m.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': [dlqId, 'Arn'] });
  });

  it('carries the PDF font only in the function that renders signed documents (the web app)', () => {
    expect(d.app.httpFunction.props.documentFont).toBe(true);
    for (const fn of [d.app.releaseFunction, d.app.scheduledJobsFunction, d.app.revokeSessionsFunction]) expect(fn.props.documentFont, fn.node.id).toBeFalsy();
  });

  it('the release function alone writes applicant copies (outgoing/); the others are denied it', () => {
    const outgoing = (s: { Resource: unknown }) => JSON.stringify(s.Resource).includes('/outgoing/*');
    const allows = roleStatements(d.app.releaseFunction.role).filter((s) => s.Effect === 'Allow' && outgoing(s));
    expect(allows.flatMap((s) => [s.Action].flat())).toEqual(expect.arrayContaining(['s3:PutObject']));
    for (const fn of [d.app.httpFunction, d.app.scheduledJobsFunction, d.app.revokeSessionsFunction]) {
      const denies = roleStatements(fn.role).filter((s) => s.Effect === 'Deny' && outgoing(s));
      expect(denies.flatMap((s) => [s.Action].flat()).sort()).toEqual(['s3:DeleteObject', 's3:PutObject']);
    }
  });

  it('the release function may invalidate this distribution, and lists the public bucket under files/ only', () => {
    const statements = roleStatements(d.app.releaseFunction.role);
    const invalidation = statements.filter((s) => [s.Action].flat().includes('cloudfront:CreateInvalidation'));
    expect(invalidation).toHaveLength(1);
    const distributionId = Object.keys(d.appTemplate.findResources('AWS::CloudFront::Distribution'))[0]!;
    expect(JSON.stringify(invalidation[0]!.Resource)).toContain(`"Ref":"${distributionId}"`);
    expect(JSON.stringify(invalidation[0]!.Resource)).toContain(':cloudfront::');
    const list = statements.find((s) => [s.Action].flat().includes('s3:ListBucket') && JSON.stringify(s.Condition ?? {}).includes('files/*'));
    expect(list).toBeDefined();
    for (const fn of [d.app.httpFunction, d.app.scheduledJobsFunction]) expect(roleStatements(fn.role).some((s) => [s.Action].flat().some((a) => a.startsWith('cloudfront:')))).toBe(false);
  });
});

describe('edge', () => {
  const distributionConfig = () => Object.values(d.appTemplate.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;

  it('sends the origin secret to the API and writes the viewer address at the edge', () => {
    const config = distributionConfig();
    const apiOrigin = config.Origins.find((o: { CustomOriginConfig?: unknown }) => o.CustomOriginConfig);
    expect(apiOrigin.OriginCustomHeaders).toEqual([{ HeaderName: 'X-Origin-Verify', HeaderValue: '{{resolve:secretsmanager:gov-disclosure/dev/origin-verify:SecretString:::}}' }]);
    const fnId = Object.keys(d.appTemplate.findResources('AWS::CloudFront::Function'))[0]!;
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fnId, 'FunctionARN'] } }]);
  });

  it('the viewer-address function replaces whatever the client sent with the address the edge saw', () => {
    const code = Object.values(d.appTemplate.findResources('AWS::CloudFront::Function'))[0]!.Properties.FunctionCode as string;
    const handler = new Function(`${code}; return handler;`)() as (e: unknown) => { headers: Record<string, { value: string }> };
    const out = handler({ viewer: { ip: '198.51.100.7' }, request: { headers: { 'x-viewer-address': { value: '10.0.0.1' }, 'x-forwarded-for': { value: '10.0.0.2' } } } });
    expect(out.headers['x-viewer-address']).toEqual({ value: '198.51.100.7' });
  });

  it('serves released files with nosniff and a sandboxing CSP', () => {
    const config = distributionConfig();
    const files = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/files/*');
    const policy = d.appTemplate.findResources('AWS::CloudFront::ResponseHeadersPolicy')[files.ResponseHeadersPolicyId.Ref]!;
    expect(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig).toMatchObject({
      ContentTypeOptions: { Override: true },
      ContentSecurityPolicy: { ContentSecurityPolicy: expect.stringMatching(/^sandbox; default-src 'none'/), Override: true },
    });
  });
});

describe('audit and sessions', () => {
  it('signs audit events with an HMAC KMS key that every committing function may GenerateMac with', () => {
    d.statefulTemplate.hasResourceProperties('AWS::KMS::Key', { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    const statements = Object.values(d.appTemplate.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[] }>);
    expect(statements.filter((s) => [s.Action].flat().includes('kms:GenerateMac'))).toHaveLength(4);
  });

  it('anchors chain heads in a compliance-mode Object Lock bucket the sweep may only add to', () => {
    d.statefulTemplate.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 7 } } },
    });
    const roleId = d.app.getLogicalId(d.app.scheduledJobsFunction.role.node.defaultChild as never);
    const statements = Object.values(d.appTemplate.findResources('AWS::IAM::Policy'))
      .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>);
    const anchors = statements.filter((s) => JSON.stringify(s.Resource).includes('AuditAnchorBucket'));
    expect(anchors.flatMap((s) => [s.Action].flat())).toEqual(['s3:PutObject']);
  });

  it('ends portal sessions when Cognito users change', () => {
    const rule = resources('AWS::Events::Rule').find(([, r]) => JSON.stringify(r.Properties.EventPattern).includes('cognito-idp'))![1].Properties;
    expect(rule.EventPattern).toMatchObject({
      source: ['aws.cognito-idp'],
      'detail-type': ['AWS API Call via CloudTrail'],
      detail: { eventName: expect.arrayContaining(['AdminRemoveUserFromGroup', 'AdminDisableUser', 'AdminUserGlobalSignOut']) },
    });
    const [revokerId] = lambdaFunctions().find(([, r]) => /Ends staff sessions/.test(r.Properties.Description))!;
    expect(rule.Targets[0].Arn).toEqual({ 'Fn::GetAtt': [revokerId, 'Arn'] });
  });
});
