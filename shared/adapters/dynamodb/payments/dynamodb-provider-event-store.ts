import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TableAccess } from '#adapters/dynamodb/table-access';
import type { ProviderEvent, ProviderEventStore } from '#application/payments/provider-event-store';
import { fromProviderEventItem, providerEventKey, toProviderEventItem } from './provider-event-entity';

export class DynamoDbProviderEventStore implements ProviderEventStore {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async storeIfNew(event: ProviderEvent): Promise<'stored' | 'duplicate'> {
    return this.table.putIfAbsent(toProviderEventItem(event));
  }

  async get(tenantId: string, eventId: string): Promise<ProviderEvent | undefined> {
    const item = await this.table.get(providerEventKey(tenantId, eventId), { consistentRead: true });
    return item ? fromProviderEventItem(item) : undefined;
  }

  async markProcessed(tenantId: string, eventId: string, outcome: string, at: Date): Promise<void> {
    await this.table.write(undefined, (builder) =>
      builder.update(providerEventKey(tenantId, eventId), {
        update: {
          expression: 'SET processedAt = :at, outcome = :outcome',
          values: { ':at': at.toISOString(), ':outcome': outcome },
        },
        condition: { expression: 'attribute_exists(pk)' },
      }),
    );
  }
}
