import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';

/**
 * One phone, one contact per tenant: written with `attribute_not_exists(pk)` in the same transaction as the
 * contact. Also the phone → contact lookup (it holds the contact id).
 */
export const ContactPhoneGuardEntity = {
  name: 'ContactPhoneGuard',
  primary: primaryKey(key('T', attr('tenantId'), 'CONTACT_PHONE', attr('phone')), key('GUARD')),
} as const;

export function toContactPhoneGuardItem(tenantId: string, phone: string, contactId: string): KeyedItem {
  return {
    ...ContactPhoneGuardEntity.primary.key({ tenantId, phone }),
    [ENTITY_ATTRIBUTE]: ContactPhoneGuardEntity.name,
    contactId,
  };
}
