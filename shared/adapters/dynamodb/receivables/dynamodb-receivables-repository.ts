import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  AgingImportClosureEntity,
  AgingImportEntity,
  AgingImportHashGuardEntity,
  AgingImportLockEntity,
  AgingSnapshotEntity,
  idKey,
  importItem,
  invoiceKeyOf,
  ReceivableAccountAgingEntity,
  ReceivableAccountEntity,
  ReceivableContactEntity,
  ReceivableInvoiceEntity,
} from '#adapters/dynamodb/entities/receivables';
import { ENTITY_ATTRIBUTE, withoutKeys } from '#adapters/dynamodb/keys/entity-keys';
import type { TableAccess } from '#adapters/dynamodb/table-access';
import { PersistenceError } from '#application/ports/persistence-errors';
import type {
  AgingImport,
  AgingSnapshot,
  ClaimImportResult,
  Page,
  ReceivableAccount,
  ReceivableContact,
  ReceivableInvoice,
  ReceivablesRepository,
} from '#application/ports/receivables-repository';
import type { CalendarDate } from '#domain/calendar-date';
import type { EmailAddressStatus } from '#domain/email-events';

const OPEN = ReceivableInvoiceEntity.openByDueDate;
/** Items per page of the import's closing and aging passes: memory stays flat whatever the portfolio's size. */
const PAGE_SIZE = 500;

/** `ReceivablesRepository` on the single table (keys: `entities/receivables.ts`; docs/access-patterns.md). */
export class DynamoDbReceivablesRepository implements ReceivablesRepository {
  constructor(private readonly table: TableAccess) {}

  async claimImport(record: AgingImport, lockUntil: string): Promise<ClaimImportResult> {
    const { tenantId, importId } = record;
    const guardKey = AgingImportHashGuardEntity.primary.key({ tenantId, sha256: record.contentSha256 });
    const lockKey = AgingImportLockEntity.primary.key({ tenantId });
    const mine = 'attribute_not_exists(pk) OR importId = :importId';
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table.tableName,
                Item: { ...guardKey, [ENTITY_ATTRIBUTE]: AgingImportHashGuardEntity.name, importId },
                ConditionExpression: mine,
                ExpressionAttributeValues: { ':importId': importId },
              },
            },
            {
              Put: {
                TableName: this.table.tableName,
                Item: { ...lockKey, [ENTITY_ATTRIBUTE]: AgingImportLockEntity.name, importId, lockUntil },
                ConditionExpression: `${mine} OR lockUntil < :now`,
                ExpressionAttributeValues: { ':importId': importId, ':now': record.startedAt },
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
    if (guard && guard.importId !== importId) {
      const previous = await this.getImport(tenantId, String(guard.importId));
      if (!previous) throw new PersistenceError(`import guard without its import: ${record.contentSha256}`);
      return { claimed: false, reason: 'duplicate', previous };
    }
    const lock = await this.table.get(lockKey, { consistentRead: true });
    return { claimed: false, reason: 'busy', runningImportId: String(lock?.importId ?? '') };
  }

  async releaseImport(
    record: Pick<AgingImport, 'tenantId' | 'importId' | 'contentSha256'>,
    forgetContent: boolean,
  ): Promise<void> {
    const heldByMe = (key: object) => ({
      Delete: {
        TableName: this.table.tableName,
        Key: key,
        ConditionExpression: 'attribute_not_exists(pk) OR importId = :importId',
        ExpressionAttributeValues: { ':importId': record.importId },
      },
    });
    const guardKey = AgingImportHashGuardEntity.primary.key({
      tenantId: record.tenantId,
      sha256: record.contentSha256,
    });
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            heldByMe(AgingImportLockEntity.primary.key({ tenantId: record.tenantId })),
            ...(forgetContent ? [heldByMe(guardKey)] : []),
          ],
        }),
      );
    } catch (error) {
      // Held by another import already (this one's lease ran out): nothing of ours to release.
      if (!isConditionFailure(error))
        throw new PersistenceError('could not release the import', { cause: error });
    }
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

  async openInvoicesPage(tenantId: string, cursor?: string): Promise<Page<ReceivableInvoice>> {
    const page = await this.table.queryPage(
      { index: OPEN, partition: OPEN.pk.build({ tenantId }), limit: PAGE_SIZE },
      cursor,
    );
    return { ...page, items: page.items.map((item) => withoutKeys(item) as unknown as ReceivableInvoice) };
  }

  async closeInvoice(invoice: ReceivableInvoice, importId: string): Promise<boolean> {
    const tableName = this.table.tableName;
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName,
                Key: invoiceKeyOf(invoice),
                UpdateExpression: 'SET #status = :closed, closedByImportId = :importId REMOVE #gpk, #gsk',
                ConditionExpression: '#status = :open AND lastSeenImportId <> :importId',
                ExpressionAttributeNames: {
                  '#status': 'status',
                  '#gpk': OPEN.partitionKeyAttribute,
                  '#gsk': OPEN.sortKeyAttribute,
                },
                ExpressionAttributeValues: { ':closed': 'closed', ':open': 'open', ':importId': importId },
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: {
                  ...AgingImportClosureEntity.primary.key({
                    tenantId: invoice.tenantId,
                    importId,
                    clientKey: idKey(invoice.clientId),
                    invoiceKey: idKey(invoice.invoiceNumber),
                  }),
                  [ENTITY_ATTRIBUTE]: AgingImportClosureEntity.name,
                  clientId: invoice.clientId,
                  invoiceNumber: invoice.invoiceNumber,
                  outstandingCents: invoice.outstandingCents,
                },
              },
            },
          ],
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

  /** The accounts with their derived aging (the aging items share the accounts' partition: one Query). */
  async listAccounts(tenantId: string): Promise<ReceivableAccount[]> {
    const items = await this.table.query({
      partition: ReceivableAccountEntity.primary.pk.build({ tenantId }),
    });
    const agings = new Map<string, Record<string, unknown>>();
    for (const item of items) {
      if (item[ENTITY_ATTRIBUTE] === ReceivableAccountAgingEntity.name)
        agings.set(String(item.clientId), item);
    }
    return items
      .filter((item) => item[ENTITY_ATTRIBUTE] === ReceivableAccountEntity.name)
      .map((item) => {
        const aging = agings.get(String(item.clientId));
        const derived = aging
          ? {
              agingAsOf: aging.agingAsOf,
              aging: aging.aging,
              maxDaysOverdue: aging.maxDaysOverdue,
              openInvoices: aging.openInvoices,
            }
          : {};
        return { ...withoutKeys(item), ...derived } as unknown as ReceivableAccount;
      });
  }

  async accountsPage(tenantId: string, cursor?: string): Promise<Page<ReceivableAccount>> {
    const page = await this.table.queryPage(
      {
        partition: ReceivableAccountEntity.primary.pk.build({ tenantId }),
        sortKeyBeginsWith: 'ACCOUNT#',
        limit: PAGE_SIZE,
      },
      cursor,
    );
    return { ...page, items: page.items.map((item) => withoutKeys(item) as unknown as ReceivableAccount) };
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
