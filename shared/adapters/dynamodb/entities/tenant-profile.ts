import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { itemFields as f, parseItem } from '#adapters/dynamodb/keys/item-schema';
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

const TenantProfileItem = z.looseObject({
  tenantId: f.id(),
  name: f.text(),
  limits: z.looseObject({ maxBoletoAmountCents: f.cents(), maxMessagesPerContactPerDay: f.count() }),
  interestPolicy: z.looseObject({ fineBps: f.count(), monthlyInterestBps: f.count() }),
  reminderWindow: z.looseObject({ startHour: f.count(), endHour: f.count(), weekdays: z.array(f.count()) }),
  createdAt: f.instant(),
  updatedAt: f.instant(),
});

export function fromTenantProfileItem(item: Record<string, unknown>): TenantProfile {
  return parseItem(TenantProfileEntity.name, TenantProfileItem, item);
}
