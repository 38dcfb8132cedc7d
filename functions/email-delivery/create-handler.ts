import {
  type ChannelDeliveryDeps,
  createChannelDeliveryHandler,
} from '../../shared/adapters/sqs/channel-delivery-handler';
import type { DeliveryBatchHandler } from '../../shared/adapters/sqs/delivery-batch-handler';
import {
  EmailDispatcher,
  type EmailDispatchSettings,
} from '../../shared/application/outbox/email-dispatcher';
import type { EmailSender } from '../../shared/application/ports/email-sender';

export interface EmailDeliveryDeps extends ChannelDeliveryDeps {
  sender: EmailSender;
  email: EmailDispatchSettings;
}

/** The raw e-mail delivery handler (SQS batch in, partial batch response out). */
export function createEmailDeliveryHandler(deps: EmailDeliveryDeps): DeliveryBatchHandler {
  return createChannelDeliveryHandler('email', new EmailDispatcher(deps.sender, deps.email), deps);
}
