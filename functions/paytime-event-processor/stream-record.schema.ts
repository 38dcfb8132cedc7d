import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { isProviderEventItem } from '../../shared/adapters/dynamodb/payments/provider-event-entity';
import type { StoredEventRef } from '../../shared/application/payments/process-provider-event';

const storedEventSchema = z.object({
  tenantId: z.string().check(z.minLength(1)),
  eventId: z.string().check(z.minLength(1)),
  providerId: z.string().check(z.minLength(1)),
  claimedStatus: z.string(),
});

/**
 * The stored provider event an INSERT record carries, or `undefined` for any other record (the event source
 * filter should have dropped those). A malformed event throws: that record fails and, after the mapping's
 * bounded retries, goes to the on-failure destination.
 */
export function storedEventOf(record: DynamoDBRecord): StoredEventRef | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (!isProviderEventItem(item)) return undefined;
  return storedEventSchema.parse(item);
}
