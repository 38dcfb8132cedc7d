import type { DynamoDBRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE } from '#adapters/dynamodb/keys/entity-keys';
import { isWhatsAppDeliveryItem } from '#adapters/dynamodb/webhooks/whatsapp-delivery-entity';

const storedDeliverySchema = z.object({
  deliveryId: z.string().check(z.minLength(1)),
  body: z.string().check(z.minLength(1)),
});

export type StoredDeliveryRecord = z.infer<typeof storedDeliverySchema>;

/**
 * The stored WhatsApp delivery an INSERT record carries, or `undefined` for any other record (the event
 * source filter should have dropped those). Two string attributes are read from the stream's typed image. A
 * malformed delivery throws: that record fails and, after the mapping's bounded retries, goes to the
 * on-failure destination.
 */
export function storedDeliveryOf(record: DynamoDBRecord): StoredDeliveryRecord | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return undefined;
  const text = (name: string) => image[name]?.S;
  if (!isWhatsAppDeliveryItem({ [ENTITY_ATTRIBUTE]: text(ENTITY_ATTRIBUTE) })) return undefined;
  return storedDeliverySchema.parse({ deliveryId: text('deliveryId'), body: text('body') });
}
