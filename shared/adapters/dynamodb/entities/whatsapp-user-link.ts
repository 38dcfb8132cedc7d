import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';

/**
 * A WhatsApp business-scoped user id (BSUID) → the person it belongs to, one item per kind of person:
 * `USER` holds the user's phone (their key), `CONTACT` the contact's id. Written when a BSUID is first seen
 * together with a phone, read (one GetItem) when a message carries only the BSUID.
 */
export const WhatsAppUserLinkEntity = {
  name: 'WhatsAppUserLink',
  primary: primaryKey(key('T', attr('tenantId'), 'WA_USER', attr('userId')), key(attr('personKind'))),
} as const;

export type LinkedPersonKind = 'USER' | 'CONTACT';

export function whatsAppUserLinkKey(tenantId: string, userId: string, personKind: LinkedPersonKind) {
  return WhatsAppUserLinkEntity.primary.key({ tenantId, userId, personKind });
}

export function toWhatsAppUserLinkItem(
  tenantId: string,
  userId: string,
  person: { personKind: 'USER'; phone: string } | { personKind: 'CONTACT'; contactId: string },
): KeyedItem {
  return {
    ...whatsAppUserLinkKey(tenantId, userId, person.personKind),
    [ENTITY_ATTRIBUTE]: WhatsAppUserLinkEntity.name,
    ...person,
  };
}
