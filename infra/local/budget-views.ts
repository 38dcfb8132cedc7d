import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbBudgetRepository } from '#adapters/dynamodb/finance/dynamodb-budget-repository';
import { DynamoDbLedgerAggregates } from '#adapters/dynamodb/finance/dynamodb-ledger-aggregates';
import { budgetName, readBudgetStatus } from '#application/budgets/budget-status';
import type { Clock } from '#application/ports/clock';
import type { BudgetUsage } from '#domain/budget';
import { saoPauloDateOf } from '#domain/calendar-date';

/** A budget as `GET /_local/budgets` and the console show it: its name and the current month's usage. */
export interface BudgetView extends BudgetUsage {
  /** The expense category, or null for the overall budget. */
  category: string | null;
  /** "mercado (alimentação)", "transporte", "gastos": as IRIS names it to the owner. */
  name: string;
}

/**
 * The tenant's budgets with what the current São Paulo month (on the virtual clock) spent against each, read
 * by `readBudgetStatus` as "quais meus limites?", the alerts and the monthly report read them: one Query for
 * the budgets, one GetItem for the month's figures the ledger projector keeps.
 */
export class LocalBudgetViews {
  private readonly budgets: DynamoDbBudgetRepository;
  private readonly aggregates: DynamoDbLedgerAggregates;

  constructor(
    tableName: string,
    documentClient: DynamoDBDocumentClient,
    private readonly clock: Clock,
  ) {
    this.budgets = new DynamoDbBudgetRepository(tableName, documentClient);
    this.aggregates = new DynamoDbLedgerAggregates(tableName, documentClient);
  }

  async current(tenantId: string): Promise<{ month: string; budgets: BudgetView[] }> {
    const month = saoPauloDateOf(this.clock.now()).slice(0, 7);
    const statuses = await readBudgetStatus(
      { budgets: this.budgets, aggregates: this.aggregates, clock: this.clock },
      { tenantId, month },
    );
    return {
      month,
      budgets: statuses.map(({ budget, usage }) => ({
        category: budget.category,
        name: budgetName(budget),
        ...usage,
      })),
    };
  }
}
