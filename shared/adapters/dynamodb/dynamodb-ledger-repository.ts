import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  DuplicateLedgerEntryError,
  type LedgerEntry,
  type LedgerRepository,
  type YearMonth,
} from '#application/ports/ledger-repository';
import type { Page, PageRequest } from '#application/ports/page';
import type { TransactionContext } from '#application/ports/unit-of-work';
import { InvalidInputError } from '#domain/domain-error';
import { fromLedgerEntryItem, LedgerEntryEntity, toLedgerEntryItem } from './entities/ledger-entry';
import { TableAccess } from './table-access';

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class DynamoDbLedgerRepository implements LedgerRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async add(entry: LedgerEntry, tx?: TransactionContext): Promise<void> {
    await this.table.write(tx, (builder) =>
      builder.put(toLedgerEntryItem(entry), {
        condition: { expression: 'attribute_not_exists(pk)' },
        onConditionFailed: () => new DuplicateLedgerEntryError(entry.entryId),
      }),
    );
  }

  async listByMonth(
    tenantId: string,
    month: YearMonth,
    options: { consistentRead?: boolean } = {},
  ): Promise<LedgerEntry[]> {
    if (!YEAR_MONTH.test(month)) throw new InvalidInputError(`not a month (YYYY-MM): ${month}`);
    const { pk, sk } = LedgerEntryEntity.primary;
    const items = await this.table.query({
      partition: pk.build({ tenantId, month }),
      sortKeyBeginsWith: sk.prefix({}),
      ...(options.consistentRead ? { consistentRead: true } : {}),
    });
    return items.map(fromLedgerEntryItem);
  }

  async listMonthPage(tenantId: string, month: YearMonth, page: PageRequest): Promise<Page<LedgerEntry>> {
    if (!YEAR_MONTH.test(month)) throw new InvalidInputError(`not a month (YYYY-MM): ${month}`);
    const { pk, sk } = LedgerEntryEntity.primary;
    const { items, nextCursor } = await this.table.queryPage(
      { partition: pk.build({ tenantId, month }), sortKeyBeginsWith: sk.prefix({}), limit: page.limit },
      page.cursor,
    );
    return { items: items.map(fromLedgerEntryItem), ...(nextCursor ? { nextCursor } : {}) };
  }
}
