import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbBoletoRepository } from '#adapters/dynamodb/dynamodb-boleto-repository';
import { DynamoDbLedgerRepository } from '#adapters/dynamodb/dynamodb-ledger-repository';
import { DynamoDbPaymentRepository } from '#adapters/dynamodb/dynamodb-payment-repository';
import { DynamoDbUnitOfWork } from '#adapters/dynamodb/transaction/dynamodb-unit-of-work';
import { DuplicatePaymentError } from '#application/ports/payment-repository';
import { applyPayment, type Boleto, type ChangeContext, registerBoleto, requestBoleto } from '#domain/boleto';
import { calendarDate } from '#domain/calendar-date';
import { aLedgerEntry, aPayment, uniqueId, uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '#test/support/record-commands';

const ctx: ChangeContext = { actor: { kind: 'provider', id: 'paytime' }, at: '2026-12-01T15:00:00.000Z' };

describe('payment recorded with the boleto change and the ledger entry in one transaction', () => {
  let table: TestTable;
  let unitOfWork: DynamoDbUnitOfWork;
  let boletos: DynamoDbBoletoRepository;
  let payments: DynamoDbPaymentRepository;
  let ledger: DynamoDbLedgerRepository;
  let recorded: string[];

  beforeAll(async () => {
    table = await createTestTable();
    unitOfWork = new DynamoDbUnitOfWork(table.tableName, table.documentClient);
    boletos = new DynamoDbBoletoRepository(table.tableName, table.documentClient);
    payments = new DynamoDbPaymentRepository(table.tableName, table.documentClient);
    ledger = new DynamoDbLedgerRepository(table.tableName, table.documentClient);
    recorded = recordCommands(table.client);
  });

  afterAll(async () => {
    expectNoScan(recorded);
    await table.drop();
  });

  async function registeredBoleto(tenantId: string): Promise<Boleto> {
    const requested = requestBoleto(
      {
        id: uniqueId('boleto'),
        tenantId,
        contactId: uniqueId('contact'),
        amountCents: 15_000,
        dueDate: calendarDate('2026-12-10'),
        description: 'Aula de violão',
        commandKey: uniqueId('command'),
        today: calendarDate('2026-11-23'),
        maxAmountCents: 100_000,
      },
      ctx,
    );
    await boletos.create(requested);
    const change = registerBoleto(
      requested.boleto,
      { providerId: uniqueId('billet'), digitableLine: '1'.repeat(47), barcode: '1'.repeat(44) },
      ctx,
    );
    await boletos.update(change, 1);
    return change.boleto;
  }

  async function recordPayment(boleto: Boleto, paymentId: string, providerPaymentKey: string) {
    const paidOn = calendarDate('2026-12-01');
    const change = applyPayment(boleto, { paymentId, amountCents: 5_000, paidOn }, ctx);
    const payment = aPayment(boleto.tenantId, {
      paymentId,
      boletoId: boleto.id,
      contactId: boleto.contactId,
      amountCents: 5_000,
      paidOn,
      providerPaymentKey,
    });
    const entry = aLedgerEntry(boleto.tenantId, {
      entryId: `payment-${paymentId}`,
      kind: 'income',
      date: paidOn,
      amountCents: 5_000,
      boletoId: boleto.id,
      paymentId,
    });
    await unitOfWork.run(async (tx) => {
      await boletos.update(change, boleto.version, tx);
      await payments.record(payment, tx);
      await ledger.add(entry, tx);
    });
    return change.boleto;
  }

  it('writes the boleto, the payment and the ledger entry together', async () => {
    const boleto = await registeredBoleto(uniqueTenantId());
    const after = await recordPayment(boleto, 'p1', 'paytime-evt-1');
    expect(await boletos.get(boleto.tenantId, boleto.id)).toEqual(after);
    expect(await payments.listByBoleto(boleto.tenantId, boleto.id)).toHaveLength(1);
    expect(await ledger.listByMonth(boleto.tenantId, '2026-12')).toHaveLength(1);
  });

  it('writes none of them when the provider payment was already recorded', async () => {
    const boleto = await registeredBoleto(uniqueTenantId());
    const afterFirst = await recordPayment(boleto, 'p1', 'paytime-evt-1');
    await expect(recordPayment(afterFirst, 'p2', 'paytime-evt-1')).rejects.toBeInstanceOf(
      DuplicatePaymentError,
    );
    expect(await boletos.get(boleto.tenantId, boleto.id)).toEqual(afterFirst);
    expect((await payments.listByBoleto(boleto.tenantId, boleto.id)).map((p) => p.paymentId)).toEqual(['p1']);
    expect((await ledger.listByMonth(boleto.tenantId, '2026-12')).map((e) => e.paymentId)).toEqual(['p1']);
  });
});
