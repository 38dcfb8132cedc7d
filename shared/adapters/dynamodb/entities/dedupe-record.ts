import { IRIS_TABLE } from '../../../../infra/table/table-design';
import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '../keys/entity-keys';
import { attr, key } from '../keys/key-template';

/** A short-lived "already seen" marker; DynamoDB's TTL removes it after `expiresAt` (epoch seconds). */
export const DedupeRecordEntity = {
  name: 'DedupeRecord',
  primary: primaryKey(key('T', attr('tenantId'), 'DEDUPE', attr('scope'), attr('key')), key('DEDUPE')),
} as const;

export function toDedupeRecordItem(values: {
  tenantId: string;
  scope: string;
  key: string;
  createdAt: Date;
  expiresAt: Date;
}): KeyedItem {
  return {
    ...DedupeRecordEntity.primary.key(values),
    [ENTITY_ATTRIBUTE]: DedupeRecordEntity.name,
    createdAt: values.createdAt.toISOString(),
    [IRIS_TABLE.timeToLiveAttribute]: epochSeconds(values.expiresAt),
  };
}

export function epochSeconds(instant: Date): number {
  return Math.floor(instant.getTime() / 1000);
}
