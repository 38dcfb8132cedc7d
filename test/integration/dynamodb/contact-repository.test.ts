import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbContactRepository } from '#adapters/dynamodb/dynamodb-contact-repository';
import { ContactEntity } from '#adapters/dynamodb/entities/contact';
import { ContactPhoneGuardEntity } from '#adapters/dynamodb/entities/contact-phone-guard';
import { ContactNotFoundError, DuplicateContactPhoneError } from '#application/ports/contact-repository';
import { normalizePhone, whatsAppIdToE164 } from '#domain/phone-number';
import { aContact, rawItem, uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '#test/support/record-commands';

describe('DynamoDbContactRepository', () => {
  let table: TestTable;
  let contacts: DynamoDbContactRepository;
  let recorded: string[];

  beforeAll(async () => {
    table = await createTestTable();
    contacts = new DynamoDbContactRepository(table.tableName, table.documentClient);
    recorded = recordCommands(table.client);
  });

  beforeEach(() => {
    recorded.length = 0;
  });

  afterAll(async () => {
    expectNoScan(recorded);
    await table.drop();
  });

  const guardKey = (tenantId: string, phone: string) =>
    ContactPhoneGuardEntity.primary.key({ tenantId, phone });
  const contactKey = (tenantId: string, contactId: string) =>
    ContactEntity.primary.key({ tenantId, contactId });

  it('creates a contact and reads it back by id and by phone, with GetItem only', async () => {
    const tenantId = uniqueTenantId();
    const maria = aContact(tenantId, { email: 'maria@example.com' });
    await contacts.create(maria);
    expect(await contacts.get(tenantId, maria.contactId)).toEqual(maria);
    expect(await contacts.findByPhone(tenantId, maria.phone)).toEqual(maria);
    expect(recorded.filter((name) => name !== 'TransactWriteItemsCommand')).toEqual([
      'GetItemCommand',
      'GetItemCommand',
      'GetItemCommand',
    ]);
    expectNoScan(recorded);
  });

  it('finds a mobile stored with the ninth digit from a WhatsApp id without it', async () => {
    const tenantId = uniqueTenantId();
    const maria = aContact(tenantId, { phone: normalizePhone('+55 11 98765-4321') });
    await contacts.create(maria);
    expect(await contacts.findByPhone(tenantId, whatsAppIdToE164('551187654321'))).toEqual(maria);
  });

  it('refuses a second contact with the same phone in the tenant and writes nothing for it', async () => {
    const tenantId = uniqueTenantId();
    const first = aContact(tenantId);
    const second = aContact(tenantId, { name: 'Outra Maria' });
    await contacts.create(first);
    await expect(contacts.create(second)).rejects.toBeInstanceOf(DuplicateContactPhoneError);
    expect(await rawItem(table.documentClient, table.tableName, contactKey(tenantId, second.contactId))).toBe(
      undefined,
    );
    const guard = await rawItem(table.documentClient, table.tableName, guardKey(tenantId, first.phone));
    expect(guard?.contactId).toBe(first.contactId);
    expect(await contacts.list(tenantId)).toEqual([first]);
  });

  it('lets exactly one of two concurrent creates with the same phone win', async () => {
    const tenantId = uniqueTenantId();
    const a = aContact(tenantId, { name: 'A' });
    const b = aContact(tenantId, { name: 'B' });
    const results = await Promise.allSettled([contacts.create(a), contacts.create(b)]);
    const winners = results.filter((result) => result.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    const listed = await contacts.list(tenantId);
    expect(listed).toHaveLength(1);
    const winner = listed[0];
    const loser = winner?.contactId === a.contactId ? b : a;
    expect(await rawItem(table.documentClient, table.tableName, contactKey(tenantId, loser.contactId))).toBe(
      undefined,
    );
    const guard = await rawItem(table.documentClient, table.tableName, guardKey(tenantId, a.phone));
    expect(guard?.contactId).toBe(winner?.contactId);
  });

  it('accepts the same phone in two tenants', async () => {
    const tenantA = uniqueTenantId('a');
    const tenantB = uniqueTenantId('b');
    const inA = aContact(tenantA);
    const inB = aContact(tenantB, { contactId: inA.contactId });
    await contacts.create(inA);
    await contacts.create(inB);
    expect(await contacts.findByPhone(tenantA, inA.phone)).toEqual(inA);
    expect(await contacts.findByPhone(tenantB, inB.phone)).toEqual(inB);
  });

  it("never lists another tenant's contacts", async () => {
    const tenantA = uniqueTenantId('a');
    const tenantB = uniqueTenantId('b');
    const ofA = [
      aContact(tenantA, { phone: normalizePhone('11911110001') }),
      aContact(tenantA, { phone: normalizePhone('11911110002') }),
    ];
    const ofB = aContact(tenantB, { phone: normalizePhone('11911110003') });
    for (const contact of [...ofA, ofB]) await contacts.create(contact);
    const listed = await contacts.list(tenantA);
    expect(listed.map((contact) => contact.contactId).sort()).toEqual(ofA.map((c) => c.contactId).sort());
    expect(listed.every((contact) => contact.tenantId === tenantA)).toBe(true);
    expect(await contacts.get(tenantA, ofB.contactId)).toBeUndefined();
    expect(await contacts.findByPhone(tenantA, ofB.phone)).toBeUndefined();
  });

  it('moves the phone guard when the phone changes, freeing the old number', async () => {
    const tenantId = uniqueTenantId();
    const maria = aContact(tenantId, { phone: normalizePhone('11922220001') });
    await contacts.create(maria);
    const moved = { ...maria, phone: normalizePhone('11922220002'), updatedAt: '2026-11-24T10:00:00.000Z' };
    await contacts.update(moved);
    expect(await contacts.get(tenantId, maria.contactId)).toEqual(moved);
    expect(await contacts.findByPhone(tenantId, moved.phone)).toEqual(moved);
    expect(await rawItem(table.documentClient, table.tableName, guardKey(tenantId, maria.phone))).toBe(
      undefined,
    );
    await contacts.create(aContact(tenantId, { phone: maria.phone }));
  });

  it('refuses a phone change to a number another contact has, changing nothing', async () => {
    const tenantId = uniqueTenantId();
    const maria = aContact(tenantId, { phone: normalizePhone('11933330001') });
    const joao = aContact(tenantId, { name: 'João', phone: normalizePhone('11933330002') });
    await contacts.create(maria);
    await contacts.create(joao);
    await expect(contacts.update({ ...maria, phone: joao.phone })).rejects.toBeInstanceOf(
      DuplicateContactPhoneError,
    );
    expect(await contacts.get(tenantId, maria.contactId)).toEqual(maria);
    expect(
      (await rawItem(table.documentClient, table.tableName, guardKey(tenantId, maria.phone)))?.contactId,
    ).toBe(maria.contactId);
  });

  it('updates other fields in place and refuses to update a contact that does not exist', async () => {
    const tenantId = uniqueTenantId();
    const maria = aContact(tenantId, { phone: normalizePhone('11944440001') });
    await contacts.create(maria);
    await contacts.update({ ...maria, optedOut: true });
    expect((await contacts.get(tenantId, maria.contactId))?.optedOut).toBe(true);
    await expect(contacts.update(aContact(tenantId))).rejects.toBeInstanceOf(ContactNotFoundError);
  });

  it('removes a contact with its phone guard, so the phone can be registered again; removing twice is a no-op', async () => {
    const tenantId = uniqueTenantId();
    const kleiton = aContact(tenantId);
    await contacts.create(kleiton);
    await contacts.remove(kleiton);
    expect(await contacts.get(tenantId, kleiton.contactId)).toBeUndefined();
    expect(
      await rawItem(table.documentClient, table.tableName, guardKey(tenantId, kleiton.phone)),
    ).toBeUndefined();
    await contacts.remove(kleiton);
    await contacts.create({ ...kleiton, contactId: 'contact-again' });
    expect((await contacts.findByPhone(tenantId, kleiton.phone))?.contactId).toBe('contact-again');
  });
});
