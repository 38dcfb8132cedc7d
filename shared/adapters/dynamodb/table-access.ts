import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidCursorError } from '#application/ports/page';
import { PersistenceError } from '#application/ports/persistence-errors';
import type { TransactionContext } from '#application/ports/unit-of-work';
import { createDocumentClient } from './document-client';
import type { IndexKeyTemplate, PrimaryKey } from './keys/entity-keys';
import { IRIS_TABLE } from './table-design';
import { commitTransaction } from './transaction/commit-transaction';
import { asTransactionBuilder, TransactionBuilder } from './transaction/transaction-builder';

export type Item = Record<string, unknown>;

class AlreadyStoredError extends Error {
  override readonly name = 'AlreadyStoredError';
}

function decodeCursor(
  cursor: string,
  partitionAttribute: string,
  partition: string,
): Record<string, unknown> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const valid =
    typeof key === 'object' &&
    key !== null &&
    !Array.isArray(key) &&
    (key as Record<string, unknown>)[partitionAttribute] === partition &&
    Object.values(key).every((value) => typeof value === 'string');
  if (!valid) throw new InvalidCursorError();
  return key as Record<string, unknown>;
}

function keyCondition(query: PartitionQuery): {
  condition: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
} {
  const values: Record<string, unknown> = { ':partition': query.partition };
  const names: Record<string, string> = {
    '#partition': query.index?.partitionKeyAttribute ?? IRIS_TABLE.partitionKey,
  };
  let condition = '#partition = :partition';
  if (query.sortKeyBeginsWith !== undefined) {
    condition += ' AND begins_with(#sort, :prefix)';
    values[':prefix'] = query.sortKeyBeginsWith;
  } else if (query.sortKeyBetween) {
    condition += ' AND #sort BETWEEN :from AND :to';
    values[':from'] = query.sortKeyBetween[0];
    values[':to'] = query.sortKeyBetween[1];
  }
  if (condition.includes('#sort')) names['#sort'] = query.index?.sortKeyAttribute ?? IRIS_TABLE.sortKey;
  return { condition, names, values };
}

function projectionNames(query: PartitionQuery): Record<string, string> {
  return Object.fromEntries((query.attributes ?? []).map((name, at) => [`#a${at}`, name]));
}

function projection(query: PartitionQuery): { ProjectionExpression?: string } {
  return query.attributes
    ? { ProjectionExpression: query.attributes.map((_, at) => `#a${at}`).join(', ') }
    : {};
}

/** A key condition on a partition (of the table or of a GSI) with an optional sort-key restriction. */
export interface PartitionQuery {
  /** Omit for the table itself. */
  index?: IndexKeyTemplate<string, string>;
  partition: string;
  sortKeyBeginsWith?: string;
  /** Inclusive range on the sort key. */
  sortKeyBetween?: [string, string];
  newestFirst?: boolean;
  limit?: number;
  consistentRead?: boolean;
  /** Only these top-level attributes (ProjectionExpression); keys are not returned unless listed. */
  attributes?: readonly string[];
}

/**
 * What every DynamoDB repository shares: the table name, the document client, GetItem and paginated Query
 * (the only two reads allowed), and "stage into the caller's transaction or commit my own".
 * SDK errors are translated here; none leaves the adapter.
 */
export class TableAccess {
  readonly client: DynamoDBDocumentClient;

  constructor(
    readonly tableName: string,
    client?: DynamoDBDocumentClient,
  ) {
    this.client = client ?? createDocumentClient();
  }

