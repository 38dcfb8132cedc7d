import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENTITY_ATTRIBUTE, type KeyedItem } from '#adapters/dynamodb/keys/entity-keys';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { IRIS_TABLE } from '#adapters/dynamodb/table-design';
import type { CustomerServiceWindowStore } from '#application/ports/outbox-customer-window';
import type { TransactionContext } from '#application/ports/unit-of-work';
import type { E164 } from '#domain/phone-number';
import { CustomerWindowEntity } from './outbox-entities';

/** The window lasts 24 h; the item is kept two days so a late reader still sees a just-closed window as closed. */
const WINDOW_ITEM_TTL_SECONDS = 2 * 86_400;

/**
 * The item that opens (or extends) a recipient's 24-hour window: the inbound webhook puts it in the same
 * transaction as the inbound message it stores (see `CustomerServiceWindowStore.recordInbound`).
 */
export function customerWindowItem(tenantId: string, phone: E164, at: Date): KeyedItem {
  return {
    ...CustomerWindowEntity.primary.key({ tenantId, phone }),
    [ENTITY_ATTRIBUTE]: CustomerWindowEntity.name,
    tenantId,
    phone,
    lastInboundAt: at.toISOString(),
    [IRIS_TABLE.timeToLiveAttribute]: Math.floor(at.getTime() / 1000) + WINDOW_ITEM_TTL_SECONDS,
  };
}

export class DynamoDbCustomerWindowStore implements CustomerServiceWindowStore {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async recordInbound(tenantId: string, phone: E164, at: Date, tx?: TransactionContext): Promise<void> {
    await this.table.write(tx, (builder) => {
      builder.put(customerWindowItem(tenantId, phone, at));
    });
  }

  async lastInboundAt(tenantId: string, phone: E164): Promise<Date | undefined> {
    const item = await this.table.get(CustomerWindowEntity.primary.key({ tenantId, phone }));
    if (typeof item?.lastInboundAt !== 'string') return undefined;
    const at = new Date(item.lastInboundAt);
    return Number.isNaN(at.getTime()) ? undefined : at;
  }
}
