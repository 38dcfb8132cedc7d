import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENTITY_ATTRIBUTE } from '#adapters/dynamodb/keys/entity-keys';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { IRIS_TABLE } from '#adapters/dynamodb/table-design';
import { commitTransaction } from '#adapters/dynamodb/transaction/commit-transaction';
import { TransactionBuilder } from '#adapters/dynamodb/transaction/transaction-builder';
import {
  type CallbackStatus,
  type ClaimInput,
  type ClaimResult,
  type OutboxRepository,
  OutboxTransitionRejectedError,
  type RateCharge,
} from '#application/ports/outbox-repository';
import { ConcurrentModificationError, PreconditionFailedError } from '#application/ports/persistence-errors';
import type { TransactionContext } from '#application/ports/unit-of-work';
import type { OutboxMessage, OutboxStatus, SupersededReason } from '#domain/outbox-message';
import {
  fromOutboxItem,
  OutboxMessageEntity,
  ProviderMessageRefEntity,
  RateCounterEntity,
  toOutboxItem,
} from './outbox-entities';

const DAY_SECONDS = 86_400;
/** Status callbacks arrive within days; the lookup is kept a month. */
const PROVIDER_REF_TTL_SECONDS = 30 * DAY_SECONDS;
/** Rate counters outlive their day by two (DynamoDB deletes expired items lazily; readers never read them). */
const RATE_COUNTER_TTL_SECONDS = 3 * DAY_SECONDS;

/** Which statuses a callback may move an item out of: only forward (sent → delivered → read). */
const CALLBACK_ALLOWED_FROM: Record<CallbackStatus, OutboxStatus[]> = {
  sent: ['pending', 'sending'],
  delivered: ['pending', 'sending', 'sent'],
  read: ['pending', 'sending', 'sent', 'delivered'],
  failed: ['pending', 'sending', 'sent'],
};

class ClaimNotPossible extends Error {
  override readonly name = 'ClaimNotPossible';
}

class RateLimited extends Error {
  override readonly name = 'RateLimited';
  constructor(readonly scope: RateCharge['scope']) {
    super(`rate limit (${scope}) reached`);
  }
}

