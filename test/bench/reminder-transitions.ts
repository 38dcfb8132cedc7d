import { isDeepStrictEqual } from 'node:util';
import { calendarDate } from '#domain/calendar-date';
import { DEFAULT_REMINDER_SETTINGS, dailyOffsets } from '#domain/reminder-cadence';
import { measureReminderLoop } from '#test/integration/reminders/measure-reminder-loop';
import { reminderLoopWorkflowDefinition } from '#workflows/reminder-loop-workflow';
import type { BuiltStack } from './cdk-assets';

export interface ReminderTransitionFigures {
  /** The template's reminder loop is the definition measured here. */
  deployedDefinitionMeasured: boolean;
  defaultNeverPaid: { reminders: number; transitions: number };
  defaultPaidAfterTwo: { reminders: number; transitions: number };
  dailyNeverPaid: { reminders: number; transitions: number };
}

/**
 * The reminder loop the stack deploys (checked equal to the template's definition), run on the local engine
 * with a virtual clock: the default cadence (7 reminders) never paid, paid after 2, and the "daily" option.
 */
export async function benchReminderTransitions(built: BuiltStack): Promise<ReminderTransitionFigures> {
  const deployed = built.stateMachines.find((machine) => machine.logicalId.startsWith('ReminderLoop'));
  const deployedDefinitionMeasured = isDeepStrictEqual(
    JSON.parse(JSON.stringify(deployed?.definition ?? {})),
    JSON.parse(JSON.stringify(reminderLoopWorkflowDefinition())),
  );
  if (!deployedDefinitionMeasured)
    throw new Error("the template's reminder loop differs from the one measured");
  const dueDate = calendarDate('2026-12-10');
  const sentAt = new Date('2026-11-23T15:00:00Z');
  const daily = { ...DEFAULT_REMINDER_SETTINGS, offsetsDays: dailyOffsets() };
  const figure = (run: { reminderTimes: string[]; stateTransitions: number }) => ({
    reminders: run.reminderTimes.length,
    transitions: run.stateTransitions,
  });
  const result = {
    deployedDefinitionMeasured,
    defaultNeverPaid: figure(await measureReminderLoop({ dueDate, sentAt })),
    defaultPaidAfterTwo: figure(await measureReminderLoop({ dueDate, sentAt, paidAfterTurns: 2 })),
    dailyNeverPaid: figure(await measureReminderLoop({ dueDate, sentAt, settings: daily })),
  };
  for (const [label, run] of [
    ['default cadence, never paid', result.defaultNeverPaid],
    ['default cadence, paid after 2', result.defaultPaidAfterTwo],
    ['daily, never paid', result.dailyNeverPaid],
  ] as const) {
    console.log(
      `${label.padEnd(30)} reminders ${String(run.reminders).padStart(2)}  transitions ${String(run.transitions).padStart(3)}`,
    );
  }
  return result;
}
