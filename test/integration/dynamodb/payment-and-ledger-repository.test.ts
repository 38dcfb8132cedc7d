import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbLedgerRepository } from '#adapters/dynamodb/dynamodb-ledger-repository';
import { DynamoDbPaymentRepository } from '#adapters/dynamodb/dynamodb-payment-repository';
import { PaymentEntity } from '#adapters/dynamodb/entities/payment';
import { DuplicateLedgerEntryError } from '#application/ports/ledger-repository';
import { DuplicatePaymentError } from '#application/ports/payment-repository';
import { calendarDate } from '#domain/calendar-date';
import { aLedgerEntry, aPayment, rawItem, uniqueId, uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '#test/support/record-commands';

describe('DynamoDbPaymentRepository', () => {
  let table: TestTable;
  let payments: DynamoDbPaymentRepository;
  let recorded: string[];

  beforeAll(async () => {
    table = await createTestTable();
    payments = new DynamoDbPaymentRepository(table.tableName, table.documentClient);
    recorded = recordCommands(table.client);
  });

  afterAll(async () => {
    expectNoScan(recorded);
    await table.drop();
  });

  it('records a payment under its boleto and its contact', async () => {
    const tenantId = uniqueTenantId();
    const payment = aPayment(tenantId);
    await payments.record(payment);
    expect(await payments.listByBoleto(tenantId, payment.boletoId)).toEqual([payment]);
    expect(await payments.listByContact(tenantId, payment.contactId)).toEqual([payment]);
  });

  it('refuses the same provider payment twice and writes nothing for the replay', async () => {
    const tenantId = uniqueTenantId();
    const first = aPayment(tenantId);
    const replay = { ...first, paymentId: uniqueId('payment') };
    await payments.record(first);
    await expect(payments.record(replay)).rejects.toBeInstanceOf(DuplicatePaymentError);
    expect(await rawItem(table.documentClient, table.tableName, PaymentEntity.primary.key(replay))).toBe(
      undefined,
    );
    expect(await payments.listByBoleto(tenantId, first.boletoId)).toEqual([first]);
  });

  it("lists a contact's payments by date and never another tenant's", async () => {
    const tenantA = uniqueTenantId('a');
    const tenantB = uniqueTenantId('b');
    const contactId = uniqueId('contact');
    const later = aPayment(tenantA, { contactId, paidOn: calendarDate('2026-12-20') });
    const earlier = aPayment(tenantA, { contactId, paidOn: calendarDate('2026-12-05') });
    const otherTenant = aPayment(tenantB, { contactId, providerPaymentKey: later.providerPaymentKey });
    for (const payment of [later, earlier, otherTenant]) await payments.record(payment);
    expect(await payments.listByContact(tenantA, contactId)).toEqual([earlier, later]);
    expect(await payments.listByContact(tenantB, contactId)).toEqual([otherTenant]);
  });
});

describe('DynamoDbLedgerRepository', () => {
  let table: TestTable;
  let ledger: DynamoDbLedgerRepository;
  let recorded: string[];

  beforeAll(async () => {
    table = await createTestTable();
    ledger = new DynamoDbLedgerRepository(table.tableName, table.documentClient);
    recorded = recordCommands(table.client);
  });

  afterAll(async () => {
    expectNoScan(recorded);
    await table.drop();
  });

  it("lists a month's entries by date, leaving out other months and other tenants", async () => {
    const tenantA = uniqueTenantId('a');
    const tenantB = uniqueTenantId('b');
    const may31 = aLedgerEntry(tenantA, { date: calendarDate('2026-05-31'), kind: 'income', boletoId: 'b1' });
    const may01 = aLedgerEntry(tenantA, { date: calendarDate('2026-05-01') });
    const june = aLedgerEntry(tenantA, { date: calendarDate('2026-06-01') });
    const april = aLedgerEntry(tenantA, { date: calendarDate('2026-04-30') });
    const otherTenant = aLedgerEntry(tenantB, { date: calendarDate('2026-05-10') });
    for (const entry of [may31, may01, june, april, otherTenant]) await ledger.add(entry);
    expect(await ledger.listByMonth(tenantA, '2026-05')).toEqual([may01, may31]);
    expect(await ledger.listByMonth(tenantB, '2026-05')).toEqual([otherTenant]);
    expect(await ledger.listByMonth(tenantA, '2026-07')).toEqual([]);
  });

  it('refuses an entry recorded twice, keeping the first', async () => {
    const tenantId = uniqueTenantId();
    const entry = aLedgerEntry(tenantId);
    await ledger.add(entry);
    await expect(ledger.add({ ...entry, amountCents: 1 })).rejects.toBeInstanceOf(DuplicateLedgerEntryError);
    expect(await ledger.listByMonth(tenantId, '2026-05')).toEqual([entry]);
  });

  it('refuses a malformed month', async () => {
    await expect(ledger.listByMonth(uniqueTenantId(), '2026-13')).rejects.toThrow(/not a month/);
  });
});
