import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';

/**
 * One boleto per command key (our idempotency key for "create this boleto"), written with the boleto. Also the
 * lookup "did we already start this command?" before asking the provider again.
 */
export const BoletoCommandGuardEntity = {
  name: 'BoletoCommandGuard',
  primary: primaryKey(key('T', attr('tenantId'), 'BOLETO_COMMAND', attr('commandKey')), key('GUARD')),
} as const;

export function toBoletoCommandGuardItem(tenantId: string, commandKey: string, boletoId: string): KeyedItem {
  return {
    ...BoletoCommandGuardEntity.primary.key({ tenantId, commandKey }),
    [ENTITY_ATTRIBUTE]: BoletoCommandGuardEntity.name,
    boletoId,
  };
}
