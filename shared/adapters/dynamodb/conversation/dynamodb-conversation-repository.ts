import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE } from '#adapters/dynamodb/keys/entity-keys';
import { itemFields as f, parseItem } from '#adapters/dynamodb/keys/item-schema';
import { epochSeconds } from '#adapters/dynamodb/keys/time-to-live';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { IRIS_TABLE } from '#adapters/dynamodb/table-design';
import type {
  AwaitingReply,
  ConversationRepository,
  OwnerConversation,
  PendingChoice,
  PendingLedgerEntry,
} from '#application/ports/conversation-repository';
import { ConcurrentModificationError, PreconditionFailedError } from '#application/ports/persistence-errors';
import type { TransactionContext } from '#application/ports/unit-of-work';
import type { OwnerRequest } from '#domain/owner-request';
import type { E164 } from '#domain/phone-number';
import {
  fromOwnerRequestItem,
  InboundMessageEntity,
  OwnerConversationEntity,
  OwnerRequestEntity,
  toOwnerRequestItem,
} from './conversation-entities';

/** Conversation items vanish a week after their last change: nothing in them outlives a waiting Task. */
const CONVERSATION_TTL_SECONDS = 7 * 86_400;

const OwnerConversationItem = z.looseObject({
  tenantId: f.id(),
  ownerPhone: f.phone(),
  awaiting: z.optional(
    z.looseObject({
      requestId: f.id(),
      kind: z.enum(['answer', 'confirmation']),
      taskToken: f.id(),
      requestVersion: f.count(),
      since: f.instant(),
      expiresAt: f.instant(),
    }),
  ),
  pendingEntry: z.optional(
    z.looseObject({
      kind: z.enum(['expense', 'income']),
      description: z.nullable(f.text()),
      date: z.nullable(f.text()),
      messageId: f.id(),
      expiresAt: f.instant(),
    }),
  ),
  activeRequestId: z.optional(f.id()),
  updatedAt: f.instant(),
});

