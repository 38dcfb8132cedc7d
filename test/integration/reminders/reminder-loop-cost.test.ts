import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import { reminderSettings } from '#domain/reminder-cadence';
import { reminderLoopTransitions } from '#workflows/reminder-loop-workflow';
import { measureReminderLoop } from './measure-reminder-loop';

describe('reminder loop cost on the local Step Functions runner', () => {
  const sentAt = new Date('2026-11-27T17:00:00.000Z'); // Friday 14:00 in São Paulo

  it('costs 15 state transitions for the default cadence run to its end (7 reminders)', async () => {
    const measured = await measureReminderLoop({ dueDate: calendarDate('2026-12-04'), sentAt });
    expect(measured).toMatchObject({ status: 'SUCCEEDED', turns: 7, stateTransitions: 15 });
    expect(measured.stateTransitions).toBe(reminderLoopTransitions(7));
  });

  it('costs 4 turns (9 transitions) when the payer pays after the third reminder and the step finds it', async () => {
    const measured = await measureReminderLoop({
      dueDate: calendarDate('2026-12-04'),
      sentAt,
      paidAfterTurns: 3,
    });
    expect(measured).toMatchObject({ status: 'SUCCEEDED', turns: 4, stateTransitions: 9 });
  });

  it('costs about four times as much with daily reminders from the day before to 30 days late', async () => {
    const daily = await measureReminderLoop({
      dueDate: calendarDate('2026-12-04'),
      sentAt,
      settings: reminderSettings({ mode: 'daily' }),
    });
    expect(daily.status).toBe('SUCCEEDED');
    expect(daily.stateTransitions).toBe(reminderLoopTransitions(daily.turns));
    expect(daily.turns).toBeGreaterThan(25);
    expect(daily.stateTransitions).toBeGreaterThan(50);
  });
});
