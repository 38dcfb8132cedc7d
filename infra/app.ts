import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { InvalidTenantConfigError, loadTenantConfig } from './config/load-tenant-config';
import { TenantStageStack } from './stacks/tenant-stage-stack';
import { InvalidDeployContextError, parseDeployTarget } from './stage';

const app = new App();
try {
  const target = parseDeployTarget({
    tenant: app.node.tryGetContext('tenant'),
    stage: app.node.tryGetContext('stage'),
  });
  const config = loadTenantConfig(target.tenant, target.stage);
  // Environment-agnostic on purpose: `cdk synth` works offline, with no credentials or account lookups.
  new TenantStageStack(app, target.stackName, {
    stackName: target.stackName,
    config,
    description: `IRIS for tenant ${target.tenant} (${target.stage})`,
  });
  // Every synth and deploy is checked against cdk-nag's AWS Solutions pack: an unacknowledged finding fails
  // the synth. Each acknowledgment carries its reason (infra/nag/nag-suppressions.ts).
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  app.synth();
} catch (error) {
  if (error instanceof InvalidDeployContextError || error instanceof InvalidTenantConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
