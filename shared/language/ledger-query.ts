import type { LedgerQuery } from '#application/ports/language-model';
import {
  addDays,
  type CalendarDate,
  calendarDateFromParts,
  dateParts,
  daysInMonth,
  weekdayOf,
} from '#domain/calendar-date';
import { ledgerCategoryNames } from '#domain/ledger-category';
import { FOLDED_MONTH_NAMES } from '#domain/month-names';
import { numberWordValue } from './number-words';
import { fold } from './tokenise';

/**
 * Questions over the ledger, read by rule into a typed plan (`LedgerQuery`): the period ("mês passado",
 * "em dezembro", "de janeiro a março", "ontem", "nos últimos 3 meses", "esse ano"), the category or keyword
 * ("com gasolina", "de mercado"), which side (gastos / recebimentos) and the aggregate (sum, max, count, top).
 * Never numbers: the plan is executed over the entries (application/ledger/answer-ledger-query.ts).
 */

const MONTH = `(${FOLDED_MONTH_NAMES.join('|')})`;

/** "quem mais atrasa?", "quem atrasa mais", "piores pagadores": payers ranked by days late. */
const LATE_PAYERS =
  /\bquem (mais )?(atrasa|atrasam|costuma atrasar|paga atrasado|paga com atraso|demora (mais )?(pra|para) pagar)\b|\b(piores|maiores) (pagadores|caloteiros|atrasos)\b|\bquem (e|eh) (o )?(pior pagador|que mais atrasa)\b/;

/**
 * "quanto o João me pagou?", "quantos boletos a Maria pagou?", "qual o maior pagamento do Pedro?": what a payer
 * paid ("quanto recebi do João?" is already a ledger summary; "quanto falta o João pagar?" stays a status).
 */
const PAYER_QUESTION_SHAPES = [
  /\bquanto\b.*\b(pagou|pagaram|depositou|transferiu)\b/,
  /\bquant[oa]s (boletos|pagamentos|parcelas|mensalidades)\b.*\b(pagou|pagaram|pago|pagos)\b/,
  /\bmaior(es)? pagamentos?\b/,
];

/** "qual foi meu maior gasto", "quantas despesas", "onde mais gastei": ledger questions beyond a total. */
const QUESTION_SHAPES = [
  /\b(maior|menor) (gasto|despesa|compra|saida|entrada|recebimento|venda)\b/,
  /\bquant[oa]s (gastos|despesas|compras|saidas|entradas|recebimentos|vendas|lancamentos)\b/,
  /\b(onde|com que|com o que|em que) (eu )?(mais )?gast(ei|amos|o) mais\b/,
  /\b(onde|com que|com o que|em que) (eu )?mais gast(ei|amos)\b/,
  /\b(maiores|principais) (gastos|despesas|categorias)\b/,
  /\bcompar\w*\b.*\b(mes|meses|ano|gastos|despesas|entradas|vendas)\b/,
  new RegExp(`\\bcompar\\w*\\b.*\\b${MONTH}\\b`),
  LATE_PAYERS,
  ...PAYER_QUESTION_SHAPES,
];

/** True when the message asks more of the ledger than a total (`ledger_question`). */
export function isLedgerQuestion(folded: string): boolean {
  return QUESTION_SHAPES.some((pattern) => pattern.test(folded));
}

/**
 * The plan of a ledger question. `contact` is the payer the message names (the parser's or the model's reading,
 * as written): a question about money received from them becomes a plan over their payments; a question
 * about expenses keeps reading the name's words as today (expenses are not booked per contact).
 */
