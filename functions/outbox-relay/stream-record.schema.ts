import type { DynamoDBRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE } from '#adapters/dynamodb/keys/entity-keys';
import { isOutboxItem } from '#adapters/dynamodb/outbox/outbox-entities';

/** What the relay needs from an outbox item's stream image (the rest stays in the table). */
export const relayedItemSchema = z.object({
  id: z.string().check(z.minLength(1)),
  tenantId: z.string().check(z.minLength(1)),
  channel: z.enum(['whatsapp', 'email']),
  status: z.enum(['pending', 'sending', 'sent', 'delivered', 'read', 'failed']),
});

export type RelayedItem = z.infer<typeof relayedItemSchema>;

/**
 * The outbox item an INSERT record carries, or `undefined` for any other record (the event source filter
 * should already have dropped those). Throws when an outbox INSERT is malformed: that record fails and, after
 * the mapping's bounded retries, goes to its on-failure destination.
 */
export function relayedItemOf(record: DynamoDBRecord): RelayedItem | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return undefined;
  // The relay needs four string attributes: read them from the stream's typed image, no full unmarshalling.
  const text = (name: string) => image[name]?.S;
  if (!isOutboxItem({ [ENTITY_ATTRIBUTE]: text(ENTITY_ATTRIBUTE) })) return undefined;
  return relayedItemSchema.parse({
    id: text('id'),
    tenantId: text('tenantId'),
    channel: text('channel'),
    status: text('status'),
  });
}
