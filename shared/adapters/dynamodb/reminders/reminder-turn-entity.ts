import * as z from 'zod/mini';
import { boletoPartition } from '#adapters/dynamodb/entities/item-collections';
import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { itemFields as f, parseItem } from '#adapters/dynamodb/keys/item-schema';
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

const ReminderTurnItem = z.looseObject({
  tenantId: f.id(),
  boletoId: f.id(),
  turn: f.count(),
  scheduledAt: f.instant(),
  recordedAt: f.instant(),
  outcome: z.enum(['sent', 'failed']),
  outboxIds: z.array(f.id()),
  amountDueCents: z.optional(f.cents()),
  error: z.optional(f.text()),
  result: z.looseObject({
    tenantId: f.id(),
    boletoId: f.id(),
    turn: f.count(),
    nextReminderAt: z.optional(f.instant()),
    continue: z.boolean(),
    outcome: z.enum(['sent', 'deferred', 'skipped', 'failed', 'stopped']),
    reason: z.optional(
      z.enum([
        'paid',
        'partially_paid',
        'cancelled',
        'disputed',
        'contact_opted_out',
        'contact_not_found',
        'boleto_not_found',
        'cadence_finished',
      ]),
    ),
  }),
});

export function fromReminderTurnItem(item: Record<string, unknown>): ReminderTurnRecord {
  return parseItem(ReminderTurnEntity.name, ReminderTurnItem, item);
}
