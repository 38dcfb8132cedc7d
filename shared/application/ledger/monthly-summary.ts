import type { Clock } from '#application/ports/clock';
import { calendarDateFromParts, dateParts, saoPauloDateOf } from '#domain/calendar-date';
import { type LedgerFigures, rankCategories, sideFigures } from '#domain/ledger-aggregate';
import { formatBrl } from '#domain/money';
import { MONTH_NAMES_PT_BR } from '#domain/month-names';
import { type LedgerFigureSources, periodFigures } from './ledger-period-figures';

/** "como estão as contas?": this month's income, expenses and balance, with the largest expense categories. */
export async function monthlySummary(
  deps: LedgerFigureSources & { clock: Clock },
  input: { tenantId: string },
): Promise<string> {
  const today = saoPauloDateOf(deps.clock.now());
  const { year, month } = dateParts(today);
  const figures = await periodFigures(deps, {
    tenantId: input.tenantId,
    period: { from: calendarDateFromParts(year, month, 1), to: today },
    descriptionWord: null,
  });
  return summaryText(`Resumo de ${MONTH_NAMES_PT_BR[month - 1]}:`, figures, undefined);
}

/**
 * Income, expenses and balance of a set of figures (within one category when `category` is given), with the
 * three largest expense categories otherwise (a category whose entries were all reversed nets to nothing).
 */
export function summaryText(title: string, figures: LedgerFigures, category: string | undefined): string {
  const income = sideFigures(figures, 'income', category).totalCents;
  const expenses = sideFigures(figures, 'expense', category).totalCents;
  const lines = [
    title,
    `Entradas: ${formatBrl(income)}`,
    `Saídas: ${formatBrl(expenses)}`,
    `Saldo: ${formatBrl(income - expenses)}`,
  ];
  const top = category ? [] : rankCategories(figures, 'expense').slice(0, 3);
  if (top.length > 0)
    lines.push('Maiores gastos:', ...top.map(([c, cents]) => `• ${c}: ${formatBrl(cents)}`));
  return lines.join('\n');
}
