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
import {
  EmailDispatcher,
  type EmailDispatchSettings,
} from '../../shared/application/outbox/email-dispatcher';
import type { OutboxLogger } from '../../shared/application/outbox/outbox-logger';
import type { DeliveryQueueSettings } from '../../shared/application/outbox/process-queued-delivery';
import type { Clock } from '../../shared/application/ports/clock';
import type { EmailSender } from '../../shared/application/ports/email-sender';
import type { IdGenerator } from '../../shared/application/ports/id-generator';
import type { DeliveryQueueControl } from '../../shared/application/ports/outbox-queue';
import type { OutboxMessage } from '../../shared/domain/outbox-message';

export interface EmailDeliveryDeps {
  persistence: OutboxPersistence;
  sender: EmailSender;
  queue: DeliveryQueueControl;
  clock: Clock;
  ids: IdGenerator;
  delivery: DeliverySettings;
  email: EmailDispatchSettings;
  queueSettings: DeliveryQueueSettings;
  logger?: OutboxLogger;
  onOutcome?: (outcome: DeliveryOutcome) => void;
  /** After a message was sent and recorded (a boleto reaching its payer moves it to `sent`). */
  onDelivered?: (message: OutboxMessage) => Promise<void>;
}

/** The raw e-mail delivery handler (SQS batch in, partial batch response out). */
export function createEmailDeliveryHandler(deps: EmailDeliveryDeps): DeliveryBatchHandler {
  const deliver = new DeliverOutboxMessage({
    ...deps.persistence,
    dispatcher: new EmailDispatcher(deps.sender, deps.email),
    clock: deps.clock,
    ids: deps.ids,
    settings: deps.delivery,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.onDelivered ? { onDelivered: deps.onDelivered } : {}),
  });
  return createDeliveryBatchHandler({
    channel: 'email',
    deliver,
    queue: deps.queue,
    clock: deps.clock,
    settings: deps.queueSettings,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.onOutcome ? { onOutcome: deps.onOutcome } : {}),
  });
}
