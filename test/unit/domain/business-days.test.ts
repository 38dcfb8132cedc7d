import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bankHolidayOn,
  easterSunday,
  extraHolidays,
  isBankHoliday,
  nationalBankHolidays,
} from '#domain/bank-holidays';
import {
  addBusinessDays,
  isBusinessDay,
  nextBusinessDay,
  nextBusinessDayOnOrAfter,
  previousBusinessDay,
} from '#domain/business-days';
import { addDays, type CalendarDate, calendarDate, weekdayOf } from '#domain/calendar-date';

const d = calendarDate;

describe('easterSunday', () => {
  it.each([
    [1818, '1818-03-22'],
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('is right for %i', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('always falls on a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        const monthDay = easter.slice(5);
        return weekdayOf(easter) === 0 && monthDay >= '03-22' && monthDay <= '04-25';
      }),
    );
  });

  it('rejects years outside the Gregorian range', () => {
    expect(() => easterSunday(1500)).toThrow(/year/);
    expect(() => nationalBankHolidays(2026.5)).toThrow(/year/);
  });
});

describe('nationalBankHolidays', () => {
  it('lists 2026 with the movable days counted from Easter', () => {
    expect(nationalBankHolidays(2026).map((holiday) => holiday.date)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-04-03',
      '2026-04-21',
      '2026-05-01',
      '2026-06-04',
      '2026-09-07',
      '2026-10-12',
      '2026-11-02',
      '2026-11-15',
      '2026-11-20',
      '2026-12-25',
    ]);
  });

  it('names Carnival, Good Friday and Corpus Christi 2026', () => {
    expect(bankHolidayOn(d('2026-02-16'))?.name).toBe('Carnaval (segunda-feira)');
    expect(bankHolidayOn(d('2026-02-17'))?.name).toBe('Carnaval (terça-feira)');
    expect(bankHolidayOn(d('2026-04-03'))?.name).toBe('Sexta-feira Santa');
    expect(bankHolidayOn(d('2026-06-04'))?.name).toBe('Corpus Christi');
    expect(bankHolidayOn(d('2026-02-18'))).toBeUndefined();
  });

  it('counts 20 November only from 2024 on', () => {
    expect(isBankHoliday(d('2023-11-20'))).toBe(false);
    expect(isBusinessDay(d('2023-11-20'))).toBe(true); // a Monday
    expect(isBankHoliday(d('2024-11-20'))).toBe(true);
    expect(isBankHoliday(d('2026-11-20'))).toBe(true);
    expect(isBusinessDay(d('2026-11-20'))).toBe(false); // a Friday
    expect(nationalBankHolidays(2023)).toHaveLength(12);
  });

  it('takes a tenant’s extra holidays into account', () => {
    const saoPaulo = extraHolidays(['2026-07-09', '2026-01-25']);
    expect(isBankHoliday(d('2026-07-09'))).toBe(false);
    expect(isBankHoliday(d('2026-07-09'), saoPaulo)).toBe(true);
    expect(isBusinessDay(d('2026-07-09'), saoPaulo)).toBe(false);
    expect(nextBusinessDayOnOrAfter(d('2026-07-09'), saoPaulo)).toBe('2026-07-10');
    expect(() => extraHolidays(['2026-02-30'])).toThrow(/calendar date/);
  });
});

describe('business days', () => {
  it('skips weekends and holidays', () => {
    expect(isBusinessDay(d('2026-02-13'))).toBe(true); // Friday before Carnival
    expect(isBusinessDay(d('2026-02-14'))).toBe(false); // Saturday
    expect(isBusinessDay(d('2026-02-15'))).toBe(false); // Sunday
    expect(isBusinessDay(d('2026-02-17'))).toBe(false); // Carnival Tuesday
    expect(isBusinessDay(d('2026-02-18'))).toBe(true); // Ash Wednesday: banks open
  });

  it('finds the next business day on or after a date', () => {
    expect(nextBusinessDayOnOrAfter(d('2026-02-18'))).toBe('2026-02-18');
    expect(nextBusinessDayOnOrAfter(d('2026-02-14'))).toBe('2026-02-18');
    expect(nextBusinessDayOnOrAfter(d('2026-02-17'))).toBe('2026-02-18');
    expect(nextBusinessDayOnOrAfter(d('2026-04-03'))).toBe('2026-04-06');
  });

  it('finds the next business day strictly after a date', () => {
    expect(nextBusinessDay(d('2026-02-18'))).toBe('2026-02-19');
    expect(nextBusinessDay(d('2026-02-13'))).toBe('2026-02-18');
    expect(nextBusinessDay(d('2026-12-24'))).toBe('2026-12-28');
    expect(nextBusinessDay(d('2026-12-31'))).toBe('2027-01-04');
    expect(previousBusinessDay(d('2026-02-18'))).toBe('2026-02-13');
  });

  it('adds business days forwards and backwards', () => {
    expect(addBusinessDays(d('2026-02-13'), 1)).toBe('2026-02-18');
    expect(addBusinessDays(d('2026-02-13'), 3)).toBe('2026-02-20');
    expect(addBusinessDays(d('2026-02-18'), -1)).toBe('2026-02-13');
    expect(addBusinessDays(d('2026-02-14'), 0)).toBe('2026-02-14');
    expect(() => addBusinessDays(d('2026-02-14'), 1.5)).toThrow(/integer/);
  });

  const anyDate = fc
    .integer({ min: 0, max: 365 * 30 })
    .map((offset) => addDays(d('2010-01-01'), offset) as CalendarDate);

  it('lands on a business day with no business day skipped', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const next = nextBusinessDayOnOrAfter(date);
        if (!isBusinessDay(next) || next < date) return false;
        for (let day = date; day < next; day = addDays(day, 1)) if (isBusinessDay(day)) return false;
        return true;
      }),
    );
  });

  it('undoes n business days by going n back from a business day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 40 }), (date, count) => {
        const start = nextBusinessDayOnOrAfter(date);
        return addBusinessDays(addBusinessDays(start, count), -count) === start;
      }),
    );
  });
});
