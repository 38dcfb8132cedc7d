import type { LedgerAggregateReader } from '#application/ports/ledger-aggregates';
import type { LedgerEntry, LedgerRepository, YearMonth } from '#application/ports/ledger-repository';
import {
  type CalendarDate,
  calendarDateFromParts,
  dateParts,
  daysInMonth,
  isAfter,
  isBefore,
} from '#domain/calendar-date';
import {
  figuresOf,
  type LedgerFigures,
  type LedgerMonthAggregate,
  mergeFigures,
} from '#domain/ledger-aggregate';

/** Longest period a question may span: two years of months. */
export const MAX_MONTHS = 24;

export interface Period {
  from: CalendarDate;
  to: CalendarDate;
}

export interface LedgerFigureSources {
  ledger: Pick<LedgerRepository, 'listByMonth'>;
  aggregates: LedgerAggregateReader;
}

/** The months a period touches, `YYYY-MM`, oldest first (stops one past `MAX_MONTHS`). */
export function monthsOf(from: CalendarDate, to: CalendarDate): YearMonth[] {
  const months: YearMonth[] = [];
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

function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A month's stored figures answer for the period when every entry of the month is inside it. */
function coversMonth(period: Period, aggregate: LedgerMonthAggregate): boolean {
  const [year, month] = aggregate.month.split('-').map(Number) as [number, number];
  const first = calendarDateFromParts(year, month, 1);
  const last = calendarDateFromParts(year, month, daysInMonth(year, month));
  if (isBefore(first, period.from)) return false;
  if (!isAfter(last, period.to)) return true;
  return aggregate.lastDate === null || !isAfter(aggregate.lastDate, period.to);
}

/**
 * The figures of a period: whole months from their stored figures (one Query for the range), the rest (a month
 * cut by the period's ends, a month without stored figures, any question filtered by the description's words,
 * "com gasolina") from the month's entries, one Query per month.
 */
export async function periodFigures(
  deps: LedgerFigureSources,
  input: { tenantId: string; period: Period; descriptionWord: string | null },
): Promise<LedgerFigures> {
  const { tenantId, period, descriptionWord } = input;
  const months = monthsOf(period.from, period.to);
  const first = months[0];
  const last = months.at(-1);
  const stored =
    descriptionWord === null && first && last ? await deps.aggregates.months(tenantId, first, last) : [];
  const byMonth = new Map(stored.map((aggregate) => [aggregate.month, aggregate]));
  const parts = await Promise.all(
    months.map(async (month) => {
      const aggregate = byMonth.get(month);
      if (aggregate && coversMonth(period, aggregate)) return aggregate;
      const entries = await deps.ledger.listByMonth(tenantId, month);
      return figuresOf(
        entries.filter((entry) => inPeriod(entry, period) && describes(entry, descriptionWord)),
      );
    }),
  );
  return mergeFigures(parts);
}

function inPeriod(entry: LedgerEntry, period: Period): boolean {
  return !isBefore(entry.date, period.from) && !isAfter(entry.date, period.to);
}

function describes(entry: LedgerEntry, word: string | null): boolean {
  return word === null || folded(entry.description).includes(folded(word));
}
