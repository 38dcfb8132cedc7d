import { DynamoDbWebhookDeliveryStore } from '#adapters/dynamodb/webhooks/dynamodb-webhook-delivery-store';
import { systemClock } from '#adapters/system/system-clock';
import { processEnv } from '#config/process-env';
import { whatsAppWebhookConfig, whatsAppWebhookSecrets } from '#config/whatsapp-webhook-config';
import { createLogger } from '#logging/create-logger';
import type { WhatsAppWebhookDependencies } from './create-handler';

/**
 * Built once per container, at cold start: one DynamoDB client and nothing else (no Step Functions, no
 * Paytime); secrets are read (and cached) on demand. Routing lives in `inbound-router`.
 */
export function composeWhatsAppWebhook(
  env: NodeJS.ProcessEnv = processEnv() as NodeJS.ProcessEnv,
): WhatsAppWebhookDependencies {
  const config = whatsAppWebhookConfig(env);
  return {
    logger: createLogger('whatsapp-webhook'),
    maxBodyBytes: config.WEBHOOK_MAX_BODY_BYTES,
    secrets: () => whatsAppWebhookSecrets(env),
    store: { deliveries: new DynamoDbWebhookDeliveryStore(config.TABLE_NAME), clock: systemClock },
  };
}
