import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { itemFields as f, parseItem } from '#adapters/dynamodb/keys/item-schema';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import { TableAccess } from '#adapters/dynamodb/table-access';
import type { PayerThreadRepository } from '#application/ports/payer-thread-repository';
import { ConcurrentModificationError } from '#application/ports/persistence-errors';
import type { TransactionContext } from '#application/ports/unit-of-work';
import { emptyPayerThread, type PayerThread } from '#domain/payer-thread';

/** One item per contact, beside nothing else: `T#<tenant>#PAYER_THREAD#<contactId>` / `THREAD`. */
export const PayerThreadEntity = {
  name: 'PayerThread',
  primary: primaryKey(key('T', attr('tenantId'), 'PAYER_THREAD', attr('contactId')), key('THREAD')),
} as const;

/** Items written before a field existed read with its empty value. */
const PayerThreadItem = z.looseObject({
  tenantId: f.id(),
  contactId: f.id(),
  lastForwardAt: z.optional(f.instant()),
  held: z._default(
    z.array(z.looseObject({ messageId: f.id(), text: f.text(), receivedAt: f.instant() })),
    [],
  ),
  flushOutboxIds: z.optional(z.array(f.id())),
  replyDay: z.optional(f.calendarDate()),
  repliesOnDay: z._default(f.count(), 0),
  seenMessageIds: z._default(z.array(f.id()), []),
  version: z._default(f.count(), 0),
});

export class DynamoDbPayerThreadRepository implements PayerThreadRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async get(tenantId: string, contactId: string): Promise<PayerThread> {
    const item = await this.table.get(PayerThreadEntity.primary.key({ tenantId, contactId }), {
      consistentRead: true,
    });
    if (!item) return emptyPayerThread(tenantId, contactId);
    return parseItem(PayerThreadEntity.name, PayerThreadItem, item);
  }

  async save(thread: PayerThread, tx?: TransactionContext): Promise<void> {
    const item = {
      ...PayerThreadEntity.primary.key(thread),
      [ENTITY_ATTRIBUTE]: PayerThreadEntity.name,
      tenantId: thread.tenantId,
      contactId: thread.contactId,
      ...(thread.lastForwardAt ? { lastForwardAt: thread.lastForwardAt } : {}),
      held: [...thread.held],
      flushOutboxIds: [...(thread.flushOutboxIds ?? [])],
      ...(thread.replyDay ? { replyDay: thread.replyDay } : {}),
      repliesOnDay: thread.repliesOnDay,
      seenMessageIds: [...thread.seenMessageIds],
      version: thread.version + 1,
    };
    const condition =
      thread.version === 0
        ? { expression: 'attribute_not_exists(pk)' }
        : { expression: 'version = :expected', values: { ':expected': thread.version } };
    await this.table.write(tx, (builder) =>
      builder.put(item, {
        condition,
        onConditionFailed: () => new ConcurrentModificationError('PayerThread', thread.contactId),
        onConflict: () => new ConcurrentModificationError('PayerThread', thread.contactId),
      }),
    );
  }
}
