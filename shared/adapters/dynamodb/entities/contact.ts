import {
  ENTITY_ATTRIBUTE,
  type KeyedItem,
  primaryKey,
  withoutKeys,
} from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import type { Contact } from '#application/ports/contact-repository';

/** All of a tenant's contacts live in one partition: listing them is one Query, reading one is a GetItem. */
export const ContactEntity = {
  name: 'Contact',
  primary: primaryKey(key('T', attr('tenantId'), 'CONTACTS'), key('CONTACT', attr('contactId'))),
} as const;

export function toContactItem(contact: Contact): KeyedItem {
  return {
    ...ContactEntity.primary.key({ tenantId: contact.tenantId, contactId: contact.contactId }),
    [ENTITY_ATTRIBUTE]: ContactEntity.name,
    ...contact,
  };
}

export function fromContactItem(item: Record<string, unknown>): Contact {
  return withoutKeys(item) as unknown as Contact;
}