  async get(key: PrimaryKey, options: { consistentRead?: boolean } = {}): Promise<Item | undefined> {
    try {
      const { Item } = await this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { pk: key.pk, sk: key.sk },
          ConsistentRead: options.consistentRead ?? false,
        }),
      );
      return Item;
    } catch (error) {
      throw new PersistenceError(`DynamoDB GetItem failed: ${key.pk} / ${key.sk}`, { cause: error });
    }
  }

  /** Reads the whole (or `limit`-bounded) result, following pagination. */
  async query(query: PartitionQuery): Promise<Item[]> {
    const { condition, names, values } = keyCondition(query);
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    try {
      do {
        const page = await this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            ...(query.index ? { IndexName: query.index.indexName } : {}),
            KeyConditionExpression: condition,
            ExpressionAttributeNames: { ...names, ...projectionNames(query) },
            ExpressionAttributeValues: values,
            ScanIndexForward: !query.newestFirst,
            ...projection(query),
            ...(query.consistentRead ? { ConsistentRead: true } : {}),
            ...(query.limit ? { Limit: query.limit - items.length } : {}),
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          }),
        );
        items.push(...(page.Items ?? []));
        startKey = page.LastEvaluatedKey;
      } while (startKey && (query.limit === undefined || items.length < query.limit));
    } catch (error) {
      throw new PersistenceError(
        `DynamoDB Query failed: ${query.index?.indexName ?? 'table'} ${query.partition}`,
        {
          cause: error,
        },
      );
    }
    return items;
  }

  /**
   * One page of a Query: at most `limit` items and an opaque cursor for the next page (the page's
   * LastEvaluatedKey, base64url JSON). A cursor is accepted only for the same partition, so a cursor
   * cannot reach another partition (another tenant's or another entity's items): `InvalidCursorError`.
   */
  async queryPage(
    query: PartitionQuery & { limit: number },
    cursor?: string,
  ): Promise<{ items: Item[]; nextCursor?: string }> {
    const partitionAttribute = query.index?.partitionKeyAttribute ?? IRIS_TABLE.partitionKey;
    const startKey =
      cursor === undefined ? undefined : decodeCursor(cursor, partitionAttribute, query.partition);
    const { condition, names, values } = keyCondition(query);
    try {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          ...(query.index ? { IndexName: query.index.indexName } : {}),
          KeyConditionExpression: condition,
          ExpressionAttributeNames: { ...names, ...projectionNames(query) },
          ExpressionAttributeValues: values,
          ScanIndexForward: !query.newestFirst,
          ...projection(query),
          Limit: query.limit,
          ...(query.consistentRead ? { ConsistentRead: true } : {}),
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      const next = page.LastEvaluatedKey;
      return {
        items: page.Items ?? [],
        ...(next ? { nextCursor: Buffer.from(JSON.stringify(next)).toString('base64url') } : {}),
      };
    } catch (error) {
      throw new PersistenceError(
        `DynamoDB Query failed: ${query.index?.indexName ?? 'table'} ${query.partition}`,
        {
          cause: error,
        },
      );
    }
  }

  /**
   * Writes `item` only if no item has its key: `duplicate` (and nothing written) when one has. The one write
   * of "store once" items keyed on a business id (webhook deliveries, provider events, audit activities).
   */
  async putIfAbsent(item: PrimaryKey & Item): Promise<'stored' | 'duplicate'> {
    try {
      await this.write(undefined, (builder) =>
        builder.put(item, {
          condition: { expression: 'attribute_not_exists(pk)' },
          onConditionFailed: () => new AlreadyStoredError(),
          onConflict: () => new AlreadyStoredError(),
        }),
      );
      return 'stored';
    } catch (error) {
      if (error instanceof AlreadyStoredError) return 'duplicate';
      throw error;
    }
  }

  /** Stages the writes into `tx` when given (the caller commits), otherwise commits them now, atomically. */
  async write(
    tx: TransactionContext | undefined,
    stage: (builder: TransactionBuilder) => void,
  ): Promise<void> {
    if (tx) {
      const builder = asTransactionBuilder(tx);
      if (builder.tableName !== this.tableName) {
        throw new PersistenceError(`transaction is for table ${builder.tableName}, not ${this.tableName}`);
      }
      stage(builder);
      return;
    }
    const builder = new TransactionBuilder(this.tableName);
    stage(builder);
    await commitTransaction(this.client, builder);
  }
}
