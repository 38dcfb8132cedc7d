/**
 * A verified WhatsApp webhook delivery, kept exactly as Meta sent it (the signed bytes, as UTF-8 text) until
 * the inbound router has handled it. `deliveryId` is a hash of those bytes: Meta's retry of the same POST is
 * the same delivery.
 */
export interface WebhookDelivery {
  deliveryId: string;
  body: string;
  receivedAt: string;
}

export interface WebhookDeliveryStore {
  /** One conditional write: `duplicate` when the same bytes were already stored (nothing is changed then). */
  storeIfNew(delivery: WebhookDelivery): Promise<'stored' | 'duplicate'>;
}
