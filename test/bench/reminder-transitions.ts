import { calendarDate } from '../../shared/domain/calendar-date';
import { DEFAULT_REMINDER_SETTINGS, dailyOffsets } from '../../shared/domain/reminder-cadence';
import { measureReminderLoop } from '../integration/reminders/measure-reminder-loop';

const USD_PER_TRANSITION = { 'us-east-1': 25 / 1_000_000, 'sa-east-1': 37.5 / 1_000_000 };
/** Meta's price of a utility message in Brazil since October 2026 (approximate). */
const USD_PER_WHATSAPP_UTILITY_MESSAGE = 0.007;

/**
 * What one boleto's reminder loop costs, measured by running the deployed definition on the local engine
 * with a virtual clock: the default cadence against the "daily until paid" option, for a boleto that is never
 * paid (the worst case) and one paid after its second reminder.
 */
export async function benchReminderTransitions(): Promise<void> {
  const dueDate = calendarDate('2026-12-10');
  const sentAt = new Date('2026-11-23T15:00:00Z');
  const daily = { ...DEFAULT_REMINDER_SETTINGS, offsetsDays: dailyOffsets() };
  const runs = [
    ['default cadence, never paid', await measureReminderLoop({ dueDate, sentAt })],
    ['default cadence, paid after 2', await measureReminderLoop({ dueDate, sentAt, paidAfterTurns: 2 })],
    ['daily, never paid', await measureReminderLoop({ dueDate, sentAt, settings: daily })],
  ] as const;
  for (const [label, run] of runs) {
    const reminders = run.reminderTimes.length;
    const per1000 = (region: keyof typeof USD_PER_TRANSITION) =>
      (run.stateTransitions * USD_PER_TRANSITION[region] * 1000).toFixed(2);
    console.log(
      `${label.padEnd(30)} reminders ${String(reminders).padStart(2)}  transitions ${String(run.stateTransitions).padStart(3)}  ` +
        `US$/1000 boletos: Step Functions ${per1000('us-east-1')} (us-east-1) ${per1000('sa-east-1')} (sa-east-1), ` +
        `WhatsApp ${(reminders * USD_PER_WHATSAPP_UTILITY_MESSAGE * 1000).toFixed(2)}`,
    );
  }
  const [, cadence] = runs[0];
  const [, dailyRun] = runs[2];
  console.log(
    `default cadence vs daily: ${(dailyRun.stateTransitions / cadence.stateTransitions).toFixed(1)}x fewer transitions, ` +
      `${(dailyRun.reminderTimes.length / cadence.reminderTimes.length).toFixed(1)}x fewer paid messages`,
  );
}
