import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TransactionContext } from '../../application/ports/unit-of-work';
import type { TenantUser, UserRepository } from '../../application/ports/user-repository';
import type { E164 } from '../../domain/phone-number';
import { fromTenantUserItem, TenantUserEntity, toTenantUserItem } from './entities/tenant-user';
import { TableAccess } from './table-access';

export class DynamoDbUserRepository implements UserRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async save(user: TenantUser, tx?: TransactionContext): Promise<void> {
    await this.table.write(tx, (builder) => builder.put(toTenantUserItem(user)));
  }

  async findByPhone(tenantId: string, phone: E164): Promise<TenantUser | undefined> {
    const item = await this.table.get(TenantUserEntity.primary.key({ tenantId, phone }));
    return item ? fromTenantUserItem(item) : undefined;
  }

  async list(tenantId: string): Promise<TenantUser[]> {
    const { pk, sk } = TenantUserEntity.primary;
    const items = await this.table.query({
      partition: pk.build({ tenantId }),
      sortKeyBeginsWith: sk.prefix({}),
    });
    return items.map(fromTenantUserItem);
  }

  async remove(tenantId: string, phone: E164, tx?: TransactionContext): Promise<void> {
    await this.table.write(tx, (builder) =>
      builder.delete(TenantUserEntity.primary.key({ tenantId, phone })),
    );
  }
}
