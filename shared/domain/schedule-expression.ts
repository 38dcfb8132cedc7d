import { type CalendarDate, dateParts } from './calendar-date';

/**
 * EventBridge Scheduler expressions (the `Schedules` port), built from typed parts so a caller never
 * concatenates cron fields by hand. Wall-clock times are read in the schedule's time zone.
 */

const pad = (value: number) => String(value).padStart(2, '0');

/** A one-time schedule: `at(2027-01-10T09:00:00)`, the wall-clock instant in the schedule's time zone. */
export function atExpression(date: CalendarDate, hour: number, minute = 0): string {
  const { year, month, day } = dateParts(date);
  return `at(${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00)`;
}

export const WEEKDAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

export interface CronParts {
  minute: number;
  hour: number;
  /** A day (1-31), `L` (the month's last day), an inclusive range of days, or omitted when `weekday` is given. */
  dayOfMonth?: number | 'L' | { from: number; to: number };
  /** Every week on that day (exclusive with `dayOfMonth`). */
  weekday?: WeekdayName;
}

/** `cron(m h dom * dow *)`: exactly one of day-of-month and day-of-week, as Scheduler requires. */
export function cronExpression(parts: CronParts): string {
  const { minute, hour, dayOfMonth, weekday } = parts;
  if ((dayOfMonth === undefined) === (weekday === undefined)) {
    throw new RangeError('cronExpression needs exactly one of dayOfMonth and weekday');
  }
  const days = typeof dayOfMonth === 'object' ? [dayOfMonth.from, dayOfMonth.to] : [dayOfMonth];
  for (const day of days) {
    if (typeof day === 'number' && (!Number.isInteger(day) || day < 1 || day > 31)) {
      throw new RangeError(`day of month must be 1-31 or L, got ${day}`);
    }
  }
  if (typeof dayOfMonth === 'object' && dayOfMonth.from > dayOfMonth.to) {
    throw new RangeError(`day range ${dayOfMonth.from}-${dayOfMonth.to} is backwards`);
  }
  if (
    !Number.isInteger(hour) ||
    hour < 0 ||
    hour > 23 ||
    !Number.isInteger(minute) ||
    minute < 0 ||
    minute > 59
  ) {
    throw new RangeError(`invalid time ${hour}:${minute}`);
  }
  const day = typeof dayOfMonth === 'object' ? `${dayOfMonth.from}-${dayOfMonth.to}` : dayOfMonth;
  return `cron(${minute} ${hour} ${day ?? '?'} * ${weekday ?? '?'} *)`;
}
