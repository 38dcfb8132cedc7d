import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  AgingImportBatchEntity,
  AgingImportPartEntity,
  contactItem,
  idKey,
  invoiceKeyOf,
  ReceivableAccountAgingEntity,
  ReceivableAccountEntity,
  ReceivableContactEntity,
  ReceivableInvoiceEntity,
  snapshotItem,
  snapshotKeyOf,
} from '#adapters/dynamodb/entities/receivables';
import { ENTITY_ATTRIBUTE, type KeyedItem } from '#adapters/dynamodb/keys/entity-keys';
import type { Item, TableAccess } from '#adapters/dynamodb/table-access';
import type {
  AgingBatchResult,
  AgingImportBatches,
  AgingImportTotals,
  DerivedAging,
} from '#application/ports/aging-import-batches';
import type { AgingImport, AgingSnapshot } from '#application/ports/receivables-repository';
import { AGING_BUCKETS, type AgingBuckets, addAging, EMPTY_AGING } from '#domain/collections/aging-buckets';
import type { AgingRow } from '#domain/collections/aging-row';
import { daysOverdue } from '#domain/collections/collection-email';
import { BulkItems, inParallel, itemId } from './bulk-items';

const OPEN = ReceivableInvoiceEntity.openByDueDate;
const PAGE_SIZE = 1_000;
type AccountPart = Omit<DerivedAging, 'agingAsOf'>;

/**
 * `AgingImportBatches` on the single table. Per batch: one strongly consistent read of its accounts and
 * contacts (new ones put in bulk, changed ones updated, unchanged ones left), the invoices and the day's new
 * snapshots put in bulk, and each account's part of the aging (sums of the snapshots the batch wrote or kept).
 * An invoice item holds only what the import writes (the account holds the collection state), so a put is the
 * same as the update it replaces. Snapshots are immutable: when another import of the same date came first
 * (`sameDayImports`), a snapshot is put only if the read found none (BatchWriteItem takes no conditions); one
 * import runs per tenant at a time (the claim's lock), so nothing can write it between the read and the put.
 */
export class DynamoDbAgingImportBatches implements AgingImportBatches {
  private readonly bulk: BulkItems;

  constructor(private readonly table: TableAccess) {
    this.bulk = new BulkItems(table);
  }

