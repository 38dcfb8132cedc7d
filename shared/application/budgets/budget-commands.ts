import type { BudgetRepository } from '#application/ports/budget-repository';
import type { Clock } from '#application/ports/clock';
import type { Interpretation } from '#application/ports/language-model';
import type { LedgerAggregateReader } from '#application/ports/ledger-aggregates';
import { assertBudgetLimit, type Budget, MAX_BUDGET_CENTS } from '#domain/budget';
import { saoPauloDateOf } from '#domain/calendar-date';
import { expenseCategoryNames } from '#domain/ledger-category';
import { formatBrl } from '#domain/money';
import { budgetCategoryOf, budgetName, readBudgetStatus } from './budget-status';
import {
  BUDGET_AMOUNT_QUESTION,
  budgetListReply,
  budgetRemovedReply,
  budgetSetReply,
  unknownBudgetCategoryReply,
} from './budget-text-pt-br';

export interface BudgetCommandDependencies {
  budgets: BudgetRepository;
  aggregates: LedgerAggregateReader;
  clock: Clock;
}

/**
 * "meu limite de mercado é 800 por mês", "quais meus limites?", "tira o limite de mercado": answered at once.
 * A limit books no money and is changed or removed by one message, so it is set without a confirmation step;
 * the reply says exactly what was stored and how much of it this month already used.
 */
export async function answerBudgetIntent(
  deps: BudgetCommandDependencies,
  input: {
    tenantId: string;
    intent: 'set_budget' | 'list_budgets' | 'remove_budget';
    interpretation: Interpretation;
  },
): Promise<string> {
  const month = saoPauloDateOf(deps.clock.now()).slice(0, 7);
  if (input.intent === 'list_budgets') {
    return budgetListReply(await readBudgetStatus(deps, { tenantId: input.tenantId, month }));
  }
  const word = input.interpretation.budgetTarget?.word ?? null;
  const target = budgetCategoryOf(word);
  if (!target) return unknownBudgetCategoryReply(word ?? '', expenseCategoryNames());
  if (input.intent === 'remove_budget') {
    const removed = await deps.budgets.remove(input.tenantId, target.category);
    return budgetRemovedReply(budgetName({ category: target.category, label: word ?? 'gastos' }), removed);
  }
  const limitCents = input.interpretation.amountCents;
  if (limitCents === null || limitCents <= 0) return BUDGET_AMOUNT_QUESTION;
  if (limitCents > MAX_BUDGET_CENTS) {
    return `O limite pode ser de até ${formatBrl(MAX_BUDGET_CENTS)} por mês. Qual valor você quer?`;
  }
  const existing = (await deps.budgets.list(input.tenantId)).find((b) => b.category === target.category);
  const now = deps.clock.now().toISOString();
  const budget: Budget = {
    tenantId: input.tenantId,
    category: target.category,
    label: target.category === null ? 'gastos' : (word ?? target.category),
    limitCents: assertBudgetLimit(limitCents),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await deps.budgets.put(budget);
  const statuses = await readBudgetStatus(deps, { tenantId: input.tenantId, month });
  const status = statuses.find((s) => s.budget.category === budget.category);
  if (!status) throw new Error('budget not found right after it was stored');
  return budgetSetReply(status, existing !== undefined);
}
