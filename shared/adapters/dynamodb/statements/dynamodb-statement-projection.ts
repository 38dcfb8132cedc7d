import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENTITY_ATTRIBUTE, type KeyedItem } from '#adapters/dynamodb/keys/entity-keys';
import { TableAccess } from '#adapters/dynamodb/table-access';
import type { Expression } from '#adapters/dynamodb/transaction/transaction-builder';
import type { Page, PageRequest } from '#application/ports/page';
import type { StatementLinesAtSeq, StatementProjection } from '#application/ports/statement-projection';
import type { CalendarDate } from '#domain/calendar-date';
import type {
  StatementBoletoLine,
  StatementPaymentLine,
  StatementSummary,
  StoredStatementLine,
} from '#domain/statement';
import {
  fromStatementLineItem,
  STATEMENT_LINE_ATTRIBUTE,
  STATEMENT_TOTALS_COMPUTED_SEQ,
  STATEMENT_TOTALS_SEQ,
  STATEMENT_TOTALS_SUMMARY,
  StatementBoletoLineEntity,
  StatementTotalsEntity,
  statementPartitionKey,
  toStatementBoletoItem,
  toStatementPaymentItem,
} from './statement-line-entity';

class NothingToWriteError extends Error {
  override readonly name = 'NothingToWriteError';
}

export class DynamoDbStatementProjection implements StatementProjection {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async putBoleto(
    tenantId: string,
    contactId: string,
    line: StatementBoletoLine,
  ): Promise<'stored' | 'stale'> {
    const stored = await this.putLine(tenantId, contactId, toStatementBoletoItem(tenantId, contactId, line), {
      expression: 'attribute_not_exists(pk) OR #version < :version',
      names: { '#version': 'version' },
      values: { ':version': line.version },
    });
    return stored ? 'stored' : 'stale';
  }

  async putPayment(
    tenantId: string,
    contactId: string,
    line: StatementPaymentLine,
  ): Promise<'stored' | 'duplicate'> {
    const stored = await this.putLine(
      tenantId,
      contactId,
      toStatementPaymentItem(tenantId, contactId, line),
      {
        expression: 'attribute_not_exists(pk)',
      },
    );
    return stored ? 'stored' : 'duplicate';
  }

  /** The line (if its condition holds) and `seq + 1` on the totals item, in one transaction. */
  private async putLine(
    tenantId: string,
    contactId: string,
    item: KeyedItem,
    condition: Expression,
  ): Promise<boolean> {
    try {
      await this.table.write(undefined, (builder) =>
        builder
          .put(item, { condition, onConditionFailed: () => new NothingToWriteError() })
          .update(StatementTotalsEntity.primary.key({ tenantId, contactId }), {
            update: {
              expression: 'ADD #seq :one SET #entity = :entity',
              names: { '#seq': STATEMENT_TOTALS_SEQ, '#entity': ENTITY_ATTRIBUTE },
              values: { ':one': 1, ':entity': StatementTotalsEntity.name },
            },
          }),
      );
      return true;
    } catch (error) {
      if (error instanceof NothingToWriteError) return false;
      throw error;
    }
  }

  async readAllLines(tenantId: string, contactId: string): Promise<StatementLinesAtSeq> {
    // `seq` first: a line written after this read advances it, and `putSummary` then refuses the summary.
    const totals = await this.table.get(StatementTotalsEntity.primary.key({ tenantId, contactId }), {
      consistentRead: true,
    });
    const items = await this.table.query({
      partition: statementPartitionKey(tenantId, contactId),
      attributes: [STATEMENT_LINE_ATTRIBUTE],
      consistentRead: true,
    });
    const lines: StatementLinesAtSeq = {
      seq: Number(totals?.[STATEMENT_TOTALS_SEQ] ?? 0),
      boletos: [],
      payments: [],
    };
    for (const item of items) {
      const stored = fromStatementLineItem(item);
      if (stored?.kind === 'boleto') lines.boletos.push(stored.line);
      else if (stored?.kind === 'payment') lines.payments.push(stored.line);
    }
    return lines;
  }

  async putSummary(
    tenantId: string,
    contactId: string,
    summary: StatementSummary,
    seq: number,
  ): Promise<'stored' | 'superseded'> {
    try {
      await this.table.write(undefined, (builder) =>
        builder.update(StatementTotalsEntity.primary.key({ tenantId, contactId }), {
          update: {
            expression: 'SET #summary = :summary, #computed = :seq',
            names: { '#summary': STATEMENT_TOTALS_SUMMARY, '#computed': STATEMENT_TOTALS_COMPUTED_SEQ },
            values: { ':summary': JSON.stringify(summary) },
          },
          condition: {
            expression: '#seq = :seq',
            names: { '#seq': STATEMENT_TOTALS_SEQ },
            values: { ':seq': seq },
          },
          onConditionFailed: () => new NothingToWriteError(),
        }),
      );
      return 'stored';
    } catch (error) {
      if (error instanceof NothingToWriteError) return 'superseded';
      throw error;
    }
  }

  async readSummary(tenantId: string, contactId: string): Promise<StatementSummary | undefined> {
    const item = await this.table.get(StatementTotalsEntity.primary.key({ tenantId, contactId }));
    const summary = item?.[STATEMENT_TOTALS_SUMMARY];
    return typeof summary === 'string' ? (JSON.parse(summary) as StatementSummary) : undefined;
  }

  async readLinePage(
    tenantId: string,
    contactId: string,
    page: PageRequest & { newestFirst: boolean; dates?: { from: CalendarDate; to: CalendarDate } },
  ): Promise<Page<StoredStatementLine>> {
    // `LINE#<date>#B|P#<id>`: '~' sorts after both kinds, so the range ends after the last line of `to`.
    const range = page.dates
      ? { sortKeyBetween: [`LINE#${page.dates.from}`, `LINE#${page.dates.to}#~`] as [string, string] }
      : { sortKeyBeginsWith: 'LINE#' };
    const { items, nextCursor } = await this.table.queryPage(
      {
        index: StatementBoletoLineEntity.byDate,
        partition: statementPartitionKey(tenantId, contactId),
        ...range,
        newestFirst: page.newestFirst,
        limit: page.limit,
        attributes: [STATEMENT_LINE_ATTRIBUTE],
      },
      page.cursor,
    );
    const lines: StoredStatementLine[] = [];
    for (const item of items) {
      const stored = fromStatementLineItem(item);
      if (stored) lines.push(stored);
    }
    return { items: lines, ...(nextCursor ? { nextCursor } : {}) };
  }
}
