import type { DynamoDBRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE } from '#adapters/dynamodb/keys/entity-keys';
import { isProviderEventItem } from '#adapters/dynamodb/payments/provider-event-entity';
import type { StoredEventRef } from '#application/payments/process-provider-event';

const storedEventSchema = z.object({
  tenantId: z.string().check(z.minLength(1)),
  eventId: z.string().check(z.minLength(1)),
  providerId: z.string().check(z.minLength(1)),
  claimedStatus: z.string(),
});

/**
 * The stored provider event an INSERT record carries, or `undefined` for any other record (the event source
 * filter should have dropped those). Four string attributes are read from the stream's typed image (no full
 * unmarshalling). A malformed event throws: that record fails and, after the mapping's bounded retries, goes
 * to the on-failure destination.
 */
export function storedEventOf(record: DynamoDBRecord): StoredEventRef | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return undefined;
  const text = (name: string) => image[name]?.S;
  if (!isProviderEventItem({ [ENTITY_ATTRIBUTE]: text(ENTITY_ATTRIBUTE) })) return undefined;
  return storedEventSchema.parse({
    tenantId: text('tenantId'),
    eventId: text('eventId'),
    providerId: text('providerId'),
    claimedStatus: text('claimedStatus'),
  });
}
