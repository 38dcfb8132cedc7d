import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TableAccess } from '#adapters/dynamodb/table-access';
import type {
  LatePaymentLine,
  LatePaymentLines,
  LedgerAggregates,
} from '#application/ports/ledger-aggregates';
import type { YearMonth } from '#application/ports/ledger-repository';
import { InvalidInputError } from '#domain/domain-error';
import type { LedgerMonthAggregate } from '#domain/ledger-aggregate';
import {
  fromLatePaymentLineItem,
  fromLedgerMonthAggregateItem,
  LatePaymentLineEntity,
  LedgerMonthAggregateEntity,
  toLatePaymentLineItem,
  toLedgerMonthAggregateItem,
} from './ledger-aggregate-entities';

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

class StaleProjectionError extends Error {
  override readonly name = 'StaleProjectionError';
}

/** A put that only replaces an older version (`versionAttribute` smaller than this one's) or nothing. */
async function putNewer(
  table: TableAccess,
  item: Record<string, unknown> & { pk: string; sk: string },
  versionAttribute: string,
  version: number,
): Promise<'stored' | 'stale'> {
  try {
    await table.write(undefined, (builder) =>
      builder.put(item, {
        condition: {
          expression: 'attribute_not_exists(pk) OR #version < :version',
          names: { '#version': versionAttribute },
          values: { ':version': version },
        },
        // A conflicting write at the same moment is not "stale": it throws, and the stream retries the record.
        onConditionFailed: () => new StaleProjectionError(),
      }),
    );
    return 'stored';
  } catch (error) {
    if (error instanceof StaleProjectionError) return 'stale';
    throw error;
  }
}

export class DynamoDbLedgerAggregates implements LedgerAggregates {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async month(tenantId: string, month: YearMonth): Promise<LedgerMonthAggregate | undefined> {
    if (!YEAR_MONTH.test(month)) throw new InvalidInputError(`not a month (YYYY-MM): ${month}`);
    const item = await this.table.get(LedgerMonthAggregateEntity.primary.key({ tenantId, month }));
    return item ? fromLedgerMonthAggregateItem(item) : undefined;
  }

  async months(tenantId: string, from: YearMonth, to: YearMonth): Promise<LedgerMonthAggregate[]> {
    if (!YEAR_MONTH.test(from) || !YEAR_MONTH.test(to)) {
      throw new InvalidInputError(`not a month range (YYYY-MM): ${from}..${to}`);
    }
    const { pk, sk } = LedgerMonthAggregateEntity.primary;
    const items = await this.table.query({
      partition: pk.build({ tenantId }),
      sortKeyBetween: [sk.build({ month: from }), sk.build({ month: to })],
    });
    return items.map(fromLedgerMonthAggregateItem);
  }

  save(aggregate: LedgerMonthAggregate): Promise<'stored' | 'stale'> {
    return putNewer(this.table, toLedgerMonthAggregateItem(aggregate), 'entryCount', aggregate.entryCount);
  }
}

export class DynamoDbLatePaymentLines implements LatePaymentLines {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  put(line: LatePaymentLine): Promise<'stored' | 'stale'> {
    return putNewer(this.table, toLatePaymentLineItem(line), 'version', line.version);
  }

  async list(tenantId: string): Promise<LatePaymentLine[]> {
    const items = await this.table.query({ partition: LatePaymentLineEntity.primary.pk.build({ tenantId }) });
    return items.map(fromLatePaymentLineItem);
  }
}
