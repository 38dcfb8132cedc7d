import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { isOutboxItem } from '../../shared/adapters/dynamodb/outbox/outbox-entities';

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
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (!isOutboxItem(item)) return undefined;
  return relayedItemSchema.parse(item);
}
