import type { Budget, BudgetThreshold } from '#domain/budget';
import { DomainError } from '#domain/domain-error';
import type { YearMonth } from './ledger-repository';
import type { TransactionContext } from './unit-of-work';

/** This threshold's alert was already sent this month (nothing written). */
export class BudgetAlertAlreadySentError extends DomainError {
  constructor(options?: { cause?: unknown }) {
    super('budget_alert_already_sent', 'budget alert already sent this month', options);
    this.name = 'BudgetAlertAlreadySentError';
  }
}

export interface BudgetAlertMark {
  tenantId: string;
  month: YearMonth;
  /** null: the overall budget. */
  category: string | null;
  threshold: BudgetThreshold;
  sentAt: string;
}

/** Port: the tenant's monthly limits (one small partition) and the alerts already sent. */
export interface BudgetRepository {
  /** Creates or replaces the budget of its category. */
  put(budget: Budget): Promise<void>;
  /** True when there was one to remove. */
  remove(tenantId: string, category: string | null): Promise<boolean>;
  /** Every budget of the tenant (one Query), overall first, then by category. */
  list(tenantId: string): Promise<Budget[]>;
  /**
   * Stages "this alert was sent" into `tx`: the commit fails with `BudgetAlertAlreadySentError` if it was, so the
   * alert's outbox item in the same transaction is written once per threshold, category and month.
   */
  markAlertSent(mark: BudgetAlertMark, tx: TransactionContext): Promise<void>;
}
