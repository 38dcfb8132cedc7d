import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  AgingImportEntity,
  AgingImportHashGuardEntity,
  AgingSnapshotEntity,
  idKey,
  importItem,
  invoiceKeyOf,
  ReceivableAccountEntity,
  ReceivableContactEntity,
  ReceivableInvoiceEntity,
  snapshotItem,
} from '#adapters/dynamodb/entities/receivables';
import { ENTITY_ATTRIBUTE, withoutKeys } from '#adapters/dynamodb/keys/entity-keys';
import type { TableAccess } from '#adapters/dynamodb/table-access';
import { PersistenceError } from '#application/ports/persistence-errors';
import type {
  AgingImport,
  AgingSnapshot,
  ClaimImportResult,
  ReceivableAccount,
  ReceivableContact,
  ReceivableInvoice,
  ReceivablesRepository,
} from '#application/ports/receivables-repository';
import type { CalendarDate } from '#domain/calendar-date';
import type { AgingRow } from '#domain/collections/aging-row';
import { daysOverdue } from '#domain/collections/collection-email';
import type { EmailAddressStatus } from '#domain/email-events';

const OPEN = ReceivableInvoiceEntity.openByDueDate;

/** `ReceivablesRepository` on the single table (keys: `entities/receivables.ts`; docs/access-patterns.md). */
export class DynamoDbReceivablesRepository implements ReceivablesRepository {
  constructor(private readonly table: TableAccess) {}

