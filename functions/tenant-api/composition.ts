import { HmacExportTickets } from '#adapters/auth/hmac-export-tickets';
import { DynamoDbRateLimiter } from '#adapters/dynamodb/dynamodb-rate-limiter';
import { DynamoDbCollectionTemplates } from '#adapters/dynamodb/receivables/dynamodb-collection-templates';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { PaytimeBillingProvider } from '#adapters/paytime/paytime-billing-provider';
import { StepFunctionsWorkflows } from '#adapters/step-functions/step-functions-workflows';
import { systemClock } from '#adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import { PAYTIME_PROVIDER_NAME } from '#config/follow-up-env';
import { composeMemberAccounts } from '#config/member-accounts-config';
import { processEnv } from '#config/process-env';
import { loadTenantApiConfig } from '#config/tenant-api-config';
import { createLogger } from '#logging/create-logger';
import { createIdempotentRunner } from './idempotency';
import type { TenantApiDependencies } from './tenant-api-dependencies';

/** Built once per container, at cold start. */
const config = await loadTenantApiConfig(processEnv());
const clock = systemClock;

export const logger = createLogger('tenant-api');

const repositories = createTableRepositories(config.tableName);
const memberAccounts = composeMemberAccounts(processEnv());

export const deps: TenantApiDependencies = {
  ...repositories,
  tenantId: config.tenantId,
  billing: new PaytimeBillingProvider({ ...config.paytime, clock }),
  workflows: new StepFunctionsWorkflows({
    reminderLoopStateMachineArn: config.reminderStateMachineArn,
    conversationStateMachineArn: config.conversationStateMachineArn,
  }),
  ids: new TimeOrderedIdGenerator(clock),
  collectionTemplates: new DynamoDbCollectionTemplates(new TableAccess(config.tableName)),
  clock,
  logger,
  providerName: PAYTIME_PROVIDER_NAME,
  team: {
    users: repositories.users,
    ...(memberAccounts && { memberAccounts }),
  },
  rateLimiter: new DynamoDbRateLimiter(new TableAccess(config.tableName), config.tenantId, {
    requests: config.memberRequestsPerMinute,
    windowSeconds: 60,
  }),
  ...(config.exports && {
    exports: { url: config.exports.url, tickets: new HmacExportTickets(config.exports.ticketKeys) },
  }),
};

export const idempotent = createIdempotentRunner({ tableName: config.tableName, tenantId: config.tenantId });
