import { HmacExportTickets } from '#adapters/auth/hmac-export-tickets';
import { DynamoDbRateLimiter } from '#adapters/dynamodb/dynamodb-rate-limiter';
import { DynamoDbAgingUploads } from '#adapters/dynamodb/receivables/dynamodb-aging-uploads';
import { DynamoDbCollectionTemplates } from '#adapters/dynamodb/receivables/dynamodb-collection-templates';
import { DynamoDbReceivablesRepository } from '#adapters/dynamodb/receivables/dynamodb-receivables-repository';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { PaytimeBillingProvider } from '#adapters/paytime/paytime-billing-provider';
import { StepFunctionsWorkflows } from '#adapters/step-functions/step-functions-workflows';
import { systemClock } from '#adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import { PAYTIME_PROVIDER_NAME } from '#config/follow-up-env';
import { composeMemberAccounts } from '#config/member-accounts-config';
import { composeObjectStore } from '#config/object-store-config';
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
const table = new TableAccess(config.tableName);
const workflows = new StepFunctionsWorkflows({
  reminderLoopStateMachineArn: config.reminderStateMachineArn,
  conversationStateMachineArn: config.conversationStateMachineArn,
  agingImportStateMachineArn: config.agingImportStateMachineArn,
});
const memberAccounts = composeMemberAccounts(processEnv());

export const deps: TenantApiDependencies = {
  ...repositories,
  tenantId: config.tenantId,
  billing: new PaytimeBillingProvider({ ...config.paytime, clock }),
  workflows,
  ids: new TimeOrderedIdGenerator(clock),
  collectionTemplates: new DynamoDbCollectionTemplates(table),
  agingImports: {
    files: composeObjectStore(config.files),
    uploads: new DynamoDbAgingUploads(table),
    receivables: new DynamoDbReceivablesRepository(table),
    workflow: workflows,
  },
  clock,
  logger,
  providerName: PAYTIME_PROVIDER_NAME,
  team: {
    users: repositories.users,
    ...(memberAccounts && { memberAccounts }),
  },
  rateLimiter: new DynamoDbRateLimiter(table, config.tenantId, {
    requests: config.memberRequestsPerMinute,
    windowSeconds: 60,
  }),
  ...(config.exports && {
    exports: { url: config.exports.url, tickets: new HmacExportTickets(config.exports.ticketKeys) },
  }),
};

export const idempotent = createIdempotentRunner({ tableName: config.tableName, tenantId: config.tenantId });
