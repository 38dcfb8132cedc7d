import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENTITY_ATTRIBUTE } from '#adapters/dynamodb/keys/entity-keys';
import { TableAccess } from '#adapters/dynamodb/table-access';
import type { StatementLines, StatementProjection } from '#application/ports/statement-projection';
import type { StatementBoletoLine, StatementPaymentLine } from '#domain/statement';
import {
  fromStatementBoletoItem,
  fromStatementPaymentItem,
  StatementBoletoLineEntity,
  StatementPaymentLineEntity,
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
    const items = await this.table.query({ partition: statementPartitionKey(tenantId, contactId) });
    const lines: StatementLines = { boletos: [], payments: [] };
    for (const item of items) {
      if (item[ENTITY_ATTRIBUTE] === StatementBoletoLineEntity.name) {
        lines.boletos.push(fromStatementBoletoItem(item));
      } else if (item[ENTITY_ATTRIBUTE] === StatementPaymentLineEntity.name) {
        lines.payments.push(fromStatementPaymentItem(item));
      }
    }
    return lines;
  }
}
