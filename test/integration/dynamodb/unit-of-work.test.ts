import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbContactRepository } from '#adapters/dynamodb/dynamodb-contact-repository';
import { ENTITY_ATTRIBUTE } from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import { commitTransaction } from '#adapters/dynamodb/transaction/commit-transaction';
import { DynamoDbUnitOfWork } from '#adapters/dynamodb/transaction/dynamodb-unit-of-work';
import {
  asTransactionBuilder,
  MAX_TRANSACTION_ITEMS,
  TransactionBuilder,
  TransactionTooLargeError,
} from '#adapters/dynamodb/transaction/transaction-builder';
import { DuplicateContactPhoneError } from '#application/ports/contact-repository';
import { PreconditionFailedError } from '#application/ports/persistence-errors';
import { aContact, rawItem, uniqueId, uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '#test/support/record-commands';

/** Stands in for the outbox adapter: another module adding its item to the same transaction. */
const outboxKey = key('T', attr('tenantId'), 'OUTBOX', attr('messageId'));
function outboxItem(tenantId: string, messageId: string) {
  return { pk: outboxKey.build({ tenantId, messageId }), sk: 'MESSAGE', [ENTITY_ATTRIBUTE]: 'OutboxMessage' };
}

describe('DynamoDbUnitOfWork and TransactionBuilder', () => {
  let table: TestTable;
  let unitOfWork: DynamoDbUnitOfWork;
  let contacts: DynamoDbContactRepository;
  let recorded: string[];

  beforeAll(async () => {
    table = await createTestTable();
    unitOfWork = new DynamoDbUnitOfWork(table.tableName, table.documentClient);
    contacts = new DynamoDbContactRepository(table.tableName, table.documentClient);
    recorded = recordCommands(table.client);
  });

  beforeEach(() => {
    recorded.length = 0;
  });

  afterAll(async () => {
    await table.drop();
  });

  it("commits a repository's writes and another module's item in one TransactWriteItems", async () => {
    const tenantId = uniqueTenantId();
    const contact = aContact(tenantId);
    const messageId = uniqueId('message');
    await unitOfWork.run(async (tx) => {
      await contacts.create(contact, tx);
      asTransactionBuilder(tx).put(outboxItem(tenantId, messageId), {
        condition: { expression: 'attribute_not_exists(pk)' },
      });
    });
    expect(recorded.filter((name) => name.startsWith('Transact'))).toEqual(['TransactWriteItemsCommand']);
    expect(await contacts.get(tenantId, contact.contactId)).toEqual(contact);
    expect(
      await rawItem(table.documentClient, table.tableName, outboxItem(tenantId, messageId)),
    ).toBeDefined();
    expectNoScan(recorded);
  });

  it('writes nothing at all when one item of the transaction fails its condition', async () => {
    const tenantId = uniqueTenantId();
    const first = aContact(tenantId);
    await contacts.create(first);
    const duplicate = aContact(tenantId);
    const messageId = uniqueId('message');
    await expect(
      unitOfWork.run(async (tx) => {
        asTransactionBuilder(tx).put(outboxItem(tenantId, messageId));
        await contacts.create(duplicate, tx);
      }),
    ).rejects.toBeInstanceOf(DuplicateContactPhoneError);
    expect(
      await rawItem(table.documentClient, table.tableName, outboxItem(tenantId, messageId)),
    ).toBeUndefined();
    expect(await contacts.get(tenantId, duplicate.contactId)).toBeUndefined();
  });

  it('writes nothing when the work throws before the commit', async () => {
    const tenantId = uniqueTenantId();
    const contact = aContact(tenantId);
    await expect(
      unitOfWork.run(async (tx) => {
        await contacts.create(contact, tx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await contacts.get(tenantId, contact.contactId)).toBeUndefined();
    expect(recorded).not.toContain('TransactWriteItemsCommand');
  });

  it('sends a one-item transaction as a single conditional write and maps its failure the same way', async () => {
    const builder = new TransactionBuilder(table.tableName);
    const item = outboxItem(uniqueTenantId(), uniqueId('message'));
    builder.put(item);
    await commitTransaction(table.documentClient, builder);
    expect(recorded).toEqual(['PutItemCommand']);
    const again = new TransactionBuilder(table.tableName).put(item, {
      condition: { expression: 'attribute_not_exists(pk)' },
    });
    await expect(commitTransaction(table.documentClient, again)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
  });

  it('commits the maximum of 100 items at once', async () => {
    const tenantId = uniqueTenantId();
    const builder = new TransactionBuilder(table.tableName);
    for (let i = 0; i < MAX_TRANSACTION_ITEMS; i++) builder.put(outboxItem(tenantId, `m${i}`));
    await commitTransaction(table.documentClient, builder.withIdempotencyToken(uniqueId('t').slice(0, 36)));
    expect(await rawItem(table.documentClient, table.tableName, outboxItem(tenantId, 'm99'))).toBeDefined();
  });

  it('refuses a 101st item and a second write to the same item before sending anything', () => {
    const builder = new TransactionBuilder(table.tableName);
    for (let i = 0; i < MAX_TRANSACTION_ITEMS; i++) builder.put(outboxItem('t', `m${i}`));
    expect(() => builder.put(outboxItem('t', 'one-too-many'))).toThrow(TransactionTooLargeError);
    const twice = new TransactionBuilder(table.tableName).put(outboxItem('t', 'x'));
    expect(() => twice.delete(outboxItem('t', 'x'))).toThrow(/only once/);
  });

  it('refuses a transaction context from elsewhere', () => {
    expect(() => asTransactionBuilder({ transactionContext: true })).toThrow(/not created by/);
  });
});