  async writeRows(
    tenantId: string,
    importRecord: Pick<AgingImport, 'importId' | 'asOf' | 'sameDayImports'>,
    rows: readonly AgingRow[],
    firstLine: number,
  ): Promise<{ snapshotsWritten: number; snapshotsKept: number }> {
    const { importId, asOf } = importRecord;
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
        lastSeenImportId: importId,
        ...(row.invoiceDate ? { invoiceDate: row.invoiceDate } : {}),
      });
      const snapshot: AgingSnapshot = {
        tenantId,
        clientId: row.clientId,
        invoiceNumber: row.invoiceNumber,
        asOf,
        importId,
        dueDate: row.dueDate,
        daysOverdue: daysOverdue(row.dueDate, asOf),
        outstandingCents: row.outstandingCents,
        aging: row.aging,
      };
      snapshots.set(itemId(snapshotKeyOf(snapshot)), snapshot);
    }
    await this.upsertAccounts(tenantId, importId, rows);
    const existing = importRecord.sameDayImports
      ? await this.bulk.read(
          [...snapshots.values()].map(snapshotKeyOf),
          'pk, sk, importId, clientId, aging, daysOverdue, outstandingCents',
        )
      : new Map<string, Item>();
    let kept = 0;
    const toWrite: KeyedItem[] = [];
    const parts = new Map<string, AccountPart>();
    for (const [id, snapshot] of snapshots) {
      const found = existing.get(id) as AgingSnapshot | undefined;
      if (!found) toWrite.push(snapshotItem(snapshot));
      else if (found.importId !== importId) kept += 1;
      addToPart(parts, found ?? snapshot);
    }
    const partItems = [...parts].map(([clientId, part]) => ({
      ...AgingImportPartEntity.primary.key({
        tenantId,
        importId,
        clientKey: idKey(clientId),
        firstLine: lineKey(firstLine),
      }),
      [ENTITY_ATTRIBUTE]: AgingImportPartEntity.name,
      clientId,
      ...part,
    }));
    await this.bulk.putAll([...invoices, ...toWrite, ...partItems]);
    return { snapshotsWritten: snapshots.size - kept, snapshotsKept: kept };
  }

  async recordBatch(tenantId: string, importId: string, result: AgingBatchResult): Promise<void> {
    const key = AgingImportBatchEntity.primary.key({
      tenantId,
      importId,
      firstLine: lineKey(result.firstLine),
    });
    await this.bulk.send(
      () =>
        this.table.client.send(
          new PutCommand({
            TableName: this.table.tableName,
            Item: { ...key, [ENTITY_ATTRIBUTE]: AgingImportBatchEntity.name, ...result },
          }),
        ),
      `PutItem batch ${result.firstLine} of ${importId}`,
    );
  }

  async totals(tenantId: string, importId: string): Promise<AgingImportTotals> {
    const totals: AgingImportTotals = {
      batches: 0,
      rowsImported: 0,
      snapshotsWritten: 0,
      snapshotsKept: 0,
      invoicesClosed: 0,
    };
    for (const prefix of ['BATCH#', 'CLOSED#']) {
      for await (const item of this.pages(tenantId, importId, prefix)) {
        if (prefix === 'CLOSED#') {
          totals.invoicesClosed += 1;
          continue;
        }
        totals.batches += 1;
        totals.rowsImported += Number(item.rowsImported);
        totals.snapshotsWritten += Number(item.snapshotsWritten);
        totals.snapshotsKept += Number(item.snapshotsKept);
      }
    }
    return totals;
  }

  async accountAgings(tenantId: string, importId: string): Promise<Map<string, AccountPart>> {
    const agings = new Map<string, AccountPart>();
    for await (const item of this.pages(tenantId, importId, 'PART#')) {
      const part = item as unknown as AccountPart & { clientId: string };
      const sum = agings.get(part.clientId);
      agings.set(part.clientId, {
        aging: addAging(sum?.aging ?? EMPTY_AGING, part.aging),
        maxDaysOverdue: Math.max(sum?.maxDaysOverdue ?? 0, part.maxDaysOverdue),
        openInvoices: (sum?.openInvoices ?? 0) + part.openInvoices,
      });
    }
    return agings;
  }

  async putAccountAgings(
    tenantId: string,
    agings: ReadonlyArray<{ clientId: string } & DerivedAging>,
  ): Promise<void> {
    await this.bulk.putAll(
      agings.map((derived) => ({
        ...ReceivableAccountAgingEntity.primary.key({ tenantId, clientKey: idKey(derived.clientId) }),
        [ENTITY_ATTRIBUTE]: ReceivableAccountAgingEntity.name,
        ...derived,
      })),
    );
  }

  /** The import partition's items under `prefix`, a page at a time (memory holds one page). */
  private async *pages(tenantId: string, importId: string, prefix: string): AsyncIterable<Item> {
    let cursor: string | undefined;
    do {
      const page = await this.table.queryPage(
        {
          partition: AgingImportBatchEntity.primary.pk.build({ tenantId, importId }),
          sortKeyBeginsWith: prefix,
          limit: PAGE_SIZE,
          consistentRead: true,
        },
        cursor,
      );
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor);
  }

  /**
   * One strongly consistent read of the batch's accounts and contacts; new ones are put in bulk (nothing else
   * creates them, and one import runs per tenant), changed ones updated field by field, unchanged ones left.
   */
  private async upsertAccounts(tenantId: string, importId: string, rows: readonly AgingRow[]): Promise<void> {
    const accounts = new Map<string, AgingRow>();
    const contacts = new Map<string, AgingRow>();
    for (const row of rows) {
      accounts.set(itemId(accountKey(tenantId, row)), row);
      contacts.set(itemId(contactKey(tenantId, row)), row);
    }
    const existing = await this.bulk.read(
      [
        ...[...accounts.values()].map((row) => accountKey(tenantId, row)),
        ...[...contacts.values()].map((row) => contactKey(tenantId, row)),
      ],
      'pk, sk, #name, firstName, lastName, phone, isBilling',
      { '#name': 'name' },
    );
    const created: KeyedItem[] = [];
    const changed: Array<UpdateCommand> = [];
    for (const [id, row] of accounts) {
      const found = existing.get(id);
      if (!found) created.push(accountItem(tenantId, importId, row));
      else if (found.name !== row.accountName) changed.push(this.renameAccount(tenantId, importId, row));
    }
    for (const [id, row] of contacts) {
      const found = existing.get(id);
      const { firstName, lastName, email, phone, isBilling } = row.contact;
      if (!found) {
        created.push(
          contactItem({
            tenantId,
            clientId: row.clientId,
            firstName,
            lastName,
            email,
            isBilling,
            ...(phone ? { phone } : {}),
          }),
        );
      } else if (contactChanged(found, row)) changed.push(this.updateContact(tenantId, row));
    }
    await this.bulk.putAll(created);
    await inParallel(changed, async (command) => {
      await this.bulk.send(() => this.table.client.send(command), 'UpdateItem (account or contact)');
    });
  }

  private renameAccount(tenantId: string, importId: string, row: AgingRow): UpdateCommand {
    return new UpdateCommand({
      TableName: this.table.tableName,
      Key: accountKey(tenantId, row),
      UpdateExpression: 'SET #name = :name, lastImportId = :importId',
      ExpressionAttributeNames: { '#name': 'name' },
      ExpressionAttributeValues: { ':name': row.accountName, ':importId': importId },
    });
  }

  private updateContact(tenantId: string, row: AgingRow): UpdateCommand {
    return new UpdateCommand({
      TableName: this.table.tableName,
      Key: contactKey(tenantId, row),
      UpdateExpression:
        'SET firstName = :first, lastName = :last, isBilling = :billing' +
        (row.contact.phone ? ', phone = :phone' : ' REMOVE phone'),
      ExpressionAttributeValues: {
        ':first': row.contact.firstName,
        ':last': row.contact.lastName,
        ':billing': row.contact.isBilling,
        ...(row.contact.phone ? { ':phone': row.contact.phone } : {}),
      },
    });
  }
}

