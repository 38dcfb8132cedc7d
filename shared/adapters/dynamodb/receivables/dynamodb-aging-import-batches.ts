import { BatchGetCommand, BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  AgingImportBatchEntity,
  AgingSnapshotEntity,
  idKey,
  invoiceKeyOf,
  ReceivableInvoiceEntity,
  snapshotItem,
} from '#adapters/dynamodb/entities/receivables';
import { ENTITY_ATTRIBUTE, type KeyedItem } from '#adapters/dynamodb/keys/entity-keys';
import type { Item, TableAccess } from '#adapters/dynamodb/table-access';
import type {
  AgingBatchResult,
  AgingImportBatches,
  AgingImportTotals,
} from '#application/ports/aging-import-batches';
import { PersistenceError } from '#application/ports/persistence-errors';
import type { AgingImport, AgingSnapshot } from '#application/ports/receivables-repository';
import type { AgingRow } from '#domain/collections/aging-row';
import { daysOverdue } from '#domain/collections/collection-email';

const OPEN = ReceivableInvoiceEntity.openByDueDate;
/** DynamoDB's limits per request. */
const WRITE_CHUNK = 25;
const READ_CHUNK = 100;
/** Unprocessed items (throttling) are retried with backoff this many times before the batch fails (and is retried). */
const MAX_UNPROCESSED_ROUNDS = 8;

/**
 * `AgingImportBatches` on the single table: BatchGetItem for the day's existing snapshots, BatchWriteItem
 * (25 puts a request, unprocessed items retried with exponential backoff and jitter) for invoices and new
 * snapshots. An invoice item holds only what the import writes (the account holds the collection state), so
 * a put is the same as the update it replaces. Snapshots are immutable: a snapshot is put only if a strongly
 * consistent read found none (BatchWriteItem takes no conditions); one import runs per tenant at a time (the
 * claim's lock), so no other import can write the same snapshot between the read and the put.
 */
export class DynamoDbAgingImportBatches implements AgingImportBatches {
  constructor(private readonly table: TableAccess) {}

  async writeRows(
    tenantId: string,
    importRecord: Pick<AgingImport, 'importId' | 'asOf'>,
    rows: readonly AgingRow[],
  ): Promise<{ snapshotsWritten: number; snapshotsKept: number }> {
    const snapshots = new Map<string, AgingSnapshot>();
    const invoices: KeyedItem[] = [];
    for (const row of rows) {
      const clientKey = idKey(row.clientId);
      const invoiceKey = idKey(row.invoiceNumber);
      invoices.push({
        ...invoiceKeyOf({ tenantId, clientId: row.clientId, invoiceNumber: row.invoiceNumber }),
        ...OPEN.attributes({ tenantId, dueDate: row.dueDate, clientKey, invoiceKey }),
        [ENTITY_ATTRIBUTE]: ReceivableInvoiceEntity.name,
        tenantId,
        clientId: row.clientId,
        invoiceNumber: row.invoiceNumber,
        dueDate: row.dueDate,
        invoiceAmountCents: row.invoiceAmountCents,
        outstandingCents: row.outstandingCents,
        status: 'open',
        lastSeenImportId: importRecord.importId,
        ...(row.invoiceDate ? { invoiceDate: row.invoiceDate } : {}),
      });
      const snapshot: AgingSnapshot = {
        tenantId,
        clientId: row.clientId,
        invoiceNumber: row.invoiceNumber,
        asOf: importRecord.asOf,
        importId: importRecord.importId,
        dueDate: row.dueDate,
        daysOverdue: daysOverdue(row.dueDate, importRecord.asOf),
        outstandingCents: row.outstandingCents,
        aging: row.aging,
      };
      snapshots.set(keyOf(snapshotKey(snapshot)), snapshot);
    }
    const existing = await this.existingSnapshots([...snapshots.values()].map(snapshotKey));
    let kept = 0;
    const toWrite: KeyedItem[] = [];
    for (const [id, snapshot] of snapshots) {
      const found = existing.get(id);
      if (!found) toWrite.push(snapshotItem(snapshot));
      else if (found.importId !== importRecord.importId) kept += 1;
    }
    await this.putAll([...dedupeByKey(invoices), ...toWrite]);
    return { snapshotsWritten: snapshots.size - kept, snapshotsKept: kept };
  }

