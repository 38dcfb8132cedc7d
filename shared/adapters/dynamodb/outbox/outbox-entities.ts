import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { itemFields as f, openLabel, parseItem, tagged } from '#adapters/dynamodb/keys/item-schema';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import type { EmailContent, OutboxMessage, OutboxMessageKind, WhatsAppContent } from '#domain/outbox-message';

/**
 * The outbox's single-table entities. Each outbox item is its own partition (`T#<tenant>#OUTBOX#<id>`), so
 * concurrent deliveries never contend with each other or with the entity whose change produced the message.
 */

/** The message itself. The stream filter selects INSERTs of this entity (see `outbox-stream-filter.ts`). */
export const OutboxMessageEntity = {
  name: 'OutboxMessage',
  primary: primaryKey(key('T', attr('tenantId'), 'OUTBOX', attr('outboxId')), key('OUTBOX')),
} as const;

/**
 * Provider message id (WhatsApp `wamid…`, SES message id) → outbox id, written in the same transaction as
 * `sent`: status callbacks find their item with two GetItems, no Scan, no extra index.
 */
export const ProviderMessageRefEntity = {
  name: 'OutboxProviderRef',
  primary: primaryKey(
    key('T', attr('tenantId'), 'PROVIDER_MSG', attr('providerMessageId')),
    key('OUTBOX_REF'),
  ),
} as const;

/** When a person last wrote to the tenant's WhatsApp number: the 24-hour customer-service window. */
export const CustomerWindowEntity = {
  name: 'WhatsAppCustomerWindow',
  primary: primaryKey(key('T', attr('tenantId'), 'WA_WINDOW', attr('phone')), key('WINDOW')),
} as const;

/** A daily delivery counter (per tenant, or per recipient); holds the set of outbox ids it counted. */
export const RateCounterEntity = {
  name: 'OutboxRateCounter',
  primary: primaryKey(
    key('T', attr('tenantId'), 'RATE', attr('day'), attr('scope'), attr('subject')),
    key('COUNTER'),
  ),
} as const;

/** Attributes the adapter keeps on the item but that are not part of the domain message. */
const ADAPTER_ONLY = ['claimToken'] as const;

export function toOutboxItem(message: OutboxMessage): KeyedItem {
  return {
    ...OutboxMessageEntity.primary.key({ tenantId: message.tenantId, outboxId: message.id }),
    [ENTITY_ATTRIBUTE]: OutboxMessageEntity.name,
    ...message,
  };
}

/** Checked on every read; the contents and the optional bookkeeping pass through as written. */
const OutboxMessageItem = z.looseObject({
  id: f.id(),
  tenantId: f.id(),
  channel: z.enum(['whatsapp', 'email']),
  kind: openLabel<OutboxMessageKind>(),
  recipient: f.id(),
  audience: z.enum(['owner', 'contact']),
  content: tagged<WhatsAppContent | EmailContent>(),
  correlationId: f.id(),
  boletoId: z.optional(f.id()),
  contactId: z.optional(f.id()),
  status: z.enum(['pending', 'sending', 'sent', 'delivered', 'read', 'failed', 'superseded']),
  attempts: f.count(),
  createdAt: f.instant(),
  updatedAt: f.instant(),
});

export function fromOutboxItem(item: Record<string, unknown>): OutboxMessage {
  const message = { ...item };
  for (const name of ADAPTER_ONLY) delete message[name];
  return parseItem(OutboxMessageEntity.name, OutboxMessageItem, message);
}

/** True for an item (e.g. a stream image) of the outbox message entity. */
export function isOutboxItem(item: Record<string, unknown>): boolean {
  return item[ENTITY_ATTRIBUTE] === OutboxMessageEntity.name;
}
