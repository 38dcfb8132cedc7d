import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ENTITY_ATTRIBUTE } from '#adapters/dynamodb/keys/entity-keys';
import type { RateDecision, RateLimiter } from '#application/ports/rate-limiter';
import { RateWindowEntity } from './entities/rate-window';
import type { TableAccess } from './table-access';

export interface FixedWindowLimit {
  /** Requests allowed per caller in one window. */
  requests: number;
  windowSeconds: number;
}

/**
 * A fixed-window counter per caller in the stack's table: one `UpdateItem` per request that adds 1 only while
 * the count is below the limit (a refused request writes nothing); the item expires by TTL after its window.
 * Refused: `Retry-After` is the time left in the window. Fixed windows allow a burst of up to twice the
 * limit across a window boundary; docs/decisions.md ("Team") says why that is acceptable here.
 */
export class DynamoDbRateLimiter implements RateLimiter {
  constructor(
    private readonly table: TableAccess,
    private readonly tenantId: string,
    private readonly limit: FixedWindowLimit,
  ) {}

  async take(callerKey: string, now: Date): Promise<RateDecision> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const windowStart = nowSeconds - (nowSeconds % this.limit.windowSeconds);
    const windowEnd = windowStart + this.limit.windowSeconds;
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: RateWindowEntity.primary.key({
            tenantId: this.tenantId,
            callerKey,
            windowStart: String(windowStart),
          }),
          UpdateExpression: 'SET #entity = :entity, expiresAt = :expiresAt ADD requestCount :one',
          ConditionExpression: 'attribute_not_exists(requestCount) OR requestCount < :limit',
          ExpressionAttributeNames: { '#entity': ENTITY_ATTRIBUTE },
          ExpressionAttributeValues: {
            ':entity': RateWindowEntity.name,
            ':expiresAt': windowEnd + 60,
            ':one': 1,
            ':limit': this.limit.requests,
          },
        }),
      );
      return { allowed: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return { allowed: false, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
    }
  }
}
