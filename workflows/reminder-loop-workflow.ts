import { catchAllTo, transientRetry } from './task-policies';

/**
 * One execution per boleto (named after tenant + boleto id), started when the boleto is sent.
 * Each turn is Wait → Remind: two transitions per reminder, no polling, no Choice. Remind
 * (`functions/reminder-step`, action `remind`) re-reads the boleto, stops when it is paid, cancelled, disputed,
 * the contact opted out or the cadence is over, otherwise states the amount due today (fine + interest), puts
 * the reminder in the outbox and returns the next state `{ tenantId, boletoId, turn, nextReminderAt }`, which
 * the Wait reads. When the loop is over the step ends it by failing with `ReminderLoopEnded` (its message says
 * why), which a Catch sends to Finished (Succeed): the decision a Choice state used to take every turn is folded
 * into the step's outcome, and only the last turn pays for it.
 * Transient faults (Lambda's, the table's, a lost optimistic-concurrency race) are retried with backoff and
 * jitter; anything else is caught into RecordFailure, which records the failed turn and schedules the next
 * reminder, so a failing reminder never ends the loop silently. A paid boleto's loop is stopped from outside
 * (StopExecution by the payment use case); the step's own re-read is the safety net.
 *
 * Cost: a boleto reminded N times costs 2N + 1 transitions (the Catch's Finished); the default cadence
 * (7 reminders) is 15, against 22 with a Choice per turn and ~60 for a 30-day daily loop. See
 * `reminderLoopTransitions`.
 */

// biome-ignore lint/suspicious/noTemplateCurlyInString: a Step Functions definition substitution, not a template
export const REMINDER_STEP_ARN = '${ReminderStepFunctionArn}';
export const REMINDER_STATE_NAMES = {
  waitForNextReminder: 'WaitForNextReminder',
  remind: 'Remind',
  recordFailure: 'RecordFailure',
  finished: 'Finished',
  failed: 'Failed',
} as const;

const S = REMINDER_STATE_NAMES;

/** Errors of our own steps worth another try before the turn is written off (the step is idempotent per turn). */
export const REMINDER_STEP_RETRYABLE_ERRORS = [
  'PersistenceError',
  'ConcurrentModificationError',
  'QueueUnavailableError',
];

/**
 * The error a reminder step ends the loop with (`functions/reminder-step`): not a fault, the loop's normal end.
 * Its message is why (`paid`, `cadence_finished`, ...) and the turn.
 */
export const REMINDER_LOOP_ENDED_ERROR = 'ReminderLoopEnded';

/**
 * State transitions one execution costs for `turns` Remind steps with no retries and no failures: Wait +
 * Remind per turn, plus one: Finished when a step ends the loop, or the Wait it was parked in when the loop is
 * stopped from outside (StopExecution after a payment).
 */
export function reminderLoopTransitions(turns: number): number {
  if (!Number.isInteger(turns) || turns < 0)
    throw new RangeError(`turns must be a whole number >= 0: ${turns}`);
  return 2 * turns + 1;
}

/** The loop ended by the step (not a fault): straight to Finished, keeping the state and why in `$.ended`. */
const endedTo = { ErrorEquals: [REMINDER_LOOP_ENDED_ERROR], ResultPath: '$.ended', Next: S.finished };

export function reminderLoopWorkflowDefinition() {
  return {
    Comment: 'IRIS reminder loop: one Wait per reminder until the boleto is paid or the cadence ends',
    StartAt: S.waitForNextReminder,
    States: {
      [S.waitForNextReminder]: { Type: 'Wait', TimestampPath: '$.nextReminderAt', Next: S.remind },
      [S.remind]: {
        Type: 'Task',
        Resource: REMINDER_STEP_ARN,
        Parameters: {
          action: 'remind',
          'tenantId.$': '$.tenantId',
          'boletoId.$': '$.boletoId',
          'turn.$': '$.turn',
          'scheduledAt.$': '$.nextReminderAt',
        },
        Retry: [transientRetry(REMINDER_STEP_RETRYABLE_ERRORS)],
        Catch: [endedTo, ...catchAllTo(S.recordFailure)],
        Next: S.waitForNextReminder,
      },
      [S.recordFailure]: {
        Type: 'Task',
        Resource: REMINDER_STEP_ARN,
        Parameters: {
          action: 'record_failure',
          'tenantId.$': '$.tenantId',
          'boletoId.$': '$.boletoId',
          'turn.$': '$.turn',
          'scheduledAt.$': '$.nextReminderAt',
          'error.$': '$.error',
        },
        Retry: [transientRetry(REMINDER_STEP_RETRYABLE_ERRORS)],
        Catch: [endedTo, ...catchAllTo(S.failed)],
        Next: S.waitForNextReminder,
      },
      [S.finished]: { Type: 'Succeed' },
      [S.failed]: {
        Type: 'Fail',
        Error: 'ReminderLoopFailed',
        Cause: 'Could not record a reminder failure.',
      },
    },
  };
}
