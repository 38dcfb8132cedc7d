import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { idKey, ReceivableAccountEntity } from '#adapters/dynamodb/entities/receivables';
import type { TableAccess } from '#adapters/dynamodb/table-access';
import type { AccountControls } from '#application/ports/collection-emails';
import { PersistenceError } from '#application/ports/persistence-errors';
import type { EscalationDegree } from '#domain/collections/escalation';

/** `AccountControls` on the account item's `control` map (a pause and a pin are set apart; each keeps the other). */
export class DynamoDbAccountControls implements AccountControls {
  constructor(private readonly table: TableAccess) {}

  setPaused(tenantId: string, clientId: string, paused: boolean): Promise<boolean> {
    return this.updateControl(tenantId, clientId, 'pause', {
      UpdateExpression: 'SET #control.paused = :paused',
      ExpressionAttributeValues: { ':paused': paused },
    });
  }

  setPinnedDegree(
    tenantId: string,
    clientId: string,
    degree: EscalationDegree | undefined,
  ): Promise<boolean> {
    return this.updateControl(
      tenantId,
      clientId,
      'pin',
      degree === undefined
        ? { UpdateExpression: 'REMOVE #control.pinnedDegree' }
        : {
            UpdateExpression: 'SET #control.pinnedDegree = :degree',
            ExpressionAttributeValues: { ':degree': degree },
          },
    );
  }

  private async updateControl(
    tenantId: string,
    clientId: string,
    what: string,
    change: { UpdateExpression: string; ExpressionAttributeValues?: Record<string, unknown> },
  ): Promise<boolean> {
    const key = ReceivableAccountEntity.primary.key({ tenantId, clientKey: idKey(clientId) });
    try {
      // DynamoDB cannot set a field of a map that may not exist in one expression: the map first (if absent),
      // then the field. Both are idempotent.
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
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#control': 'control' },
          ...change,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw new PersistenceError(`could not set account ${clientId}'s ${what}`, { cause: error });
    }
  }
}
