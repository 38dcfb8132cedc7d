import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  ENTITY_ATTRIBUTE,
  type KeyedItem,
  primaryKey,
  withoutKeys,
} from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import { TableAccess } from '#adapters/dynamodb/table-access';
import type { RecurringPlanRepository } from '#application/ports/recurring-plan-repository';
import type { RecurringPlan } from '#domain/recurring-plan';

/** A tenant's recurring plans in one partition (`T#<tenant>#RECURRING`), one item per plan (`PLAN#<planId>`). */
export const RecurringPlanEntity = {
  name: 'RecurringPlan',
  primary: primaryKey(key('T', attr('tenantId'), 'RECURRING'), key('PLAN', attr('planId'))),
} as const;

function toItem(plan: RecurringPlan): KeyedItem {
  return {
    ...RecurringPlanEntity.primary.key(plan),
    [ENTITY_ATTRIBUTE]: RecurringPlanEntity.name,
    ...JSON.parse(JSON.stringify(plan)),
  };
}

const fromItem = (item: Record<string, unknown>) => withoutKeys(item) as unknown as RecurringPlan;

export class DynamoDbRecurringPlanRepository implements RecurringPlanRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async create(plan: RecurringPlan): Promise<'created' | 'exists'> {
    return (await this.table.putIfAbsent(toItem(plan))) === 'stored' ? 'created' : 'exists';
  }

  async get(tenantId: string, planId: string): Promise<RecurringPlan | undefined> {
    const item = await this.table.get(RecurringPlanEntity.primary.key({ tenantId, planId }), {
      consistentRead: true,
    });
    return item ? fromItem(item) : undefined;
  }

  async list(tenantId: string): Promise<RecurringPlan[]> {
    const items = await this.table.query({
      partition: RecurringPlanEntity.primary.pk.build({ tenantId }),
      sortKeyBeginsWith: 'PLAN#',
      consistentRead: true,
    });
    return items.map(fromItem).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async stop(tenantId: string, planId: string, at: Date): Promise<RecurringPlan | undefined> {
    const plan = await this.get(tenantId, planId);
    if (!plan || plan.status === 'stopped') return plan;
    const stopped: RecurringPlan = { ...plan, status: 'stopped', stoppedAt: at.toISOString() };
    await this.table.write(undefined, (builder) =>
      builder.put(toItem(stopped), {
        condition: {
          expression: '#status = :active',
          names: { '#status': 'status' },
          values: { ':active': 'active' },
        },
      }),
    );
    return stopped;
  }
}
