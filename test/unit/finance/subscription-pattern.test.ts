import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '#domain/calendar-date';
import {
  detectSubscription,
  isLargerThanUsual,
  isOverdue,
  monthOffset,
  type Occurrence,
  usualDateIn,
} from '#domain/subscription-pattern';

const seen = (date: string, amountCents: number, description = 'netflix'): Occurrence => ({
  date: date as CalendarDate,
  amountCents,
  description,
});

describe('detectSubscription', () => {
  it('recognises three consecutive months of a similar amount on a similar day', () => {
    expect(
      detectSubscription([seen('2026-10-05', 5990), seen('2026-11-07', 5990), seen('2026-12-04', 5990)]),
    ).toEqual({
      amountCents: 5990,
      description: 'netflix',
      dayOfMonth: 4,
      months: ['2026-10', '2026-11', '2026-12'],
    });
  });

  it('accepts amounts within 10% of the latest one and refuses one beyond', () => {
    expect(
      detectSubscription([seen('2026-10-05', 5400), seen('2026-11-05', 5990), seen('2026-12-05', 5990)]),
    ).toBeDefined();
    expect(
      detectSubscription([seen('2026-10-05', 5300), seen('2026-11-05', 5990), seen('2026-12-05', 5990)]),
    ).toBeUndefined();
  });

  it('refuses a day more than 3 days off, and reads a short month as its last day', () => {
    expect(
      detectSubscription([seen('2026-10-01', 5990), seen('2026-11-05', 5990), seen('2026-12-05', 5990)]),
    ).toBeUndefined();
    expect(
      detectSubscription([seen('2027-01-31', 5990), seen('2027-02-28', 5990), seen('2027-03-31', 5990)]),
    ).toMatchObject({ dayOfMonth: 31 });
  });

  it('needs every one of the three months, and one expense a month (several is a habit)', () => {
    expect(detectSubscription([seen('2026-10-05', 5990), seen('2026-12-05', 5990)])).toBeUndefined();
    expect(
      detectSubscription([
        seen('2026-10-05', 5990),
        seen('2026-11-05', 5990),
        seen('2026-11-06', 5990),
        seen('2026-12-05', 5990),
      ]),
    ).toBeUndefined();
    expect(detectSubscription([])).toBeUndefined();
  });
});

describe('a tracked subscription', () => {
  it('is overdue five days after its usual day (at the latest on the last day of its month)', () => {
    expect(isOverdue(5, '2027-01', '2027-01-09' as CalendarDate)).toBe(false);
    expect(isOverdue(5, '2027-01', '2027-01-10' as CalendarDate)).toBe(true);
    expect(isOverdue(28, '2027-02', '2027-02-27' as CalendarDate)).toBe(false);
    expect(isOverdue(28, '2027-02', '2027-02-28' as CalendarDate)).toBe(true);
  });

  it('is larger only above 10% of its amount', () => {
    expect(isLargerThanUsual(6589, 5990)).toBe(false);
    expect(isLargerThanUsual(6590, 5990)).toBe(true);
  });

  it('counts months across years', () => {
    expect(monthOffset('2027-01', -2)).toBe('2026-11');
    expect(monthOffset('2026-12', 1)).toBe('2027-01');
    expect(usualDateIn('2027-02', 31)).toBe('2027-02-28');
  });
});
