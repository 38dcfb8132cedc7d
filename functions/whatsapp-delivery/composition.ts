import { Metrics } from '@aws-lambda-powertools/metrics';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { createSqsClient } from '#adapters/sqs/create-sqs-client';
import { countDeliveryOutcome } from '#adapters/sqs/delivery-metrics';
import { DELIVERY_QUEUE_SETTINGS } from '#adapters/sqs/delivery-queue-settings';
import { SqsDeliveryQueueControl } from '#adapters/sqs/sqs-outbox-queue';
import { systemClock } from '#adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import { WhatsAppCloudApiSender } from '#adapters/whatsapp/whatsapp-cloud-api-sender';
import { markBoletoSent } from '#application/boletos/mark-boleto-sent';
import { loadWhatsAppAccessToken, loadWhatsAppDeliveryConfig } from '#config/outbox-config';
import { processEnv } from '#config/process-env';
import { createLogger } from '#logging/create-logger';
import type { WhatsAppDeliveryDeps } from './create-handler';

/** Built once per container, at cold start (metrics' namespace and service from the stack's POWERTOOLS_*). */
const config = loadWhatsAppDeliveryConfig(processEnv());
const accessToken = await loadWhatsAppAccessToken(processEnv());
const repositories = createTableRepositories(config.tableName);
const clock = systemClock;

export const logger = createLogger('whatsapp-delivery');
export const metrics = new Metrics();

export const deps: WhatsAppDeliveryDeps = {
  persistence: repositories,
  queue: new SqsDeliveryQueueControl(config.deliveryQueueUrl, createSqsClient()),
  clock,
  ids: new TimeOrderedIdGenerator(clock),
  delivery: config.delivery,
  queueSettings: { backoff: DELIVERY_QUEUE_SETTINGS.backoff, maxReceiveCount: config.maxReceiveCount },
  logger,
  onOutcome: countDeliveryOutcome(metrics),
  onDelivered: (message) => markBoletoSent({ boletos: repositories.boletos, clock }, message),
  sender: new WhatsAppCloudApiSender({
    phoneNumberId: config.phoneNumberId,
    accessToken,
    ...(config.apiBaseUrl ? { baseUrl: config.apiBaseUrl } : {}),
    ...(config.apiVersion ? { apiVersion: config.apiVersion } : {}),
  }),
  dispatch: config.dispatch,
};
