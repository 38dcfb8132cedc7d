import {
  ENTITY_ATTRIBUTE,
  type KeyedItem,
  primaryKey,
  withoutKeys,
} from '#adapters/dynamodb/keys/entity-keys';
import { attr, key, sortableNumber } from '#adapters/dynamodb/keys/key-template';
import type { BoletoEvent } from '#domain/boleto';
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

export function fromBoletoEventItem(item: Record<string, unknown>): BoletoEvent {
  return withoutKeys(item) as unknown as BoletoEvent;
}
