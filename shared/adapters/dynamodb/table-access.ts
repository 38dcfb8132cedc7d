import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
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
    const partitionAttribute = query.index?.partitionKeyAttribute ?? IRIS_TABLE.partitionKey;
    const sortAttribute = query.index?.sortKeyAttribute ?? IRIS_TABLE.sortKey;
    const values: Record<string, unknown> = { ':partition': query.partition };
    let condition = '#partition = :partition';
    if (query.sortKeyBeginsWith !== undefined) {
      condition += ' AND begins_with(#sort, :prefix)';
      values[':prefix'] = query.sortKeyBeginsWith;
    } else if (query.sortKeyBetween) {
      condition += ' AND #sort BETWEEN :from AND :to';
      values[':from'] = query.sortKeyBetween[0];
      values[':to'] = query.sortKeyBetween[1];
    }
    const usesSort = condition.includes('#sort');
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    try {
      do {
        const page = await this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            ...(query.index ? { IndexName: query.index.indexName } : {}),
            KeyConditionExpression: condition,
            ExpressionAttributeNames: {
              '#partition': partitionAttribute,
              ...(usesSort ? { '#sort': sortAttribute } : {}),
            },
            ExpressionAttributeValues: values,
            ScanIndexForward: !query.newestFirst,
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
