import { TZDate } from '@date-fns/tz';
import { InvalidInputError } from './domain-error';

/** IRIS reasons about calendar days in São Paulo: due dates, reminders, ledger days. */
export const SAO_PAULO_TIME_ZONE = 'America/Sao_Paulo';

/** A calendar date (no time, no zone) as `YYYY-MM-DD`. Arithmetic is done on whole days, never on instants. */
export type CalendarDate = string & { readonly __brand: 'CalendarDate' };

/** 0 = Sunday ... 6 = Saturday, as `Date#getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function calendarDate(value: string): CalendarDate {
  if (!isCalendarDate(value)) throw new InvalidInputError(`not a calendar date (YYYY-MM-DD): ${value}`);
  return value;
}

export function calendarDateFromParts(year: number, month: number, day: number): CalendarDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return calendarDate(text);
}

export function dateParts(date: CalendarDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toEpochDay(date: CalendarDate): number {
  const { year, month, day } = dateParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): CalendarDate {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10) as CalendarDate;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new InvalidInputError(`days must be an integer: ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function weekdayOf(date: CalendarDate): Weekday {
  return new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay() as Weekday;
}

export function lastDayOfMonth(date: CalendarDate): CalendarDate {
  const { year, month } = dateParts(date);
  return calendarDateFromParts(year, month, daysInMonth(year, month));
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isBefore(a: CalendarDate, b: CalendarDate): boolean {
  return a < b;
}

export function isAfter(a: CalendarDate, b: CalendarDate): boolean {
  return a > b;
}

/** The São Paulo calendar date at a given instant. */
export function saoPauloDateOf(instant: Date): CalendarDate {
  const local = new TZDate(instant.getTime(), SAO_PAULO_TIME_ZONE);
  return calendarDateFromParts(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

/** The instant of a São Paulo wall-clock time on a calendar date. */
export function saoPauloInstant(date: CalendarDate, hour = 0, minute = 0): Date {
  const { year, month, day } = dateParts(date);
  return new Date(new TZDate(year, month - 1, day, hour, minute, 0, SAO_PAULO_TIME_ZONE).getTime());
}

/** The São Paulo wall-clock hour and minute at an instant. */
export function saoPauloTimeOf(instant: Date): { hour: number; minute: number } {
  const local = new TZDate(instant.getTime(), SAO_PAULO_TIME_ZONE);
  return { hour: local.getHours(), minute: local.getMinutes() };
}

/** `10/12/2026`, as Brazilians write dates. */
export function formatDateBr(date: CalendarDate): string {
  const { year, month, day } = dateParts(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}
