import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbLedgerAggregates } from '#adapters/dynamodb/finance/dynamodb-ledger-aggregates';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { monthlySummary } from '#application/ledger/monthly-summary';
import {
  ownerEntryBooking,
  type RecordOwnerEntryDependencies,
  recordOwnerEntry,
} from '#application/ledger/record-owner-entry';
import type { LedgerRepository } from '#application/ports/ledger-repository';
import { calendarDate } from '#domain/calendar-date';
import type { E164 } from '#domain/phone-number';
import { uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';

describe('owner ledger entries', () => {
  let table: TestTable;
  let ledger: LedgerRepository;
  let booking: RecordOwnerEntryDependencies;
  const clock = { now: () => new Date('2026-11-23T15:00:00Z') };
  const ownerPhone = '+5511999990001' as E164;

  beforeAll(async () => {
    table = await createTestTable();
    const repositories = createTableRepositories(table.tableName, table.documentClient);
    ledger = repositories.ledger;
    booking = ownerEntryBooking({ ...repositories, clock });
  });
  afterAll(() => table.drop());

  it('books an expense once even when the same message is replayed', async () => {
    const tenantId = uniqueTenantId();
    const input = {
      tenantId,
      kind: 'expense' as const,
      amountCents: 4500,
      date: null,
      description: 'mercado',
      messageId: 'wamid.expense-1',
      ownerPhone,
    };
    const reply = await recordOwnerEntry(booking, input);
    await recordOwnerEntry(booking, input);
    expect(reply).toBe('Anotado! Despesa de R$ 45,00 (mercado, alimentação) em 23/11/2026.');
    const entries = await ledger.listByMonth(tenantId, '2026-11');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ amountCents: 4500, date: '2026-11-23', category: 'alimentação' });
  });

  it('asks for the amount instead of guessing', async () => {
    const tenantId = uniqueTenantId();
    const reply = await recordOwnerEntry(booking, {
      tenantId,
      kind: 'income',
      amountCents: null,
      date: null,
      description: null,
      messageId: 'wamid.x',
      ownerPhone,
    });
    expect(reply).toMatch(/Qual foi o valor recebido/);
    expect(await ledger.listByMonth(tenantId, '2026-11')).toHaveLength(0);
  });

  it('summarises the month: income, expenses, balance and top categories', async () => {
    const tenantId = uniqueTenantId();
    const book = (kind: 'income' | 'expense', cents: number, description: string, id: string) =>
      recordOwnerEntry(booking, {
        tenantId,
        kind,
        amountCents: cents,
        date: calendarDate('2026-11-10'),
        description,
        messageId: id,
        ownerPhone,
      });
    await book('income', 150000, 'venda', 'm1');
    await book('expense', 4500, 'mercado', 'm2');
    await book('expense', 12000, 'gasolina', 'm3');
    const aggregates = new DynamoDbLedgerAggregates(table.tableName, table.documentClient);
    const summary = await monthlySummary({ ledger, aggregates, clock }, { tenantId });
    expect(summary).toContain('Entradas: R$ 1.500,00');
    expect(summary).toContain('Saídas: R$ 165,00');
    expect(summary).toContain('Saldo: R$ 1.335,00');
    expect(summary.indexOf('transporte')).toBeLessThan(summary.indexOf('alimentação'));
  });
});
