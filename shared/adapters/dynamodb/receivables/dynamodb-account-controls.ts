import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { idKey, ReceivableAccountEntity } from '#adapters/dynamodb/entities/receivables';
import type { TableAccess } from '#adapters/dynamodb/table-access';
import type { AccountControls } from '#application/ports/collection-emails';
import { PersistenceError } from '#application/ports/persistence-errors';

/** `AccountControls` on the account item's `control` map (a pin set elsewhere is kept). */
export class DynamoDbAccountControls implements AccountControls {
  constructor(private readonly table: TableAccess) {}

  async setPaused(tenantId: string, clientId: string, paused: boolean): Promise<boolean> {
    const key = ReceivableAccountEntity.primary.key({ tenantId, clientKey: idKey(clientId) });
    try {
      // DynamoDB cannot set a field of a map that may not exist in one expression: the map first (if absent),
      // then the field. Both are idempotent, and a pin in the map is kept.
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: key,
          UpdateExpression: 'SET #control = if_not_exists(#control, :empty)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#control': 'control' },
          ExpressionAttributeValues: { ':empty': {} },
        }),
      );
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: key,
          UpdateExpression: 'SET #control.paused = :paused',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#control': 'control' },
          ExpressionAttributeValues: { ':paused': paused },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw new PersistenceError(`could not set account ${clientId}'s pause`, { cause: error });
    }
  }
}
