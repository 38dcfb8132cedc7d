import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { systemClock } from '#adapters/system/system-clock';
import { processEnv } from '#config/process-env';
import { loadWhatsAppWebhookConfig, loadWhatsAppWebhookSecrets } from '#config/whatsapp-webhook-config';
import { createLogger } from '#logging/create-logger';
import type { WhatsAppWebhookDependencies } from './create-handler';

/**
 * Built once per container, at cold start: one DynamoDB client and nothing else (no Step Functions, no
 * Paytime); secrets are read (and cached) on demand. Routing lives in `inbound-router`.
 */
const config = loadWhatsAppWebhookConfig(processEnv());

export const logger = createLogger('whatsapp-webhook');

export const deps: WhatsAppWebhookDependencies = {
  logger,
  maxBodyBytes: config.maxBodyBytes,
  secrets: () => loadWhatsAppWebhookSecrets(processEnv()),
  store: { deliveries: createTableRepositories(config.tableName).webhookDeliveries, clock: systemClock },
};
