import { TZDate } from '@date-fns/tz';
import { AwsServiceError } from '../aws-service-error';

/**
 * When an EventBridge Scheduler expression fires next, in its time zone, as the service evaluates it:
 * - `at(yyyy-mm-ddThh:mm:ss)`: once, at that wall-clock time in the time zone (a time already past fires at once);
 * - `rate(n minute|minutes|hour|hours|day|days)`: every n units from the start date (or the schedule's creation);
 * - `cron(min hour dom month dow year)`: `*`, `?`, lists, ranges, `/` steps, month and weekday names, `L` in
 *   day-of-month (last day) and day-of-week (`6L`, the month's last Friday), `#` (`2#1`, the first Monday).
 *   A day-of-month the month does not have (31 in April) does not fire that month. `W` is not emulated.
 * A malformed expression is a ValidationException, as the service answers.
 */

export type ParsedExpression =
  | { kind: 'at'; wallClock: WallClock }
  | { kind: 'rate'; periodMs: number }
  | { kind: 'cron'; cron: CronFields };

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

interface CronFields {
  minutes: number[];
  hours: number[];
  dayOfMonth: (day: number, lastDay: number) => boolean;
  months: Set<number>;
  dayOfWeek: (weekday: number, day: number, lastDay: number) => boolean;
  years: (year: number) => boolean;
}

const invalid = (message: string) => new AwsServiceError('ValidationException', message);

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const RATE_UNITS: Record<string, number> = {
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
};

export function assertTimeZone(timezone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    throw invalid(`Invalid ScheduleExpressionTimezone: ${timezone}`);
  }
}

export function parseScheduleExpression(expression: string): ParsedExpression {
  const at = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/.exec(expression);
  if (at) {
    const [year, month, day, hour, minute, second] = at.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
      throw invalid(`Invalid Schedule Expression ${expression}`);
    }
    return { kind: 'at', wallClock: { year, month, day, hour, minute, second } };
  }
  const rate = /^rate\((\d+) (\w+)\)$/.exec(expression);
  if (rate) {
    const value = Number(rate[1]);
    const unitMs = RATE_UNITS[rate[2] ?? ''];
    if (!unitMs || value < 1) throw invalid(`Invalid Schedule Expression ${expression}`);
    return { kind: 'rate', periodMs: value * unitMs };
  }
  const cron = /^cron\((.+)\)$/.exec(expression);
  if (cron) return { kind: 'cron', cron: parseCron(cron[1] ?? '', expression) };
  throw invalid(`Invalid Schedule Expression ${expression}`);
}

/** The first firing strictly after `after` (and not after `endDate`), or undefined if there is none. */
export function nextFiring(
  parsed: ParsedExpression,
  timezone: string,
  after: Date,
  window: { anchor: Date; startDate?: Date; endDate?: Date },
): Date | undefined {
  const from = new Date(Math.max(after.getTime(), (window.startDate?.getTime() ?? 0) - 1));
  let next: Date | undefined;
  if (parsed.kind === 'at') {
    const { year, month, day, hour, minute, second } = parsed.wallClock;
    next = new Date(new TZDate(year, month - 1, day, hour, minute, second, timezone).getTime());
    return next; // one-time schedules ignore start and end dates; the caller fires it once
  }
  if (parsed.kind === 'rate') {
    const anchor = (window.startDate ?? window.anchor).getTime();
    const periods = Math.floor((from.getTime() - anchor) / parsed.periodMs) + 1;
    next = new Date(anchor + Math.max(1, periods) * parsed.periodMs);
  } else {
    next = nextCron(parsed.cron, timezone, from);
  }
  if (next && window.endDate && next.getTime() > window.endDate.getTime()) return undefined;
  return next;
}

