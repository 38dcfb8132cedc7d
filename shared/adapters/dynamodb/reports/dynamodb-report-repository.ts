import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  ENTITY_ATTRIBUTE,
  type KeyedItem,
  primaryKey,
  withoutKeys,
} from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import { TableAccess } from '#adapters/dynamodb/table-access';
import {
  DuplicateReportError,
  type GeneratedReport,
  type ReportRepository,
} from '#application/ports/report-repository';
import type { TransactionContext } from '#application/ports/unit-of-work';

/** A tenant's generated reports in one partition (`T#<tenant>#REPORTS`), one item per report id. */
export const GeneratedReportEntity = {
  name: 'GeneratedReport',
  primary: primaryKey(key('T', attr('tenantId'), 'REPORTS'), key('REPORT', attr('reportId'))),
} as const;

function toItem(report: GeneratedReport): KeyedItem {
  return {
    ...GeneratedReportEntity.primary.key(report),
    [ENTITY_ATTRIBUTE]: GeneratedReportEntity.name,
    ...report,
  };
}

const fromItem = (item: Record<string, unknown>) => withoutKeys(item) as unknown as GeneratedReport;

export class DynamoDbReportRepository implements ReportRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async add(report: GeneratedReport, tx?: TransactionContext): Promise<void> {
    await this.table.write(tx, (builder) =>
      builder.put(toItem(report), {
        condition: { expression: 'attribute_not_exists(pk)' },
        onConditionFailed: () => new DuplicateReportError(report.reportId),
      }),
    );
  }

  async get(tenantId: string, reportId: string): Promise<GeneratedReport | undefined> {
    const item = await this.table.get(GeneratedReportEntity.primary.key({ tenantId, reportId }), {
      consistentRead: true,
    });
    return item ? fromItem(item) : undefined;
  }

  async listRecent(tenantId: string, limit: number): Promise<GeneratedReport[]> {
    const items = await this.table.query({
      partition: GeneratedReportEntity.primary.pk.build({ tenantId }),
      sortKeyBeginsWith: 'REPORT#',
    });
    return items
      .map(fromItem)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit);
  }
}
