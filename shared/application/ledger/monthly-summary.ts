import type { Clock } from '#application/ports/clock';
import type { LedgerRepository } from '#application/ports/ledger-repository';
import { saoPauloDateOf } from '#domain/calendar-date';
import { formatBrl, sumCents } from '#domain/money';
import { MONTH_NAMES_PT_BR } from '#domain/month-names';

/** "como estão as contas?": this month's income, expenses and balance, with the largest expense categories. */
export async function monthlySummary(
  deps: { ledger: LedgerRepository; clock: Clock },
  input: { tenantId: string },
): Promise<string> {
  const today = saoPauloDateOf(deps.clock.now());
  const month = today.slice(0, 7);
  const entries = await deps.ledger.listByMonth(input.tenantId, month);
  const income = sumCents(entries.filter((e) => e.kind === 'income').map((e) => e.amountCents));
  const expenses = sumCents(entries.filter((e) => e.kind === 'expense').map((e) => e.amountCents));
  const byCategory = new Map<string, number>();
  for (const entry of entries.filter((e) => e.kind === 'expense')) {
    byCategory.set(entry.category, (byCategory.get(entry.category) ?? 0) + entry.amountCents);
  }
  const top = [...byCategory.entries()]
    .filter(([, cents]) => cents > 0) // a category whose entries were all reversed nets to nothing
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([category, cents]) => `• ${category}: ${formatBrl(cents)}`);
  const monthName = MONTH_NAMES_PT_BR[Number(month.slice(5, 7)) - 1];
  const lines = [
    `Resumo de ${monthName}:`,
    `Entradas: ${formatBrl(income)}`,
    `Saídas: ${formatBrl(expenses)}`,
    `Saldo: ${formatBrl(income - expenses)}`,
  ];
  if (top.length > 0) lines.push('Maiores gastos:', ...top);
  return lines.join('\n');
}
