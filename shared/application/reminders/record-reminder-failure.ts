import { nextReminderAt } from '#domain/reminder-cadence';
import { stop, stopReasonOf } from './remind';
import { recordReminderTurn } from './reminder-activity';
import type { ReminderDependencies } from './reminder-dependencies';
import type { ReminderLoopState, RemindInput } from './reminder-loop-state';
import { ReminderTurnAlreadyRecordedError } from './reminder-turn-log';
import { followUpSettingsOf } from './tenant-follow-up-settings';

export interface ReminderFailureInput extends RemindInput {
  /** What the workflow's Catch put in `$.error`. */
  error?: { Error?: string; Cause?: string };
}

const MAX_ERROR_LENGTH = 500;

/**
 * The workflow's RecordFailure step: the Remind step failed for good (retries exhausted, or an error not worth
 * retrying). The failed turn is recorded (the boleto's reminder history shows it; an alarm on the error log
 * tells the operators) and the loop goes on at the next slot, so one bad day never ends a boleto's follow-up.
 * If the turn turns out to be recorded (the step failed after its commit), its own result is returned.
 */
export async function recordReminderFailure(
  deps: ReminderDependencies,
  input: ReminderFailureInput,
): Promise<ReminderLoopState> {
  const recorded = await deps.reminderLog.get(input.tenantId, input.boletoId, input.turn);
  if (recorded) return recorded.result;
  const boleto = await deps.boletos.get(input.tenantId, input.boletoId);
  if (!boleto) return stop(input, 'boleto_not_found');
  const reason = stopReasonOf(boleto);
  if (reason) {
    const stopped = stop(input, reason);
    await recordReminderTurn(deps.boletoActivity, input, boleto, deps.clock.now(), stopped);
    return stopped;
  }

  const settings = followUpSettingsOf(
    await deps.tenants.getProfile(input.tenantId),
    deps.logger,
    deps.defaults,
  );
  const now = deps.clock.now();
  const next = nextReminderAt({
    dueDate: boleto.dueDate,
    after: new Date(Math.max(now.getTime(), Date.parse(input.scheduledAt) || 0)),
    settings: settings.reminders,
    extraHolidays: settings.extraHolidays,
  });
  const result: ReminderLoopState = {
    tenantId: input.tenantId,
    boletoId: input.boletoId,
    turn: input.turn + 1,
    ...(next
      ? { nextReminderAt: next.toISOString(), continue: true }
      : { continue: false, reason: 'cadence_finished' }),
    outcome: 'failed',
  };
  const error = `${input.error?.Error ?? 'UnknownError'}: ${input.error?.Cause ?? ''}`.slice(
    0,
    MAX_ERROR_LENGTH,
  );
  deps.logger.error('reminder turn failed; going on with the next one', {
    boletoId: input.boletoId,
    turn: input.turn,
    error,
    nextReminderAt: result.nextReminderAt,
  });
  try {
    await deps.reminderLog.record({
      tenantId: input.tenantId,
      boletoId: input.boletoId,
      turn: input.turn,
      scheduledAt: input.scheduledAt,
      recordedAt: now.toISOString(),
      outcome: 'failed',
      outboxIds: [],
      error,
      result,
    });
    // The error's name only: its message may quote a provider's answer about the payer.
    await recordReminderTurn(deps.boletoActivity, input, boleto, now, result, {
      error: input.error?.Error ?? 'UnknownError',
    });
  } catch (cause) {
    if (!(cause instanceof ReminderTurnAlreadyRecordedError)) throw cause;
    const winner = await deps.reminderLog.get(input.tenantId, input.boletoId, input.turn);
    if (winner) return winner.result;
    throw cause;
  }
  return result;
}
