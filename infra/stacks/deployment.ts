import { type App, Tags } from 'aws-cdk-lib';
import type { EnvironmentConfig } from '../config';
import { AppStack } from './app-stack';
import { StatefulStack } from './stateful-stack';

export interface Deployment {
  readonly stateful: StatefulStack;
  readonly app: AppStack;
}

/** The two stacks of one environment; shared by bin/app.ts and the infra tests. */
export function addDeployment(app: App, config: EnvironmentConfig): Deployment {
  const env = { account: config.account, region: config.region };
  const prefix = `GovDisclosure-${config.stageName}`;

  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    env,
    config,
    description: `Disclosure portal ${config.stageName}: table, buckets, user pool, secret (retained)`,
  });
  const appStack = new AppStack(app, `${prefix}-App`, {
    env,
    config,
    description: `Disclosure portal ${config.stageName}: functions, HTTP API, schedule, CloudFront`,
    table: stateful.table,
    privateBucket: stateful.privateBucket,
    publicBucket: stateful.publicBucket,
    accessLogsBucket: stateful.accessLogsBucket,
    userPool: stateful.userPool,
    appSecretName: stateful.appSecretName,
    originSecretName: stateful.originSecretName,
    auditMacKey: stateful.auditMacKey,
    auditAnchorBucket: stateful.auditAnchorBucket,
  });
  // Explicit because the secret is read by name (a dynamic reference), which carries no token.
  appStack.addStackDependency(stateful, 'Reads APP_SECRET by name through a dynamic reference');

  Tags.of(app).add('project', 'gov-disclosure-portal');
  Tags.of(app).add('stage', config.stageName);
  return { stateful, app: appStack };
}