  async claimImport(record: AgingImport): Promise<ClaimImportResult> {
    const guardKey = AgingImportHashGuardEntity.primary.key({
      tenantId: record.tenantId,
      sha256: record.contentSha256,
    });
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table.tableName,
                Item: {
                  ...guardKey,
                  [ENTITY_ATTRIBUTE]: AgingImportHashGuardEntity.name,
                  importId: record.importId,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: this.table.tableName, Item: importItem(record) } },
          ],
        }),
      );
      return { claimed: true };
    } catch (error) {
      if (!isConditionFailure(error))
        throw new PersistenceError('could not record the import', { cause: error });
    }
    const guard = await this.table.get(guardKey, { consistentRead: true });
    const previous = guard ? await this.getImport(record.tenantId, String(guard.importId)) : undefined;
    if (!previous) throw new PersistenceError(`import guard without its import: ${record.contentSha256}`);
    return { claimed: false, previous };
  }

  async saveImport(record: AgingImport): Promise<void> {
    await this.send(
      () => this.table.client.send(putCommand(this.table.tableName, importItem(record))),
      'import',
    );
  }

  async getImport(tenantId: string, importId: string): Promise<AgingImport | undefined> {
    const item = await this.table.get(AgingImportEntity.primary.key({ tenantId, importId }), {
      consistentRead: true,
    });
    return item ? (withoutKeys(item) as unknown as AgingImport) : undefined;
  }

  async listImports(tenantId: string): Promise<AgingImport[]> {
    const items = await this.table.query({
      partition: AgingImportEntity.primary.pk.build({ tenantId }),
      sortKeyBeginsWith: 'IMPORT#',
      newestFirst: true,
    });
    return items.map((item) => withoutKeys(item) as unknown as AgingImport);
  }

  async upsertAccount(tenantId: string, importId: string, row: AgingRow): Promise<void> {
    const clientKey = idKey(row.clientId);
    const tableName = this.table.tableName;
    const account = this.table.client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: ReceivableAccountEntity.primary.key({ tenantId, clientKey }),
        UpdateExpression:
          'SET #entity = :entity, tenantId = :tenantId, clientId = :clientId, #name = :name, lastImportId = :importId',
        ExpressionAttributeNames: { '#entity': ENTITY_ATTRIBUTE, '#name': 'name' },
        ExpressionAttributeValues: {
          ':entity': ReceivableAccountEntity.name,
          ':tenantId': tenantId,
          ':clientId': row.clientId,
          ':name': row.accountName,
          ':importId': importId,
        },
      }),
    );
    const byEmail = ReceivableContactEntity.byEmail;
    const emailIndex = byEmail.attributes({ tenantId, email: row.contact.email, clientKey });
    // `emailStatus` is never written here: a bounce or complaint recorded earlier stays (SES events set it).
    const contact = this.table.client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: ReceivableContactEntity.primary.key({ tenantId, clientKey, email: row.contact.email }),
        UpdateExpression:
          'SET #entity = :entity, tenantId = :tenantId, clientId = :clientId, email = :email, firstName = :first, lastName = :last, isBilling = :billing, #epk = :epk, #esk = :esk' +
          (row.contact.phone ? ', phone = :phone' : ''),
        ExpressionAttributeNames: {
          '#entity': ENTITY_ATTRIBUTE,
          '#epk': byEmail.partitionKeyAttribute,
          '#esk': byEmail.sortKeyAttribute,
        },
        ExpressionAttributeValues: {
          ':entity': ReceivableContactEntity.name,
          ':tenantId': tenantId,
          ':clientId': row.clientId,
          ':email': row.contact.email,
          ':first': row.contact.firstName,
          ':last': row.contact.lastName,
          ':billing': row.contact.isBilling,
          ':epk': emailIndex[byEmail.partitionKeyAttribute],
          ':esk': emailIndex[byEmail.sortKeyAttribute],
          ...(row.contact.phone ? { ':phone': row.contact.phone } : {}),
        },
      }),
    );
    await this.send(() => Promise.all([account, contact]), `account ${row.clientId}`);
  }

  async applyRow(
    tenantId: string,
    importRecord: Pick<AgingImport, 'importId' | 'asOf'>,
    row: AgingRow,
  ): Promise<{ snapshot: 'written' | 'kept' }> {
    const clientKey = idKey(row.clientId);
    const invoiceKey = idKey(row.invoiceNumber);
    const tableName = this.table.tableName;
    const open = OPEN.attributes({ tenantId, dueDate: row.dueDate, clientKey, invoiceKey });
    const invoice = this.table.client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: invoiceKeyOf({ tenantId, clientId: row.clientId, invoiceNumber: row.invoiceNumber }),
        UpdateExpression:
          'SET #entity = :entity, tenantId = :tenantId, clientId = :clientId, invoiceNumber = :number, dueDate = :due, invoiceAmountCents = :amount, outstandingCents = :outstanding, #status = :open, lastSeenImportId = :importId, #gpk = :gpk, #gsk = :gsk' +
          (row.invoiceDate ? ', invoiceDate = :invoiceDate' : '') +
          ' REMOVE closedByImportId',
        ExpressionAttributeNames: {
          '#entity': ENTITY_ATTRIBUTE,
          '#status': 'status',
          '#gpk': OPEN.partitionKeyAttribute,
          '#gsk': OPEN.sortKeyAttribute,
        },
        ExpressionAttributeValues: {
          ':entity': ReceivableInvoiceEntity.name,
          ':tenantId': tenantId,
          ':clientId': row.clientId,
          ':number': row.invoiceNumber,
          ':due': row.dueDate,
          ':amount': row.invoiceAmountCents,
          ':outstanding': row.outstandingCents,
          ':open': 'open',
          ':importId': importRecord.importId,
          ':gpk': open[OPEN.partitionKeyAttribute],
          ':gsk': open[OPEN.sortKeyAttribute],
          ...(row.invoiceDate ? { ':invoiceDate': row.invoiceDate } : {}),
        },
      }),
    );
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
    const snapshotWrite = this.table.client
      .send(putCommand(tableName, snapshotItem(snapshot), 'attribute_not_exists(pk)'))
      .then(
        () => 'written' as const,
        (error: unknown) => {
          if (isConditionFailure(error)) return 'kept' as const;
          throw error;
        },
      );
    const [, written] = await this.send(
      () => Promise.all([invoice, snapshotWrite]),
      `row ${row.clientId}/${row.invoiceNumber}`,
    );
    return { snapshot: written };
  }

  async markInvoiceSeen(tenantId: string, clientId: string, invoiceNumber: string, importId: string) {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: invoiceKeyOf({ tenantId, clientId, invoiceNumber }),
          UpdateExpression: 'SET lastSeenImportId = :importId',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':importId': importId },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error))
        throw new PersistenceError('could not mark an invoice seen', { cause: error });
    }
  }

  async openInvoices(tenantId: string): Promise<ReceivableInvoice[]> {
    const items = await this.table.query({ index: OPEN, partition: OPEN.pk.build({ tenantId }) });
    return items.map((item) => withoutKeys(item) as unknown as ReceivableInvoice);
  }

  async closeInvoice(invoice: ReceivableInvoice, importId: string): Promise<boolean> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: invoiceKeyOf(invoice),
          UpdateExpression: 'SET #status = :closed, closedByImportId = :importId REMOVE #gpk, #gsk',
          ConditionExpression: '#status = :open AND lastSeenImportId <> :importId',
          ExpressionAttributeNames: {
            '#status': 'status',
            '#gpk': OPEN.partitionKeyAttribute,
            '#gsk': OPEN.sortKeyAttribute,
          },
          ExpressionAttributeValues: { ':closed': 'closed', ':open': 'open', ':importId': importId },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw new PersistenceError('could not close an invoice', { cause: error });
    }
  }

  async snapshotsOf(tenantId: string, clientId: string, asOf: CalendarDate): Promise<AgingSnapshot[]> {
    const items = await this.table.query({
      partition: AgingSnapshotEntity.primary.pk.build({ tenantId, clientKey: idKey(clientId) }),
      sortKeyBeginsWith: AgingSnapshotEntity.primary.sk.prefix({ asOf }),
    });
    return items.map((item) => withoutKeys(item) as unknown as AgingSnapshot);
  }

  async setAccountAging(
    account: Pick<ReceivableAccount, 'tenantId' | 'clientId'>,
    derived: Required<Pick<ReceivableAccount, 'agingAsOf' | 'aging' | 'maxDaysOverdue' | 'openInvoices'>>,
  ): Promise<void> {
    await this.send(
      () =>
        this.table.client.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: ReceivableAccountEntity.primary.key({
              tenantId: account.tenantId,
              clientKey: idKey(account.clientId),
            }),
            UpdateExpression:
              'SET agingAsOf = :asOf, aging = :aging, maxDaysOverdue = :max, openInvoices = :open',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: {
              ':asOf': derived.agingAsOf,
              ':aging': derived.aging,
              ':max': derived.maxDaysOverdue,
              ':open': derived.openInvoices,
            },
          }),
        ),
      `account ${account.clientId}`,
    );
  }

  async listAccounts(tenantId: string): Promise<ReceivableAccount[]> {
    const items = await this.table.query({
      partition: ReceivableAccountEntity.primary.pk.build({ tenantId }),
      sortKeyBeginsWith: 'ACCOUNT#',
    });
    return items.map((item) => withoutKeys(item) as unknown as ReceivableAccount);
  }

  async contactsOf(tenantId: string, clientId: string): Promise<ReceivableContact[]> {
    const items = await this.table.query({
      partition: ReceivableContactEntity.primary.pk.build({ tenantId, clientKey: idKey(clientId) }),
      sortKeyBeginsWith: 'CONTACT#',
    });
    return items.map((item) => withoutKeys(item) as unknown as ReceivableContact);
  }

  async contactsWithEmail(tenantId: string, email: string): Promise<ReceivableContact[]> {
    const byEmail = ReceivableContactEntity.byEmail;
    const items = await this.table.query({
      index: byEmail,
      partition: byEmail.pk.build({ tenantId, email }),
    });
    return items.map((item) => withoutKeys(item) as unknown as ReceivableContact);
  }

  async setContactEmailStatus(
    contact: Pick<ReceivableContact, 'tenantId' | 'clientId' | 'email'>,
    status: EmailAddressStatus,
  ): Promise<void> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: ReceivableContactEntity.primary.key({
            tenantId: contact.tenantId,
            clientKey: idKey(contact.clientId),
            email: contact.email,
          }),
          UpdateExpression: 'SET emailStatus = :status',
          // Never downgrade: `suppressed` (a complaint) stays even if a later bounce says `invalid`.
          ConditionExpression:
            'attribute_exists(pk) AND (attribute_not_exists(emailStatus) OR (emailStatus <> :status AND emailStatus <> :suppressed))',
          ExpressionAttributeValues: { ':status': status, ':suppressed': 'suppressed' },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error))
        throw new PersistenceError('could not set a contact e-mail status', { cause: error });
    }
  }

  private async send<T>(operation: () => Promise<T>, what: string): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof PersistenceError) throw error;
      throw new PersistenceError(`DynamoDB write failed: ${what}`, { cause: error });
    }
  }
}

function putCommand(tableName: string, item: Record<string, unknown>, condition?: string) {
  return new PutCommand({
    TableName: tableName,
    Item: item,
    ...(condition ? { ConditionExpression: condition } : {}),
  });
}

function isConditionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'ConditionalCheckFailedException') return true;
  if (error.name === 'TransactionCanceledException') {
    const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
    return reasons.some((reason) => reason.Code === 'ConditionalCheckFailed');
  }
  return false;
}
