import type { Payment } from '#application/ports/payment-repository';
import type { StatementProjection } from '#application/ports/statement-projection';
import type { Boleto } from '#domain/boleto';
import type { StatementBoletoLine, StatementPaymentLine } from '#domain/statement';

/**
 * Keeps the statement read model in step with the table, from its stream: each new version of a boleto
 * replaces its line (never by an older one: stream retries and replays are harmless), each payment adds its
 * line once. No message, no other effect.
 */

export function statementLineOfBoleto(boleto: Boleto): StatementBoletoLine {
  return {
    boletoId: boleto.id,
    description: boleto.description,
    status: boleto.status,
    amountCents: boleto.amountCents,
    paidCents: boleto.paidCents,
    chargesPaidCents: boleto.chargesPaidCents,
    dueDate: boleto.dueDate,
    createdAt: boleto.createdAt,
    version: boleto.version,
    ...(boleto.paidOn ? { paidOn: boleto.paidOn } : {}),
    ...(boleto.disputedFrom ? { disputedFrom: boleto.disputedFrom } : {}),
  };
}

export function statementLineOfPayment(payment: Payment): StatementPaymentLine {
  return {
    paymentId: payment.paymentId,
    boletoId: payment.boletoId,
    amountCents: payment.amountCents,
    paidOn: payment.paidOn,
  };
}

export type StatementSource = { kind: 'boleto'; boleto: Boleto } | { kind: 'payment'; payment: Payment };

export async function projectStatement(
  projection: StatementProjection,
  source: StatementSource,
): Promise<'stored' | 'stale' | 'duplicate'> {
  if (source.kind === 'boleto') {
    const { boleto } = source;
    return projection.putBoleto(boleto.tenantId, boleto.contactId, statementLineOfBoleto(boleto));
  }
  const { payment } = source;
  return projection.putPayment(payment.tenantId, payment.contactId, statementLineOfPayment(payment));
}
