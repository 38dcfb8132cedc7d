import {
  type ChannelDeliveryDeps,
  createChannelDeliveryHandler,
} from '#adapters/sqs/channel-delivery-handler';
import type { DeliveryBatchHandler } from '#adapters/sqs/delivery-batch-handler';
import { WhatsAppDispatcher, type WhatsAppDispatchSettings } from '#application/outbox/whatsapp-dispatcher';
import type { WhatsAppSender } from '#application/ports/message-sender';

export interface WhatsAppDeliveryDeps extends ChannelDeliveryDeps {
  sender: WhatsAppSender;
  dispatch: WhatsAppDispatchSettings;
}

/** The raw WhatsApp delivery handler (SQS batch in, partial batch response out). */
export function createWhatsAppDeliveryHandler(deps: WhatsAppDeliveryDeps): DeliveryBatchHandler {
  const dispatcher = new WhatsAppDispatcher(deps.sender, deps.persistence.customerWindow, deps.dispatch);
  return createChannelDeliveryHandler('whatsapp', dispatcher, deps);
}
