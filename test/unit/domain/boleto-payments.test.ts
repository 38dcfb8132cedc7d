import { describe, expect, it } from 'vitest';
import {
  amountDueOn,
  cancelBoleto,
  disputeBoleto,
  isOpen,
  isOverdue,
  registerBoleto,
  remainingCents,
  requestBoleto,
  resolveDispute,
  splitPaymentAmount,
} from '#domain/boleto';
import { LEGAL_MAXIMUM_POLICY } from '#domain/interest-policy';
import { codeOf, d, newBoleto, owner, pay, provider, ref, requested, sent } from './boleto-fixtures';

describe('applyPayment', () => {
  it('settles a boleto paid in full with PaymentApplied and BoletoPaid sharing one version', () => {
    const { boleto, events } = pay(sent(), 'p-1', 15000);
    expect(boleto).toMatchObject({ status: 'paid', paidCents: 15000, paidOn: '2026-12-10', version: 4 });
    expect(remainingCents(boleto)).toBe(0);
    expect(events.map((e) => [e.type, e.version, e.from, e.to])).toEqual([
      ['PaymentApplied', 4, 'sent', 'paid'],
      ['BoletoPaid', 4, 'sent', 'paid'],
    ]);
  });

  it('goes through partially paid and then paid', () => {
    const first = pay(sent(), 'p-1', 5000);
    expect(first.boleto.status).toBe('partially_paid');
    expect(first.events).toHaveLength(1);
    expect(first.events[0]?.data).toMatchObject({
      principalCents: 5000,
      paidCents: 5000,
      remainingCents: 10000,
    });
    const second = pay(first.boleto, 'p-2', 10000);
    expect(second.boleto).toMatchObject({ status: 'paid', paidCents: 15000, paymentIds: ['p-1', 'p-2'] });
  });

  it('rejects a payment larger than the remainder and changes nothing', () => {
    const partial = pay(sent(), 'p-1', 10000).boleto;
    expect(codeOf(() => pay(partial, 'p-2', 5001))).toBe('payment_exceeds_remaining');
    expect(codeOf(() => pay(sent(), 'p-1', 15001))).toBe('payment_exceeds_remaining');
    expect(partial).toMatchObject({ status: 'partially_paid', paidCents: 10000, version: 4 });
    expect(Object.isFrozen(partial)).toBe(true);
  });

  it('counts charges apart from the principal', () => {
    const { boleto, events } = pay(sent(), 'p-1', 15325, 325);
    expect(boleto).toMatchObject({ status: 'paid', paidCents: 15000, chargesPaidCents: 325 });
    expect(events[0]?.data).toMatchObject({ amountCents: 15325, principalCents: 15000, chargesCents: 325 });
    expect(events[1]?.data).toEqual({ paidOn: '2026-12-10', paidCents: 15000, chargesPaidCents: 325 });
  });

  it('ignores a replayed payment id', () => {
    const partial = pay(sent(), 'p-1', 5000).boleto;
    expect(pay(partial, 'p-1', 5000)).toEqual({ boleto: partial, events: [] });
  });

  it('refuses payments on boletos that cannot take them', () => {
    expect(codeOf(() => pay(requested(), 'p-1', 100))).toBe('invalid_transition');
    const paid = pay(sent(), 'p-1', 15000).boleto;
    expect(codeOf(() => pay(paid, 'p-2', 1))).toBe('invalid_transition');
    const cancelled = cancelBoleto(sent(), 'owner_request', owner).boleto;
    expect(codeOf(() => pay(cancelled, 'p-2', 100))).toBe('invalid_transition');
  });

  it('rejects malformed payments', () => {
    expect(() => pay(sent(), 'p-1', 0)).toThrow(/greater than zero/);
    expect(() => pay(sent(), 'p-1', 300, 300)).toThrow(/no principal/);
    expect(() => pay(sent(), 'p-1', 300, -1)).toThrow(/negative/);
    expect(() => pay(sent(), '', 300)).toThrow(/payment id/);
  });

  it('keeps a disputed boleto disputed on a partial payment and settles it on full payment', () => {
    const disputed = disputeBoleto(sent(), 'payer contests the amount', owner).boleto;
    const partial = pay(disputed, 'p-1', 5000).boleto;
    expect(partial).toMatchObject({ status: 'disputed', disputedFrom: 'partially_paid', paidCents: 5000 });
    expect(resolveDispute(partial, 'agreed', owner).boleto.status).toBe('partially_paid');
    const paid = pay(partial, 'p-2', 10000).boleto;
    expect(paid.status).toBe('paid');
    expect(paid.disputedFrom).toBeUndefined();
    expect('disputedFrom' in paid).toBe(false);
  });
});

