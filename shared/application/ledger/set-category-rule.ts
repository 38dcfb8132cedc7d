import type { CategoryRuleRepository } from '#application/ports/category-rule-repository';
import type { Clock } from '#application/ports/clock';
import { isIncomeCategory } from '#domain/ledger-category';
import { learnCategoryRule } from './categorise-entry';

export const categoryRuleTexts = {
  saved: (term: string, category: string) =>
    `Combinado! Daqui pra frente, ${term} entra em ${category}. Os lançamentos já feitos não mudam (para corrigir um, diga "isso é ${category}").`,
  notUnderstood: () =>
    'Não entendi a regra. Diga, por exemplo: "gasolina é transporte" ou "coloca netflix em lazer".',
};

/**
 * "gasolina é transporte": the tenant's rule for the next entries whose description has those words (it wins
 * over the keyword rules). Entries already booked keep their category: the ledger is append-only, and a
 * booked entry changes only through a correction the owner confirms.
 */
export async function setCategoryRule(
  deps: { categoryRules: CategoryRuleRepository; clock: Clock },
  input: { tenantId: string; rule: { term: string; category: string } | undefined; memberId?: string },
): Promise<string> {
  if (!input.rule) return categoryRuleTexts.notUnderstood();
  const learned = await learnCategoryRule(deps, {
    tenantId: input.tenantId,
    kind: isIncomeCategory(input.rule.category) ? 'income' : 'expense',
    description: input.rule.term,
    category: input.rule.category,
    learnedFrom: 'statement',
    ...(input.memberId && { taughtBy: input.memberId }),
  });
  if (!learned) return categoryRuleTexts.notUnderstood();
  return categoryRuleTexts.saved(input.rule.term, learned.category);
}
