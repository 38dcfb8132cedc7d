import { addDays, saoPauloDateOf, saoPauloInstant, saoPauloTimeOf, weekdayOf } from '#domain/calendar-date';

/**
 * Where the local cloud's virtual clock starts. Messages to payers wait for the tenant's reminder window
 * (Monday to Saturday, daytime, São Paulo), so a demo started at night would show a boleto "waiting until
 * 08:00". The clock therefore starts at real now when that is business time (09:00-18:00, Monday to
 * Saturday, São Paulo), else at the next such day's 10:00. It only ever moves forward from there.
 */

const BUSINESS_WEEKDAYS = new Set([1, 2, 3, 4, 5, 6]);
const OPENS = 9;
const CLOSES = 18;
const START_HOUR = 10;

export function localClockStart(realNow: Date): Date {
  const today = saoPauloDateOf(realNow);
  const { hour } = saoPauloTimeOf(realNow);
  const businessDay = BUSINESS_WEEKDAYS.has(weekdayOf(today));
  if (businessDay && hour >= OPENS && hour < CLOSES) return realNow;
  if (businessDay && hour < OPENS) return saoPauloInstant(today, START_HOUR);
  for (let offset = 1; offset <= 7; offset++) {
    const day = addDays(today, offset);
    if (BUSINESS_WEEKDAYS.has(weekdayOf(day))) return saoPauloInstant(day, START_HOUR);
  }
  return saoPauloInstant(addDays(today, 1), START_HOUR);
}
