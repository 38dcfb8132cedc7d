import { formatBrl } from '#domain/money';
import type { CountAndCents, ReportContent } from '#domain/report-content';
import { periodTitle } from '#domain/report-period';

/** The short WhatsApp summary that goes before the PDF: totals, boletos, budgets over 80%. States no send. */
export function reportSummaryText(content: ReportContent): string {
  const lines = [
    `Relatório de ${periodTitle(content.period)}`,
    `Entradas: ${formatBrl(content.incomeCents)}`,
    `Saídas: ${formatBrl(content.expenseCents)}`,
    `Saldo: ${formatBrl(content.balanceCents)}`,
  ];
  const { issued, paid, late } = content.boletos;
  if (issued.count + paid.count + late.count > 0) {
    lines.push(
      `Boletos: ${counted(issued, 'emitido', 'emitidos')}, ${counted(paid, 'pago', 'pagos')}, ${counted(late, 'em atraso', 'em atraso')}`,
    );
  }
  for (const budget of content.budgets.filter((b) => b.usedPercent >= 80)) {
    const name = budget.category ?? 'geral';
    lines.push(
      `Limite de ${name}: ${budget.usedPercent}% usado (${formatBrl(budget.spentCents)} de ${formatBrl(budget.limitCents)})`,
    );
  }
  return lines.join('\n');
}

function counted(figure: CountAndCents, one: string, many: string): string {
  return `${figure.count} ${figure.count === 1 ? one : many} (${formatBrl(figure.cents)})`;
}
