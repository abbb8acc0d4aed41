import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadConfig } from '../config';
import { addDeployment } from '../stacks/deployment';

// Usage: cdk synth -c stage=prod (default: dev).
const app = new App();
const config = loadConfig(app.node.tryGetContext('stage'));
addDeployment(app, config);

// cdk-nag 3 is a policy-validation plugin: findings fail `cdk synth` unless acknowledged with a reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

app.synth();
