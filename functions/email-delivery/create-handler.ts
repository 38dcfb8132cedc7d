import {
  type ChannelDeliveryDeps,
  createChannelDeliveryHandler,
} from '#adapters/sqs/channel-delivery-handler';
import type { DeliveryBatchHandler } from '#adapters/sqs/delivery-batch-handler';
import { EmailDispatcher, type EmailDispatchSettings } from '#application/outbox/email-dispatcher';
import type { EmailSender } from '#application/ports/email-sender';
import type { ObjectStore } from '#application/ports/object-store';

export interface EmailDeliveryDeps extends ChannelDeliveryDeps {
  sender: EmailSender;
  email: EmailDispatchSettings;
  /** The file bucket: the files an e-mail attaches are read from it when it is sent. */
  files: ObjectStore;
}

/** The raw e-mail delivery handler (SQS batch in, partial batch response out). */
export function createEmailDeliveryHandler(deps: EmailDeliveryDeps): DeliveryBatchHandler {
  return createChannelDeliveryHandler(
    'email',
    new EmailDispatcher(deps.sender, deps.email, deps.files),
    deps,
  );
}
