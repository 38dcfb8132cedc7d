import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TableAccess } from '#adapters/dynamodb/table-access';
import type { InboundMessage, InboundMessageRepository } from '#application/ports/inbound-message-repository';
import { PreconditionFailedError } from '#application/ports/persistence-errors';
import {
  fromInboundMessageItem,
  InboundMessageEntity,
  toButtonTapItem,
  toInboundMessageItem,
} from './conversation-entities';

export class DynamoDbInboundMessageRepository implements InboundMessageRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async storeIfNew(
    message: InboundMessage,
  ): Promise<{ outcome: 'stored' } | { outcome: 'duplicate'; existing: InboundMessage }> {
    try {
      await this.table.write(undefined, (builder) =>
        builder.put(toInboundMessageItem(message), { condition: { expression: 'attribute_not_exists(pk)' } }),
      );
      return { outcome: 'stored' };
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      const item = await this.table.get(InboundMessageEntity.primary.key(message), { consistentRead: true });
      if (!item) throw error;
      return { outcome: 'duplicate', existing: fromInboundMessageItem(item) };
    }
  }

  async markHandled(tenantId: string, messageId: string, handledBy: string, at: Date): Promise<void> {
    await this.table.write(undefined, (builder) =>
      builder.update(InboundMessageEntity.primary.key({ tenantId, messageId }), {
        update: {
          expression: 'SET handledAt = :at, handledBy = :by',
          values: { ':at': at.toISOString(), ':by': handledBy },
        },
        condition: { expression: 'attribute_exists(pk)' },
      }),
    );
  }

  async claimButtonTap(input: {
    tenantId: string;
    sender: string;
    payload: string;
    messageId: string;
    now: Date;
  }): Promise<boolean> {
    const payloadHash = createHash('sha256').update(input.payload).digest('base64url').slice(0, 22);
    try {
      await this.table.write(undefined, (builder) =>
        builder.put(toButtonTapItem({ ...input, payloadHash }), {
          condition: {
            expression: 'attribute_not_exists(pk) OR messageId = :messageId',
            values: { ':messageId': input.messageId },
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof PreconditionFailedError) return false;
      throw error;
    }
  }
}
