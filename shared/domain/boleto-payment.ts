import type { ExtraHolidays } from './bank-holidays';
import type { BoletoPaid, ChangeContext, PaymentApplied } from './boleto-events';
import {
  type Boleto,
  type BoletoChange,
  checkContext,
  eventOf,
  evolve,
  remainingCents,
  requireText,
} from './boleto-state';
import { assertTransition, canTransition, InvalidTransitionError, isPayable } from './boleto-status';
import { type CalendarDate, calendarDate } from './calendar-date';
import { DomainError, InvalidInputError } from './domain-error';
import type { InterestPolicy } from './interest-policy';
import { type LateCharges, lateCharges } from './late-charges';
import { assertNonNegativeCents, assertPositiveCents, type Cents } from './money';

export interface ApplyPaymentInput {
  /** The provider's id for this payment: applying the same id twice changes nothing. */
  paymentId: string;
  /** What the payer paid, charges included, as the provider reports it. */
  amountCents: Cents;
  /** The part of `amountCents` that is fine and interest (0 when paid on time). */
  chargesCents?: Cents;
  paidOn: CalendarDate;
}

/**
 * Records a payment reported by the provider. The principal part (`amountCents - chargesCents`) settles the
 * original amount and must be > 0 and never more than what remains (`payment_exceeds_remaining`); the charges
 * part is kept apart in `chargesPaidCents`. Settling the remainder makes the boleto `paid` (events
 * PaymentApplied + BoletoPaid, sharing the new version); less makes it `partially_paid`, except that a
 * disputed boleto stays disputed (money does not settle the dispute) and will return to `partially_paid`.
 * A payment id already applied is a no-op. A boleto not yet registered, paid or cancelled refuses payments
 * (`invalid_transition`).
 */
export function applyPayment(
  boleto: Boleto,
  payment: ApplyPaymentInput,
  ctx: ChangeContext,
): BoletoChange<PaymentApplied | BoletoPaid> {
  checkContext(ctx);
  const paymentId = requireText(payment.paymentId, 'payment id');
  if (boleto.paymentIds.includes(paymentId)) return { boleto, events: [] };
  if (!canTransition(boleto.status, 'paid')) throw new InvalidTransitionError(boleto.status, 'paid');
  const paidOn = calendarDate(payment.paidOn);
  const amountCents = assertPositiveCents(payment.amountCents, 'payment');
  const chargesCents = assertNonNegativeCents(payment.chargesCents ?? 0, 'payment charges');
  const principalCents = amountCents - chargesCents;
  if (principalCents <= 0) {
    throw new InvalidInputError(`payment charges (${chargesCents}) leave no principal of ${amountCents}`);
  }
  const remaining = remainingCents(boleto);
  if (principalCents > remaining) {
    throw new DomainError(
      'payment_exceeds_remaining',
      `payment principal ${principalCents} exceeds the remaining ${remaining} of boleto ${boleto.id}`,
    );
  }
  const paidCents = boleto.paidCents + principalCents;
  const settled = paidCents === boleto.amountCents;
  const stillDisputed = boleto.status === 'disputed' && !settled;
  const status = settled ? 'paid' : stillDisputed ? 'disputed' : 'partially_paid';
  if (!stillDisputed) assertTransition(boleto.status, status);
  const after = evolve(
    boleto,
    {
      status,
      paidCents,
      chargesPaidCents: boleto.chargesPaidCents + chargesCents,
      paymentIds: Object.freeze([...boleto.paymentIds, paymentId]),
      ...(settled ? { paidOn, disputedFrom: undefined, disputeReason: undefined } : {}),
      ...(stillDisputed ? { disputedFrom: 'partially_paid' as const } : {}),
    },
    ctx,
  );
  const events: Array<PaymentApplied | BoletoPaid> = [
    eventOf<PaymentApplied>('PaymentApplied', boleto, after, ctx, {
      paymentId,
      paidOn,
      amountCents,
      principalCents,
      chargesCents,
      paidCents,
      remainingCents: remainingCents(after),
    }),
  ];
  if (settled) {
    events.push(
      eventOf<BoletoPaid>('BoletoPaid', boleto, after, ctx, {
        paidOn,
        paidCents,
        chargesPaidCents: after.chargesPaidCents,
      }),
    );
  }
  return { boleto: after, events };
}

