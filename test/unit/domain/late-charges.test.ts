import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extraHolidays } from '#domain/bank-holidays';
import { addDays, type CalendarDate, calendarDate } from '#domain/calendar-date';
import { DomainError, InvalidInputError } from '#domain/domain-error';
import {
  describeInterestPolicyBr,
  formatBpsBr,
  type InterestPolicy,
  interestPolicy,
  LEGAL_MAXIMUM_POLICY,
  NO_LATE_CHARGES,
} from '#domain/interest-policy';
import { lastChargeFreeDay, lateCharges } from '#domain/late-charges';
import { formatBrl } from '#domain/money';

const d = calendarDate;
const standard = interestPolicy({ fineBps: 200, monthlyInterestBps: 100 });

describe('interestPolicy', () => {
  it('accepts policies up to the legal caps', () => {
    expect(interestPolicy({ fineBps: 200, monthlyInterestBps: 100 })).toEqual(LEGAL_MAXIMUM_POLICY);
    expect(interestPolicy({ fineBps: 0, monthlyInterestBps: 0 })).toEqual(NO_LATE_CHARGES);
    expect(interestPolicy({ fineBps: 150, monthlyInterestBps: 33 })).toEqual({
      fineBps: 150,
      monthlyInterestBps: 33,
    });
  });

  it('rejects a fine above 2% or interest above 1% a month with a domain code', () => {
    const above = [
      { fineBps: 201, monthlyInterestBps: 100 },
      { fineBps: 200, monthlyInterestBps: 101 },
    ];
    for (const input of above) {
      expect(() => interestPolicy(input)).toThrow(DomainError);
      try {
        interestPolicy(input);
      } catch (error) {
        expect((error as DomainError).code).toBe('interest_policy_above_cap');
      }
    }
  });

  it('rejects negative or fractional basis points as invalid input', () => {
    expect(() => interestPolicy({ fineBps: -1, monthlyInterestBps: 0 })).toThrow(InvalidInputError);
    expect(() => interestPolicy({ fineBps: 1.5, monthlyInterestBps: 0 })).toThrow(InvalidInputError);
    expect(() => interestPolicy({ fineBps: 0, monthlyInterestBps: Number.NaN })).toThrow(InvalidInputError);
  });

  it('describes itself in pt-BR', () => {
    expect(describeInterestPolicyBr(standard)).toBe('multa de 2% e juros de 1% ao mês');
    expect(describeInterestPolicyBr({ fineBps: 150, monthlyInterestBps: 0 })).toBe('multa de 1,5%');
    expect(describeInterestPolicyBr(NO_LATE_CHARGES)).toBe('sem multa nem juros após o vencimento');
    expect(formatBpsBr(33)).toBe('0,33%');
    expect(formatBpsBr(5)).toBe('0,05%');
  });
});

describe('lateCharges', () => {
  it('charges R$ 150,00 paid 5 days late at 2% + 1% a month as R$ 3,00 + R$ 0,25 = R$ 153,25', () => {
    const charges = lateCharges(15000, d('2026-03-10'), d('2026-03-15'), standard);
    expect(charges).toEqual({
      daysLate: 5,
      fineCents: 300,
      interestCents: 25,
      chargesCents: 325,
      totalCents: 15325,
    });
    expect(formatBrl(charges.totalCents)).toBe('R$ 153,25');
  });

  it('charges nothing when paid on or before the due date', () => {
    expect(lateCharges(15000, d('2026-03-10'), d('2026-03-10'), standard).chargesCents).toBe(0);
    expect(lateCharges(15000, d('2026-03-10'), d('2026-03-01'), standard)).toEqual({
      daysLate: 0,
      fineCents: 0,
      interestCents: 0,
      chargesCents: 0,
      totalCents: 15000,
    });
  });

  it('lets a boleto due on Carnival Tuesday be paid on Wednesday without charges', () => {
    expect(lastChargeFreeDay(d('2026-02-17'))).toBe('2026-02-18');
    expect(lateCharges(15000, d('2026-02-17'), d('2026-02-18'), standard).chargesCents).toBe(0);
  });

  it('counts interest from the original due date once the grace day has passed', () => {
    // Due Carnival Tuesday 17 Feb 2026, paid Thursday 19 Feb: two days of interest, not one.
    expect(lateCharges(15000, d('2026-02-17'), d('2026-02-19'), standard)).toEqual({
      daysLate: 2,
      fineCents: 300,
      interestCents: 10,
      chargesCents: 310,
      totalCents: 15310,
    });
  });

  it('extends the grace over a weekend followed by holidays', () => {
    // Due Saturday 14 Feb 2026: Sunday, Carnival Monday and Tuesday follow, so Wednesday is still free.
    expect(lastChargeFreeDay(d('2026-02-14'))).toBe('2026-02-18');
    expect(lateCharges(15000, d('2026-02-14'), d('2026-02-18'), standard).chargesCents).toBe(0);
    expect(lateCharges(15000, d('2026-02-14'), d('2026-02-19'), standard).daysLate).toBe(5);
  });

  it('honours a tenant’s extra holiday', () => {
    const saoPaulo = extraHolidays(['2026-07-09']);
    expect(lateCharges(15000, d('2026-07-09'), d('2026-07-10'), standard).daysLate).toBe(1);
    expect(lateCharges(15000, d('2026-07-09'), d('2026-07-10'), standard, saoPaulo).chargesCents).toBe(0);
  });

  it('charges 31 days of interest across a 31-day month, more than one month’s rate', () => {
    // 10 Jan → 10 Feb is 31 days: R$ 100,00 × 1% × 31/30 = R$ 1,0333... → R$ 1,03 (rounded down)
    expect(lateCharges(10000, d('2026-01-10'), d('2026-02-10'), standard)).toMatchObject({
      daysLate: 31,
      fineCents: 200,
      interestCents: 103,
    });
    // 31 Mar → 30 Apr is 30 days: exactly 1%.
    expect(lateCharges(10000, d('2026-03-31'), d('2026-04-30'), standard).interestCents).toBe(100);
    expect(lateCharges(10000, d('2026-03-31'), d('2026-05-01'), standard).interestCents).toBe(103);
  });

  it('rounds every component down, in the payer’s favour', () => {
    expect(lateCharges(1, d('2026-03-10'), d('2026-04-10'), standard)).toMatchObject({
      fineCents: 0,
      interestCents: 0,
      totalCents: 1,
    });
    expect(lateCharges(9999, d('2026-03-10'), d('2026-03-11'), standard)).toMatchObject({
      fineCents: 199, // 199.98
      interestCents: 3, // 3.333
    });
  });

  it('handles the largest boleto amount', () => {
    expect(lateCharges(99999999, d('2026-03-10'), d('2026-03-15'), standard)).toMatchObject({
      fineCents: 1999999, // 1 999 999.98
      interestCents: 166666, // 166 666.665
      totalCents: 99999999 + 1999999 + 166666,
    });
  });

  it('refuses invalid amounts and policies above the caps', () => {
    expect(() => lateCharges(-1, d('2026-03-10'), d('2026-03-15'), standard)).toThrow(InvalidInputError);
    expect(() => lateCharges(1.5, d('2026-03-10'), d('2026-03-15'), standard)).toThrow(InvalidInputError);
    const tooHigh = { fineBps: 1000, monthlyInterestBps: 100 } as InterestPolicy;
    expect(() => lateCharges(100, d('2026-03-10'), d('2026-03-15'), tooHigh)).toThrow(/legal cap/);
  });
});