describe('splitPaymentAmount', () => {
  const due = requestBoleto({ ...newBoleto, dueDate: d('2026-12-10') }, owner).boleto;

  it('takes the remainder as principal and the rest as charges within the policy', () => {
    expect(splitPaymentAmount(due, 15325, d('2026-12-15'), LEGAL_MAXIMUM_POLICY)).toEqual({
      principalCents: 15000,
      chargesCents: 325,
    });
    expect(splitPaymentAmount(due, 5000, d('2026-12-15'), LEGAL_MAXIMUM_POLICY)).toEqual({
      principalCents: 5000,
      chargesCents: 0,
    });
  });

  it('tolerates a provider rounding a centavo up per component, and no more', () => {
    expect(splitPaymentAmount(due, 15327, d('2026-12-15'), LEGAL_MAXIMUM_POLICY).chargesCents).toBe(327);
    expect(codeOf(() => splitPaymentAmount(due, 15328, d('2026-12-15'), LEGAL_MAXIMUM_POLICY))).toBe(
      'payment_exceeds_remaining',
    );
  });

  it('treats any excess on time as an overpayment', () => {
    expect(codeOf(() => splitPaymentAmount(due, 15001, d('2026-12-10'), LEGAL_MAXIMUM_POLICY))).toBe(
      'payment_exceeds_remaining',
    );
  });
});

describe('overdue and amount due', () => {
  const carnival = () => {
    const b = requestBoleto({ ...newBoleto, dueDate: d('2026-02-17'), today: d('2026-02-01') }, owner).boleto;
    return registerBoleto(b, ref, provider).boleto;
  };

  it('is computed from the due date with the business-day grace', () => {
    expect(isOverdue(carnival(), d('2026-02-17'))).toBe(false);
    expect(isOverdue(carnival(), d('2026-02-18'))).toBe(false);
    expect(isOverdue(carnival(), d('2026-02-19'))).toBe(true);
  });

  it('never applies to settled or unregistered boletos', () => {
    const paid = pay(carnival(), 'p-1', 15000).boleto;
    expect(isOverdue(paid, d('2026-03-01'))).toBe(false);
    const early = requestBoleto(
      { ...newBoleto, dueDate: d('2026-02-17'), today: d('2026-02-01') },
      owner,
    ).boleto;
    expect(isOverdue(early, d('2026-03-01'))).toBe(false);
    expect(isOpen(paid)).toBe(false);
    expect(isOpen(carnival())).toBe(true);
  });

  it('charges late fees on what remains, counted from the original due date', () => {
    const partial = pay(carnival(), 'p-1', 5000).boleto;
    expect(amountDueOn(partial, d('2026-02-18'), LEGAL_MAXIMUM_POLICY).totalCents).toBe(10000);
    expect(amountDueOn(partial, d('2026-02-19'), LEGAL_MAXIMUM_POLICY)).toMatchObject({
      daysLate: 2,
      fineCents: 200,
      interestCents: 6, // 10000 × 1% × 2/30 = 6.67, rounded down
      totalCents: 10206,
    });
  });
});
