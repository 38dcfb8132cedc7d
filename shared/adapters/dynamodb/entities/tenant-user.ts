import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { itemFields as f, parseItem } from '#adapters/dynamodb/keys/item-schema';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import type { TenantUser } from '#application/ports/user-repository';
import { MEMBER_ROLES } from '#domain/member-permissions';

/** A member (owner, operator, viewer) of the tenant, keyed by phone: inbound messages are matched with one GetItem. */
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

const TenantUserItem = z.looseObject({
  tenantId: f.id(),
  phone: f.phone(),
  name: f.text(),
  role: z.enum(MEMBER_ROLES),
  memberId: z.optional(f.id()),
  createdAt: f.instant(),
  whatsAppUserId: z.optional(f.text()),
});

export function fromTenantUserItem(item: Record<string, unknown>): TenantUser {
  return parseItem(TenantUserEntity.name, TenantUserItem, item);
}
