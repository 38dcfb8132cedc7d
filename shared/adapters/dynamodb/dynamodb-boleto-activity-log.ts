import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BoletoActivityLog } from '#application/ports/boleto-activity-log';
import type { TransactionContext } from '#application/ports/unit-of-work';
import type { BoletoActivity } from '#domain/boleto-activity';
import { toBoletoActivityItem } from './entities/boleto-activity';
import { TableAccess } from './table-access';

export class DynamoDbBoletoActivityLog implements BoletoActivityLog {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  /**
   * On its own, a conditional put (the first record wins; a repeat is ignored). Inside a transaction, a plain
   * put: a condition failing there would undo the state change it explains, and the id is deterministic, so a
   * repeat writes the same item.
   */
  async record(activity: BoletoActivity, tx?: TransactionContext): Promise<void> {
    const item = toBoletoActivityItem(activity);
    if (tx) {
      await this.table.write(tx, (builder) => builder.put(item));
      return;
    }
    await this.table.putIfAbsent(item);
  }
}
