import { App } from 'aws-cdk-lib';
import { TenantStageStack } from './stacks/tenant-stage-stack';
import { InvalidDeployContextError, parseDeployTarget } from './stage';

const app = new App();
try {
  const target = parseDeployTarget({
    tenant: app.node.tryGetContext('tenant'),
    stage: app.node.tryGetContext('stage'),
  });
  // Environment-agnostic on purpose: `cdk synth` works offline, with no credentials or account lookups.
  new TenantStageStack(app, target.stackName, {
    stackName: target.stackName,
    tenant: target.tenant,
    stage: target.stage,
    description: `IRIS for tenant ${target.tenant} (${target.stage})`,
  });
  app.synth();
} catch (error) {
  if (error instanceof InvalidDeployContextError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
