import type { OutboxPersistence } from '../../shared/adapters/dynamodb/outbox/outbox-persistence';
import {
  createDeliveryBatchHandler,
  type DeliveryBatchHandler,
} from '../../shared/adapters/sqs/delivery-batch-handler';
import {
  DeliverOutboxMessage,
  type DeliveryOutcome,
  type DeliverySettings,
} from '../../shared/application/outbox/deliver-outbox-message';
import type { OutboxLogger } from '../../shared/application/outbox/outbox-logger';
import type { DeliveryQueueSettings } from '../../shared/application/outbox/process-queued-delivery';
import {
  WhatsAppDispatcher,
  type WhatsAppDispatchSettings,
} from '../../shared/application/outbox/whatsapp-dispatcher';
import type { Clock } from '../../shared/application/ports/clock';
import type { IdGenerator } from '../../shared/application/ports/id-generator';
import type { WhatsAppSender } from '../../shared/application/ports/message-sender';
import type { DeliveryQueueControl } from '../../shared/application/ports/outbox-queue';
import type { OutboxMessage } from '../../shared/domain/outbox-message';

export interface WhatsAppDeliveryDeps {
  persistence: OutboxPersistence;
  sender: WhatsAppSender;
  queue: DeliveryQueueControl;
  clock: Clock;
  ids: IdGenerator;
  delivery: DeliverySettings;
  dispatch: WhatsAppDispatchSettings;
  queueSettings: DeliveryQueueSettings;
  logger?: OutboxLogger;
  onOutcome?: (outcome: DeliveryOutcome) => void;
  /** After a message was sent and recorded (a boleto reaching its payer moves it to `sent`). */
  onDelivered?: (message: OutboxMessage) => Promise<void>;
}

/** The raw WhatsApp delivery handler (SQS batch in, partial batch response out). */
export function createWhatsAppDeliveryHandler(deps: WhatsAppDeliveryDeps): DeliveryBatchHandler {
  const { persistence } = deps;
  const deliver = new DeliverOutboxMessage({
    ...persistence,
    dispatcher: new WhatsAppDispatcher(deps.sender, persistence.windows, deps.dispatch),
    clock: deps.clock,
    ids: deps.ids,
    settings: deps.delivery,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.onDelivered ? { onDelivered: deps.onDelivered } : {}),
  });
  return createDeliveryBatchHandler({
    channel: 'whatsapp',
    deliver,
    queue: deps.queue,
    clock: deps.clock,
    settings: deps.queueSettings,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.onOutcome ? { onOutcome: deps.onOutcome } : {}),
  });
}
