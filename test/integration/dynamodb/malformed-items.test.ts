import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoletoEntity } from '#adapters/dynamodb/entities/boleto';
import { ContactEntity } from '#adapters/dynamodb/entities/contact';
import { MalformedItemError } from '#adapters/dynamodb/keys/item-schema';
import {
  DynamoDbPayerThreadRepository,
  PayerThreadEntity,
} from '#adapters/dynamodb/payers/dynamodb-payer-thread-repository';
import { createTableRepositories, type TableRepositories } from '#adapters/dynamodb/table-repositories';
import { aContact, uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';

/** An item someone wrote by hand (a console edit, an old writer) reads as an error naming its key. */
describe('items read from DynamoDB are parsed at the repository boundary', () => {
  let table: TestTable;
  let repositories: TableRepositories;

  beforeAll(async () => {
    table = await createTestTable('iris-malformed');
    repositories = createTableRepositories(table.tableName, table.documentClient);
  });
  afterAll(() => table.drop());

  it('reads a well-formed contact as written', async () => {
    const tenantId = uniqueTenantId();
    const contact = aContact(tenantId);
    await repositories.contacts.create(contact);
    expect(await repositories.contacts.get(tenantId, contact.contactId)).toEqual(contact);
  });

  it('refuses a contact whose phone was overwritten with a non-E.164 value, naming the item key', async () => {
    const tenantId = uniqueTenantId();
    const contact = aContact(tenantId);
    await repositories.contacts.create(contact);
    const key = ContactEntity.primary.key({ tenantId, contactId: contact.contactId });
    await table.documentClient.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: key,
        UpdateExpression: 'SET phone = :phone REMOVE optedOut',
        ExpressionAttributeValues: { ':phone': '11 98888-0001' },
      }),
    );

    const read = repositories.contacts.get(tenantId, contact.contactId);

    await expect(read).rejects.toBeInstanceOf(MalformedItemError);
    await expect(read).rejects.toThrow(`malformed Contact item (pk ${key.pk}, sk ${key.sk})`);
    await expect(read).rejects.toThrow(/phone[\s\S]*optedOut|optedOut[\s\S]*phone/);
  });

  it('refuses a boleto whose amount is text', async () => {
    const tenantId = uniqueTenantId();
    const key = BoletoEntity.primary.key({ tenantId, boletoId: 'b1' });
    await table.documentClient.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          ...key,
          entity: 'Boleto',
          id: 'b1',
          tenantId,
          contactId: 'c1',
          amountCents: '150,00',
          dueDate: '2026-12-10',
          description: 'Conserto',
          status: 'registered',
          paidCents: 0,
          chargesPaidCents: 0,
          paymentIds: [],
          version: 1,
          createdAt: '2026-12-01T12:00:00.000Z',
          updatedAt: '2026-12-01T12:00:00.000Z',
          commandKey: 'k1',
        },
      }),
    );

    await expect(repositories.boletos.get(tenantId, 'b1')).rejects.toThrow(
      new RegExp(`malformed Boleto item \\(pk ${key.pk}, sk ${key.sk}\\).*amountCents`),
    );
  });

  it('reads a payer thread stored before its newer fields existed with their empty values', async () => {
    const tenantId = uniqueTenantId();
    await table.documentClient.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          ...PayerThreadEntity.primary.key({ tenantId, contactId: 'c1' }),
          entity: 'PayerThread',
          tenantId,
          contactId: 'c1',
        },
      }),
    );
    const threads = new DynamoDbPayerThreadRepository(table.tableName, table.documentClient);
    expect(await threads.get(tenantId, 'c1')).toEqual({
      tenantId,
      contactId: 'c1',
      held: [],
      repliesOnDay: 0,
      seenMessageIds: [],
      version: 0,
    });
  });
});
