import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type TenantProfile,
  type TenantRepository,
  WhatsAppNumberTakenError,
} from '#application/ports/tenant-repository';
import type { TransactionContext } from '#application/ports/unit-of-work';
import { fromTenantProfileItem, TenantProfileEntity, toTenantProfileItem } from './entities/tenant-profile';
import { toWhatsAppRouteItem, WhatsAppRouteEntity } from './entities/whatsapp-route';
import { TableAccess } from './table-access';

export class DynamoDbTenantRepository implements TenantRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async saveProfile(profile: TenantProfile, tx?: TransactionContext): Promise<void> {
    await this.table.write(tx, (builder) => builder.put(toTenantProfileItem(profile)));
  }

  async getProfile(tenantId: string): Promise<TenantProfile | undefined> {
    const item = await this.table.get(TenantProfileEntity.primary.key({ tenantId }));
    return item ? fromTenantProfileItem(item) : undefined;
  }

  async routeWhatsAppNumber(phoneNumberId: string, tenantId: string, tx?: TransactionContext): Promise<void> {
    await this.table.write(tx, (builder) =>
      builder.put(toWhatsAppRouteItem(phoneNumberId, tenantId), {
        condition: {
          expression: 'attribute_not_exists(pk) OR tenantId = :tenantId',
          values: { ':tenantId': tenantId },
        },
        onConditionFailed: () => new WhatsAppNumberTakenError(phoneNumberId),
      }),
    );
  }

  async findTenantIdByWhatsAppNumber(phoneNumberId: string): Promise<string | undefined> {
    const item = await this.table.get(WhatsAppRouteEntity.primary.key({ phoneNumberId }));
    return typeof item?.tenantId === 'string' ? item.tenantId : undefined;
  }
}
