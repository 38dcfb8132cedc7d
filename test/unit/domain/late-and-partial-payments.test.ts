import { describe, expect, it } from 'vitest';
import {
  cancelBoleto,
  closedBalanceCents,
  disputeBoleto,
  hasPayableBillet,
  payableAmountDueOn,
  paymentShortfall,
} from '#domain/boleto';
import { isPayable } from '#domain/boleto-status';
import { LEGAL_MAXIMUM_POLICY } from '#domain/interest-policy';
import { d, owner, pay, registered, requested, sent } from './boleto-fixtures';

describe('amounts due only on payable billets', () => {
  it('a sent boleto owes principal + charges; requested, paid, cancelled and short-paid owe nothing here', () => {
    expect(payableAmountDueOn(sent(), d('2026-12-15'), LEGAL_MAXIMUM_POLICY)?.totalCents).toBe(15_325);
    expect(payableAmountDueOn(requested(), d('2026-12-15'), LEGAL_MAXIMUM_POLICY)).toBeUndefined();
    expect(
      payableAmountDueOn(pay(sent(), 'p', 15_000).boleto, d('2026-12-15'), LEGAL_MAXIMUM_POLICY),
    ).toBeUndefined();
    const cancelled = cancelBoleto(registered(), 'owner_request', owner).boleto;
    expect(payableAmountDueOn(cancelled, d('2026-12-15'), LEGAL_MAXIMUM_POLICY)).toBeUndefined();
    const short = pay(sent(), 'p', 10_000).boleto;
    expect(isPayable(short.status)).toBe(false);
    expect(payableAmountDueOn(short, d('2027-02-15'), LEGAL_MAXIMUM_POLICY)).toBeUndefined();
  });

  it('a short-paid billet leaves a fixed balance, also while disputed; other boletos none', () => {
    const short = pay(sent(), 'p', 10_000).boleto;
    expect(closedBalanceCents(short)).toBe(5_000);
    const disputed = disputeBoleto(short, 'payer says it was all paid', owner).boleto;
    expect(hasPayableBillet(disputed)).toBe(false);
    expect(closedBalanceCents(disputed)).toBe(5_000);
    expect(closedBalanceCents(sent())).toBe(0);
    expect(hasPayableBillet(disputeBoleto(sent(), 'x', owner).boleto)).toBe(true);
  });
});

describe('paymentShortfall', () => {
  const base = { remainingBeforeCents: 15_000, dueDate: d('2026-12-10'), policy: LEGAL_MAXIMUM_POLICY };

  it('the face value paid 5 days late leaves the fine and interest of that day', () => {
    expect(paymentShortfall({ ...base, paidOn: d('2026-12-15'), paidCents: 15_000 })).toEqual({
      principalCents: 0,
      chargesCents: 325,
      totalCents: 325,
    });
  });

  it('nothing is missing when paid on time, or late with the charges', () => {
    expect(paymentShortfall({ ...base, paidOn: d('2026-12-10'), paidCents: 15_000 }).totalCents).toBe(0);
    expect(paymentShortfall({ ...base, paidOn: d('2026-12-15'), paidCents: 15_325 }).totalCents).toBe(0);
  });

  it('a short payment leaves the principal, plus the charges when late', () => {
    expect(paymentShortfall({ ...base, paidOn: d('2026-12-09'), paidCents: 10_000 })).toEqual({
      principalCents: 5_000,
      chargesCents: 0,
      totalCents: 5_000,
    });
    expect(paymentShortfall({ ...base, paidOn: d('2026-12-15'), paidCents: 10_000 }).totalCents).toBe(5_325);
  });
});
