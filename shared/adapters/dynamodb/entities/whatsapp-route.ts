import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';

/**
 * Maps a WhatsApp Business phone-number id to its tenant. The only key not prefixed with `T#<tenant>`: the
 * webhook knows the number before it knows the tenant. It holds nothing but the tenant id.
 */
export const WhatsAppRouteEntity = {
  name: 'WhatsAppRoute',
  primary: primaryKey(key('WA_PHONE', attr('phoneNumberId')), key('ROUTE')),
} as const;

export function toWhatsAppRouteItem(phoneNumberId: string, tenantId: string): KeyedItem {
  return {
    ...WhatsAppRouteEntity.primary.key({ phoneNumberId }),
    [ENTITY_ATTRIBUTE]: WhatsAppRouteEntity.name,
    phoneNumberId,
    tenantId,
  };
}
