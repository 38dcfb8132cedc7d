import { type ExtraHolidays, isBankHoliday } from './bank-holidays';
import { addDays, type CalendarDate, weekdayOf } from './calendar-date';
import { InvalidInputError } from './domain-error';

/**
 * Bank business days: Monday to Friday, minus national bank holidays and the tenant's `extra` holidays.
 * Every function takes the optional `extra` set last, so a tenant's calendar is a parameter, not a global.
 */

export function isWeekend(date: CalendarDate): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

export function isBusinessDay(date: CalendarDate, extra?: ExtraHolidays): boolean {
  return !isWeekend(date) && !isBankHoliday(date, extra);
}

/** `date` itself when it is a business day, else the first business day after it. */
export function nextBusinessDayOnOrAfter(date: CalendarDate, extra?: ExtraHolidays): CalendarDate {
  let day = date;
  while (!isBusinessDay(day, extra)) day = addDays(day, 1);
  return day;
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: CalendarDate, extra?: ExtraHolidays): CalendarDate {
  return nextBusinessDayOnOrAfter(addDays(date, 1), extra);
}

/** The last business day strictly before `date`. */
export function previousBusinessDay(date: CalendarDate, extra?: ExtraHolidays): CalendarDate {
  let day = addDays(date, -1);
  while (!isBusinessDay(day, extra)) day = addDays(day, -1);
  return day;
}

/**
 * Moves `count` business days from `date` (which itself is not counted): `addBusinessDays(friday, 1)` is the
 * next Monday when it is not a holiday. A negative `count` moves backwards; `0` returns `date` unchanged,
 * business day or not.
 */
export function addBusinessDays(date: CalendarDate, count: number, extra?: ExtraHolidays): CalendarDate {
  if (!Number.isSafeInteger(count)) throw new InvalidInputError(`business days must be an integer: ${count}`);
  let day = date;
  for (let moved = 0; moved < Math.abs(count); moved++) {
    day = count > 0 ? nextBusinessDay(day, extra) : previousBusinessDay(day, extra);
  }
  return day;
}
