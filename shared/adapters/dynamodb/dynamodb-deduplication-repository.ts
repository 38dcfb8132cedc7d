import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { IRIS_TABLE } from '../../../infra/table/table-design';
import type { DeduplicationRepository } from '../../application/ports/deduplication-repository';
import { PreconditionFailedError } from '../../application/ports/persistence-errors';
import { InvalidInputError } from '../../domain/domain-error';
import { epochSeconds, toDedupeRecordItem } from './entities/dedupe-record';
import { TableAccess } from './table-access';

export class DynamoDbDeduplicationRepository implements DeduplicationRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  /** A conditional put; an expired record that TTL has not removed yet counts as absent. */
  async claim(
    tenantId: string,
    scope: string,
    key: string,
    options: { now: Date; ttlSeconds: number },
  ): Promise<boolean> {
    if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds <= 0) {
      throw new InvalidInputError(`ttlSeconds must be a positive integer: ${options.ttlSeconds}`);
    }
    const expiresAt = new Date(options.now.getTime() + options.ttlSeconds * 1000);
    try {
      await this.table.write(undefined, (builder) =>
        builder.put(toDedupeRecordItem({ tenantId, scope, key, createdAt: options.now, expiresAt }), {
          condition: {
            expression: 'attribute_not_exists(pk) OR #expiresAt <= :now',
            names: { '#expiresAt': IRIS_TABLE.timeToLiveAttribute },
            values: { ':now': epochSeconds(options.now) },
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
