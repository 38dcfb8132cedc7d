import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { InvalidTenantConfigError, loadTenantConfig } from '#infra/config/load-tenant-config';
import { InvalidDeployContextError, parseDeployTarget } from '#infra/stage';
import { seedTenant } from './seed-tenant';

/**
 * `npx tsx infra/tenants/seed-tenant-cli.ts --tenant demo --stage prod --table <TableName output>`
 * Writes the tenant's profile, WhatsApp route and users from `config/tenants/<tenant>.json` into the deployed
 * table, with the AWS credentials and region of the shell (docs/deploy.md).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string' },
      stage: { type: 'string' },
      table: { type: 'string' },
      region: { type: 'string' },
    },
  });
  const target = parseDeployTarget({ tenant: values.tenant, stage: values.stage });
  if (!values.table) {
    throw new InvalidDeployContextError(
      `missing --table (the TableName output of ${target.stackName}; see docs/deploy.md)`,
    );
  }
  const config = loadTenantConfig(target.tenant, target.stage);
  const client = new DynamoDBClient(values.region ? { region: values.region } : {});
  try {
    const summary = await seedTenant(config, values.table, createDocumentClient(client), new Date());
    console.log(JSON.stringify(summary));
  } finally {
    client.destroy();
  }
}

main().catch((error: unknown) => {
  if (error instanceof InvalidDeployContextError || error instanceof InvalidTenantConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
