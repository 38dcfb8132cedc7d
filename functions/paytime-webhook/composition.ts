import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { DynamoDbProviderEventStore } from '#adapters/dynamodb/payments/dynamodb-provider-event-store';
import { systemClock } from '#adapters/system/system-clock';
import { PAYTIME_PROVIDER_NAME, processEnv } from '#config/follow-up-env';
import { loadPaytimeWebhookConfig, loadPaytimeWebhookCredentials } from '#config/paytime-webhook-config';
import { createLogger } from '#logging/create-logger';
import type { PaytimeWebhookDependencies } from './create-handler';

/** Built once per container, at cold start: one DynamoDB client, no Paytime or Step Functions client. */
const env = processEnv();
const config = loadPaytimeWebhookConfig(env);

export const logger = createLogger('paytime-webhook');

const client = createDocumentClient(
  new DynamoDBClient(config.dynamoDbEndpoint ? { endpoint: config.dynamoDbEndpoint } : {}),
);

export const deps: PaytimeWebhookDependencies = {
  tenantId: config.tenantId,
  events: new DynamoDbProviderEventStore(config.tableName, client),
  clock: systemClock,
  providerName: PAYTIME_PROVIDER_NAME,
  credentials: () => loadPaytimeWebhookCredentials(env),
  maxBodyBytes: config.maxBodyBytes,
  logger,
};
