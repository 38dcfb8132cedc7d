import * as z from 'zod/mini';
import {
  ENTITY_ATTRIBUTE,
  type KeyedItem,
  primaryKey,
  withoutKeys,
} from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import { PersistenceError } from '#application/ports/persistence-errors';
import type { BoletoActivity, BoletoActivityKind } from '#domain/boleto-activity';
import { boletoPartition } from './item-collections';

/**
 * One activity beside its boleto (see `BoletoActivity`). Keyed by its deterministic id, so recording it again
 * cannot add a second item; read with the boleto's partition and ordered by `at`.
 */
export const BoletoActivityEntity = {
  name: 'BoletoActivity',
  primary: primaryKey(boletoPartition, key('ACTIVITY', attr('activityId'))),
} as const;

const KINDS = [
  'confirmation_requested',
  'confirmation_answered',
  'creation_attempted',
  'creation_failed',
  'message_queued',
  'message_deferred',
  'message_sent',
  'message_delivered',
  'message_read',
  'message_failed',
  'message_superseded',
  'reminder_turn',
  'reconciliation_finding',
  'payer_message',
  'owner_notified',
  'replaced_by',
  'replaces',
] as const satisfies readonly BoletoActivityKind[];

const activitySchema = z.object({
  tenantId: z.string(),
  boletoId: z.string(),
  activityId: z.string(),
  kind: z.enum(KINDS),
  at: z.string(),
  actor: z.object({
    kind: z.enum(['owner', 'contact', 'provider', 'system']),
    id: z.string(),
    memberId: z.optional(z.string()),
  }),
  boletoVersion: z.optional(z.number()),
  detail: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
});

export function boletoActivityKey(activity: Pick<BoletoActivity, 'tenantId' | 'boletoId' | 'activityId'>) {
  return BoletoActivityEntity.primary.key(activity);
}

export function toBoletoActivityItem(activity: BoletoActivity): KeyedItem {
  return { ...boletoActivityKey(activity), [ENTITY_ATTRIBUTE]: BoletoActivityEntity.name, ...activity };
}

/** A malformed item is an error naming its key, never a silently wrong activity. */
export function fromBoletoActivityItem(item: Record<string, unknown>): BoletoActivity {
  const parsed = activitySchema.safeParse(withoutKeys(item));
  if (!parsed.success) {
    throw new PersistenceError(`malformed BoletoActivity item ${String(item.pk)} / ${String(item.sk)}`);
  }
  return parsed.data;
}
