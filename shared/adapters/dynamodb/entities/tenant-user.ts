import {
  ENTITY_ATTRIBUTE,
  type KeyedItem,
  primaryKey,
  withoutKeys,
} from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import type { TenantUser } from '#application/ports/user-repository';

/** A user (owner, operator) of the tenant, keyed by phone: inbound messages are matched with one GetItem. */
export const TenantUserEntity = {
  name: 'TenantUser',
  primary: primaryKey(key('T', attr('tenantId'), 'TENANT'), key('USER', attr('phone'))),
} as const;

export function toTenantUserItem(user: TenantUser): KeyedItem {
  return {
    ...TenantUserEntity.primary.key({ tenantId: user.tenantId, phone: user.phone }),
    [ENTITY_ATTRIBUTE]: TenantUserEntity.name,
    ...user,
  };
}

export function fromTenantUserItem(item: Record<string, unknown>): TenantUser {
  return withoutKeys(item) as unknown as TenantUser;
}
