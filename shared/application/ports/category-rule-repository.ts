import type { CategoryRule } from '#domain/category-rules';

/** A tenant's learned category rules: one partition, one item per term and kind. */
export interface CategoryRuleRepository {
  /** Every rule of the tenant (one Query). */
  list(tenantId: string): Promise<CategoryRule[]>;
  /** Puts the rule; a newer rule for the same term and kind replaces the older one. */
  save(rule: CategoryRule): Promise<void>;
}
