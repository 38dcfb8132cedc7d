import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENTITY_ATTRIBUTE, primaryKey, withoutKeys } from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import { TableAccess } from '#adapters/dynamodb/table-access';
import type { CategoryRuleRepository } from '#application/ports/category-rule-repository';
import type { CategoryRule } from '#domain/category-rules';

/** A tenant's learned category rules in one partition (`T#<tenant>#CATEGORY_RULE`), one item per kind and term. */
export const CategoryRuleEntity = {
  name: 'CategoryRule',
  primary: primaryKey(key('T', attr('tenantId'), 'CATEGORY_RULE'), key('RULE', attr('kind'), attr('term'))),
} as const;

export class DynamoDbCategoryRuleRepository implements CategoryRuleRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async list(tenantId: string): Promise<CategoryRule[]> {
    const items = await this.table.query({
      partition: CategoryRuleEntity.primary.pk.build({ tenantId }),
      sortKeyBeginsWith: 'RULE#',
      consistentRead: true,
    });
    return items.map((item) => withoutKeys(item) as unknown as CategoryRule);
  }

  async save(rule: CategoryRule): Promise<void> {
    const item = {
      ...CategoryRuleEntity.primary.key(rule),
      [ENTITY_ATTRIBUTE]: CategoryRuleEntity.name,
      ...JSON.parse(JSON.stringify(rule)),
    };
    await this.table.write(undefined, (builder) => builder.put(item));
  }
}
