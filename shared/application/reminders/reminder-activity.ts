import type { BoletoActivityLog } from '#application/ports/boleto-activity-log';
import type { TransactionContext } from '#application/ports/unit-of-work';
import type { Boleto } from '#domain/boleto';
import type { ActivityDetail } from '#domain/boleto-activity';
import type { ReminderLoopState, RemindInput } from './reminder-loop-state';

/** The reminder loop, as an actor in a boleto's audit trail. */
export const REMINDER_LOOP_ACTOR = { kind: 'system', id: 'reminder-loop' } as const;

/**
 * Records one reminder turn in the boleto's activity log: sent (with the outbox ids), deferred (until when),
 * skipped or stopped (why), failed (the error's name). The id derives from the turn and its outcome (and, for
 * a deferral, the opening it waits for), so a retried step records it once. No personal data in `detail`.
 */
export async function recordReminderTurn(
  log: BoletoActivityLog,
  input: RemindInput,
  boleto: Pick<Boleto, 'tenantId' | 'id' | 'version'>,
  at: Date,
  result: ReminderLoopState,
  extra: ActivityDetail = {},
  tx?: TransactionContext,
): Promise<void> {
  const deferredUntil = result.outcome === 'deferred' ? `:${result.nextReminderAt ?? ''}` : '';
  const detail: ActivityDetail = {
    turn: input.turn,
    outcome: result.outcome,
    scheduledAt: input.scheduledAt,
    ...(result.reason ? { reason: result.reason } : {}),
    ...(result.nextReminderAt ? { nextReminderAt: result.nextReminderAt } : {}),
    ...extra,
  };
  await log.record(
    {
      tenantId: boleto.tenantId,
      boletoId: boleto.id,
      activityId: `reminder_turn:${input.turn}:${result.outcome}${deferredUntil}`,
      kind: 'reminder_turn',
      at: at.toISOString(),
      actor: REMINDER_LOOP_ACTOR,
      boletoVersion: boleto.version,
      detail,
    },
    tx,
  );
}
