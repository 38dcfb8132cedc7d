import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { itemFields as f, parseItem } from '#adapters/dynamodb/keys/item-schema';
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

const ContactItem = z.looseObject({
  tenantId: f.id(),
  contactId: f.id(),
  name: f.text(),
  phone: f.phone(),
  taxId: f.taxId(),
  email: z.optional(f.text()),
  optedOut: z.boolean(),
  whatsAppUserId: z.optional(f.text()),
  createdAt: f.instant(),
  updatedAt: z.optional(f.instant()),
  archivedAt: z.optional(f.instant()),
});

export function fromContactItem(item: Record<string, unknown>): Contact {
  return parseItem(ContactEntity.name, ContactItem, item);
}
