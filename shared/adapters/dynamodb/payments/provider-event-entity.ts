import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { itemFields as f, parseItem } from '#adapters/dynamodb/keys/item-schema';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import { IRIS_TABLE } from '#adapters/dynamodb/table-design';
import type { ProviderEvent } from '#application/payments/provider-event-store';

/**
 * A payment provider's webhook event (`T#<t>#PROVIDER_EVENT#<eventId>` / `EVENT`; the id covers the provider).
 * Its INSERT in the table's stream triggers `paytime-event-processor` (`PAYTIME_EVENT_STREAM_FILTER_PATTERN`).
 * Kept 35 days: long past any retry of the provider. It holds no payer data (billet id and statuses only).
 */
export const ProviderEventEntity = {
  name: 'ProviderEvent',
  primary: primaryKey(key('T', attr('tenantId'), 'PROVIDER_EVENT', attr('eventId')), key('EVENT')),
} as const;

export const PROVIDER_EVENT_TTL_SECONDS = 35 * 86_400;

export function providerEventKey(tenantId: string, eventId: string) {
  return ProviderEventEntity.primary.key({ tenantId, eventId });
}

export function toProviderEventItem(event: ProviderEvent): KeyedItem {
  return {
    ...providerEventKey(event.tenantId, event.eventId),
    [ENTITY_ATTRIBUTE]: ProviderEventEntity.name,
    ...event,
    [IRIS_TABLE.timeToLiveAttribute]:
      Math.floor(Date.parse(event.receivedAt) / 1000) + PROVIDER_EVENT_TTL_SECONDS,
  };
}

export function isProviderEventItem(item: Record<string, unknown>): boolean {
  return item[ENTITY_ATTRIBUTE] === ProviderEventEntity.name;
}

const ProviderEventItem = z.looseObject({
  tenantId: f.id(),
  eventId: f.id(),
  provider: f.id(),
  providerId: f.id(),
  claimedStatus: f.text(),
  eventType: f.text(),
  eventDate: z.optional(f.text()),
  receivedAt: f.instant(),
  processedAt: z.optional(f.instant()),
  outcome: z.optional(f.text()),
});

export function fromProviderEventItem(item: Record<string, unknown>): ProviderEvent {
  return parseItem(ProviderEventEntity.name, ProviderEventItem, item);
}
