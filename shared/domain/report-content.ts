import { type Boleto, isOverdue, remainingCents } from './boleto';
import { isPayable } from './boleto-status';
import { type CalendarDate, isAfter, isBefore, saoPauloDateOf } from './calendar-date';
import type { AgingBucket } from './collections/aging-buckets';
import { type Cents, sumCents } from './money';
import type { ReportPeriod } from './report-period';

/**
 * The figures of a report, computed from the entries and boletos it is given (integer centavos, never
 * rounded): income and expenses by category, budget status, boletos issued / paid / late, receivables aging,
 * top payers and late payers. Pure: the use case reads, this computes, the renderers only lay it out.
 */

/** A ledger entry as the report reads it (reversals are negative and net out by addition). */
export interface ReportEntry {
  kind: 'income' | 'expense';
  date: CalendarDate;
  amountCents: Cents;
  category: string;
  boletoId?: string;
}

export interface CategoryTotals {
  category: string;
  incomeCents: Cents;
  expenseCents: Cents;
}

/**
 * A budget of the report's month with what was spent against it: read, not computed here (the ledger's monthly
 * figures, as the budget alerts and "quais meus limites?" read them: `application/budgets/budget-status.ts`).
 */
export interface BudgetStatus {
  /** A category name, or null for the overall budget. */
  category: string | null;
  limitCents: Cents;
  spentCents: Cents;
  /** Limit minus spent: negative when over. */
  remainingCents: Cents;
  /** Whole percent used, rounded down (an exact 100% is "at the limit", never from rounding). */
  usedPercent: number;
}

export interface CountAndCents {
  count: number;
  cents: Cents;
}

export interface PayerTotal {
  contactId: string;
  name: string;
  cents: Cents;
  count: number;
}

export interface ReceivablesAging {
  currentCents: Cents;
  overdueCents: Record<AgingBucket, Cents>;
  totalCents: Cents;
}

export interface ReportContent {
  tenantName: string;
  period: ReportPeriod;
  /** The day the figures were read (late boletos and aging are as of this day). */
  asOf: CalendarDate;
  incomeCents: Cents;
  expenseCents: Cents;
  balanceCents: Cents;
  /** Categories with any movement, largest expense first. */
  categories: CategoryTotals[];
  budgets: BudgetStatus[];
  boletos: {
    /** Created in the period (requested, whatever became of them later), by original amount. */
    issued: CountAndCents;
    /** Payments of boletos booked in the period (the ledger's boleto income). */
    paid: CountAndCents;
    /** Payable boletos past their due date as of `asOf`, by the principal still owed. */
    late: CountAndCents;
  };
  aging: ReceivablesAging;
  /** Who paid most in the period (up to five). */
  topPayers: PayerTotal[];
  /** Who owes most on late boletos as of `asOf` (up to five). */
  latePayers: PayerTotal[];
}

export interface ReportInput {
  tenantName: string;
  period: ReportPeriod;
  asOf: CalendarDate;
  /** The period's ledger entries (entries outside the period are ignored). */
  entries: readonly ReportEntry[];
  /** Every boleto of the tenant that may matter: those created in the period, paid in it, or still open. */
  boletos: readonly Boleto[];
  budgets: readonly BudgetStatus[];
  aging: ReceivablesAging;
  contactName: (contactId: string) => string;
}

const TOP = 5;

export function reportContent(input: ReportInput): ReportContent {
  const { period } = input;
  const inPeriod = (date: CalendarDate) => !isBefore(date, period.from) && !isAfter(date, period.to);
  const entries = input.entries.filter((entry) => inPeriod(entry.date));
  const incomeCents = sumCents(entries.filter((e) => e.kind === 'income').map((e) => e.amountCents));
  const expenseCents = sumCents(entries.filter((e) => e.kind === 'expense').map((e) => e.amountCents));
  const boletoById = new Map(input.boletos.map((boleto) => [boleto.id, boleto]));
  const payments = entries.filter((entry) => entry.kind === 'income' && entry.boletoId);
  const issued = input.boletos.filter(
    (boleto) => boleto.status !== 'failed' && inPeriod(saoPauloDateOf(new Date(boleto.createdAt))),
  );
  const late = input.boletos.filter(
    (boleto) => isPayable(boleto.status) && isOverdue(boleto, input.asOf) && remainingCents(boleto) > 0,
  );
  return {
    tenantName: input.tenantName,
    period,
    asOf: input.asOf,
    incomeCents,
    expenseCents,
    balanceCents: incomeCents - expenseCents,
    categories: categoryTotals(entries),
    budgets: [...input.budgets],
    boletos: {
      issued: countAndCents(issued.map((boleto) => boleto.amountCents)),
      paid: countAndCents(payments.map((entry) => entry.amountCents)),
      late: countAndCents(late.map(remainingCents)),
    },
    aging: input.aging,
    topPayers: byPayer(
      payments.flatMap((entry) => {
        const boleto = boletoById.get(entry.boletoId ?? '');
        return boleto ? [{ contactId: boleto.contactId, cents: entry.amountCents }] : [];
      }),
      input.contactName,
    ),
    latePayers: byPayer(
      late.map((boleto) => ({ contactId: boleto.contactId, cents: remainingCents(boleto) })),
      input.contactName,
    ),
  };
}

function countAndCents(amounts: readonly Cents[]): CountAndCents {
  return { count: amounts.length, cents: sumCents(amounts) };
}

function categoryTotals(entries: readonly ReportEntry[]): CategoryTotals[] {
  const totals = new Map<string, CategoryTotals>();
  for (const entry of entries) {
    const line = totals.get(entry.category) ?? { category: entry.category, incomeCents: 0, expenseCents: 0 };
    if (entry.kind === 'income') line.incomeCents += entry.amountCents;
    else line.expenseCents += entry.amountCents;
    totals.set(entry.category, line);
  }
  return [...totals.values()]
    .filter((line) => line.incomeCents !== 0 || line.expenseCents !== 0) // fully reversed: nothing to show
    .sort(
      (a, b) =>
        b.expenseCents - a.expenseCents ||
        b.incomeCents - a.incomeCents ||
        a.category.localeCompare(b.category),
    );
}

function byPayer(
  amounts: ReadonlyArray<{ contactId: string; cents: Cents }>,
  contactName: (contactId: string) => string,
): PayerTotal[] {
  const totals = new Map<string, PayerTotal>();
  for (const { contactId, cents } of amounts) {
    const line = totals.get(contactId) ?? { contactId, name: contactName(contactId), cents: 0, count: 0 };
    line.cents += cents;
    line.count += 1;
    totals.set(contactId, line);
  }
  return [...totals.values()]
    .filter((line) => line.cents > 0)
    .sort((a, b) => b.cents - a.cents || a.name.localeCompare(b.name))
    .slice(0, TOP);
}
