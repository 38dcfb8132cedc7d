import { createHash } from 'node:crypto';
import type { Clock } from '#application/ports/clock';
import type { WebhookDeliveryStore } from '#application/ports/webhook-delivery-store';

export interface StoredDelivery {
  deliveryId: string;
  outcome: 'stored' | 'duplicate';
}

/**
 * The WhatsApp webhook's only work after verifying: keep the exact signed body, once (keyed by its SHA-256,
 * so Meta's retry of the same POST changes nothing), and let the table's stream hand it to the inbound
 * router. One conditional PutItem before the 200.
 */
export async function storeWhatsAppDelivery(
  deps: { deliveries: WebhookDeliveryStore; clock: Clock },
  rawBody: Buffer,
): Promise<StoredDelivery> {
  const deliveryId = createHash('sha256').update(rawBody).digest('hex');
  const outcome = await deps.deliveries.storeIfNew({
    deliveryId,
    body: rawBody.toString('utf8'),
    receivedAt: deps.clock.now().toISOString(),
  });
  return { deliveryId, outcome };
}
