import type { Metrics } from '@aws-lambda-powertools/metrics';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import type { ChannelDeliveryDeps } from '#adapters/sqs/channel-delivery-handler';
import { createSqsClient } from '#adapters/sqs/create-sqs-client';
import { countDeliveryOutcome } from '#adapters/sqs/delivery-metrics';
import { DELIVERY_QUEUE_SETTINGS } from '#adapters/sqs/delivery-queue-settings';
import { SqsDeliveryQueueControl } from '#adapters/sqs/sqs-outbox-queue';
import { systemClock } from '#adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import { markBoletoSent } from '#application/boletos/mark-boleto-sent';
import type { OutboxLogger } from '#application/outbox/outbox-logger';
import type { DeliveryFunctionConfig } from './outbox-config';

/**
 * What every channel's delivery function (WhatsApp, e-mail) wires the same way, once per container: the table,
 * its delivery queue, the clock, the outcome metric and the boleto's move to `sent`. Each function adds its
 * sender and dispatch settings.
 */
export function composeChannelDelivery(
  config: DeliveryFunctionConfig,
  logger: OutboxLogger,
  metrics: Metrics,
): ChannelDeliveryDeps {
  const repositories = createTableRepositories(config.tableName);
  const clock = systemClock;
  return {
    persistence: repositories,
    queue: new SqsDeliveryQueueControl(config.deliveryQueueUrl, createSqsClient()),
    clock,
    ids: new TimeOrderedIdGenerator(clock),
    delivery: config.delivery,
    queueSettings: { backoff: DELIVERY_QUEUE_SETTINGS.backoff, maxReceiveCount: config.maxReceiveCount },
    logger,
    onOutcome: countDeliveryOutcome(metrics),
    onDelivered: (message) => markBoletoSent({ boletos: repositories.boletos, clock }, message),
  };
}