/** What a boleto's balance depends on: a read model (a statement line) carries these and nothing else. */
export type BoletoBalanceFacts = Pick<
  Boleto,
  'status' | 'disputedFrom' | 'amountCents' | 'paidCents' | 'dueDate'
>;

/** Each charge component is rounded down here; a provider rounding to nearest may be one centavo above. */
export const CHARGES_TOLERANCE_CENTS = 2;

/**
 * Splits a total reported without a breakdown: the remaining principal first, the rest as charges, provided
 * the rest is no more than the late charges the tenant's policy allows on that date (plus
 * CHARGES_TOLERANCE_CENTS for the provider's rounding). A larger excess is an overpayment that needs a person:
 * `payment_exceeds_remaining`.
 */
export function splitPaymentAmount(
  boleto: Boleto,
  amountCents: Cents,
  paidOn: CalendarDate,
  policy: InterestPolicy,
  extra?: ExtraHolidays,
): { principalCents: Cents; chargesCents: Cents } {
  assertPositiveCents(amountCents, 'payment');
  const remaining = remainingCents(boleto);
  const principalCents = Math.min(amountCents, remaining);
  const chargesCents = amountCents - principalCents;
  if (chargesCents > 0) {
    const allowed = lateCharges(remaining, boleto.dueDate, paidOn, policy, extra).chargesCents;
    const tolerance = allowed > 0 ? CHARGES_TOLERANCE_CENTS : 0;
    if (chargesCents > allowed + tolerance) {
      throw new DomainError(
        'payment_exceeds_remaining',
        `payment ${amountCents} exceeds the remaining ${remaining} plus allowed charges ${allowed}`,
      );
    }
  }
  return { principalCents, chargesCents };
}

/**
 * The billet can still take the payer's money: a payable status, and not a dispute opened over a partial
 * payment (that billet was closed by the payment). Every "amount due" is computed only for these.
 */
export function hasPayableBillet(boleto: Pick<Boleto, 'status' | 'disputedFrom'>): boolean {
  if (boleto.status === 'disputed') return boleto.disputedFrom !== 'partially_paid';
  return isPayable(boleto.status);
}

/** What the payer owes on `date` (remaining principal + fine + interest), or undefined when the billet cannot be paid. */
export function payableAmountDueOn(
  boleto: BoletoBalanceFacts,
  date: CalendarDate,
  policy: InterestPolicy,
  extra?: ExtraHolidays,
): LateCharges | undefined {
  if (!hasPayableBillet(boleto)) return undefined;
  return lateCharges(remainingCents(boleto), boleto.dueDate, date, policy, extra);
}

/**
 * The principal still owed on a billet that was paid short and closed (Paytime takes one payment per billet):
 * a fixed balance the owner charges with a new boleto or writes off; no fine or interest accrues on it.
 * 0 for any other boleto.
 */
export function closedBalanceCents(boleto: BoletoBalanceFacts): Cents {
  const short =
    boleto.status === 'partially_paid' ||
    (boleto.status === 'disputed' && boleto.disputedFrom === 'partially_paid');
  return short ? remainingCents(boleto) : 0;
}

/**
 * What a payment left uncollected against what was due on `paidOn`: the remaining principal plus the fine
 * and interest the tenant's policy allowed that day, minus what was paid. 0 when paid in full with charges.
 * `remainingBeforeCents` is the principal owed before this payment.
 */
export function paymentShortfall(input: {
  remainingBeforeCents: Cents;
  dueDate: CalendarDate;
  paidOn: CalendarDate;
  paidCents: Cents;
  policy: InterestPolicy;
  extra?: ExtraHolidays;
}): { principalCents: Cents; chargesCents: Cents; totalCents: Cents } {
  const owed = lateCharges(
    input.remainingBeforeCents,
    input.dueDate,
    input.paidOn,
    input.policy,
    input.extra,
  );
  const principalPaid = Math.min(input.paidCents, input.remainingBeforeCents);
  const chargesPaid = input.paidCents - principalPaid;
  const principalCents = input.remainingBeforeCents - principalPaid;
  const chargesCents = Math.max(0, owed.chargesCents - chargesPaid);
  return { principalCents, chargesCents, totalCents: principalCents + chargesCents };
}
