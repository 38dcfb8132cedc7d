import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { createOutboxPersistence } from '#adapters/dynamodb/outbox/outbox-persistence';
import type { ChannelDeliveryDeps } from '#adapters/sqs/channel-delivery-handler';
import { createSqsClient } from '#adapters/sqs/create-sqs-client';
import { countDeliveryOutcome } from '#adapters/sqs/delivery-metrics';
import { DELIVERY_QUEUE_SETTINGS } from '#adapters/sqs/delivery-queue-settings';
import { SqsDeliveryQueueControl } from '#adapters/sqs/sqs-outbox-queue';
import { systemClock } from '#adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import { markBoletoSent } from '#application/boletos/mark-boleto-sent';
import { createLogger } from '#logging/create-logger';
import type { DeliveryFunctionConfig } from './outbox-config';

/**
 * What every delivery function composes the same way, once per container: the outbox persistence, its queue,
 * clock, ids, logger, metrics (namespace and service from the stack's POWERTOOLS_* variables) and the
 * after-delivery hook that marks a boleto `sent`. Each function adds its sender and dispatch settings.
 */
export function composeChannelDelivery(config: DeliveryFunctionConfig, serviceName: string) {
  const logger = createLogger(serviceName);
  const metrics = new Metrics();
  const documentClient = createDocumentClient(
    new DynamoDBClient(config.dynamoDbEndpoint ? { endpoint: config.dynamoDbEndpoint } : {}),
  );
  const persistence = createOutboxPersistence(config.tableName, documentClient);
  const common: ChannelDeliveryDeps = {
    persistence,
    queue: new SqsDeliveryQueueControl(
      config.deliveryQueueUrl,
      createSqsClient(config.sqsEndpoint ? { endpoint: config.sqsEndpoint } : {}),
    ),
    clock: systemClock,
    ids: new TimeOrderedIdGenerator(systemClock),
    delivery: config.delivery,
    queueSettings: { backoff: DELIVERY_QUEUE_SETTINGS.backoff, maxReceiveCount: config.maxReceiveCount },
    logger,
    onOutcome: countDeliveryOutcome(metrics),
    onDelivered: (message) => markBoletoSent({ boletos: persistence.boletos, clock: systemClock }, message),
  };
  return { logger, metrics, common };
}
