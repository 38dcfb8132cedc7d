import type { Clock } from '#application/ports/clock';
import type { LedgerQuery } from '#application/ports/language-model';
import type { LedgerEntry, LedgerRepository } from '#application/ports/ledger-repository';
import {
  addDays,
  type CalendarDate,
  calendarDateFromParts,
  dateParts,
  daysInMonth,
  formatDateBr,
  isAfter,
  isBefore,
  saoPauloDateOf,
} from '#domain/calendar-date';
import { ledgerCategoryNames } from '#domain/ledger-category';
import { formatBrl, sumCents } from '#domain/money';
import { MONTH_NAMES_PT_BR } from '#domain/month-names';

/** Longest period a question may span: two years of monthly Queries. */
const MAX_MONTHS = 24;

/**
 * Executes a ledger question's typed plan over the entries of the months it spans (one Query per month on the
 * ledger's month partition) and answers with the figures and the period in words. The plan never carries a
 * number; every figure is computed here from the entries.
 */
export async function answerLedgerQuery(
  deps: { ledger: LedgerRepository; clock: Clock },
  input: { tenantId: string; query: LedgerQuery },
): Promise<string> {
  const today = saoPauloDateOf(deps.clock.now());
  const period = input.query.period ?? {
    from: calendarDateFromParts(dateParts(today).year, dateParts(today).month, 1),
    to: today,
  };
  const months = monthsOf(period.from, period.to);
  if (months.length > MAX_MONTHS)
    return 'Consigo responder sobre até 24 meses de cada vez. Pode pedir um período menor?';
  const all = (
    await Promise.all(months.map((month) => deps.ledger.listByMonth(input.tenantId, month)))
  ).flat();
  const entries = all.filter(
    (entry) =>
      !isBefore(entry.date, period.from) &&
      !isAfter(entry.date, period.to) &&
      matchesCategory(entry, input.query.category),
  );
  const when = periodInWords(period, today);
  const what = input.query.category ? ` com ${input.query.category}` : '';
  const { side, aggregate } = input.query;
  if (side === 'both' && aggregate === 'sum') return summary(entries, when, what);
  const kind = side === 'income' ? 'income' : 'expense';
  const chosen = entries.filter((entry) => entry.kind === kind);
  const noun = kind === 'income' ? 'recebimento' : 'gasto';
  switch (aggregate) {
    case 'sum': {
      const total = formatBrl(sumCents(chosen.map((entry) => entry.amountCents)));
      const verb = kind === 'income' ? 'recebeu' : 'gastou';
      return `Você ${verb} ${total}${what} ${when}${countNote(chosen.length, noun)}.`;
    }
    case 'max': {
      const largest = [...chosen].sort((a, b) => b.amountCents - a.amountCents)[0];
      if (!largest) return `Não encontrei nenhum ${noun}${what} ${when}.`;
      return `Seu maior ${noun}${what} ${when} foi ${formatBrl(largest.amountCents)} (${largest.description}, ${largest.category}) em ${formatDateBr(largest.date)}.`;
    }
    case 'count': {
      const total = formatBrl(sumCents(chosen.map((entry) => entry.amountCents)));
      return `Você teve ${chosen.length} ${chosen.length === 1 ? noun : `${noun}s`}${what} ${when}, somando ${total}.`;
    }
    case 'top': {
      const lines = topCategories(chosen).map(([category, cents]) => `• ${category}: ${formatBrl(cents)}`);
      if (lines.length === 0) return `Não encontrei nenhum ${noun} ${when}.`;
      const title = kind === 'income' ? 'De onde mais entrou dinheiro' : 'Onde você mais gastou';
      return [`${title} ${when}:`, ...lines].join('\n');
    }
  }
}

/** A category name filters by category; any other word by the entry's description ("gasolina"). */
function matchesCategory(entry: LedgerEntry, category: string | null): boolean {
  if (!category) return true;
  if (ledgerCategoryNames().includes(category)) return entry.category === category;
  const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return folded(entry.description).includes(folded(category));
}

function summary(entries: LedgerEntry[], when: string, what: string): string {
  const income = sumCents(entries.filter((e) => e.kind === 'income').map((e) => e.amountCents));
  const expenses = sumCents(entries.filter((e) => e.kind === 'expense').map((e) => e.amountCents));
  const lines = [
    `Resumo ${when}${what}:`,
    `Entradas: ${formatBrl(income)}`,
    `Saídas: ${formatBrl(expenses)}`,
    `Saldo: ${formatBrl(income - expenses)}`,
  ];
  const top = topCategories(entries.filter((e) => e.kind === 'expense')).slice(0, 3);
  if (top.length > 0)
    lines.push('Maiores gastos:', ...top.map(([c, cents]) => `• ${c}: ${formatBrl(cents)}`));
  return lines.join('\n');
}

function topCategories(entries: LedgerEntry[]): Array<[string, number]> {
  const byCategory = new Map<string, number>();
  for (const entry of entries)
    byCategory.set(entry.category, (byCategory.get(entry.category) ?? 0) + entry.amountCents);
  return [...byCategory.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
}

function countNote(count: number, noun: string): string {
  return count === 0 ? '' : ` (${count} ${count === 1 ? noun : `${noun}s`})`;
}

/** The `YYYY-MM` months from `from` to `to` (at most `MAX_MONTHS` + 1: the caller refuses longer spans). */
export function monthsOf(from: CalendarDate, to: CalendarDate): string[] {
  const months: string[] = [];
  let { year, month } = dateParts(from);
  const end = dateParts(to);
  while (year < end.year || (year === end.year && month <= end.month)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    if (months.length > MAX_MONTHS) break;
  }
  return months;
}

/** "em novembro de 2026", "este mês", "ontem (04/12/2026)", "em 2026", "de 01/09/2026 a 05/12/2026". */
export function periodInWords(period: { from: CalendarDate; to: CalendarDate }, today: CalendarDate): string {
  const from = dateParts(period.from);
  const to = dateParts(period.to);
  if (period.from === period.to) {
    if (period.from === addDays(today, -1)) return `ontem (${formatDateBr(period.from)})`;
    if (period.from === today) return 'hoje';
    return `em ${formatDateBr(period.from)}`;
  }
  const wholeMonth = from.day === 1 && from.year === to.year && from.month === to.month;
  if (wholeMonth && (to.day === daysInMonth(to.year, to.month) || period.to === today)) {
    const current = period.to === today && to.day !== daysInMonth(to.year, to.month);
    return current ? 'este mês' : `em ${MONTH_NAMES_PT_BR[from.month - 1]} de ${from.year}`;
  }
  const wholeYear = from.day === 1 && from.month === 1 && from.year === to.year;
  if (wholeYear && ((to.month === 12 && to.day === 31) || period.to === today)) return `em ${from.year}`;
  return `de ${formatDateBr(period.from)} a ${formatDateBr(period.to)}`;
}
