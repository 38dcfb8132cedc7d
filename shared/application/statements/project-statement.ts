import type { Payment } from '#application/ports/payment-repository';
import type { StatementProjection } from '#application/ports/statement-projection';
import type { Boleto } from '#domain/boleto';
import { type StatementBoletoLine, type StatementPaymentLine, summarizeStatement } from '#domain/statement';

/**
 * Keeps the statement read model in step with the table, from its stream: each new version of a boleto
 * replaces its line (never by an older one: stream retries and replays are harmless), each payment adds its
 * line once; then the statement's summary is recomputed from all its lines. No message, no other effect.
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
  options: { refreshSummary: boolean } = { refreshSummary: true },
): Promise<'stored' | 'stale' | 'duplicate'> {
  const { tenantId, contactId } = source.kind === 'boleto' ? source.boleto : source.payment;
  const outcome =
    source.kind === 'boleto'
      ? await projection.putBoleto(tenantId, contactId, statementLineOfBoleto(source.boleto))
      : await projection.putPayment(tenantId, contactId, statementLineOfPayment(source.payment));
  // Also after `stale`/`duplicate`: a replayed record heals a recompute lost to a crash after its line write.
  if (options.refreshSummary) await refreshStatementSummary(projection, tenantId, contactId);
  return outcome;
}

/**
 * Recomputes the summary from every line, stored only if no line changed since `seq` was read. When one did,
 * that line's own write recomputes after it (`superseded` here): the last change always gets the last word,
 * however the stream orders, retries or replays the records.
 */
export async function refreshStatementSummary(
  projection: StatementProjection,
  tenantId: string,
  contactId: string,
): Promise<'stored' | 'superseded'> {
  const { seq, boletos, payments } = await projection.readAllLines(tenantId, contactId);
  if (seq === 0) return 'superseded';
  return projection.putSummary(tenantId, contactId, summarizeStatement(boletos, payments), seq);
}
