import {
  ENTITY_ATTRIBUTE,
  type KeyedItem,
  primaryKey,
  withoutKeys,
} from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import type { OutboxMessage } from '#domain/outbox-message';

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

export function fromOutboxItem(item: Record<string, unknown>): OutboxMessage {
  const rest = withoutKeys(item);
  for (const name of ADAPTER_ONLY) delete rest[name];
  return rest as unknown as OutboxMessage;
}

/** True for an item (e.g. a stream image) of the outbox message entity. */
export function isOutboxItem(item: Record<string, unknown>): boolean {
  return item[ENTITY_ATTRIBUTE] === OutboxMessageEntity.name;
}
