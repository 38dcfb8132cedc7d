import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import { IRIS_TABLE } from '#adapters/dynamodb/table-design';
import type { WebhookDelivery } from '#application/ports/webhook-delivery-store';

/**
 * A verified WhatsApp webhook delivery (`WA_DELIVERY#<sha256 of the body>` / `DELIVERY`): the webhook's only
 * write. Not under a tenant: which tenant a delivery concerns is the router's first lookup. Its INSERT in the
 * table's stream triggers `inbound-router` (`WHATSAPP_DELIVERY_STREAM_FILTER_PATTERN`). Kept 8 days, past
 * Meta's retry horizon (7 days), so a retried POST stays a no-op; the body holds personal data (phones,
 * message text), which is why it expires rather than lingers.
 */
export const WhatsAppDeliveryEntity = {
  name: 'WhatsAppDelivery',
  primary: primaryKey(key('WA_DELIVERY', attr('deliveryId')), key('DELIVERY')),
} as const;

export const WHATSAPP_DELIVERY_TTL_SECONDS = 8 * 86_400;

export function toWhatsAppDeliveryItem(delivery: WebhookDelivery): KeyedItem {
  return {
    ...WhatsAppDeliveryEntity.primary.key({ deliveryId: delivery.deliveryId }),
    [ENTITY_ATTRIBUTE]: WhatsAppDeliveryEntity.name,
    deliveryId: delivery.deliveryId,
    body: delivery.body,
    receivedAt: delivery.receivedAt,
    [IRIS_TABLE.timeToLiveAttribute]:
      Math.floor(Date.parse(delivery.receivedAt) / 1000) + WHATSAPP_DELIVERY_TTL_SECONDS,
  };
}

export function isWhatsAppDeliveryItem(item: Record<string, unknown>): boolean {
  return item[ENTITY_ATTRIBUTE] === WhatsAppDeliveryEntity.name;
}