export class DynamoDbConversationRepository implements ConversationRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async getRequest(tenantId: string, requestId: string): Promise<OwnerRequest | undefined> {
    const item = await this.table.get(OwnerRequestEntity.primary.key({ tenantId, requestId }), {
      consistentRead: true,
    });
    return item ? fromOwnerRequestItem(item) : undefined;
  }

  async saveRequest(
    request: OwnerRequest,
    expectedVersion: number | undefined,
    tx?: TransactionContext,
  ): Promise<void> {
    const conflict = () => new ConcurrentModificationError('OwnerRequest', request.requestId);
    await this.table.write(tx, (builder) =>
      builder.put(toOwnerRequestItem(request), {
        condition:
          expectedVersion === undefined
            ? { expression: 'attribute_not_exists(pk)' }
            : { expression: 'version = :expected', values: { ':expected': expectedVersion } },
        onConditionFailed: conflict,
        onConflict: conflict,
      }),
    );
  }

  async getConversation(tenantId: string, ownerPhone: E164): Promise<OwnerConversation | undefined> {
    const item = await this.table.get(OwnerConversationEntity.primary.key({ tenantId, ownerPhone }), {
      consistentRead: true,
    });
    if (!item) return undefined;
    return parseItem(OwnerConversationEntity.name, OwnerConversationItem, item);
  }

  async setAwaiting(
    tenantId: string,
    ownerPhone: E164,
    awaiting: AwaitingReply,
    tx?: TransactionContext,
  ): Promise<void> {
    const now = new Date(awaiting.since);
    await this.table.write(tx, (builder) =>
      builder.put({
        ...OwnerConversationEntity.primary.key({ tenantId, ownerPhone }),
        [ENTITY_ATTRIBUTE]: OwnerConversationEntity.name,
        tenantId,
        ownerPhone,
        awaiting,
        activeRequestId: awaiting.requestId,
        updatedAt: awaiting.since,
        [IRIS_TABLE.timeToLiveAttribute]: epochSeconds(now) + CONVERSATION_TTL_SECONDS,
      }),
    );
  }

  async takeAwaiting(
    tenantId: string,
    ownerPhone: E164,
    taskToken: string,
    messageId: string,
  ): Promise<AwaitingReply | undefined> {
    const conversation = await this.getConversation(tenantId, ownerPhone);
    if (!conversation?.awaiting || conversation.awaiting.taskToken !== taskToken) return undefined;
    try {
      await this.table.write(undefined, (builder) =>
        builder
          .update(OwnerConversationEntity.primary.key({ tenantId, ownerPhone }), {
            update: { expression: 'REMOVE awaiting' },
            condition: { expression: 'awaiting.taskToken = :token', values: { ':token': taskToken } },
          })
          .update(InboundMessageEntity.primary.key({ tenantId, messageId }), {
            update: { expression: 'SET resumeToken = :token', values: { ':token': taskToken } },
            condition: { expression: 'attribute_exists(pk) AND attribute_not_exists(resumeToken)' },
          }),
      );
      return conversation.awaiting;
    } catch (error) {
      if (error instanceof PreconditionFailedError) return undefined;
      throw error;
    }
  }

  async release(tenantId: string, ownerPhone: E164, requestId: string): Promise<void> {
    try {
      await this.table.write(undefined, (builder) =>
        builder.update(OwnerConversationEntity.primary.key({ tenantId, ownerPhone }), {
          update: { expression: 'REMOVE awaiting, activeRequestId' },
          condition: { expression: 'activeRequestId = :request', values: { ':request': requestId } },
        }),
      );
    } catch (error) {
      // Another request became active meanwhile (or nothing was active): nothing of ours to release.
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
  }

  async setPendingEntry(tenantId: string, ownerPhone: E164, entry: PendingLedgerEntry): Promise<void> {
    await this.setPending(tenantId, ownerPhone, 'pendingEntry', entry);
  }

  async setPendingChoice(tenantId: string, ownerPhone: E164, choice: PendingChoice): Promise<void> {
    await this.setPending(tenantId, ownerPhone, 'pendingChoice', choice);
  }

  async peekPendingChoice(tenantId: string, ownerPhone: E164, now: Date): Promise<PendingChoice | undefined> {
    const choice = (await this.getConversation(tenantId, ownerPhone))?.pendingChoice;
    return choice && Date.parse(choice.expiresAt) > now.getTime() ? choice : undefined;
  }

  async takePendingChoice(tenantId: string, ownerPhone: E164, messageId: string): Promise<boolean> {
    try {
      await this.table.write(undefined, (builder) =>
        builder.update(OwnerConversationEntity.primary.key({ tenantId, ownerPhone }), {
          update: { expression: 'REMOVE pendingChoice' },
          condition: { expression: 'pendingChoice.messageId = :id', values: { ':id': messageId } },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof PreconditionFailedError) return false;
      throw error;
    }
  }

  private async setPending(
    tenantId: string,
    ownerPhone: E164,
    attribute: 'pendingEntry' | 'pendingChoice',
    value: PendingLedgerEntry | PendingChoice,
  ): Promise<void> {
    await this.table.write(undefined, (builder) =>
      builder.update(OwnerConversationEntity.primary.key({ tenantId, ownerPhone }), {
        update: {
          expression: `SET ${attribute} = :value, tenantId = :tenant, ownerPhone = :phone, #entity = :entity, updatedAt = :now, #ttl = :ttl`,
          names: { '#entity': ENTITY_ATTRIBUTE, '#ttl': IRIS_TABLE.timeToLiveAttribute },
          values: {
            ':value': value,
            ':tenant': tenantId,
            ':phone': ownerPhone,
            ':entity': OwnerConversationEntity.name,
            ':now': new Date().toISOString(),
            ':ttl': epochSeconds(new Date(value.expiresAt)) + CONVERSATION_TTL_SECONDS,
          },
        },
      }),
    );
  }

  async takePendingEntry(
    tenantId: string,
    ownerPhone: E164,
    now: Date,
  ): Promise<PendingLedgerEntry | undefined> {
    const entry = (await this.getConversation(tenantId, ownerPhone))?.pendingEntry;
    if (!entry || Date.parse(entry.expiresAt) <= now.getTime()) return undefined;
    try {
      await this.table.write(undefined, (builder) =>
        builder.update(OwnerConversationEntity.primary.key({ tenantId, ownerPhone }), {
          update: { expression: 'REMOVE pendingEntry' },
          condition: { expression: 'pendingEntry.messageId = :id', values: { ':id': entry.messageId } },
        }),
      );
      return entry;
    } catch (error) {
      if (error instanceof PreconditionFailedError) return undefined;
      throw error;
    }
  }
}
