import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { systemClock } from '#adapters/system/system-clock';
import { PAYTIME_PROVIDER_NAME } from '#config/follow-up-env';
import { loadPaytimeWebhookConfig, loadPaytimeWebhookCredentials } from '#config/paytime-webhook-config';
import { processEnv } from '#config/process-env';
import { createLogger } from '#logging/create-logger';
import type { PaytimeWebhookDependencies } from './create-handler';

/** Built once per container, at cold start: one DynamoDB client, no Paytime or Step Functions client. */
const config = loadPaytimeWebhookConfig(processEnv());

export const logger = createLogger('paytime-webhook');

export const deps: PaytimeWebhookDependencies = {
  tenantId: config.tenantId,
  events: createTableRepositories(config.tableName).providerEvents,
  clock: systemClock,
  providerName: PAYTIME_PROVIDER_NAME,
  credentials: () => loadPaytimeWebhookCredentials(processEnv()),
  maxBodyBytes: config.maxBodyBytes,
  logger,
};
