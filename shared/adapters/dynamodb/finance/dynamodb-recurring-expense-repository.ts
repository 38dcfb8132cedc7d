import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  ENTITY_ATTRIBUTE,
  type KeyedItem,
  primaryKey,
  withoutKeys,
} from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { ConcurrentModificationError } from '#application/ports/persistence-errors';
import type {
  RecurringExpense,
  RecurringExpenseRepository,
} from '#application/ports/recurring-expense-repository';

/** A tenant's recognised subscriptions in one partition (`T#<tenant>#RECURRING_EXPENSE`), one item per term. */
export const RecurringExpenseEntity = {
  name: 'RecurringExpense',
  primary: primaryKey(key('T', attr('tenantId'), 'RECURRING_EXPENSE'), key('TERM', attr('term'))),
} as const;

function toItem(expense: RecurringExpense): KeyedItem {
  return {
    ...RecurringExpenseEntity.primary.key(expense),
    [ENTITY_ATTRIBUTE]: RecurringExpenseEntity.name,
    ...JSON.parse(JSON.stringify(expense)),
  };
}

const fromItem = (item: Record<string, unknown>) => withoutKeys(item) as unknown as RecurringExpense;

export class DynamoDbRecurringExpenseRepository implements RecurringExpenseRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async get(tenantId: string, term: string): Promise<RecurringExpense | undefined> {
    const item = await this.table.get(RecurringExpenseEntity.primary.key({ tenantId, term }), {
      consistentRead: true,
    });
    return item ? fromItem(item) : undefined;
  }

  async list(tenantId: string): Promise<RecurringExpense[]> {
    const items = await this.table.query({
      partition: RecurringExpenseEntity.primary.pk.build({ tenantId }),
      sortKeyBeginsWith: 'TERM#',
      consistentRead: true,
    });
    return items.map(fromItem);
  }

  async offer(expense: RecurringExpense): Promise<'created' | 'exists'> {
    return (await this.table.putIfAbsent(toItem(expense))) === 'stored' ? 'created' : 'exists';
  }

  async update(expense: RecurringExpense): Promise<'updated' | 'changed'> {
    try {
      await this.table.write(undefined, (builder) =>
        builder.put(toItem(expense), {
          condition: { expression: 'version = :previous', values: { ':previous': expense.version - 1 } },
          onConditionFailed: () => new ConcurrentModificationError('RecurringExpense', expense.term),
          onConflict: () => new ConcurrentModificationError('RecurringExpense', expense.term),
        }),
      );
      return 'updated';
    } catch (error) {
      if (error instanceof ConcurrentModificationError) return 'changed';
      throw error;
    }
  }
}
