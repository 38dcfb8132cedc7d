import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import { payerPayments } from '#domain/payer-payments';
import type { StatementLine } from '#domain/statement';
import { aStatementBoletoLine } from '#test/support/statement-fixtures';

const payment = (boletoId: string, amountCents: number, paidOn: string, partial = false): StatementLine => ({
  kind: 'payment',
  paymentId: `${boletoId}-${paidOn}`,
  boletoId,
  amountCents,
  paidOn: calendarDate(paidOn),
  partial,
});

describe('what one payer paid over statement lines', () => {
  it('sums payments by amount received, counts boletos once and those paid in part', () => {
    const boleto: StatementLine = {
      kind: 'boleto',
      ...aStatementBoletoLine({ boletoId: 'b9', amountCents: 99_999 }),
      remainingCents: 0,
      chargesTodayCents: 0,
      openCents: 0,
      closedBalanceCents: 0,
    };
    const figures = payerPayments([
      payment('b1', 45_000, '2026-10-09'),
      payment('b2', 12_000, '2026-11-12', true),
      payment('b3', 45_000, '2026-11-28'),
      boleto,
    ]);
    expect(figures).toEqual({
      receivedCents: 102_000,
      paymentCount: 3,
      partialPaymentCount: 1,
      boletosPaid: 3,
      boletosPaidInPart: 1,
      largest: { amountCents: 45_000, paidOn: '2026-10-09' },
    });
  });

  it('keeps the earliest of equal payments whatever the order, and has no largest without payments', () => {
    const later = payment('b3', 45_000, '2026-11-28');
    const earlier = payment('b1', 45_000, '2026-10-09');
    expect(payerPayments([later, earlier]).largest).toEqual({ amountCents: 45_000, paidOn: '2026-10-09' });
    expect(payerPayments([])).toEqual({
      receivedCents: 0,
      paymentCount: 0,
      partialPaymentCount: 0,
      boletosPaid: 0,
      boletosPaidInPart: 0,
    });
  });
});
