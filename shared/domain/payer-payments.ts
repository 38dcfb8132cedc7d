import type { CalendarDate } from './calendar-date';
import type { Cents } from './money';
import type { StatementLine, StatementPayment } from './statement';

/** What one payer paid over some statement lines: the figures a ledger question about a payer reports. */
export interface PayerPayments {
  /** Every payment's amount as received (a partial payment counts by what it brought in). */
  receivedCents: Cents;
  paymentCount: number;
  /** Payments on billets still short of their principal. */
  partialPaymentCount: number;
  /** Boletos that received a payment among the lines. */
  boletosPaid: number;
  /** Of those, the ones still short of their principal (paid in part). */
  boletosPaidInPart: number;
  /** The largest payment (the earliest of equal ones), if any. */
  largest?: { amountCents: Cents; paidOn: CalendarDate };
}

/**
 * The payments among a payer's statement lines (boleto lines are left out: a boleto sits on its due date, not
 * on the day money came in). Pure: the caller chooses which lines (a period's) to give.
 */
export function payerPayments(lines: readonly StatementLine[]): PayerPayments {
  const payments = lines.filter((line): line is StatementPayment => line.kind === 'payment');
  const boletos = new Map<string, boolean>();
  let largest: StatementPayment | undefined;
  for (const payment of payments) {
    boletos.set(payment.boletoId, payment.partial);
    const earlierTie = largest?.amountCents === payment.amountCents && largest.paidOn <= payment.paidOn;
    if (!largest || (payment.amountCents >= largest.amountCents && !earlierTie)) largest = payment;
  }
  return {
    receivedCents: payments.reduce((sum, payment) => sum + payment.amountCents, 0),
    paymentCount: payments.length,
    partialPaymentCount: payments.filter((payment) => payment.partial).length,
    boletosPaid: boletos.size,
    boletosPaidInPart: [...boletos.values()].filter(Boolean).length,
    ...(largest ? { largest: { amountCents: largest.amountCents, paidOn: largest.paidOn } } : {}),
  };
}