function nextCron(cron: CronFields, timezone: string, after: Date): Date | undefined {
  const local = new TZDate(after.getTime(), timezone);
  let year = local.getFullYear();
  let month = local.getMonth() + 1;
  let day = local.getDate();
  for (let step = 0; step < 366 * 6; step += 1) {
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day <= lastDay && cron.years(year) && cron.months.has(month)) {
      const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
      if (cron.dayOfMonth(day, lastDay) && cron.dayOfWeek(weekday, day, lastDay)) {
        for (const hour of cron.hours) {
          for (const minute of cron.minutes) {
            const instant = new TZDate(year, month - 1, day, hour, minute, 0, timezone).getTime();
            if (instant > after.getTime()) return new Date(instant);
          }
        }
      }
    }
    day += 1;
    if (day > 31) {
      day = 1;
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
    }
  }
  return undefined;
}

function parseCron(body: string, expression: string): CronFields {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) throw invalid(`Invalid Schedule Expression ${expression}`);
  const [minute, hour, dom, month, dow, year] = fields as [string, string, string, string, string, string];
  if ((dom === '?') === (dow === '?')) {
    throw invalid(
      `Invalid Schedule Expression ${expression}: exactly one of day-of-month and day-of-week is ?`,
    );
  }
  const values = (field: string, min: number, max: number, names?: string[]) =>
    expand(field, min, max, expression, names);
  const domValues = dom === '?' || dom === 'L' ? undefined : new Set(values(dom, 1, 31));
  const dayOfMonth =
    dom === '?'
      ? () => true
      : dom === 'L'
        ? (day: number, lastDay: number) => day === lastDay
        : (day: number) => domValues?.has(day) ?? false;
  const years =
    year === '*'
      ? () => true
      : (
          (set) => (y: number) =>
            set.has(y)
        )(new Set(values(year, 1970, 2199)));
  return {
    minutes: values(minute, 0, 59),
    hours: values(hour, 0, 23),
    dayOfMonth,
    months: new Set(values(month, 1, 12, MONTHS)),
    dayOfWeek: parseDayOfWeek(dow, expression),
    years,
  };
}

function parseDayOfWeek(field: string, expression: string): CronFields['dayOfWeek'] {
  if (field === '?' || field === '*') return () => true;
  const weekdayNumber = (token: string) => {
    const index = WEEKDAYS.indexOf(token.toUpperCase());
    const value = index >= 0 ? index + 1 : Number(token);
    if (!Number.isInteger(value) || value < 1 || value > 7)
      throw invalid(`Invalid Schedule Expression ${expression}`);
    return value - 1; // 0 = Sunday
  };
  const nth = /^(\w+)#([1-5])$/.exec(field);
  if (nth) {
    const weekday = weekdayNumber(nth[1] ?? '');
    const ordinal = Number(nth[2]);
    return (w, day) => w === weekday && Math.ceil(day / 7) === ordinal;
  }
  const last = /^(\w+)L$/.exec(field);
  if (last) {
    const weekday = weekdayNumber(last[1] ?? '');
    return (w, day, lastDay) => w === weekday && day + 7 > lastDay;
  }
  const set = new Set(expand(field, 1, 7, expression, WEEKDAYS).map((value) => value - 1));
  return (w) => set.has(w);
}

function expand(field: string, min: number, max: number, expression: string, names?: string[]): number[] {
  const toNumber = (token: string) => {
    const named = names?.indexOf(token.toUpperCase()) ?? -1;
    const value = named >= 0 ? named + 1 : Number(token);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw invalid(`Invalid Schedule Expression ${expression}`);
    }
    return value;
  };
  const result = new Set<number>();
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/') as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw invalid(`Invalid Schedule Expression ${expression}`);
    let from: number;
    let to: number;
    if (range === '*') {
      from = min;
      to = max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-') as [string, string];
      from = toNumber(a);
      to = toNumber(b);
    } else {
      from = toNumber(range);
      to = stepText === undefined ? from : max;
    }
    if (from > to) throw invalid(`Invalid Schedule Expression ${expression}`);
    for (let value = from; value <= to; value += step) result.add(value);
  }
  return [...result].sort((a, b) => a - b);
}
