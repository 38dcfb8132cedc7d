import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TableAccess } from '#adapters/dynamodb/table-access';
import type { StatementLines, StatementProjection } from '#application/ports/statement-projection';
import type { StatementBoletoLine, StatementPaymentLine } from '#domain/statement';
import {
  fromStatementLineItem,
  STATEMENT_READ_ATTRIBUTES,
  statementPartitionKey,
  toStatementBoletoItem,
  toStatementPaymentItem,
} from './statement-line-entity';

class StaleLineError extends Error {
  override readonly name = 'StaleLineError';
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
    try {
      await this.table.write(undefined, (builder) =>
        builder.put(toStatementBoletoItem(tenantId, contactId, line), {
          condition: {
            expression: 'attribute_not_exists(pk) OR #version < :version',
            names: { '#version': 'version' },
            values: { ':version': line.version },
          },
          onConditionFailed: () => new StaleLineError(),
        }),
      );
      return 'stored';
    } catch (error) {
      if (error instanceof StaleLineError) return 'stale';
      throw error;
    }
  }

  putPayment(
    tenantId: string,
    contactId: string,
    line: StatementPaymentLine,
  ): Promise<'stored' | 'duplicate'> {
    return this.table.putIfAbsent(toStatementPaymentItem(tenantId, contactId, line));
  }

  async read(tenantId: string, contactId: string): Promise<StatementLines> {
    const items = await this.table.query({
      partition: statementPartitionKey(tenantId, contactId),
      attributes: STATEMENT_READ_ATTRIBUTES,
    });
    const lines: StatementLines = { boletos: [], payments: [] };
    for (const item of items) {
      const stored = fromStatementLineItem(item);
      if (stored?.kind === 'boleto') lines.boletos.push(stored.line);
      else if (stored?.kind === 'payment') lines.payments.push(stored.line);
    }
    return lines;
  }
}
