import { Stack, Validations } from 'aws-cdk-lib';
import { App } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { type EnvironmentConfig } from '#infra/config';
import { devConfig, prodConfig, synthDeployment } from './support';

/**
 * cdk-nag 3 is a CDK policy-validation plugin: it does not emit Annotations but reports
 * violations to the synthesis, which throws (in-memory apps) when an error is not acknowledged.
 * validateScope() returns the same report for inspection.
 */
function unacknowledgedFindings(app: App) {
  const report = new AwsSolutionsChecks().validateScope(app);
  return report.violations.map((v) => ({
    rule: v.ruleName,
    severity: v.severity,
    at: v.violatingResources.map((r) => r.constructPath),
  }));
}

const withCustomDomain: EnvironmentConfig = {
  ...prodConfig,
  customDomain: {
    domainName: 'xxgk.example.gov.cn',
    certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000',
  },
};

describe('cdk-nag AwsSolutions', () => {
  it.each([
    ['dev', devConfig],
    ['prod', prodConfig],
    ['prod with custom domain', withCustomDomain],
  ])('%s: synthesizes with no unacknowledged finding', (_name, config) => {
    const d = synthDeployment(config); // throws on an unacknowledged error
    expect(unacknowledgedFindings(d.appInstance)).toEqual([]);
  });

  it('custom domain: exact CORS origin and Cognito callback, TLSv1.2_2021 at the edge', () => {
    const d = synthDeployment(withCustomDomain);
    const privateBucket = Object.values(d.statefulTemplate.findResources('AWS::S3::Bucket')).find((b) => b.Properties.CorsConfiguration)!;
    expect(privateBucket.Properties.CorsConfiguration.CorsRules[0].AllowedOrigins).toEqual(['https://xxgk.example.gov.cn']);
    d.appTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://xxgk.example.gov.cn/auth/callback'],
    });
    const dist = Object.values(d.appTemplate.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
    expect(dist.Aliases).toEqual(['xxgk.example.gov.cn']);
    expect(dist.ViewerCertificate).toMatchObject({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
  });

  it('prod uses the Cognito Plus plan with threat protection instead of acknowledging COG8', () => {
    const d = synthDeployment(prodConfig);
    const pool = Object.values(d.statefulTemplate.findResources('AWS::Cognito::UserPool'))[0]!.Properties;
    expect(pool.UserPoolTier).toBe('PLUS');
    expect(pool.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
  });

  it('the check fails on an unacknowledged error (negative control)', () => {
    const app = new App();
    const stack = new Stack(app, 'Careless');
    new Bucket(stack, 'Bare');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
    expect(unacknowledgedFindings(app).map((f) => f.rule)).toContain('AwsSolutions-S10');
  });
});
