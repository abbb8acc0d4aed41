import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { environments, type EnvironmentConfig } from '#infra/config';
import { addDeployment, type Deployment } from '#infra/stacks/deployment';

// aws-cdk-lib's built-in CloudFormation validation costs seconds per synth; cdk-nag still runs.
process.env.CDK_VALIDATION = 'false';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The feature flags and context of cdk.json, so tests synthesize what `cdk synth` does. */
const cdkJsonContext = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')).context as Record<string, unknown>;

export const devConfig = environments.dev!;
export const prodConfig = environments.prod!;

export interface SynthesizedDeployment extends Deployment {
  readonly appInstance: App;
  readonly statefulTemplate: Template;
  readonly appTemplate: Template;
}

/**
 * Build both stacks of one environment and synthesize the app once, without bundling (the
 * `aws:cdk:bundling-stacks: []` context skips esbuild). cdk-nag runs as a validation plugin, so
 * this throws when any AwsSolutions error is not acknowledged.
 */
export function synthDeployment(config: EnvironmentConfig = devConfig, customize?: (deployment: Deployment) => void): SynthesizedDeployment {
  const outdir = mkdtempSync(join(tmpdir(), 'infra-test-'));
  const appInstance = new App({ outdir, context: { ...cdkJsonContext, 'aws:cdk:bundling-stacks': [] } });
  const deployment = addDeployment(appInstance, config);
  customize?.(deployment);
  Validations.of(appInstance).addPlugins(new AwsSolutionsChecks(appInstance));
  try {
    const assembly = appInstance.synth();
    return {
      ...deployment,
      appInstance,
      statefulTemplate: Template.fromJSON(assembly.getStackByName(deployment.stateful.stackName).template),
      appTemplate: Template.fromJSON(assembly.getStackByName(deployment.app.stackName).template),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Logical id of an L2 construct's CloudFormation resource. */
export function logicalId(construct: { node: { defaultChild?: unknown } }, stack: { getLogicalId(e: never): string }): string {
  return stack.getLogicalId(construct.node.defaultChild as never);
}
