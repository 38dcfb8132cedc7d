import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE, indexKey, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { itemFields as f, parseItem } from '#adapters/dynamodb/keys/item-schema';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import type { Payment } from '#application/ports/payment-repository';
import { boletoPartition, CONTACT_COLLECTION_PAYMENT, contactCollection } from './item-collections';

/** A payment lives in its boleto's partition and in its contact's `byContact` collection, by date. */
export const PaymentEntity = {
  name: 'Payment',
  primary: primaryKey(boletoPartition, key('PAYMENT', attr('paymentId'))),
  byContact: indexKey(
    'byContact',
    contactCollection,
    key(CONTACT_COLLECTION_PAYMENT, attr('paidOn'), attr('paymentId')),
  ),
} as const;

export function toPaymentItem(payment: Payment): KeyedItem {
  return {
    ...PaymentEntity.primary.key(payment),
    ...PaymentEntity.byContact.attributes(payment),
    [ENTITY_ATTRIBUTE]: PaymentEntity.name,
    ...payment,
  };
}

const PaymentItem = z.looseObject({
  tenantId: f.id(),
  paymentId: f.id(),
  boletoId: f.id(),
  contactId: f.id(),
  amountCents: f.cents(),
  paidOn: f.calendarDate(),
  provider: f.id(),
  providerPaymentKey: f.id(),
  recordedAt: f.instant(),
});

export function fromPaymentItem(item: Record<string, unknown>): Payment {
  return parseItem(PaymentEntity.name, PaymentItem, item);
}
