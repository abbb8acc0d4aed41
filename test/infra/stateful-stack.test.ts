import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '#adapters/dynamodb/table-definition';
import { staffGroups } from '#infra/stacks/stateful-stack';
import { logicalId, type SynthesizedDeployment, synthDeployment } from './support';

let d: SynthesizedDeployment;
beforeAll(() => {
  d = synthDeployment();
});

describe('table', () => {
  it('is built from the shared table definition: keys, GSIs (all string, projection ALL), TTL', () => {
    const gsis = tableDefinition.globalSecondaryIndexes;
    const attributeNames = [tableDefinition.partitionKey, tableDefinition.sortKey, ...gsis.flatMap((g) => [g.partitionKey, g.sortKey])];
    d.statefulTemplate.resourceCountIs('AWS::DynamoDB::Table', 1);
    d.statefulTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayEquals(attributeNames.map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
      GlobalSecondaryIndexes: gsis.map((g) => ({
        IndexName: g.indexName,
        KeySchema: [
          { AttributeName: g.partitionKey, KeyType: 'HASH' },
          { AttributeName: g.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
    });
  });

  it('is on-demand, has PITR and deletion protection, and is retained', () => {
    d.statefulTemplate.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    });
  });
});

describe('document buckets', () => {
  const buckets = () => ({
    private: logicalId(d.stateful.privateBucket, d.stateful),
    public: logicalId(d.stateful.publicBucket, d.stateful),
    logs: logicalId(d.stateful.accessLogsBucket, d.stateful),
  });

  it.each(['private', 'public'] as const)('%s bucket: public access blocked, versioned, SSE-S3, logged, retained', (which) => {
    const id = buckets()[which];
    const resource = d.statefulTemplate.toJSON().Resources[id];
    expect(resource.DeletionPolicy).toBe('Retain');
    expect(resource.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: buckets().logs } },
    });
  });

  it.each(['private', 'public', 'logs'] as const)('%s bucket policy denies requests without TLS', (which) => {
    d.statefulTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: buckets()[which] },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('private bucket allows browser PUT (presigned uploads) from the site origin only', () => {
    const props = d.statefulTemplate.toJSON().Resources[buckets().private].Properties;
    expect(props.CorsConfiguration.CorsRules).toEqual([expect.objectContaining({ AllowedMethods: ['PUT'], AllowedOrigins: ['https://*.cloudfront.net'] })]);
    expect(d.statefulTemplate.toJSON().Resources[buckets().public].Properties.CorsConfiguration).toBeUndefined();
  });
});

describe('staff user pool', () => {
  it('has no self sign-up, a strong password policy, required TOTP MFA, and is retained', () => {
    d.statefulTemplate.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        DeletionProtection: 'ACTIVE',
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
      }),
    });
  });

  it('has one group per staff role', () => {
    const names = Object.values(d.statefulTemplate.findResources('AWS::Cognito::UserPoolGroup')).map((r) => r.Properties.GroupName);
    expect(names.sort()).toEqual(['admin', 'clerk', 'head', 'leader', 'reviewer']);
    expect(staffGroups.map((g) => g.groupName).sort()).toEqual(names);
  });

  it('has the hosted sign-in domain prefix from config', () => {
    d.statefulTemplate.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'gov-disclosure-dev' });
  });
});

describe('APP_SECRET', () => {
  it('is a generated secret of at least 32 characters, retained', () => {
    d.statefulTemplate.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        Name: 'gov-disclosure/dev/app-secret',
        GenerateSecretString: Match.objectLike({ PasswordLength: Match.anyValue() }),
      }),
    });
    const secret = Object.values(d.statefulTemplate.findResources('AWS::SecretsManager::Secret'))[0]!;
    expect(secret.Properties.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(32);
  });
});
