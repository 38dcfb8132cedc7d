import type { CalendarDate } from '#domain/calendar-date';
import {
  DEFAULT_REMINDER_SETTINGS,
  firstReminderAt,
  nextReminderAt,
  type ReminderSettings,
} from '#domain/reminder-cadence';
import { ReminderLoopEnded } from '#functions/reminder-step/create-handler';
import type { LocalLambdaHandler } from '#infra/local/emulators/lambda-context';
import { LocalStepFunctions } from '#infra/local/emulators/step-functions/index';
import { VirtualClock } from '#infra/local/emulators/virtual-clock';
import { reminderLoopWorkflowDefinition } from '#workflows/reminder-loop-workflow';

export const REMINDER_LOOP_ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:reminder-loop';
export const REMINDER_STEP_FUNCTION_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:reminder-step';

/** Registers the reminder loop exactly as the stack deploys it, its Task mapped to `step`. */
export function registerReminderLoop(stepFunctions: LocalStepFunctions, step: LocalLambdaHandler): void {
  stepFunctions.registerStateMachine({
    arn: REMINDER_LOOP_ARN,
    definition: reminderLoopWorkflowDefinition(),
    definitionSubstitutions: { ReminderStepFunctionArn: REMINDER_STEP_FUNCTION_ARN },
    lambdaFunctions: { [REMINDER_STEP_FUNCTION_ARN]: step },
  });
}

export interface LoopMeasurement {
  /** Remind steps run. */
  turns: number;
  /** What Step Functions would bill for the execution. */
  stateTransitions: number;
  status: string;
  /** When each Remind step ran (virtual time). */
  reminderTimes: string[];
}

/**
 * Runs one boleto's reminder loop on the local Step Functions runner with a virtual clock, from the boleto's
 * sending (`sentAt`) until the loop ends, with a step that follows the cadence and nothing else (no table, no
 * provider): what the workflow's shape costs per boleto. `paidAfterTurns` ends it the way a payment found by
 * the step does. Fast enough to benchmark (a full cycle is a few ms of real time per turn).
 */
export async function measureReminderLoop(input: {
  dueDate: CalendarDate;
  sentAt: Date;
  settings?: ReminderSettings;
  paidAfterTurns?: number;
}): Promise<LoopMeasurement> {
  const settings = input.settings ?? DEFAULT_REMINDER_SETTINGS;
  const clock = new VirtualClock({ start: input.sentAt });
  const stepFunctions = new LocalStepFunctions({ clock });
  const reminderTimes: string[] = [];
  let turns = 0;
  registerReminderLoop(stepFunctions, async (event) => {
    turns += 1;
    const step = event as { tenantId: string; boletoId: string; turn: number; scheduledAt: string };
    if (input.paidAfterTurns !== undefined && step.turn >= input.paidAfterTurns) {
      throw new ReminderLoopEnded({ ...step, continue: false, outcome: 'stopped', reason: 'paid' });
    }
    reminderTimes.push(clock.now().toISOString());
    const next = nextReminderAt({ dueDate: input.dueDate, after: new Date(step.scheduledAt), settings });
    if (!next) {
      throw new ReminderLoopEnded({
        tenantId: step.tenantId,
        boletoId: step.boletoId,
        turn: step.turn + 1,
        continue: false,
        outcome: 'sent',
        reason: 'cadence_finished',
      });
    }
    return {
      tenantId: step.tenantId,
      boletoId: step.boletoId,
      turn: step.turn + 1,
      nextReminderAt: next.toISOString(),
      continue: true,
      outcome: 'sent',
    };
  });
  try {
    const first = firstReminderAt({ dueDate: input.dueDate, now: input.sentAt, settings });
    if (!first) return { turns: 0, stateTransitions: 0, status: 'NOT_STARTED', reminderTimes };
    const { executionArn } = stepFunctions.startExecution({
      stateMachineArn: REMINDER_LOOP_ARN,
      name: 'measure',
      input: JSON.stringify({ tenantId: 't', boletoId: 'b', turn: 0, nextReminderAt: first.toISOString() }),
    });
    await clock.advance({ days: 200 });
    const done = stepFunctions.describeExecution(executionArn);
    return { turns, stateTransitions: done.stateTransitions, status: done.status, reminderTimes };
  } finally {
    stepFunctions.dispose();
    clock.dispose();
  }
}
