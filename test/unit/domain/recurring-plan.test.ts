import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import {
  addMonths,
  coversPeriod,
  dueDateIn,
  firstPeriodFrom,
  issueDateOf,
  lastPeriodOf,
  monthsOf,
  nextPeriodOf,
  type Period,
  type RecurringPlan,
} from '#domain/recurring-plan';

const p = (value: string) => value as Period;

describe('recurring plan rules', () => {
  it("due dates: the plan day, or the month's last day; weekends and holidays kept as for one-off boletos", () => {
    expect(dueDateIn(p('2027-04'), 31)).toBe('2027-04-30');
    expect(dueDateIn(p('2027-02'), 30)).toBe('2027-02-28');
    expect(dueDateIn(p('2028-02'), 31)).toBe('2028-02-29');
    expect(dueDateIn(p('2027-01'), 10)).toBe('2027-01-10'); // a Sunday: kept
    expect(dueDateIn(p('2026-12'), 25)).toBe('2026-12-25'); // Christmas: kept
  });

  it('issues ten days before the due date, across month ends', () => {
    expect(issueDateOf(calendarDate('2027-01-10'))).toBe('2026-12-31');
    expect(issueDateOf(calendarDate('2027-03-10'))).toBe('2027-02-28');
  });

  it('starts with the first due date after today', () => {
    expect(firstPeriodFrom(calendarDate('2026-12-05'), 10)).toBe('2026-12');
    expect(firstPeriodFrom(calendarDate('2026-12-10'), 10)).toBe('2027-01');
    expect(firstPeriodFrom(calendarDate('2027-02-28'), 31)).toBe('2027-03');
    expect(firstPeriodFrom(calendarDate('2027-04-29'), 31)).toBe('2027-04');
  });

  it('ends "até junho" in the next June, "por 6 meses" after six boletos', () => {
    expect(lastPeriodOf(p('2026-12'), { untilMonth: 6 })).toBe('2027-06');
    expect(lastPeriodOf(p('2026-12'), { untilMonth: 12 })).toBe('2026-12');
    expect(lastPeriodOf(p('2026-12'), { months: 6 })).toBe('2027-05');
    expect(lastPeriodOf(p('2026-12'), undefined)).toBeUndefined();
    expect(monthsOf({ firstPeriod: p('2026-12'), lastPeriod: p('2027-05') })).toBe(6);
    expect(addMonths(p('2026-12'), 1)).toBe('2027-01');
    expect(addMonths(p('2027-01'), -1)).toBe('2026-12');
  });

  it('covers its months only while active', () => {
    const plan = {
      firstPeriod: p('2026-12'),
      lastPeriod: p('2027-02'),
      status: 'active',
    } as RecurringPlan;
    expect(coversPeriod(plan, p('2026-11'))).toBe(false);
    expect(coversPeriod(plan, p('2027-02'))).toBe(true);
    expect(nextPeriodOf(plan, p('2027-01'))).toBe('2027-02');
    expect(nextPeriodOf(plan, p('2027-02'))).toBeUndefined();
    expect(coversPeriod({ ...plan, status: 'stopped' }, p('2027-01'))).toBe(false);
  });
});
