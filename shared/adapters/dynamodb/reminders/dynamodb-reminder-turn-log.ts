import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TableAccess } from '#adapters/dynamodb/table-access';
import type { TransactionContext } from '#application/ports/unit-of-work';
import {
  ReminderTurnAlreadyRecordedError,
  type ReminderTurnLog,
  type ReminderTurnRecord,
} from '#application/reminders/reminder-turn-log';
import {
  fromReminderTurnItem,
  ReminderTurnEntity,
  reminderTurnKey,
  toReminderTurnItem,
} from './reminder-turn-entity';

export class DynamoDbReminderTurnLog implements ReminderTurnLog {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async get(tenantId: string, boletoId: string, turn: number): Promise<ReminderTurnRecord | undefined> {
    const item = await this.table.get(reminderTurnKey(tenantId, boletoId, turn), { consistentRead: true });
    return item ? fromReminderTurnItem(item) : undefined;
  }

  async record(record: ReminderTurnRecord, tx?: TransactionContext): Promise<void> {
    await this.table.write(tx, (builder) =>
      builder.put(toReminderTurnItem(record), {
        condition: { expression: 'attribute_not_exists(pk)' },
        onConditionFailed: () => new ReminderTurnAlreadyRecordedError(record.boletoId, record.turn),
      }),
    );
  }

  async listByBoleto(tenantId: string, boletoId: string): Promise<ReminderTurnRecord[]> {
    const { pk, sk } = ReminderTurnEntity.primary;
    const items = await this.table.query({
      partition: pk.build({ tenantId, boletoId }),
      sortKeyBeginsWith: sk.prefix({}),
      consistentRead: true,
    });
    return items.map(fromReminderTurnItem);
  }
}
