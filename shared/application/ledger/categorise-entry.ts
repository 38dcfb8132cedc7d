import type { CategoryProposer } from '#application/ports/category-proposer';
import type { CategoryRuleRepository } from '#application/ports/category-rule-repository';
import type { Clock } from '#application/ports/clock';
import { type Categorisation, type CategoryRule, categorise, categoryTermOf } from '#domain/category-rules';
import { proposableCategoryNames } from '#domain/ledger-category';
import type { AppLogger } from '#logging/create-logger';

/**
 * The one categoriser of new entries (typed, from a receipt): the tenant's learned rules, then the keywords,
 * then (with an OpenAI key) the model's proposal when neither knows the entry; "outros" when nothing does.
 */
export interface EntryCategoriser {
  categorise(tenantId: string, kind: 'income' | 'expense', description: string): Promise<Categorisation>;
}

export function entryCategoriser(deps: {
  categoryRules: CategoryRuleRepository;
  categoryProposer?: CategoryProposer;
  logger?: Pick<AppLogger, 'warn'>;
}): EntryCategoriser {
  return {
    async categorise(tenantId, kind, description) {
      const decided = categorise(await deps.categoryRules.list(tenantId), kind, description);
      if (decided.source !== 'default' || !deps.categoryProposer || !description.trim()) return decided;
      const categories = proposableCategoryNames(kind);
      try {
        const proposed = await deps.categoryProposer.propose({ kind, description, categories });
        // Validated against the set whatever the model said: anything else stays "outros".
        if (proposed && categories.includes(proposed)) return { category: proposed, source: 'model' };
      } catch (error) {
        deps.logger?.warn('category proposal failed; the entry stays in outros', { tenantId, error });
      }
      return decided;
    },
  };
}

/**
 * Remembers that entries described like `description` belong in `category` ("isso é transporte" on the
 * gasolina expense, "gasolina é transporte"): the next such entry is booked there. Undefined when the
 * description has no significant word to learn from (nothing is stored).
 */
export async function learnCategoryRule(
  deps: { categoryRules: CategoryRuleRepository; clock: Clock },
  input: {
    tenantId: string;
    kind: 'income' | 'expense';
    description: string;
    category: string;
    learnedFrom: CategoryRule['learnedFrom'];
    taughtBy?: string;
  },
): Promise<CategoryRule | undefined> {
  const term = categoryTermOf(input.description);
  if (!term) return undefined;
  const rule: CategoryRule = {
    tenantId: input.tenantId,
    term,
    kind: input.kind,
    category: input.category,
    learnedFrom: input.learnedFrom,
    ...(input.taughtBy && { taughtBy: input.taughtBy }),
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.categoryRules.save(rule);
  return rule;
}
