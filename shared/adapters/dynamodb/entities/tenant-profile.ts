import {
  ENTITY_ATTRIBUTE,
  type KeyedItem,
  primaryKey,
  withoutKeys,
} from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import type { TenantProfile } from '#application/ports/tenant-repository';

/** The tenant's profile; shares its partition with the tenant's users (one Query reads both). */
export const TenantProfileEntity = {
  name: 'TenantProfile',
  primary: primaryKey(key('T', attr('tenantId'), 'TENANT'), key('PROFILE')),
} as const;

export function toTenantProfileItem(profile: TenantProfile): KeyedItem {
  return {
    ...TenantProfileEntity.primary.key({ tenantId: profile.tenantId }),
    [ENTITY_ATTRIBUTE]: TenantProfileEntity.name,
    ...profile,
  };
}

export function fromTenantProfileItem(item: Record<string, unknown>): TenantProfile {
  return withoutKeys(item) as unknown as TenantProfile;
}
