import { catchAllTo, transientRetry } from './task-policies';

/**
 * One execution per boleto (named after the boleto id), started when the boleto is created.
 * Each turn is Wait → ReminderStep → ShouldContinue: three transitions per reminder, no polling.
 * ReminderStep re-reads the boleto, stops when it is paid, cancelled, disputed, the contact opted out or the
 * cadence is over, otherwise applies late charges, puts the reminder in the outbox and returns the next time.
 * A failing step is caught, recorded and the loop goes on to the following reminder time.
 */

// biome-ignore lint/suspicious/noTemplateCurlyInString: a Step Functions definition substitution, not a template
export const REMINDER_STEP_ARN = '${ReminderStepFunctionArn}';
export const REMINDER_STATE_NAMES = {
  waitForNextReminder: 'WaitForNextReminder',
  remind: 'Remind',
  shouldContinue: 'ShouldContinue',
  recordFailure: 'RecordFailure',
  finished: 'Finished',
  failed: 'Failed',
} as const;

const S = REMINDER_STATE_NAMES;

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
        Retry: [transientRetry()],
        Catch: catchAllTo(S.recordFailure),
        Next: S.shouldContinue,
      },
      [S.shouldContinue]: {
        Type: 'Choice',
        Choices: [{ Variable: '$.continue', BooleanEquals: true, Next: S.waitForNextReminder }],
        Default: S.finished,
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
        Retry: [transientRetry()],
        Catch: catchAllTo(S.failed),
        Next: S.shouldContinue,
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
