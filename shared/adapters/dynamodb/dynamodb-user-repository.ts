import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { itemFields as f, parseItem } from '#adapters/dynamodb/keys/item-schema';
import type { TransactionContext } from '#application/ports/unit-of-work';
import type { TenantUser, UserRepository } from '#application/ports/user-repository';
import type { E164 } from '#domain/phone-number';
import { fromTenantUserItem, TenantUserEntity, toTenantUserItem } from './entities/tenant-user';
import { toWhatsAppUserLinkItem, whatsAppUserLinkKey } from './entities/whatsapp-user-link';
import { TableAccess } from './table-access';

/** A BSUID → user link names the user's phone (the user's own item is the next GetItem). */
const UserLinkItem = z.looseObject({ phone: f.phone() });

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

  async findByWhatsAppUserId(tenantId: string, whatsAppUserId: string): Promise<TenantUser | undefined> {
    const item = await this.table.get(whatsAppUserLinkKey(tenantId, whatsAppUserId, 'USER'));
    if (!item) return undefined;
    return this.findByPhone(tenantId, parseItem('WhatsAppUserLink', UserLinkItem, item).phone);
  }

  async linkWhatsAppUserId(tenantId: string, phone: E164, whatsAppUserId: string): Promise<void> {
    await this.table.write(undefined, (builder) => {
      builder.update(TenantUserEntity.primary.key({ tenantId, phone }), {
        update: { expression: 'SET whatsAppUserId = :userId', values: { ':userId': whatsAppUserId } },
        condition: { expression: 'attribute_exists(pk)' },
      });
      builder.put(toWhatsAppUserLinkItem(tenantId, whatsAppUserId, { personKind: 'USER', phone }));
    });
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
