import type { BoletoStatus } from '#domain/boleto';
import { formatDateBr } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import type { StatementBoleto, StatementPayment } from '#domain/statement';
import type { StatementPage } from './read-statement';

/** The statement as a WhatsApp message: its latest lines (boletos and payments), then the whole statement's totals. */

/** Lines in one message (one page of the statement); older ones are counted, not listed. */
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

export function statementText(contactName: string, page: StatementPage): string {
  const { totals } = page;
  if (totals.boletoCount === 0) return `${contactName} ainda não tem boletos: o extrato está vazio.`;
  const lines = [`📄 Extrato de ${contactName} (até ${formatDateBr(page.asOf)})`, '', 'Boletos:'];
  // The page is newest first; the message reads oldest to newest.
  const shown = [...page.lines].reverse();
  const boletos = shown.filter((line): line is StatementBoleto => line.kind === 'boleto');
  const payments = shown.filter((line): line is StatementPayment => line.kind === 'payment');
  const olderBoletos = totals.boletoCount - boletos.length;
  if (olderBoletos > 0) lines.push(`• … e mais ${olderBoletos} anteriores`);
  lines.push(...boletos.map(boletoLine));
  if (totals.paymentCount > 0) {
    lines.push('', 'Pagamentos:');
    const olderPayments = totals.paymentCount - payments.length;
    if (olderPayments > 0) lines.push(`• … e mais ${olderPayments} anteriores`);
    for (const payment of payments) {
      const partial = payment.partial ? ' (parcial)' : '';
      lines.push(`• ${formatDateBr(payment.paidOn)}: ${formatBrl(payment.amountCents)}${partial}`);
    }
  }
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
