import type { DynamoDBStreamEvent } from 'aws-lambda';
import { ENTITY_ATTRIBUTE } from '#adapters/dynamodb/keys/entity-keys';
import { OutboxMessageEntity } from '#adapters/dynamodb/outbox/outbox-entities';

/**
 * Local admin tooling for the console: which outbox items exist. The table has no "every outbox item of a
 * tenant" access pattern (nothing in the product needs one, and a Scan is not allowed), so the console learns
 * the ids from the table's stream, as one more consumer of it, and reads each item with a GetItem.
 */

export const OUTBOX_OBSERVER_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { [ENTITY_ATTRIBUTE]: { S: [OutboxMessageEntity.name] } } },
} as const;

export interface ObservedOutboxItem {
  tenantId: string;
  outboxId: string;
}

export class OutboxObserver {
  private readonly items: ObservedOutboxItem[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly limit = 500) {}

  /** A stream consumer's handler (filtered to outbox inserts). */
  readonly handler = async (event: DynamoDBStreamEvent): Promise<void> => {
    for (const record of event.Records) {
      const image = record.dynamodb?.NewImage;
      const tenantId = image?.tenantId?.S;
      const outboxId = image?.id?.S;
      if (!tenantId || !outboxId) continue;
      const key = `${tenantId}/${outboxId}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.items.push({ tenantId, outboxId });
      if (this.items.length > this.limit) this.items.shift();
    }
  };

  /** Newest first. */
  list(tenantId: string): ObservedOutboxItem[] {
    return this.items.filter((item) => item.tenantId === tenantId).reverse();
  }

  get count(): number {
    return this.items.length;
  }
}
