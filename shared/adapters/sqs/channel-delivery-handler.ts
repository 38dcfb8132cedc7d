import type { TableRepositories } from '#adapters/dynamodb/table-repositories';
import type { ChannelDispatcher } from '#application/outbox/channel-dispatcher';
import type { DeliveryOutcome, DeliverySettings } from '#application/outbox/deliver-outbox-message';
import { DeliverOutboxMessage } from '#application/outbox/deliver-outbox-message';
import type { OutboxLogger } from '#application/outbox/outbox-logger';
import type { DeliveryQueueSettings } from '#application/outbox/process-queued-delivery';
import type { Clock } from '#application/ports/clock';
import type { IdGenerator } from '#application/ports/id-generator';
import type { DeliveryQueueControl } from '#application/ports/outbox-queue';
import type { OutboxMessage } from '#domain/outbox-message';
import { createDeliveryBatchHandler, type DeliveryBatchHandler } from './delivery-batch-handler';

/** What every channel's delivery function shares; each adds its sender and dispatch settings. */
export interface ChannelDeliveryDeps {
  persistence: TableRepositories;
  queue: DeliveryQueueControl;
  clock: Clock;
  ids: IdGenerator;
  delivery: DeliverySettings;
  queueSettings: DeliveryQueueSettings;
  logger?: OutboxLogger;
  onOutcome?: (outcome: DeliveryOutcome) => void;
  /** After a message was sent and recorded (a boleto reaching its payer moves it to `sent`). */
  onDelivered?: (message: OutboxMessage) => Promise<void>;
}

/** SQS batch in, partial batch response out: claim, send through `dispatcher`, record, per message. */
export function createChannelDeliveryHandler(
  channel: OutboxMessage['channel'],
  dispatcher: ChannelDispatcher,
  deps: ChannelDeliveryDeps,
): DeliveryBatchHandler {
  const deliver = new DeliverOutboxMessage({
    ...deps.persistence,
    dispatcher,
    clock: deps.clock,
    ids: deps.ids,
    settings: deps.delivery,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.onDelivered ? { onDelivered: deps.onDelivered } : {}),
  });
  return createDeliveryBatchHandler({
    channel,
    deliver,
    queue: deps.queue,
    clock: deps.clock,
    settings: deps.queueSettings,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.onOutcome ? { onOutcome: deps.onOutcome } : {}),
  });
}