/** `OutboxRepository` on the IRIS single table (see `outbox-entities.ts` and docs/access-patterns.md). */
export class DynamoDbOutboxRepository implements OutboxRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async add(message: OutboxMessage, tx?: TransactionContext): Promise<void> {
    await this.table.write(tx, (builder) => {
      builder.put(toOutboxItem(message), { condition: { expression: 'attribute_not_exists(pk)' } });
    });
  }

  async putPending(message: OutboxMessage, tx?: TransactionContext): Promise<void> {
    await this.table.write(tx, (builder) => {
      builder.put(toOutboxItem(message), {
        condition: {
          expression: 'attribute_not_exists(pk) OR #status = :pending',
          names: { '#status': 'status' },
          values: { ':pending': 'pending' },
        },
        onConditionFailed: () => new ConcurrentModificationError('OutboxMessage', message.id),
      });
    });
  }

  async supersedePending(
    input: { tenantId: string; outboxId: string; reason: SupersededReason; at: Date },
    tx?: TransactionContext,
  ): Promise<void> {
    const at = input.at.toISOString();
    await this.table.write(tx, (builder) => {
      builder.update(
        OutboxMessageEntity.primary.key({ tenantId: input.tenantId, outboxId: input.outboxId }),
        {
          update: {
            expression:
              'SET #status = :superseded, supersededReason = :reason, supersededAt = :at, updatedAt = :at',
            names: { '#status': 'status' },
            values: { ':superseded': 'superseded', ':reason': input.reason, ':at': at },
          },
          condition: {
            expression: 'attribute_exists(pk) AND #status = :pending',
            names: { '#status': 'status' },
            values: { ':pending': 'pending' },
          },
          onConditionFailed: () => new ConcurrentModificationError('OutboxMessage', input.outboxId),
        },
      );
    });
  }

  async get(tenantId: string, outboxId: string): Promise<OutboxMessage | undefined> {
    const item = await this.table.get(OutboxMessageEntity.primary.key({ tenantId, outboxId }), {
      consistentRead: true,
    });
    return item ? fromOutboxItem(item) : undefined;
  }

  async claim(input: ClaimInput): Promise<ClaimResult> {
    const builder = new TransactionBuilder(this.table.tableName);
    const at = input.now.toISOString();
    builder.update(OutboxMessageEntity.primary.key({ tenantId: input.tenantId, outboxId: input.outboxId }), {
      update: {
        expression:
          'SET #status = :sending, claimedAt = :now, claimToken = :token, updatedAt = :now ADD attempts :one',
        names: { '#status': 'status' },
        values: { ':sending': 'sending', ':now': at, ':token': input.claimToken, ':one': 1 },
      },
      condition: {
        expression:
          'attribute_exists(pk) AND (#status = :pending OR (#status = :sending AND claimedAt < :staleBefore))',
        names: { '#status': 'status' },
        values: {
          ':pending': 'pending',
          ':sending': 'sending',
          ':staleBefore': input.staleBefore.toISOString(),
        },
      },
      onConditionFailed: () => new ClaimNotPossible(),
    });
    for (const charge of input.rateCharges ?? []) {
      stageRateCharge(builder, input, charge);
    }
    try {
      await commitTransaction(this.table.client, builder);
    } catch (error) {
      if (error instanceof ClaimNotPossible) return { claimed: false, reason: 'not_claimable' };
      if (error instanceof RateLimited) return { claimed: false, reason: 'rate_limited', scope: error.scope };
      throw error;
    }
    const message = await this.get(input.tenantId, input.outboxId);
    if (!message) throw new PreconditionFailedError(`outbox ${input.outboxId} vanished after its claim`);
    return { claimed: true, message };
  }

  async markSent(input: {
    tenantId: string;
    outboxId: string;
    providerMessageId: string;
    sentAs?: OutboxMessage['sentAs'];
    at: Date;
  }): Promise<{ recorded: boolean }> {
    const at = input.at.toISOString();
    const builder = new TransactionBuilder(this.table.tableName);
    builder.update(OutboxMessageEntity.primary.key({ tenantId: input.tenantId, outboxId: input.outboxId }), {
      update: {
        expression: `SET #status = :sent, providerMessageId = :providerId, sentAt = :at, updatedAt = :at${
          input.sentAs ? ', sentAs = :sentAs' : ''
        } REMOVE claimToken`,
        names: { '#status': 'status' },
        values: {
          ':sent': 'sent',
          ':providerId': input.providerMessageId,
          ':at': at,
          ...(input.sentAs ? { ':sentAs': input.sentAs } : {}),
        },
      },
      condition: {
        expression: 'attribute_exists(pk) AND #status IN (:pending, :sending)',
        names: { '#status': 'status' },
        values: { ':pending': 'pending', ':sending': 'sending' },
      },
      onConditionFailed: () => new ClaimNotPossible(),
    });
    builder.put({
      ...ProviderMessageRefEntity.primary.key({
        tenantId: input.tenantId,
        providerMessageId: input.providerMessageId,
      }),
      [ENTITY_ATTRIBUTE]: ProviderMessageRefEntity.name,
      outboxId: input.outboxId,
      [IRIS_TABLE.timeToLiveAttribute]: epochSeconds(input.at) + PROVIDER_REF_TTL_SECONDS,
    });
    try {
      await commitTransaction(this.table.client, builder);
      return { recorded: true };
    } catch (error) {
      if (error instanceof ClaimNotPossible) return { recorded: false };
      throw error;
    }
  }

  async release(input: {
    tenantId: string;
    outboxId: string;
    claimToken: string;
    error: string;
    at: Date;
  }): Promise<void> {
    try {
      await this.table.write(undefined, (builder) => {
        builder.update(
          OutboxMessageEntity.primary.key({ tenantId: input.tenantId, outboxId: input.outboxId }),
          {
            update: {
              expression: 'SET #status = :pending, lastError = :error, updatedAt = :at REMOVE claimToken',
              names: { '#status': 'status' },
              values: { ':pending': 'pending', ':error': input.error, ':at': input.at.toISOString() },
            },
            condition: heldBy(input.claimToken),
            onConditionFailed: () => new ClaimNotPossible(),
          },
        );
      });
    } catch (error) {
      // Someone else holds (or finished) the item now: nothing of ours to release.
      if (!(error instanceof ClaimNotPossible)) throw error;
    }
  }

  async markFailed(
    input: {
      tenantId: string;
      outboxId: string;
      claimToken: string;
      reason: string;
      error?: string;
      at: Date;
      outcomeReported?: boolean;
    },
    tx?: TransactionContext,
  ): Promise<void> {
    const at = input.at.toISOString();
    await this.table.write(tx, (builder) => {
      builder.update(
        OutboxMessageEntity.primary.key({ tenantId: input.tenantId, outboxId: input.outboxId }),
        {
          update: {
            expression: `SET #status = :failed, failureReason = :reason, failedAt = :at, updatedAt = :at${
              input.error ? ', lastError = :error' : ''
            }${input.outcomeReported ? ', outcomeReportedAt = if_not_exists(outcomeReportedAt, :at)' : ''} REMOVE claimToken`,
            names: { '#status': 'status' },
            values: {
              ':failed': 'failed',
              ':reason': input.reason,
              ':at': at,
              ...(input.error ? { ':error': input.error } : {}),
            },
          },
          condition: heldBy(input.claimToken),
          onConditionFailed: () => new OutboxTransitionRejectedError(input.outboxId, 'sending → failed'),
        },
      );
    });
  }

  async markSuperseded(
    input: { tenantId: string; outboxId: string; claimToken: string; reason: SupersededReason; at: Date },
    tx?: TransactionContext,
  ): Promise<void> {
    const at = input.at.toISOString();
    await this.table.write(tx, (builder) => {
      builder.update(
        OutboxMessageEntity.primary.key({ tenantId: input.tenantId, outboxId: input.outboxId }),
        {
          update: {
            expression:
              'SET #status = :superseded, supersededReason = :reason, supersededAt = :at, updatedAt = :at REMOVE claimToken',
            names: { '#status': 'status' },
            values: { ':superseded': 'superseded', ':reason': input.reason, ':at': at },
          },
          condition: heldBy(input.claimToken),
          onConditionFailed: () => new OutboxTransitionRejectedError(input.outboxId, 'sending → superseded'),
        },
      );
    });
  }

  async markOutcomeReported(
    input: { tenantId: string; outboxId: string; at: Date },
    tx?: TransactionContext,
  ): Promise<void> {
    await this.table.write(tx, (builder) => {
      builder.update(
        OutboxMessageEntity.primary.key({ tenantId: input.tenantId, outboxId: input.outboxId }),
        {
          update: { expression: 'SET outcomeReportedAt = :at', values: { ':at': input.at.toISOString() } },
          condition: { expression: 'attribute_exists(pk) AND attribute_not_exists(outcomeReportedAt)' },
          onConditionFailed: () => new OutboxTransitionRejectedError(input.outboxId, 'outcome reported'),
        },
      );
    });
  }

  async findByProviderMessageId(
    tenantId: string,
    providerMessageId: string,
  ): Promise<OutboxMessage | undefined> {
    const ref = await this.table.get(ProviderMessageRefEntity.primary.key({ tenantId, providerMessageId }));
    if (typeof ref?.outboxId !== 'string') return undefined;
    const message = await this.get(tenantId, ref.outboxId);
    return message?.providerMessageId === providerMessageId ? message : undefined;
  }

  async applyCallbackStatus(
    input: {
      tenantId: string;
      outboxId: string;
      status: CallbackStatus;
      at: Date;
      reason?: string;
      error?: string;
      outcomeReported?: boolean;
    },
    tx?: TransactionContext,
  ): Promise<void> {
    const allowed = CALLBACK_ALLOWED_FROM[input.status];
    const allowedValues = Object.fromEntries(allowed.map((status, index) => [`:from${index}`, status]));
    const sets = ['#status = :status', 'updatedAt = :at'];
    const values: Record<string, unknown> = { ':status': input.status, ':at': input.at.toISOString() };
    if (input.status === 'delivered') sets.push('deliveredAt = :at');
    if (input.status === 'read') sets.push('readAt = :at', 'deliveredAt = if_not_exists(deliveredAt, :at)');
    if (input.status === 'sent') sets.push('sentAt = if_not_exists(sentAt, :at)');
    if (input.outcomeReported) sets.push('outcomeReportedAt = if_not_exists(outcomeReportedAt, :at)');
    if (input.status === 'failed') {
      sets.push('failedAt = :at', 'failureReason = :reason');
      values[':reason'] = input.reason ?? 'provider_failed';
      if (input.error) {
        sets.push('lastError = :error');
        values[':error'] = input.error;
      }
    }
    await this.table.write(tx, (builder) => {
      builder.update(
        OutboxMessageEntity.primary.key({ tenantId: input.tenantId, outboxId: input.outboxId }),
        {
          update: { expression: `SET ${sets.join(', ')}`, names: { '#status': 'status' }, values },
          condition: {
            expression: `attribute_exists(pk) AND #status IN (${Object.keys(allowedValues).join(', ')})`,
            names: { '#status': 'status' },
            values: allowedValues,
          },
          onConditionFailed: () => new OutboxTransitionRejectedError(input.outboxId, `→ ${input.status}`),
        },
      );
    });
  }
}

