import type { Clock } from '#application/ports/clock';
import type { LedgerQuery } from '#application/ports/language-model';
import { parseLedgerQuery } from '#application/ports/ledger-query.schema';
import {
  type CalendarDate,
  calendarDateFromParts,
  dateParts,
  formatDateBr,
  saoPauloDateOf,
} from '#domain/calendar-date';
import { type LedgerFigures, rankCategories, type Side, sideFigures } from '#domain/ledger-aggregate';
import { ledgerCategoryNames } from '#domain/ledger-category';
import { formatBrl } from '#domain/money';
import { answerPayerQuestion, type PayerQuestionSources } from './answer-payer-question';
import { answerLatePayers, type LatePayerSources } from './late-payers';
import {
  type LedgerFigureSources,
  MAX_MONTHS,
  monthsOf,
  type Period,
  periodFigures,
} from './ledger-period-figures';
import { summaryText } from './monthly-summary';
import { periodInWords } from './period-in-words';

export type LedgerQueryDependencies = LedgerFigureSources &
  LatePayerSources &
  PayerQuestionSources & { clock: Clock };

/**
 * Executes a ledger question's typed plan (checked by `ledgerQuerySchema` whoever proposed it) and answers with
 * the figures and the period in words. The plan never carries a number: every figure is computed here, from
 * the months' stored figures where the question allows and from the entries where it does not.
 */
export async function answerLedgerQuery(
  deps: LedgerQueryDependencies,
  input: { tenantId: string; query: LedgerQuery },
): Promise<string> {
  const query = parseLedgerQuery(input.query);
  if (!query)
    return 'Não entendi a pergunta. Pode dizer o período e o que quer saber? Ex.: "quanto gastei em novembro?"';
  const today = saoPauloDateOf(deps.clock.now());
  if (query.aggregate === 'late_payers') return answerLatePayers(deps, { tenantId: input.tenantId, today });
  if (query.contact)
    return answerPayerQuestion(deps, {
      tenantId: input.tenantId,
      query: { ...query, contact: query.contact },
      today,
    });
  const period = query.period ?? thisMonth(today);
  const periods =
    query.aggregate === 'compare' && query.comparedWith ? [period, query.comparedWith] : [period];
  if (periods.some((p) => monthsOf(p.from, p.to).length > MAX_MONTHS))
    return 'Consigo responder sobre até 24 meses de cada vez. Pode pedir um período menor?';
  const categoryName =
    query.category && ledgerCategoryNames().includes(query.category) ? query.category : null;
  const descriptionWord = query.category && !categoryName ? query.category : null;
  const [figures, other] = await Promise.all(
    periods.map((p) => periodFigures(deps, { tenantId: input.tenantId, period: p, descriptionWord })),
  );
  if (!figures) throw new Error('no period to answer');
  // A description word already filtered the entries; a category name filters the figures.
  const scope = categoryName ?? undefined;
  const when = periodInWords(period, today);
  const what = query.category ? ` com ${query.category}` : '';
  const side: Side = query.side === 'income' ? 'income' : 'expense';
  const noun = side === 'income' ? 'recebimento' : 'gasto';
  const chosen = sideFigures(figures, side, scope);
  switch (query.aggregate) {
    case 'compare': {
      if (!other || !query.comparedWith) return summaryText(`Resumo ${when}${what}:`, figures, scope);
      const bare = (p: Period) => periodInWords(p, today).replace(/^em /, '');
      return comparison(query.side, scope, query.category, [
        { when: bare(period), figures },
        { when: bare(query.comparedWith), figures: other },
      ]);
    }
    case 'sum': {
      if (query.side === 'both') return summaryText(`Resumo ${when}${what}:`, figures, scope);
      const verb = side === 'income' ? 'recebeu' : 'gastou';
      return `Você ${verb} ${formatBrl(chosen.totalCents)}${what} ${when}${countNote(chosen.count, noun)}.`;
    }
    case 'max': {
      const largest = chosen.largest;
      if (!largest) return `Não encontrei nenhum ${noun}${what} ${when}.`;
      return `Seu maior ${noun}${what} ${when} foi ${formatBrl(largest.amountCents)} (${largest.description}, ${largest.category}) em ${formatDateBr(largest.date)}.`;
    }
    case 'count':
      return `Você teve ${chosen.count} ${chosen.count === 1 ? noun : `${noun}s`}${what} ${when}, somando ${formatBrl(chosen.totalCents)}.`;
    case 'top': {
      const lines = rankCategories(figures, side)
        .slice(0, 5)
        .map(([category, cents]) => `• ${category}: ${formatBrl(cents)}`);
      if (lines.length === 0) return `Não encontrei nenhum ${noun} ${when}.`;
      const title = side === 'income' ? 'De onde mais entrou dinheiro' : 'Onde você mais gastou';
      return [`${title} ${when}:`, ...lines].join('\n');
    }
  }
}

function thisMonth(today: CalendarDate): Period {
  const { year, month } = dateParts(today);
  return { from: calendarDateFromParts(year, month, 1), to: today };
}

function totals(figures: LedgerFigures, scope: string | undefined): { income: number; expenses: number } {
  return {
    income: sideFigures(figures, 'income', scope).totalCents,
    expenses: sideFigures(figures, 'expense', scope).totalCents,
  };
}

/** "+R$ 120,00 (+15%)", "−R$ 40,00 (−8%)", "igual". */
function difference(from: number, to: number): string {
  const delta = to - from;
  if (delta === 0) return 'igual';
  const sign = delta > 0 ? '+' : '−';
  const percent = from > 0 ? ` (${sign}${Math.round((Math.abs(delta) * 100) / from)}%)` : '';
  return `${sign}${formatBrl(Math.abs(delta))}${percent}`;
}

function comparison(
  side: LedgerQuery['side'],
  scope: string | undefined,
  category: string | null,
  [first, second]: [{ when: string; figures: LedgerFigures }, { when: string; figures: LedgerFigures }],
): string {
  const a = totals(first.figures, scope);
  const b = totals(second.figures, scope);
  const line = (label: string, x: number, y: number) =>
    `${label}: ${formatBrl(x)} → ${formatBrl(y)} (${difference(x, y)})`;
  const about = category ? ` (${category})` : '';
  const lines = [`Comparando ${first.when} com ${second.when}${about}:`];
  if (side !== 'income') lines.push(line('Saídas', a.expenses, b.expenses));
  if (side !== 'expense') lines.push(line('Entradas', a.income, b.income));
  if (side === 'both') lines.push(line('Saldo', a.income - a.expenses, b.income - b.expenses));
  return lines.join('\n');
}

function countNote(count: number, noun: string): string {
  return count === 0 ? '' : ` (${count} ${count === 1 ? noun : `${noun}s`})`;
}
