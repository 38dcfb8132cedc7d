import { boletoPartition } from '#adapters/dynamodb/entities/item-collections';
import {
  ENTITY_ATTRIBUTE,
  type KeyedItem,
  primaryKey,
  withoutKeys,
} from '#adapters/dynamodb/keys/entity-keys';
import { attr, key, sortableNumber } from '#adapters/dynamodb/keys/key-template';
import type { ReminderTurnRecord } from '#application/reminders/reminder-turn-log';

/**
 * One reminder turn, beside its boleto (the boleto's partition: `T#<t>#BOLETO#<b>` / `REMINDER#<turn:6>`), so
 * the boleto, its audit events and its reminders are one Query. Written with the turn's outbox items; its
 * conditional put is the (boleto, turn) guard. Permanent: it is the boleto's reminder history.
 */
export const ReminderTurnEntity = {
  name: 'ReminderTurn',
  primary: primaryKey(boletoPartition, key('REMINDER', attr('turn'))),
} as const;

export function reminderTurnKey(tenantId: string, boletoId: string, turn: number) {
  return ReminderTurnEntity.primary.key({ tenantId, boletoId, turn: sortableNumber(turn, 6) });
}

export function toReminderTurnItem(record: ReminderTurnRecord): KeyedItem {
  return {
    ...reminderTurnKey(record.tenantId, record.boletoId, record.turn),
    [ENTITY_ATTRIBUTE]: ReminderTurnEntity.name,
    ...record,
  };
}

export function fromReminderTurnItem(item: Record<string, unknown>): ReminderTurnRecord {
  return withoutKeys(item) as unknown as ReminderTurnRecord;
}
