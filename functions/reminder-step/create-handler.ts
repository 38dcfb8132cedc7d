import * as z from 'zod/mini';
import { recordReminderFailure } from '#application/reminders/record-reminder-failure';
import { remind } from '#application/reminders/remind';
import type { ReminderDependencies } from '#application/reminders/reminder-dependencies';
import type { ReminderLoopState } from '#application/reminders/reminder-loop-state';
import { InvalidInputError } from '#domain/domain-error';
import { REMINDER_LOOP_ENDED_ERROR } from '#workflows/reminder-loop-workflow';
import { reminderStepEventSchema } from './reminder-step.schema';

export type ReminderStepHandler = (event: unknown) => Promise<ReminderLoopState>;

/**
 * How the step tells the workflow the loop is over (paid, cancelled, cadence finished, ...): the workflow
 * catches this name into its Succeed state, so no Choice runs on every turn. Not a fault; the message says why.
 */
export class ReminderLoopEnded extends Error {
  constructor(readonly state: ReminderLoopState) {
    super(JSON.stringify({ reason: state.reason, outcome: state.outcome, turn: state.turn }));
    this.name = REMINDER_LOOP_ENDED_ERROR;
  }
}

/**
 * The raw handler of the reminder loop's Tasks: validate the Task's input, run one use case, return the next
 * state of the loop, or throw `ReminderLoopEnded` when the use case ends it. Errors keep their names
 * (`PersistenceError`, ...) so the workflow's Retry and Catch apply.
 */
export function createReminderStepHandler(deps: ReminderDependencies): ReminderStepHandler {
  return async (event) => {
    const parsed = reminderStepEventSchema.safeParse(event);
    if (!parsed.success) throw new InvalidInputError(`reminder step input: ${z.prettifyError(parsed.error)}`);
    const { action, ...input } = parsed.data;
    const state = action === 'remind' ? await remind(deps, input) : await recordReminderFailure(deps, input);
    if (!state.continue) throw new ReminderLoopEnded(state);
    return state;
  };
}