  async recordBatch(tenantId: string, importId: string, result: AgingBatchResult): Promise<void> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...AgingImportBatchEntity.primary.key({
              tenantId,
              importId,
              firstLine: lineKey(result.firstLine),
            }),
            [ENTITY_ATTRIBUTE]: AgingImportBatchEntity.name,
            ...result,
          },
        }),
      );
    } catch (error) {
      throw new PersistenceError(`could not record batch ${result.firstLine} of ${importId}`, {
        cause: error,
      });
    }
  }

  async totals(tenantId: string, importId: string): Promise<AgingImportTotals> {
    const items = await this.table.query({
      partition: AgingImportBatchEntity.primary.pk.build({ tenantId, importId }),
      consistentRead: true,
      attributes: ['sk', 'rowsImported', 'snapshotsWritten', 'snapshotsKept'],
    });
    const totals: AgingImportTotals = {
      batches: 0,
      rowsImported: 0,
      snapshotsWritten: 0,
      snapshotsKept: 0,
      invoicesClosed: 0,
    };
    for (const item of items) {
      if (String(item.sk).startsWith('CLOSED#')) {
        totals.invoicesClosed += 1;
        continue;
      }
      totals.batches += 1;
      totals.rowsImported += Number(item.rowsImported);
      totals.snapshotsWritten += Number(item.snapshotsWritten);
      totals.snapshotsKept += Number(item.snapshotsKept);
    }
    return totals;
  }

  private async existingSnapshots(keys: KeyedItem[]): Promise<Map<string, Item>> {
    const found = new Map<string, Item>();
    for (let at = 0; at < keys.length; at += READ_CHUNK) {
      let pending: Record<string, unknown>[] = keys.slice(at, at + READ_CHUNK);
      for (let round = 0; pending.length > 0; round += 1) {
        if (round > MAX_UNPROCESSED_ROUNDS) throw new PersistenceError('BatchGetItem kept throttling');
        if (round > 0) await backoff(round);
        const answer = await this.send(
          () =>
            this.table.client.send(
              new BatchGetCommand({
                RequestItems: {
                  [this.table.tableName]: {
                    Keys: pending,
                    ConsistentRead: true,
                    ProjectionExpression: 'pk, sk, importId',
                  },
                },
              }),
            ),
          'BatchGetItem',
        );
        for (const item of answer.Responses?.[this.table.tableName] ?? []) found.set(keyOf(item), item);
        pending = (answer.UnprocessedKeys?.[this.table.tableName]?.Keys ?? []) as Record<string, unknown>[];
      }
    }
    return found;
  }

  private async putAll(items: KeyedItem[]): Promise<void> {
    for (let at = 0; at < items.length; at += WRITE_CHUNK) {
      let pending = items.slice(at, at + WRITE_CHUNK).map((Item) => ({ PutRequest: { Item } }));
      for (let round = 0; pending.length > 0; round += 1) {
        if (round > MAX_UNPROCESSED_ROUNDS) throw new PersistenceError('BatchWriteItem kept throttling');
        if (round > 0) await backoff(round);
        const answer = await this.send(
          () =>
            this.table.client.send(
              new BatchWriteCommand({ RequestItems: { [this.table.tableName]: pending } }),
            ),
          'BatchWriteItem',
        );
        pending = (answer.UnprocessedItems?.[this.table.tableName] ?? []) as typeof pending;
      }
    }
  }

  private async send<T>(operation: () => Promise<T>, what: string): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw new PersistenceError(`DynamoDB ${what} failed`, { cause: error });
    }
  }
}

function snapshotKey(snapshot: AgingSnapshot): KeyedItem {
  return {
    ...AgingSnapshotEntity.primary.key({
      tenantId: snapshot.tenantId,
      clientKey: idKey(snapshot.clientId),
      asOf: snapshot.asOf,
      invoiceKey: idKey(snapshot.invoiceNumber),
    }),
  };
}

function keyOf(item: Record<string, unknown>): string {
  return `${String(item.pk)}\u0000${String(item.sk)}`;
}

/** A file naming one invoice twice: the last row wins (BatchWriteItem refuses two puts of one key). */
function dedupeByKey(items: KeyedItem[]): KeyedItem[] {
  return [...new Map(items.map((item) => [keyOf(item), item])).values()];
}

/** Line numbers as fixed-width sort keys, so the import's batches list in file order. */
function lineKey(line: number): string {
  return String(line).padStart(9, '0');
}

function backoff(round: number): Promise<void> {
  const ceiling = Math.min(1_000, 25 * 2 ** round);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
