import { addDays, type CalendarDate, calendarDate, calendarDateFromParts, dateParts } from './calendar-date';
import { InvalidInputError } from './domain-error';

/**
 * Brazil's national bank holidays: the days banks do not settle, on which a boleto falling due is payable on
 * the next business day without charges. Fixed-date national holidays (20 November only since 2024, Lei
 * 14.759/2023) plus the movable days counted from Easter: Carnival Monday and Tuesday, Good Friday and Corpus
 * Christi. State and city holidays are not national; a tenant adds them as extra holidays.
 */
export interface BankHoliday {
  date: CalendarDate;
  /** pt-BR name, fit for a message to a person. */
  name: string;
}

/** Additional non-business days (a tenant's state or city holidays), as `YYYY-MM-DD`. */
export type ExtraHolidays = ReadonlySet<string>;

/** Day 20 November became a national holiday in this year (Lei 14.759, of 21 December 2023). */
export const CONSCIENCIA_NEGRA_SINCE = 2024;

const FIXED: ReadonlyArray<[month: number, day: number, name: string]> = [
  [1, 1, 'Confraternização Universal'],
  [4, 21, 'Tiradentes'],
  [5, 1, 'Dia do Trabalho'],
  [9, 7, 'Independência do Brasil'],
  [10, 12, 'Nossa Senhora Aparecida'],
  [11, 2, 'Finados'],
  [11, 15, 'Proclamação da República'],
  [11, 20, 'Dia Nacional de Zumbi e da Consciência Negra'],
  [12, 25, 'Natal'],
];

const MOVABLE: ReadonlyArray<[offsetFromEaster: number, name: string]> = [
  [-48, 'Carnaval (segunda-feira)'],
  [-47, 'Carnaval (terça-feira)'],
  [-2, 'Sexta-feira Santa'],
  [60, 'Corpus Christi'],
];

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new InvalidInputError(`year out of the Gregorian range handled here: ${year}`);
  }
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return calendarDateFromParts(year, month, day);
}

const byYear = new Map<number, readonly BankHoliday[]>();

/** The national bank holidays of a year, in date order. */
export function nationalBankHolidays(year: number): readonly BankHoliday[] {
  const cached = byYear.get(year);
  if (cached) return cached;
  assertYear(year);
  const easter = easterSunday(year);
  const holidays: BankHoliday[] = [
    ...FIXED.filter(([month, day]) => !(month === 11 && day === 20 && year < CONSCIENCIA_NEGRA_SINCE)).map(
      ([month, day, name]) => ({ date: calendarDateFromParts(year, month, day), name }),
    ),
    ...MOVABLE.map(([offset, name]) => ({ date: addDays(easter, offset), name })),
  ].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const frozen = Object.freeze(holidays.map((holiday) => Object.freeze(holiday)));
  byYear.set(year, frozen);
  return frozen;
}

/** The national bank holiday on `date`, if any. */
export function bankHolidayOn(date: CalendarDate): BankHoliday | undefined {
  return nationalBankHolidays(dateParts(date).year).find((holiday) => holiday.date === date);
}

/** Whether `date` is a national bank holiday or one of the `extra` (tenant) holidays. Weekends aside. */
export function isBankHoliday(date: CalendarDate, extra?: ExtraHolidays): boolean {
  return bankHolidayOn(date) !== undefined || (extra?.has(date) ?? false);
}

/** Validates a tenant's list of additional holidays (`YYYY-MM-DD` each) into a set. */
export function extraHolidays(dates: Iterable<string>): ExtraHolidays {
  const set = new Set<string>();
  for (const date of dates) set.add(calendarDate(date));
  return set;
}
