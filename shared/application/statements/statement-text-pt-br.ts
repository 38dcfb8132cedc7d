import type { BoletoStatus } from '#domain/boleto';
import { formatDateBr } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import type { Statement, StatementBoleto } from '#domain/statement';

/** The statement as a WhatsApp message: the latest boletos and payments, then the totals. */

/** Lines of each list in one message; older ones are counted, not listed. */
export const STATEMENT_MESSAGE_LINES = 10;

const STATUS_TEXT: Record<BoletoStatus, string> = {
  requested: 'em emissão',
  registered: 'emitido',
  sent: 'enviado',
  partially_paid: 'pago em parte',
  paid: 'pago',
  cancelled: 'cancelado',
  disputed: 'em contestação',
  failed: 'não emitido',
};

function boletoLine(boleto: StatementBoleto): string {
  const what = boleto.description ? ` (${boleto.description})` : '';
  const parts = [`vence ${formatDateBr(boleto.dueDate)}`, STATUS_TEXT[boleto.status]];
  if (boleto.status === 'paid' && boleto.paidOn) parts[1] = `pago em ${formatDateBr(boleto.paidOn)}`;
  if (boleto.paidCents > 0 && boleto.paidCents < boleto.amountCents) {
    parts.push(`pagou ${formatBrl(boleto.paidCents)}, faltam ${formatBrl(boleto.remainingCents)}`);
  }
  if (boleto.chargesTodayCents > 0)
    parts.push(`+ ${formatBrl(boleto.chargesTodayCents)} de multa e juros hoje`);
  return `• ${formatBrl(boleto.amountCents)}${what}: ${parts.join('; ')}`;
}

function latest<T>(items: readonly T[]): { shown: T[]; older: number } {
  const shown = items.slice(-STATEMENT_MESSAGE_LINES);
  return { shown, older: items.length - shown.length };
}

export function statementText(contactName: string, statement: Statement): string {
  if (statement.boletos.length === 0) return `${contactName} ainda não tem boletos: o extrato está vazio.`;
  const lines = [`📄 Extrato de ${contactName} (até ${formatDateBr(statement.asOf)})`, '', 'Boletos:'];
  const boletos = latest(statement.boletos);
  if (boletos.older > 0) lines.push(`• … e mais ${boletos.older} anteriores`);
  lines.push(...boletos.shown.map(boletoLine));
  if (statement.payments.length > 0) {
    lines.push('', 'Pagamentos:');
    const payments = latest(statement.payments);
    if (payments.older > 0) lines.push(`• … e mais ${payments.older} anteriores`);
    for (const payment of payments.shown) {
      const partial = payment.partial ? ' (parcial)' : '';
      lines.push(`• ${formatDateBr(payment.paidOn)}: ${formatBrl(payment.amountCents)}${partial}`);
    }
  }
  const { totals } = statement;
  lines.push('', `Total pago: ${formatBrl(totals.paidCents)}`);
  if (totals.chargesPaidCents > 0)
    lines.push(`Multa e juros recebidos: ${formatBrl(totals.chargesPaidCents)}`);
  const charges =
    totals.chargesDueTodayCents > 0
      ? ` (inclui ${formatBrl(totals.chargesDueTodayCents)} de multa e juros)`
      : '';
  lines.push(`Em aberto hoje: ${formatBrl(totals.openBalanceCents)}${charges}`);
  return lines.join('\n');
}
