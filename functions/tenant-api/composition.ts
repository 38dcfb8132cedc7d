import { DynamoDbRateLimiter } from '#adapters/dynamodb/dynamodb-rate-limiter';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { systemClock } from '#adapters/system/system-clock';
import { composeMemberAccounts } from '#config/member-accounts-config';
import { processEnv } from '#config/process-env';
import { loadTenantApiConfig } from '#config/tenant-api-config';
import { createLogger } from '#logging/create-logger';
import type { TenantApiDependencies } from './routes';

/** Built once per container, at cold start. */
const config = loadTenantApiConfig(processEnv());

export const logger = createLogger('tenant-api');

const repositories = createTableRepositories(config.tableName);
const memberAccounts = composeMemberAccounts(processEnv());

export const deps: TenantApiDependencies = {
  tenantId: config.tenantId,
  contacts: repositories.contacts,
  tenants: repositories.tenants,
  statements: repositories.statements,
  clock: systemClock,
  team: {
    users: repositories.users,
    ...(memberAccounts && { memberAccounts }),
  },
  rateLimiter: new DynamoDbRateLimiter(new TableAccess(config.tableName), config.tenantId, {
    requests: config.memberRequestsPerMinute,
    windowSeconds: 60,
  }),
};
