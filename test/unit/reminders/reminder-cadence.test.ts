import { describe, expect, it } from 'vitest';
import { extraHolidays } from '#domain/bank-holidays';
import {
  type CalendarDate,
  calendarDate,
  saoPauloDateOf,
  saoPauloTimeOf,
  weekdayOf,
} from '#domain/calendar-date';
import { InvalidInputError } from '#domain/domain-error';
import {
  DEFAULT_REMINDER_SETTINGS,
  dailyOffsets,
  escalatesToEmail,
  firstReminderAt,
  nextReminderAt,
  reminderPhase,
  reminderSettings,
  reminderSlots,
} from '#domain/reminder-cadence';
import { isWithinReminderWindow, nextSendTimeAfter } from '#domain/reminder-window';

const date = (text: string) => calendarDate(text);
const dates = (due: string, settings = DEFAULT_REMINDER_SETTINGS, extra?: ReadonlySet<string>) =>
  reminderSlots(date(due), settings, extra).map((slot) => slot.date);

describe('reminder cadence', () => {
  it('schedules the default régua at 10:00 São Paulo: 3 days before, due date, 1, 3, 7, 15 and 30 days late', () => {
    // Due Wednesday 2026-12-09: no Sunday or holiday on any slot.
    const slots = reminderSlots(date('2026-12-09'), DEFAULT_REMINDER_SETTINGS);
    expect(slots.map((slot) => slot.date)).toEqual([
      '2026-12-07',
      '2026-12-09',
      '2026-12-10',
      '2026-12-12',
      '2026-12-16',
      '2026-12-24',
      '2027-01-08',
    ]);
    for (const slot of slots) {
      expect(saoPauloTimeOf(slot.at)).toEqual({ hour: 10, minute: 0 });
      expect(saoPauloDateOf(slot.at)).toBe(slot.date);
    }
    expect(slots[0]?.at.toISOString()).toBe('2026-12-07T13:00:00.000Z');
  });

  it('moves a slot that falls on a Sunday to Monday (day 30 after a Friday due date lands on day 31)', () => {
    expect(dates('2026-12-04')).toEqual([
      '2026-12-01',
      '2026-12-04',
      '2026-12-05',
      '2026-12-07',
      '2026-12-11',
      '2026-12-19',
      '2027-01-04',
    ]);
    expect(weekdayOf(date('2027-01-03'))).toBe(0);
  });

  it('skips national bank holidays and the tenant extra holidays unless the tenant allows them', () => {
    // Due 2026-12-22 + 3 = Christmas; + 15 = 2027-01-06.
    expect(dates('2026-12-22')).toContain('2026-12-26');
    expect(dates('2026-12-22')).not.toContain('2026-12-25');
    const allowed = reminderSettings({ allowHolidays: true });
    expect(dates('2026-12-22', allowed)).toContain('2026-12-25');
    expect(dates('2026-12-09', DEFAULT_REMINDER_SETTINGS, extraHolidays(['2026-12-10']))).toContain(
      '2026-12-11',
    );
  });

  it('merges offsets that land on the same reminder day into one reminder', () => {
    const settings = reminderSettings({ offsetsDays: [0, 1, 2] });
    // Due Saturday 2026-12-05: +1 is Sunday and moves to Monday, where +2 already is.
    expect(dates('2026-12-05', settings)).toEqual(['2026-12-05', '2026-12-07']);
  });

  it('starts with the first slot after the boleto is sent and never schedules in the past', () => {
    const sentAt = new Date('2026-12-08T15:00:00.000Z'); // Tuesday 12:00 in São Paulo, due Wednesday
    expect(firstReminderAt({ dueDate: date('2026-12-09'), now: sentAt })?.toISOString()).toBe(
      '2026-12-09T13:00:00.000Z',
    );
    const afterLast = new Date('2027-01-08T13:00:00.000Z');
    expect(nextReminderAt({ dueDate: date('2026-12-09'), after: afterLast })).toBeUndefined();
  });

  it('offers daily reminders as an option, bounded (1 day before to 30 late, Sundays skipped)', () => {
    const daily = reminderSettings({ mode: 'daily' });
    expect(daily.offsetsDays).toEqual(dailyOffsets(-1, 30));
    const slots = dates('2026-12-09', daily);
    expect(slots.length).toBeLessThan(32);
    expect(slots.every((day) => weekdayOf(day as CalendarDate) !== 0)).toBe(true);
  });

  it('refuses settings that could never send a reminder or would send them unordered', () => {
    expect(() => reminderSettings({ offsetsDays: [3, 1] })).toThrow(InvalidInputError);
    expect(() => reminderSettings({ offsetsDays: [] })).toThrow(InvalidInputError);
    expect(() => reminderSettings({ window: { startHour: 20, endHour: 9, weekdays: [1] } })).toThrow(
      InvalidInputError,
    );
    expect(() => reminderSettings({ sendAt: { hour: 22, minute: 0 } })).toThrow(InvalidInputError);
    expect(() => reminderSettings({ window: { startHour: 9, endHour: 18, weekdays: [] } })).toThrow(
      InvalidInputError,
    );
  });
});

describe('reminder window', () => {
  it('allows business hours on Monday to Saturday and nothing at night, on Sundays or holidays', () => {
    const at = (iso: string) => isWithinReminderWindow(new Date(iso), DEFAULT_REMINDER_SETTINGS);
    expect(at('2026-12-09T13:00:00.000Z')).toBe(true); // Wed 10:00
    expect(at('2026-12-09T23:30:00.000Z')).toBe(false); // Wed 20:30
    expect(at('2026-12-13T13:00:00.000Z')).toBe(false); // Sunday
    expect(at('2026-12-25T13:00:00.000Z')).toBe(false); // Christmas
  });

  it('defers a late-night turn to the next send time', () => {
    const next = nextSendTimeAfter(new Date('2026-12-12T23:30:00.000Z'), DEFAULT_REMINDER_SETTINGS); // Sat 20:30
    expect(next.toISOString()).toBe('2026-12-14T13:00:00.000Z'); // Monday 10:00
  });
});

describe('reminder phase and e-mail escalation', () => {
  it('tells before, on, grace (weekend due date) and overdue apart', () => {
    expect(reminderPhase(date('2026-12-09'), date('2026-12-06'))).toEqual({
      kind: 'before_due',
      daysToDue: 3,
    });
    expect(reminderPhase(date('2026-12-09'), date('2026-12-09'))).toEqual({ kind: 'due_today' });
    expect(reminderPhase(date('2026-12-05'), date('2026-12-07'))).toEqual({
      kind: 'grace',
      lastChargeFreeDay: '2026-12-07',
    });
    expect(reminderPhase(date('2026-12-09'), date('2026-12-24'))).toEqual({ kind: 'overdue', daysLate: 15 });
  });

  it('adds an e-mail from 7 days late when the contact has an address', () => {
    const overdue = (daysLate: number) => ({ kind: 'overdue' as const, daysLate });
    expect(escalatesToEmail(DEFAULT_REMINDER_SETTINGS, overdue(7), 'a@b.com')).toBe(true);
    expect(escalatesToEmail(DEFAULT_REMINDER_SETTINGS, overdue(3), 'a@b.com')).toBe(false);
    expect(escalatesToEmail(DEFAULT_REMINDER_SETTINGS, overdue(15), undefined)).toBe(false);
    expect(escalatesToEmail(reminderSettings({ emailFromDaysLate: null }), overdue(30), 'a@b.com')).toBe(
      false,
    );
  });
});