function heldBy(claimToken: string) {
  return {
    expression: '#status = :sending AND claimToken = :token',
    names: { '#status': 'status' },
    values: { ':sending': 'sending', ':token': claimToken },
  };
}

/**
 * One daily counter: the set of outbox ids it counted. Adding an id already there is a no-op, so a retried
 * claim never counts twice; a new id is refused once the set is full.
 */
function stageRateCharge(builder: TransactionBuilder, input: ClaimInput, charge: RateCharge): void {
  // Key values may not hold '#': an e-mail address may, so recipients are percent-encoded.
  const subject = charge.scope === 'tenant' ? 'ALL' : encodeURIComponent(charge.recipient);
  builder.update(
    RateCounterEntity.primary.key({
      tenantId: input.tenantId,
      day: charge.day,
      scope: charge.scope.toUpperCase(),
      subject,
    }),
    {
      update: {
        expression: 'ADD outboxIds :ids SET #entity = :entity, expiresAt = if_not_exists(expiresAt, :ttl)',
        names: { '#entity': ENTITY_ATTRIBUTE },
        values: {
          ':ids': new Set([input.outboxId]),
          ':entity': RateCounterEntity.name,
          ':ttl': epochSeconds(input.now) + RATE_COUNTER_TTL_SECONDS,
        },
      },
      condition: {
        expression: 'attribute_not_exists(outboxIds) OR contains(outboxIds, :id) OR size(outboxIds) < :limit',
        values: { ':id': input.outboxId, ':limit': charge.limit },
      },
      onConditionFailed: () => new RateLimited(charge.scope),
    },
  );
}

function epochSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}
