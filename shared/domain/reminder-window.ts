import { type ExtraHolidays, isBankHoliday } from './bank-holidays';
import {
  addDays,
  type CalendarDate,
  saoPauloDateOf,
  saoPauloInstant,
  saoPauloTimeOf,
  weekdayOf,
} from './calendar-date';
import { InvalidInputError } from './domain-error';

/**
 * When IRIS may write to a payer: São Paulo wall-clock hours `[startHour, endHour)` on the listed weekdays
 * (0 = Sunday ... 6 = Saturday), and never on a national bank holiday (or one of the tenant's own) unless the
 * tenant allows it. The shape is the tenant profile's `reminderWindow`.
 */
export interface ReminderWindow {
  readonly startHour: number;
  readonly endHour: number;
  readonly weekdays: readonly number[];
}

/** Where reminders may land, and at what time of day they go out. */
export interface ReminderCalendar {
  readonly window: ReminderWindow;
  /** São Paulo wall-clock time a reminder is scheduled at; inside the window. */
  readonly sendAt: { readonly hour: number; readonly minute: number };
  /** Remind on national bank holidays (and the tenant's extra ones) too. */
  readonly allowHolidays: boolean;
}

/** Monday to Saturday, 9h to 20h: business hours, never Sundays. */
export const DEFAULT_REMINDER_WINDOW: ReminderWindow = Object.freeze({
  startHour: 9,
  endHour: 20,
  weekdays: Object.freeze([1, 2, 3, 4, 5, 6]),
});

/** 10h: inside every common "hours for collection messages" rule, and when people are at their bank apps. */
export const DEFAULT_SEND_AT = Object.freeze({ hour: 10, minute: 0 });

/** The longest run of days without a reminder day the calendar tolerates (a misconfiguration otherwise). */
const MAX_DAYS_TO_NEXT_REMINDER_DAY = 31;

export function reminderWindow(input: {
  startHour: number;
  endHour: number;
  weekdays: readonly number[];
}): ReminderWindow {
  const { startHour, endHour } = input;
  if (!Number.isInteger(startHour) || !Number.isInteger(endHour) || startHour < 0 || endHour > 24) {
    throw new InvalidInputError(
      `reminder window hours must be whole hours in 0..24: ${startHour}-${endHour}`,
    );
  }
  if (startHour >= endHour) {
    throw new InvalidInputError(`reminder window must start before it ends: ${startHour}-${endHour}`);
  }
  const weekdays = [...new Set(input.weekdays)].sort((a, b) => a - b);
  if (weekdays.length === 0 || weekdays.some((day) => !Number.isInteger(day) || day < 0 || day > 6)) {
    throw new InvalidInputError(`reminder weekdays must be a non-empty list of 0..6: ${input.weekdays}`);
  }
  return Object.freeze({ startHour, endHour, weekdays: Object.freeze(weekdays) });
}

/** A day reminders may go out on. */
export function isReminderDay(
  date: CalendarDate,
  calendar: ReminderCalendar,
  extra?: ExtraHolidays,
): boolean {
  if (!calendar.window.weekdays.includes(weekdayOf(date))) return false;
  return calendar.allowHolidays || !isBankHoliday(date, extra);
}

/** `date` itself when reminders may go out on it, else the first such day after it. */
export function reminderDayOnOrAfter(
  date: CalendarDate,
  calendar: ReminderCalendar,
  extra?: ExtraHolidays,
): CalendarDate {
  let day = date;
  for (let step = 0; step <= MAX_DAYS_TO_NEXT_REMINDER_DAY; step++) {
    if (isReminderDay(day, calendar, extra)) return day;
    day = addDays(day, 1);
  }
  throw new InvalidInputError(`no reminder day within a month of ${date}: check the tenant's window`);
}

/** The instant of the scheduled send time on `date`. */
export function sendTimeOn(date: CalendarDate, calendar: ReminderCalendar): Date {
  return saoPauloInstant(date, calendar.sendAt.hour, calendar.sendAt.minute);
}

/** True when a message may go out at `instant`: a reminder day, inside the window's hours. */
export function isWithinReminderWindow(
  instant: Date,
  calendar: ReminderCalendar,
  extra?: ExtraHolidays,
): boolean {
  if (!isReminderDay(saoPauloDateOf(instant), calendar, extra)) return false;
  const { hour } = saoPauloTimeOf(instant);
  return hour >= calendar.window.startHour && hour < calendar.window.endHour;
}

/** The first scheduled send time strictly after `instant` (a reminder deferred out of the night lands here). */
export function nextSendTimeAfter(instant: Date, calendar: ReminderCalendar, extra?: ExtraHolidays): Date {
  let day = reminderDayOnOrAfter(saoPauloDateOf(instant), calendar, extra);
  for (;;) {
    const at = sendTimeOn(day, calendar);
    if (at.getTime() > instant.getTime()) return at;
    day = reminderDayOnOrAfter(addDays(day, 1), calendar, extra);
  }
}

/** Checks that the send time falls inside the window (else no reminder could ever go out on time). */
export function checkSendAt(sendAt: { hour: number; minute: number }, window: ReminderWindow): void {
  const { hour, minute } = sendAt;
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new InvalidInputError(`send time must be a whole hour and minute: ${hour}:${minute}`);
  }
  if (hour < window.startHour || hour >= window.endHour) {
    throw new InvalidInputError(
      `send time ${hour}:${String(minute).padStart(2, '0')} is outside the window ${window.startHour}-${window.endHour}`,
    );
  }
}
