import * as z from 'zod/mini';
import { recordReminderFailure } from '../../shared/application/reminders/record-reminder-failure';
import { remind } from '../../shared/application/reminders/remind';
import type { ReminderDependencies } from '../../shared/application/reminders/reminder-dependencies';
import type { ReminderLoopState } from '../../shared/application/reminders/reminder-loop-state';
import { InvalidInputError } from '../../shared/domain/domain-error';
import { reminderStepEventSchema } from './reminder-step.schema';

export type ReminderStepHandler = (event: unknown) => Promise<ReminderLoopState>;

/**
 * The raw handler of the reminder loop's Tasks: validate the Task's input, run one use case, return the next
 * state of the loop. Errors keep their names (`PersistenceError`, ...) so the workflow's Retry and Catch apply.
 */
export function createReminderStepHandler(deps: ReminderDependencies): ReminderStepHandler {
  return async (event) => {
    const parsed = reminderStepEventSchema.safeParse(event);
    if (!parsed.success) throw new InvalidInputError(`reminder step input: ${z.prettifyError(parsed.error)}`);
    const { action, ...input } = parsed.data;
    return action === 'remind' ? remind(deps, input) : recordReminderFailure(deps, input);
  };
}
