import type { ExtraHolidays } from './bank-holidays';
import { nextBusinessDayOnOrAfter } from './business-days';
import { type CalendarDate, daysBetween } from './calendar-date';
import { InvalidInputError } from './domain-error';
import { type InterestPolicy, interestPolicy } from './interest-policy';
import { assertNonNegativeCents, BPS_PER_UNIT, type Cents, mulDivCents, sumCents } from './money';

/** Interest is charged as 1/30 of the monthly rate per calendar day, whatever the month's length. */
export const DAYS_PER_INTEREST_MONTH = 30;

export interface LateCharges {
  /** Calendar days from the original due date to the payment date; 0 when no charges apply. */
  daysLate: number;
  /** One-time fine: floor(original × fineBps / 10 000). */
  fineCents: Cents;
  /** Simple interest: floor(original × monthlyInterestBps × daysLate / (10 000 × 30)). */
  interestCents: Cents;
  /** fineCents + interestCents. */
  chargesCents: Cents;
  /** original + charges: what the payer owes on the payment date. */
  totalCents: Cents;
}

/**
 * The last day a boleto is payable without charges: the due date itself, or the next business day when the
 * due date is a weekend or bank holiday.
 */
export function lastChargeFreeDay(dueDate: CalendarDate, extra?: ExtraHolidays): CalendarDate {
  return nextBusinessDayOnOrAfter(dueDate, extra);
}

/**
 * Fine and interest owed on `originalCents` when paid on `paymentDate`.
 *
 * Nothing is owed up to `lastChargeFreeDay(dueDate)`. After that the fine applies once and interest runs per
 * calendar day from the ORIGINAL due date (a boleto due on Carnival Tuesday and paid on Thursday owes two
 * days). Each component is rounded down to whole centavos on its own (in the payer's favour), so a charge
 * never exceeds its legal cap and the sum is always whole centavos.
 */
export function lateCharges(
  originalCents: Cents,
  dueDate: CalendarDate,
  paymentDate: CalendarDate,
  policy: InterestPolicy,
  extra?: ExtraHolidays,
): LateCharges {
  assertNonNegativeCents(originalCents, 'original amount');
  const { fineBps, monthlyInterestBps } = interestPolicy(policy);
  if (paymentDate <= lastChargeFreeDay(dueDate, extra)) {
    return { daysLate: 0, fineCents: 0, interestCents: 0, chargesCents: 0, totalCents: originalCents };
  }
  const daysLate = daysBetween(dueDate, paymentDate);
  if (!Number.isSafeInteger(daysLate * monthlyInterestBps)) {
    throw new InvalidInputError(`payment date too far from due date: ${dueDate} → ${paymentDate}`);
  }
  const fineCents = mulDivCents(originalCents, fineBps, BPS_PER_UNIT, 'floor');
  const interestCents = mulDivCents(
    originalCents,
    monthlyInterestBps * daysLate,
    BPS_PER_UNIT * DAYS_PER_INTEREST_MONTH,
    'floor',
  );
  const chargesCents = sumCents([fineCents, interestCents]);
  return {
    daysLate,
    fineCents,
    interestCents,
    chargesCents,
    totalCents: sumCents([originalCents, chargesCents]),
  };
}