export function ledgerQueryOf(text: string, today: CalendarDate, contact?: string | null): LedgerQuery {
  const folded = ` ${fold(text)
    .replace(/[^a-z0-9\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
  const payer = contact?.trim();
  if (payer && !LATE_PAYERS.test(folded) && sideOf(folded) !== 'expense') {
    const aggregate = /\bmaior\b/.test(folded) ? 'max' : /\bquant[oa]s\b/.test(folded) ? 'count' : 'sum';
    const period = comparedPeriodsOf(folded, today)?.[0] ?? periodOf(folded, today);
    return { period, category: null, side: 'income', aggregate, contact: payer };
  }
  if (LATE_PAYERS.test(folded)) {
    return { period: null, category: null, side: 'income', aggregate: 'late_payers' };
  }
  const compared = comparedPeriodsOf(folded, today);
  if (compared) {
    return {
      period: compared[0],
      category: categoryOf(folded),
      side: sideOf(folded),
      aggregate: 'compare',
      comparedWith: compared[1],
    };
  }
  return {
    period: periodOf(folded, today),
    category: categoryOf(folded),
    side: sideOf(folded),
    aggregate: aggregateOf(folded),
  };
}

type Period = NonNullable<LedgerQuery['period']>;

/**
 * "compara outubro com novembro", "compara esse mês com o mês passado", "este ano e o ano passado": the two
 * periods in the order said. Null when the message is not a comparison of two periods it names.
 */
function comparedPeriodsOf(folded: string, today: CalendarDate): [Period, Period] | null {
  if (!/\bcompar\w*\b/.test(folded)) return null;
  const [first, second] = [...folded.matchAll(new RegExp(`\\b${MONTH}( de (\\d{4}))?\\b`, 'g'))];
  if (first && second) {
    const a = FOLDED_MONTH_NAMES.indexOf(first[1] ?? '') + 1;
    const b = FOLDED_MONTH_NAMES.indexOf(second[1] ?? '') + 1;
    return [
      monthRange(namedMonthYear(a, today, first[3]), a),
      monthRange(namedMonthYear(b, today, second[3]), b),
    ];
  }
  const now = dateParts(today);
  const thisMonth = { from: calendarDateFromParts(now.year, now.month, 1), to: today };
  const previous = monthsBack(today, 1);
  const lastMonth = monthRange(previous.year, previous.month);
  if (
    /\b(esse|este|desse|deste) mes\b/.test(folded) &&
    /\b(mes passado|mes anterior|ultimo mes)\b/.test(folded)
  ) {
    return folded.indexOf('passado') < folded.search(/\b(esse|este|desse|deste) mes\b/)
      ? [lastMonth, thisMonth]
      : [thisMonth, lastMonth];
  }
  if (/\b(esse|este|desse|deste) ano\b/.test(folded) && /\bano passado\b/.test(folded)) {
    return [
      { from: calendarDateFromParts(now.year, 1, 1), to: today },
      { from: calendarDateFromParts(now.year - 1, 1, 1), to: calendarDateFromParts(now.year - 1, 12, 31) },
    ];
  }
  return null;
}

function aggregateOf(folded: string): LedgerQuery['aggregate'] {
  if (/\bmaior\b/.test(folded)) return 'max';
  if (/\bquant[oa]s\b/.test(folded)) return 'count';
  if (/\b(onde|com que|com o que|em que|maiores|principais)\b/.test(folded)) return 'top';
  return 'sum';
}

function sideOf(folded: string): LedgerQuery['side'] {
  if (
    /\b(recebi|recebemos|entrou|entrada|entradas|recebimentos?|vendi|vendas?|faturei|ganhei)\b/.test(folded)
  ) {
    return 'income';
  }
  if (/\b(gastei|gastamos|gasto|gastos|despesas?|paguei|saiu|saidas?|compras?)\b/.test(folded))
    return 'expense';
  return 'both';
}

function monthRange(year: number, month: number): { from: CalendarDate; to: CalendarDate } {
  return {
    from: calendarDateFromParts(year, month, 1),
    to: calendarDateFromParts(year, month, daysInMonth(year, month)),
  };
}

/** A month named without a year is the latest one not after today ("em dezembro" said in March: last year's). */
function namedMonthYear(month: number, today: CalendarDate, explicitYear?: string): number {
  if (explicitYear) return Number(explicitYear);
  const now = dateParts(today);
  return month > now.month ? now.year - 1 : now.year;
}

function monthsBack(today: CalendarDate, back: number): { year: number; month: number } {
  const { year, month } = dateParts(today);
  const index = year * 12 + (month - 1) - back;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function periodOf(folded: string, today: CalendarDate): LedgerQuery['period'] {
  const now = dateParts(today);
  const range = new RegExp(`\\b(de|entre) ${MONTH}( de (\\d{4}))? (a|ate|e) ${MONTH}( de (\\d{4}))?\\b`).exec(
    folded,
  );
  if (range) {
    const fromMonth = FOLDED_MONTH_NAMES.indexOf(range[2] ?? '') + 1;
    const toMonth = FOLDED_MONTH_NAMES.indexOf(range[6] ?? '') + 1;
    const toYear = namedMonthYear(toMonth, today, range[8]);
    const fromYear = range[4] ? Number(range[4]) : fromMonth <= toMonth ? toYear : toYear - 1;
    return { from: monthRange(fromYear, fromMonth).from, to: monthRange(toYear, toMonth).to };
  }
  const lastN = /\b(nos |dos |nas |das )?(ultimos|ultimas) (\d{1,2}|[a-z]+) (meses|mes|dias)\b/.exec(folded);
  if (lastN) {
    const count = /^\d+$/.test(lastN[3] ?? '') ? Number(lastN[3]) : numberWordValue(lastN[3] ?? '');
    if (count && count > 0) {
      if (lastN[4] === 'dias') return { from: addDays(today, -(count - 1)), to: today };
      const start = monthsBack(today, count - 1);
      return { from: calendarDateFromParts(start.year, start.month, 1), to: today };
    }
  }
  if (/\b(mes passado|ultimo mes|mes anterior)\b/.test(folded)) {
    const previous = monthsBack(today, 1);
    return monthRange(previous.year, previous.month);
  }
  if (/\b(esse|este|neste|nesse|no) mes\b|\bmes atual\b/.test(folded)) {
    return { from: calendarDateFromParts(now.year, now.month, 1), to: today };
  }
  if (/\b(ano passado|ultimo ano)\b/.test(folded)) {
    return {
      from: calendarDateFromParts(now.year - 1, 1, 1),
      to: calendarDateFromParts(now.year - 1, 12, 31),
    };
  }
  if (/\b(esse|este|neste|nesse|no) ano\b/.test(folded)) {
    return { from: calendarDateFromParts(now.year, 1, 1), to: today };
  }
  if (/\bsemana passada\b|\bultima semana\b/.test(folded)) {
    const monday = addDays(today, -(((weekdayOf(today) + 6) % 7) + 7));
    return { from: monday, to: addDays(monday, 6) };
  }
  if (/\b(essa|esta|nesta|nessa|na) semana\b/.test(folded)) {
    return { from: addDays(today, -((weekdayOf(today) + 6) % 7)), to: today };
  }
  if (/\banteontem\b/.test(folded)) return { from: addDays(today, -2), to: addDays(today, -2) };
  if (/\bontem\b/.test(folded)) return { from: addDays(today, -1), to: addDays(today, -1) };
  if (/\bhoje\b/.test(folded)) return { from: today, to: today };
  const named = new RegExp(`\\b${MONTH}( de (\\d{4}))?\\b`).exec(folded);
  if (named) {
    const month = FOLDED_MONTH_NAMES.indexOf(named[1] ?? '') + 1;
    return monthRange(namedMonthYear(month, today, named[3]), month);
  }
  // "em 2026", "no ano de 2025": the whole calendar year.
  const year = /\b(em|no ano de|durante) (20\d\d)\b/.exec(folded);
  if (year) {
    return {
      from: calendarDateFromParts(Number(year[2]), 1, 1),
      to: calendarDateFromParts(Number(year[2]), 12, 31),
    };
  }
  return null;
}

/** Words after "com" / "de" / "em" that are not a category: periods, fillers, the ledger's own nouns. */
const NOT_A_CATEGORY = new Set(
  `mes meses ano anos dia dias semana hoje ontem anteontem passado passada ultimo ultimos ultimas esse este isso
   isto que o a os as um uma meu minha meus minhas gastos gasto despesas despesa boleto entradas saidas
   recebimentos dinheiro reais real total tudo mais janeiro fevereiro marco abril maio junho julho agosto setembro
   outubro novembro dezembro`.split(/\s+/),
);

/** "com gasolina", "de mercado", "em transporte": a category name, or the keyword as the owner wrote it. */
function categoryOf(folded: string): string | null {
  const categories = ledgerCategoryNames();
  for (const match of folded.matchAll(/\b(com|de|em|no|na) ([a-z]{3,})\b/g)) {
    const word = match[2] ?? '';
    if (NOT_A_CATEGORY.has(word) || /^\d/.test(word)) continue;
    const category = categories.find((name) => fold(name) === word);
    return category ?? word;
  }
  return null;
}