function addToPart(parts: Map<string, AccountPart>, snapshot: AgingSnapshot): void {
  if (snapshot.outstandingCents <= 0) return;
  const part = parts.get(snapshot.clientId);
  parts.set(snapshot.clientId, {
    aging: addAging(part?.aging ?? EMPTY_AGING, pickBuckets(snapshot.aging)),
    maxDaysOverdue: Math.max(part?.maxDaysOverdue ?? 0, snapshot.daysOverdue),
    openInvoices: (part?.openInvoices ?? 0) + 1,
  });
}

function pickBuckets(aging: AgingBuckets): AgingBuckets {
  return Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket, Number(aging[bucket])])) as AgingBuckets;
}

function accountKey(tenantId: string, row: AgingRow): KeyedItem {
  return { ...ReceivableAccountEntity.primary.key({ tenantId, clientKey: idKey(row.clientId) }) };
}

function contactKey(tenantId: string, row: AgingRow): KeyedItem {
  return {
    ...ReceivableContactEntity.primary.key({
      tenantId,
      clientKey: idKey(row.clientId),
      email: row.contact.email,
    }),
  };
}

function accountItem(tenantId: string, importId: string, row: AgingRow): KeyedItem {
  return {
    ...accountKey(tenantId, row),
    [ENTITY_ATTRIBUTE]: ReceivableAccountEntity.name,
    tenantId,
    clientId: row.clientId,
    name: row.accountName,
    lastImportId: importId,
  };
}

function contactChanged(found: Item, row: AgingRow): boolean {
  return (
    found.firstName !== row.contact.firstName ||
    found.lastName !== row.contact.lastName ||
    found.isBilling !== row.contact.isBilling ||
    (found.phone ?? undefined) !== row.contact.phone
  );
}

/** Line numbers as fixed-width sort keys, so the import's batches list in file order. */
function lineKey(line: number): string {
  return String(line).padStart(9, '0');
}
