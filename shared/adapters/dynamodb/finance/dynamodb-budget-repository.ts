import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { itemFields as f, parseItem } from '#adapters/dynamodb/keys/item-schema';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import { TableAccess } from '#adapters/dynamodb/table-access';
import {
  BudgetAlertAlreadySentError,
  type BudgetAlertMark,
  type BudgetRepository,
} from '#application/ports/budget-repository';
import type { TransactionContext } from '#application/ports/unit-of-work';
import type { Budget } from '#domain/budget';

/**
 * A tenant's monthly limits, `T#<t>#BUDGETS` / `BUDGET#<category>` (`ALL_EXPENSES` for the overall one), and the
 * alerts sent, `T#<t>#BUDGET_ALERTS#<yyyy-mm>` / `ALERT#<category>#<threshold>` (written once, kept).
 */
export const BudgetEntity = {
  name: 'Budget',
  primary: primaryKey(key('T', attr('tenantId'), 'BUDGETS'), key('BUDGET', attr('budgetKey'))),
} as const;

export const BudgetAlertEntity = {
  name: 'BudgetAlert',
  primary: primaryKey(
    key('T', attr('tenantId'), 'BUDGET_ALERTS', attr('month')),
    key('ALERT', attr('budgetKey'), attr('threshold')),
  ),
} as const;

const OVERALL_KEY = 'ALL_EXPENSES';

function budgetKeyOf(category: string | null): string {
  return category ?? OVERALL_KEY;
}

const BudgetItem = z.looseObject({
  tenantId: f.id(),
  category: z.nullable(f.text()),
  label: f.text(),
  limitCents: f.cents(),
  createdAt: f.instant(),
  updatedAt: f.instant(),
});

export class DynamoDbBudgetRepository implements BudgetRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async put(budget: Budget): Promise<void> {
    const keyValues = { tenantId: budget.tenantId, budgetKey: budgetKeyOf(budget.category) };
    const item = { ...BudgetEntity.primary.key(keyValues), [ENTITY_ATTRIBUTE]: BudgetEntity.name, ...budget };
    await this.table.write(undefined, (builder) => builder.put(item));
  }

  async remove(tenantId: string, category: string | null): Promise<boolean> {
    const itemKey = BudgetEntity.primary.key({ tenantId, budgetKey: budgetKeyOf(category) });
    if (!(await this.table.get(itemKey, { consistentRead: true }))) return false;
    await this.table.write(undefined, (builder) => builder.delete(itemKey));
    return true;
  }

  async list(tenantId: string): Promise<Budget[]> {
    const items = await this.table.query({
      partition: BudgetEntity.primary.pk.build({ tenantId }),
      consistentRead: true,
    });
    const budgets = items.map((item) => parseItem(BudgetEntity.name, BudgetItem, item) as Budget);
    return budgets.sort((a, b) =>
      a.category === null ? -1 : b.category === null ? 1 : a.category.localeCompare(b.category),
    );
  }

  async markAlertSent(mark: BudgetAlertMark, tx: TransactionContext): Promise<void> {
    const keyValues = {
      tenantId: mark.tenantId,
      month: mark.month,
      budgetKey: budgetKeyOf(mark.category),
      threshold: String(mark.threshold),
    };
    const item = {
      ...BudgetAlertEntity.primary.key(keyValues),
      [ENTITY_ATTRIBUTE]: BudgetAlertEntity.name,
      ...mark,
    };
    await this.table.write(tx, (builder) =>
      builder.put(item, {
        condition: { expression: 'attribute_not_exists(pk)' },
        onConditionFailed: () => new BudgetAlertAlreadySentError(),
      }),
    );
  }
}
