import type { CalendarDate } from './calendar-date';
import type { CorrectableEntry } from './ledger-correction';
import type { Cents } from './money';

/**
 * Figures over a set of ledger entries (a month's partition, or the entries a question filters by words or
 * dates): totals per category and side, how many entries, the largest one. Corrections net out: totals are
 * plain sums (a reversal carries the negated amount), while counts and "largest" see only live entries (not a
 * reversal, not reversed), so "quantas despesas" never counts a deleted expense or its reversal.
 */

/** What the figures need of a ledger entry: the fields a correction reads too, less when it was booked. */
export type AggregatedEntry = Omit<CorrectableEntry, 'createdAt'>;

export interface LargestEntry {
  entryId: string;
  amountCents: Cents;
  description: string;
  category: string;
  date: CalendarDate;
}

/** One side (expenses or income) of one category. */
export interface SideFigures {
  totalCents: Cents;
  /** Live entries (corrections excluded). */
  count: number;
  largest?: LargestEntry;
}

export interface CategoryFigures {
  expense: SideFigures;
  income: SideFigures;
}

export interface LedgerFigures {
  categories: Record<string, CategoryFigures>;
  /** Income from boletos paid (entries booked by the payment path, `boletoId` set). */
  boletoReceivedCents: Cents;
  boletoPaymentCount: number;
}

export type Side = 'expense' | 'income';

function emptySide(): SideFigures {
  return { totalCents: 0, count: 0 };
}

export function emptyFigures(): LedgerFigures {
  return { categories: {}, boletoReceivedCents: 0, boletoPaymentCount: 0 };
}

function largerOf(a: LargestEntry | undefined, b: LargestEntry | undefined): LargestEntry | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.amountCents !== b.amountCents) return a.amountCents > b.amountCents ? a : b;
  // Same amount: the later one, then the smaller id, so merging in any order gives the same answer.
  if (a.date !== b.date) return a.date > b.date ? a : b;
  return a.entryId < b.entryId ? a : b;
}

/** The figures of a set of entries. Order does not matter; each entry must appear once. */
export function figuresOf(entries: readonly AggregatedEntry[]): LedgerFigures {
  const reversed = new Set(
    entries
      .filter((entry) => entry.correction === 'reversal' && entry.corrects)
      .map((entry) => entry.corrects),
  );
  const figures = emptyFigures();
  for (const entry of entries) {
    const category = figures.categories[entry.category] ?? { expense: emptySide(), income: emptySide() };
    figures.categories[entry.category] = category;
    const side = category[entry.kind];
    side.totalCents += entry.amountCents;
    if (entry.boletoId && entry.kind === 'income') figures.boletoReceivedCents += entry.amountCents;
    const live = entry.correction !== 'reversal' && !reversed.has(entry.entryId);
    if (!live) continue;
    side.count += 1;
    if (entry.boletoId && entry.kind === 'income') figures.boletoPaymentCount += 1;
    const largest = side.largest;
    side.largest = largerOf(largest, {
      entryId: entry.entryId,
      amountCents: entry.amountCents,
      description: entry.description,
      category: entry.category,
      date: entry.date,
    });
  }
  return figures;
}

function mergeSide(a: SideFigures, b: SideFigures): SideFigures {
  const largest = largerOf(a.largest, b.largest);
  return {
    totalCents: a.totalCents + b.totalCents,
    count: a.count + b.count,
    ...(largest ? { largest } : {}),
  };
}

/** Figures of disjoint sets (e.g. months) added together. */
export function mergeFigures(all: readonly LedgerFigures[]): LedgerFigures {
  const merged = emptyFigures();
  for (const figures of all) {
    merged.boletoReceivedCents += figures.boletoReceivedCents;
    merged.boletoPaymentCount += figures.boletoPaymentCount;
    for (const [name, category] of Object.entries(figures.categories)) {
      const into = merged.categories[name] ?? { expense: emptySide(), income: emptySide() };
      merged.categories[name] = {
        expense: mergeSide(into.expense, category.expense),
        income: mergeSide(into.income, category.income),
      };
    }
  }
  return merged;
}

/** One side's figures over every category, or over one. */
export function sideFigures(figures: LedgerFigures, side: Side, category?: string): SideFigures {
  const names = category === undefined ? Object.keys(figures.categories) : [category];
  return names.reduce<SideFigures>((sum, name) => {
    const found = figures.categories[name];
    return found ? mergeSide(sum, found[side]) : sum;
  }, emptySide());
}

/** Categories of one side by total, largest first (those netting to zero or less left out). */
export function rankCategories(figures: LedgerFigures, side: Side): Array<[string, Cents]> {
  return Object.entries(figures.categories)
    .map(([name, category]): [string, Cents] => [name, category[side].totalCents])
    .filter(([, cents]) => cents > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * A month's figures as the stream keeps them (`T#<t>#LEDGER_MONTHS` / `MONTH#<yyyy-mm>`): recomputed from the
 * month's partition on every change; `entryCount` (every entry read, corrections included) orders versions,
 * since the ledger only grows.
 */
export interface LedgerMonthAggregate extends LedgerFigures {
  tenantId: string;
  /** `YYYY-MM`. */
  month: string;
  entryCount: number;
  /** The latest entry date in the month (null when empty): a period ending today may use the month if ≤ today. */
  lastDate: CalendarDate | null;
  computedAt: string;
}

export function monthAggregateOf(
  input: { tenantId: string; month: string; computedAt: string },
  entries: readonly AggregatedEntry[],
): LedgerMonthAggregate {
  const lastDate = entries.reduce<CalendarDate | null>(
    (latest, entry) => (latest === null || entry.date > latest ? entry.date : latest),
    null,
  );
  return { ...input, ...figuresOf(entries), entryCount: entries.length, lastDate };
}
