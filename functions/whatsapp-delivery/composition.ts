import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoDbBoletoRepository } from '../../shared/adapters/dynamodb/dynamodb-boleto-repository';
import { createOutboxPersistence } from '../../shared/adapters/dynamodb/outbox/outbox-persistence';
import { createSqsClient } from '../../shared/adapters/sqs/create-sqs-client';
import { countDeliveryOutcome } from '../../shared/adapters/sqs/delivery-metrics';
import { DELIVERY_QUEUE_SETTINGS } from '../../shared/adapters/sqs/delivery-queue-settings';
import { SqsDeliveryQueueControl } from '../../shared/adapters/sqs/sqs-outbox-queue';
import { systemClock } from '../../shared/adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '../../shared/adapters/system/time-ordered-id-generator';
import { WhatsAppCloudApiSender } from '../../shared/adapters/whatsapp/whatsapp-cloud-api-sender';
import { markBoletoSent } from '../../shared/application/boletos/mark-boleto-sent';
import {
  loadWhatsAppAccessToken,
  loadWhatsAppDeliveryConfig,
  processEnv,
} from '../../shared/config/outbox-config';
import { createLogger } from '../../shared/logging/create-logger';
import type { WhatsAppDeliveryDeps } from './create-handler';

/** Built once per container, at cold start. */
const config = loadWhatsAppDeliveryConfig(processEnv());
const accessToken = await loadWhatsAppAccessToken(processEnv());

export const logger = createLogger('whatsapp-delivery');

/** Namespace and service from POWERTOOLS_METRICS_NAMESPACE / POWERTOOLS_SERVICE_NAME (set by the stack). */
export const metrics = new Metrics();

const documentClient = createDocumentClient(
  new DynamoDBClient(config.dynamoDbEndpoint ? { endpoint: config.dynamoDbEndpoint } : {}),
);

const boletos = new DynamoDbBoletoRepository(config.tableName, documentClient);

export const deps: WhatsAppDeliveryDeps = {
  persistence: createOutboxPersistence(config.tableName, documentClient),
  sender: new WhatsAppCloudApiSender({
    phoneNumberId: config.phoneNumberId,
    accessToken,
    ...(config.apiBaseUrl ? { baseUrl: config.apiBaseUrl } : {}),
    ...(config.apiVersion ? { apiVersion: config.apiVersion } : {}),
  }),
  queue: new SqsDeliveryQueueControl(
    config.deliveryQueueUrl,
    createSqsClient(config.sqsEndpoint ? { endpoint: config.sqsEndpoint } : {}),
  ),
  clock: systemClock,
  ids: new TimeOrderedIdGenerator(systemClock),
  delivery: config.delivery,
  dispatch: config.dispatch,
  queueSettings: {
    backoff: DELIVERY_QUEUE_SETTINGS.backoff,
    maxReceiveCount: DELIVERY_QUEUE_SETTINGS.maxReceiveCount,
  },
  logger,
  onOutcome: countDeliveryOutcome(metrics),
  onDelivered: (message) => markBoletoSent({ boletos, clock: systemClock }, message),
};
