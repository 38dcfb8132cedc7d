import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE, indexKey, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { itemFields as f, parseItem } from '#adapters/dynamodb/keys/item-schema';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import { type Boleto, isOpen } from '#domain/boleto';
import { boletoPartition, CONTACT_COLLECTION_BOLETO, contactCollection } from './item-collections';

/**
 * The boleto's current state. Its partition also holds its audit events and payments. It appears in its
 * contact's `byContact` collection (by due date) and, only while open, in the sparse `openByDueDate` index.
 */
export const BoletoEntity = {
  name: 'Boleto',
  primary: primaryKey(boletoPartition, key('BOLETO')),
  byContact: indexKey(
    'byContact',
    contactCollection,
    key(CONTACT_COLLECTION_BOLETO, attr('dueDate'), attr('boletoId')),
  ),
  openByDueDate: indexKey(
    'openByDueDate',
    key('T', attr('tenantId'), 'OPEN_BOLETOS'),
    key('DUE', attr('dueDate'), attr('boletoId')),
  ),
} as const;

export function boletoKey(tenantId: string, boletoId: string) {
  return BoletoEntity.primary.key({ tenantId, boletoId });
}

/** Rebuilt whole on every write: leaving `openByDueDate` out once settled is what removes it from the index. */
export function toBoletoItem(boleto: Boleto): KeyedItem {
  const values = {
    tenantId: boleto.tenantId,
    boletoId: boleto.id,
    contactId: boleto.contactId,
    dueDate: boleto.dueDate,
  };
  return {
    ...boletoKey(boleto.tenantId, boleto.id),
    ...BoletoEntity.byContact.attributes(values),
    ...(isOpen(boleto) ? BoletoEntity.openByDueDate.attributes(values) : {}),
    [ENTITY_ATTRIBUTE]: BoletoEntity.name,
    ...boleto,
  };
}

/** The provider's reference, as on a boleto and its `BoletoRegistered` event. */
export const BoletoProviderRefItem = z.looseObject({
  providerId: f.id(),
  digitableLine: f.text(),
  barcode: f.text(),
  pdfUrl: z.optional(f.text()),
  pixEmv: z.optional(f.text()),
});

const BoletoItem = z.looseObject({
  id: f.id(),
  tenantId: f.id(),
  contactId: f.id(),
  amountCents: f.cents(),
  dueDate: f.calendarDate(),
  description: f.text(),
  status: f.boletoStatus(),
  paidCents: f.cents(),
  chargesPaidCents: f.cents(),
  paymentIds: z.array(f.id()),
  provider: z.optional(BoletoProviderRefItem),
  paidOn: z.optional(f.calendarDate()),
  cancelReason: z.optional(f.text()),
  failureReason: z.optional(f.text()),
  disputedFrom: z.optional(f.boletoStatus()),
  disputeReason: z.optional(f.text()),
  version: f.count(),
  createdAt: f.instant(),
  updatedAt: f.instant(),
  commandKey: f.id(),
  requestedByPhone: z.optional(f.phone()),
});

export function fromBoletoItem(item: Record<string, unknown>): Boleto {
  return parseItem(BoletoEntity.name, BoletoItem, item);
}
