import { Metrics } from '@aws-lambda-powertools/metrics';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { createSesClient } from '#adapters/ses/create-ses-client';
import { SesEmailSender } from '#adapters/ses/ses-email-sender';
import { createSqsClient } from '#adapters/sqs/create-sqs-client';
import { countDeliveryOutcome } from '#adapters/sqs/delivery-metrics';
import { DELIVERY_QUEUE_SETTINGS } from '#adapters/sqs/delivery-queue-settings';
import { SqsDeliveryQueueControl } from '#adapters/sqs/sqs-outbox-queue';
import { systemClock } from '#adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import { markBoletoSent } from '#application/boletos/mark-boleto-sent';
import { loadEmailDeliveryConfig } from '#config/outbox-config';
import { processEnv } from '#config/process-env';
import { createLogger } from '#logging/create-logger';
import type { EmailDeliveryDeps } from './create-handler';

/** Built once per container, at cold start (metrics' namespace and service from the stack's POWERTOOLS_*). */
const config = loadEmailDeliveryConfig(processEnv());
const repositories = createTableRepositories(config.tableName);
const clock = systemClock;

export const logger = createLogger('email-delivery');
export const metrics = new Metrics();

export const deps: EmailDeliveryDeps = {
  persistence: repositories,
  queue: new SqsDeliveryQueueControl(config.deliveryQueueUrl, createSqsClient()),
  clock,
  ids: new TimeOrderedIdGenerator(clock),
  delivery: config.delivery,
  queueSettings: { backoff: DELIVERY_QUEUE_SETTINGS.backoff, maxReceiveCount: config.maxReceiveCount },
  logger,
  onOutcome: countDeliveryOutcome(metrics),
  onDelivered: (message) => markBoletoSent({ boletos: repositories.boletos, clock }, message),
  sender: new SesEmailSender({ configurationSetName: config.configurationSetName }, createSesClient()),
  email: {
    fromAddress: config.fromAddress,
    ...(config.replyToAddresses.length ? { replyToAddresses: config.replyToAddresses } : {}),
  },
};
