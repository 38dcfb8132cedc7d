import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';

/** At most one Payment per provider payment key and tenant (webhook replays record nothing twice). */
export const PaymentGuardEntity = {
  name: 'PaymentGuard',
  primary: primaryKey(
    key('T', attr('tenantId'), 'PAYMENT_KEY', attr('provider'), attr('providerPaymentKey')),
    key('GUARD'),
  ),
} as const;

export function toPaymentGuardItem(values: {
  tenantId: string;
  provider: string;
  providerPaymentKey: string;
  paymentId: string;
  boletoId: string;
}): KeyedItem {
  return {
    ...PaymentGuardEntity.primary.key(values),
    [ENTITY_ATTRIBUTE]: PaymentGuardEntity.name,
    paymentId: values.paymentId,
    boletoId: values.boletoId,
  };
}
