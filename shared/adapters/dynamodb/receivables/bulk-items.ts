import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { KeyedItem } from '#adapters/dynamodb/keys/entity-keys';
import type { Item, TableAccess } from '#adapters/dynamodb/table-access';
import { PersistenceError } from '#application/ports/persistence-errors';

/** DynamoDB's limits per request. */
const WRITE_CHUNK = 25;
const READ_CHUNK = 100;
/** Requests in flight at once, per caller. */
const REQUESTS_IN_FLIGHT = 4;
/** Unprocessed items (throttling) are retried with backoff this many times before the caller's step fails. */
const MAX_UNPROCESSED_ROUNDS = 8;

/**
 * Bulk reads and writes of the import: BatchGetItem (100 keys a request, strongly consistent) and
 * BatchWriteItem (25 puts a request), a few requests in flight, unprocessed items retried with exponential
 * backoff and full jitter. Neither takes conditions: callers use them only where none is needed.
 */
export class BulkItems {
  constructor(private readonly table: TableAccess) {}

  async read(keys: readonly KeyedItem[], projection: string, names?: Record<string, string>) {
    const found = new Map<string, Item>();
    await inParallel(chunks(keys, READ_CHUNK), async (chunk) => {
      let pending: Record<string, unknown>[] = chunk;
      for (let round = 0; pending.length > 0; round += 1) {
        await pause(round, 'BatchGetItem');
        const answer = await this.send(
          () =>
            this.table.client.send(
              new BatchGetCommand({
                RequestItems: {
                  [this.table.tableName]: {
                    Keys: pending,
                    ConsistentRead: true,
                    ProjectionExpression: projection,
                    ...(names && { ExpressionAttributeNames: names }),
                  },
                },
              }),
            ),
          'BatchGetItem',
        );
        for (const item of answer.Responses?.[this.table.tableName] ?? []) found.set(itemId(item), item);
        pending = (answer.UnprocessedKeys?.[this.table.tableName]?.Keys ?? []) as Record<string, unknown>[];
      }
    });
    return found;
  }

  /** Puts every item (the last of two with one key wins: BatchWriteItem refuses both in one request). */
  async putAll(items: readonly KeyedItem[]): Promise<void> {
    const unique = [...new Map(items.map((item) => [itemId(item), item])).values()];
    await inParallel(chunks(unique, WRITE_CHUNK), async (chunk) => {
      let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let round = 0; pending.length > 0; round += 1) {
        await pause(round, 'BatchWriteItem');
        const answer = await this.send(
          () =>
            this.table.client.send(
              new BatchWriteCommand({ RequestItems: { [this.table.tableName]: pending } }),
            ),
          'BatchWriteItem',
        );
        pending = (answer.UnprocessedItems?.[this.table.tableName] ?? []) as typeof pending;
      }
    });
  }

  async send<T>(operation: () => Promise<T>, what: string): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw new PersistenceError(`DynamoDB ${what} failed`, { cause: error });
    }
  }
}

/** An item's identity in a batch: its table key. */
export function itemId(item: Record<string, unknown>): string {
  return `${String(item.pk)}\u0000${String(item.sk)}`;
}

export async function inParallel<T>(work: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < work.length) {
      const item = work[next++] as T;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(REQUESTS_IN_FLIGHT, work.length) }, worker));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let at = 0; at < items.length; at += size) result.push(items.slice(at, at + size));
  return result;
}

async function pause(round: number, what: string): Promise<void> {
  if (round === 0) return;
  if (round > MAX_UNPROCESSED_ROUNDS) throw new PersistenceError(`${what} kept throttling`);
  const ceiling = Math.min(1_000, 25 * 2 ** round);
  await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
