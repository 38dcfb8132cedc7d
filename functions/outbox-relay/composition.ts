import { createSqsClient } from '#adapters/sqs/create-sqs-client';
import { SqsOutboxPublisher } from '#adapters/sqs/sqs-outbox-queue';
import { loadOutboxRelayConfig } from '#config/outbox-config';
import { processEnv } from '#config/process-env';
import { createLogger } from '#logging/create-logger';
import type { OutboxRelayDeps } from './create-handler';

/** Built once per container, at cold start. */
const config = loadOutboxRelayConfig(processEnv());

export const logger = createLogger('outbox-relay');

export const deps: OutboxRelayDeps = {
  publisher: new SqsOutboxPublisher(
    { whatsapp: config.whatsAppQueueUrl, email: config.emailQueueUrl },
    createSqsClient(),
  ),
  logger,
};