describe('late charge properties', () => {
  const amount = fc.integer({ min: 0, max: 99_999_999_999 });
  const policy = fc.record({
    fineBps: fc.integer({ min: 0, max: 200 }),
    monthlyInterestBps: fc.integer({ min: 0, max: 100 }),
  });
  const dueDate = fc
    .integer({ min: 0, max: 365 * 10 })
    .map((n) => addDays(d('2024-01-01'), n) as CalendarDate);
  const offset = fc.integer({ min: -30, max: 3 * 365 });

  it('never exceed the caps and are always whole centavos', () => {
    fc.assert(
      fc.property(amount, policy, dueDate, offset, (original, p, due, days) => {
        const c = lateCharges(original, due, addDays(due, days), p);
        const integers = [c.fineCents, c.interestCents, c.chargesCents, c.totalCents, c.daysLate];
        expect(integers.every(Number.isSafeInteger)).toBe(true);
        expect(c.fineCents * 10_000).toBeLessThanOrEqual(original * 200);
        expect(BigInt(c.fineCents) * 10_000n).toBeLessThanOrEqual(BigInt(original) * BigInt(p.fineBps));
        expect(BigInt(c.interestCents) * 300_000n).toBeLessThanOrEqual(
          BigInt(original) * 100n * BigInt(c.daysLate),
        );
        expect(c.chargesCents).toBe(c.fineCents + c.interestCents);
        expect(c.totalCents).toBe(original + c.chargesCents);
        expect(c.daysLate === 0 || c.daysLate === days).toBe(true);
      }),
    );
  });

  it('are rounded down by less than one centavo each', () => {
    fc.assert(
      fc.property(
        amount,
        policy,
        dueDate,
        fc.integer({ min: 10, max: 3 * 365 }),
        (original, p, due, days) => {
          const c = lateCharges(original, due, addDays(due, days), p);
          const exactFine = BigInt(original) * BigInt(p.fineBps);
          const exactInterest = BigInt(original) * BigInt(p.monthlyInterestBps) * BigInt(c.daysLate);
          return (
            exactFine - BigInt(c.fineCents) * 10_000n < 10_000n &&
            exactInterest - BigInt(c.interestCents) * 300_000n < 300_000n
          );
        },
      ),
    );
  });

  it('grow monotonically with the days of delay', () => {
    fc.assert(
      fc.property(amount, policy, dueDate, offset, offset, (original, p, due, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const first = lateCharges(original, due, addDays(due, early), p);
        const second = lateCharges(original, due, addDays(due, late), p);
        return (
          first.totalCents <= second.totalCents &&
          first.interestCents <= second.interestCents &&
          first.fineCents <= second.fineCents
        );
      }),
    );
  });

  it('charge nothing under a policy without charges', () => {
    fc.assert(
      fc.property(amount, dueDate, offset, (original, due, days) => {
        return lateCharges(original, due, addDays(due, days), NO_LATE_CHARGES).totalCents === original;
      }),
    );
  });
});
