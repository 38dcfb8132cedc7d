import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { itemFields as f, parseItem } from '#adapters/dynamodb/keys/item-schema';
import { attr, key, sortableNumber } from '#adapters/dynamodb/keys/key-template';
import type { BoletoEvent } from '#domain/boleto';
import { BoletoProviderRefItem } from './boleto';
import { boletoPartition } from './item-collections';

/**
 * Append-only audit event beside its boleto, ordered by the boleto version it produced, then by its position
 * among that version's events: one Query on the partition reads the boleto and its history in order.
 */
export const BoletoEventEntity = {
  name: 'BoletoEvent',
  primary: primaryKey(boletoPartition, key('EVENT', attr('version'), attr('sequence'))),
} as const;

export function boletoEventKey(event: BoletoEvent, sequence: number) {
  return BoletoEventEntity.primary.key({
    tenantId: event.tenantId,
    boletoId: event.boletoId,
    version: sortableNumber(event.version, 10),
    sequence: sortableNumber(sequence, 3),
  });
}

export function toBoletoEventItem(event: BoletoEvent, sequence: number): KeyedItem {
  return { ...boletoEventKey(event, sequence), [ENTITY_ATTRIBUTE]: BoletoEventEntity.name, ...event };
}

const eventOf = <Type extends string, Data extends z.ZodMiniType>(type: Type, data: Data) =>
  z.looseObject({
    type: z.literal(type),
    tenantId: f.id(),
    boletoId: f.id(),
    version: f.count(),
    at: f.instant(),
    actor: z.looseObject({ kind: z.enum(['owner', 'contact', 'provider', 'system']), id: f.text() }),
    from: z.nullable(f.boletoStatus()),
    to: f.boletoStatus(),
    data,
  });

const BoletoEventItem = z.discriminatedUnion('type', [
  eventOf(
    'BoletoRequested',
    z.looseObject({
      contactId: f.id(),
      amountCents: f.cents(),
      dueDate: f.calendarDate(),
      description: f.text(),
      commandKey: f.id(),
    }),
  ),
  eventOf('BoletoRegistered', BoletoProviderRefItem),
  eventOf('BoletoSent', z.looseObject({ channel: z.enum(['whatsapp', 'email']) })),
  eventOf(
    'PaymentApplied',
    z.looseObject({
      paymentId: f.id(),
      paidOn: f.calendarDate(),
      amountCents: f.cents(),
      principalCents: f.cents(),
      chargesCents: f.cents(),
      paidCents: f.cents(),
      remainingCents: f.cents(),
    }),
  ),
  eventOf(
    'BoletoPaid',
    z.looseObject({ paidOn: f.calendarDate(), paidCents: f.cents(), chargesPaidCents: f.cents() }),
  ),
  eventOf('BoletoCancelled', z.looseObject({ reason: f.text(), remainingCents: f.cents() })),
  eventOf('BoletoCreationFailed', z.looseObject({ reason: f.text() })),
  eventOf('BoletoDisputed', z.looseObject({ reason: f.text() })),
  eventOf('BoletoDisputeResolved', z.looseObject({ resolution: f.text() })),
]);

export function fromBoletoEventItem(item: Record<string, unknown>): BoletoEvent {
  return parseItem(BoletoEventEntity.name, BoletoEventItem, item);
}
