import type { BudgetRepository } from '#application/ports/budget-repository';
import type { Clock } from '#application/ports/clock';
import type { LedgerAggregateReader } from '#application/ports/ledger-aggregates';
import type { YearMonth } from '#application/ports/ledger-repository';
import { type Budget, type BudgetUsage, budgetUsage } from '#domain/budget';
import { calendarDate, lastDayOfMonth, saoPauloDateOf } from '#domain/calendar-date';
import { type LedgerFigures, sideFigures } from '#domain/ledger-aggregate';
import { expenseCategoryNames, ledgerCategoryOf } from '#domain/ledger-category';
import type { Cents } from '#domain/money';

export interface BudgetStatus {
  budget: Budget;
  usage: BudgetUsage;
}

/** What a budget counts of a month: the expenses of its category, or all expenses (corrections netted out). */
export function spentAgainst(budget: Pick<Budget, 'category'>, figures: LedgerFigures): Cents {
  return sideFigures(figures, 'expense', budget.category ?? undefined).totalCents;
}

/**
 * Each budget of the tenant with what was spent against it in `month` (one Query for the budgets, one GetItem
 * for the month's figures). The read port of the monthly report and of "quais meus limites?". For a past
 * month no day is left; for the current one, today counts.
 */
export async function readBudgetStatus(
  deps: { budgets: Pick<BudgetRepository, 'list'>; aggregates: LedgerAggregateReader; clock: Clock },
  input: { tenantId: string; month: YearMonth },
): Promise<BudgetStatus[]> {
  const [budgets, aggregate] = await Promise.all([
    deps.budgets.list(input.tenantId),
    deps.aggregates.month(input.tenantId, input.month),
  ]);
  const today = saoPauloDateOf(deps.clock.now());
  const current = today.slice(0, 7) === input.month;
  const asOf = current ? today : lastDayOfMonth(calendarDate(`${input.month}-01`));
  return budgets.map((budget) => {
    const spent = aggregate ? spentAgainst(budget, aggregate) : 0;
    const usage = budgetUsage(budget.limitCents, spent, asOf);
    return { budget, usage: current || input.month > today ? usage : { ...usage, daysLeft: 0 } };
  });
}

/** Words that name every expense: "limite de gastos". */
const OVERALL_WORDS = new Set([
  'gastos',
  'gasto',
  'despesas',
  'despesa',
  'saidas',
  'compras',
  'tudo',
  'geral',
]);

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/**
 * The category a budget word names: a category of the set ("transporte"), a word the categoriser knows
 * ("mercado" → alimentação, "gasolina" → transporte), or null for every expense; undefined when the word is no
 * category (the owner is told which exist).
 */
export function budgetCategoryOf(word: string | null): { category: string | null } | undefined {
  if (word === null || OVERALL_WORDS.has(fold(word))) return { category: null };
  const named = expenseCategoryNames().find((name) => fold(name) === fold(word));
  if (named) return { category: named };
  const category = ledgerCategoryOf('expense', word);
  return category === 'outros' ? undefined : { category };
}

/** "mercado (alimentação)", "transporte", "gastos". */
export function budgetName(budget: Pick<Budget, 'category' | 'label'>): string {
  if (budget.category === null) return 'gastos';
  return fold(budget.label) === fold(budget.category)
    ? budget.category
    : `${budget.label} (${budget.category})`;
}
