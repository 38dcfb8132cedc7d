import {
  addDays,
  type CalendarDate,
  calendarDateFromParts,
  dateParts,
  daysInMonth,
  isAfter,
  isBefore,
  lastDayOfMonth,
  weekdayOf,
} from '#domain/calendar-date';
import type { DateExpression } from './date-expressions';

/**
 * Resolves a date expression against the message's "today" (a São Paulo calendar date).
 *
 * `due`: a date something falls due (a boleto). An incomplete date means the next one: "dia 10" is the first
 * day 10 on or after today, "10/01" already past this year is next year.
 * `past`: the day money already moved (an expense, an income). "dia 5" is the latest day 5 on or before today,
 * "28/12" later than today is last year's.
 * A weekday ("sexta", "próxima sexta") is the next one strictly after today in both; "sexta passada" the last.
 */
export type DateSemantics = 'due' | 'past';

const SEARCH_MONTHS = 13;
const SEARCH_YEARS = 8;

function shiftMonth(year: number, month: number, offset: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function dateIfValid(year: number, month: number, day: number): CalendarDate | null {
  return day >= 1 && day <= daysInMonth(year, month) ? calendarDateFromParts(year, month, day) : null;
}

function dayOfMonth(day: number, today: CalendarDate, semantics: DateSemantics): CalendarDate | null {
  const { year, month } = dateParts(today);
  const step = semantics === 'due' ? 1 : -1;
  for (let offset = 0; offset < SEARCH_MONTHS; offset++) {
    const shifted = shiftMonth(year, month, offset * step);
    const candidate = dateIfValid(shifted.year, shifted.month, day);
    if (!candidate) continue;
    if (semantics === 'due' ? !isBefore(candidate, today) : !isAfter(candidate, today)) return candidate;
  }
  return null;
}

function dayAndMonth(
  day: number,
  month: number,
  year: number | null,
  today: CalendarDate,
  semantics: DateSemantics,
): CalendarDate | null {
  if (year !== null) return dateIfValid(year, month, day);
  const thisYear = dateParts(today).year;
  const step = semantics === 'due' ? 1 : -1;
  for (let offset = 0; offset < SEARCH_YEARS; offset++) {
    const candidate = dateIfValid(thisYear + offset * step, month, day);
    if (!candidate) continue;
    if (semantics === 'due' ? !isBefore(candidate, today) : !isAfter(candidate, today)) return candidate;
  }
  return null;
}

function weekday(target: number, today: CalendarDate, forward: boolean): CalendarDate {
  const step = forward ? 1 : -1;
  for (let days = 1; days <= 7; days++) {
    const candidate = addDays(today, days * step);
    if (weekdayOf(candidate) === target) return candidate;
  }
  throw new Error('unreachable: every weekday occurs within seven days');
}

function addMonthsClamped(today: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = dateParts(today);
  const shifted = shiftMonth(year, month, months);
  return calendarDateFromParts(
    shifted.year,
    shifted.month,
    Math.min(day, daysInMonth(shifted.year, shifted.month)),
  );
}

export function resolveDate(
  expression: DateExpression,
  today: CalendarDate,
  semantics: DateSemantics,
): CalendarDate | null {
  const { year, month } = dateParts(today);
  switch (expression.kind) {
    case 'offset_days':
      return addDays(today, expression.days);
    case 'offset_months':
      return addMonthsClamped(today, expression.months);
    case 'weekday':
      // Issue 3: a weekday is the next such day strictly after today, whatever the intent; only an explicit
      // "passada" looks back. (An expense dated in the future is then questioned by validation.)
      return weekday(expression.weekday, today, expression.direction === 'next');
    case 'day_of_month': {
      if (expression.monthOffset === null) return dayOfMonth(expression.day, today, semantics);
      const shifted = shiftMonth(year, month, expression.monthOffset);
      return dateIfValid(shifted.year, shifted.month, expression.day);
    }
    case 'day_month':
      return dayAndMonth(expression.day, expression.month, expression.year, today, semantics);
    case 'end_of_month': {
      const shifted = shiftMonth(year, month, expression.monthOffset);
      return lastDayOfMonth(calendarDateFromParts(shifted.year, shifted.month, 1));
    }
    case 'start_of_month': {
      const shifted = shiftMonth(year, month, expression.monthOffset);
      return calendarDateFromParts(shifted.year, shifted.month, 1);
    }
    case 'invalid':
      return null;
  }
}
