import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';

/**
 * One boleto per provider id (Paytime's billet id), written when the boleto is registered. Also the lookup
 * "which boleto is this webhook about?".
 */
export const BoletoProviderGuardEntity = {
  name: 'BoletoProviderGuard',
  primary: primaryKey(key('T', attr('tenantId'), 'BOLETO_PROVIDER_ID', attr('providerId')), key('GUARD')),
} as const;

export function toBoletoProviderGuardItem(tenantId: string, providerId: string, boletoId: string): KeyedItem {
  return {
    ...BoletoProviderGuardEntity.primary.key({ tenantId, providerId }),
    [ENTITY_ATTRIBUTE]: BoletoProviderGuardEntity.name,
    boletoId,
  };
}
