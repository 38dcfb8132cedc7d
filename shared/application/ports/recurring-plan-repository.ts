import type { RecurringPlan } from '#domain/recurring-plan';

/** A tenant's recurring charge plans (one partition per tenant: list = one Query, read = one GetItem). */
export interface RecurringPlanRepository {
  /** Stores a new plan once: `exists` (and nothing written) when a plan with its id is already there. */
  create(plan: RecurringPlan): Promise<'created' | 'exists'>;
  get(tenantId: string, planId: string): Promise<RecurringPlan | undefined>;
  /** Every plan of the tenant, active and stopped, oldest first. */
  list(tenantId: string): Promise<RecurringPlan[]>;
  /** Marks the plan stopped (idempotent: a stopped plan stays as it was). */
  stop(tenantId: string, planId: string, at: Date): Promise<RecurringPlan | undefined>;
}
