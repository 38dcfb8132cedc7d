import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbLedgerRepository } from '#adapters/dynamodb/dynamodb-ledger-repository';
import { DynamoDbLedgerAggregates } from '#adapters/dynamodb/finance/dynamodb-ledger-aggregates';
import { monthlySummary } from '#application/ledger/monthly-summary';
import { recordOwnerEntry } from '#application/ledger/record-owner-entry';
import { calendarDate } from '#domain/calendar-date';
import { uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';

describe('owner ledger entries', () => {
  let table: TestTable;
  let ledger: DynamoDbLedgerRepository;
  const clock = { now: () => new Date('2026-11-23T15:00:00Z') };

  beforeAll(async () => {
    table = await createTestTable();
    ledger = new DynamoDbLedgerRepository(table.tableName, table.documentClient);
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
    };
    const reply = await recordOwnerEntry({ ledger, clock }, input);
    await recordOwnerEntry({ ledger, clock }, input);
    expect(reply).toBe('Anotado! Despesa de R$ 45,00 (mercado, alimentação) em 23/11/2026.');
    const entries = await ledger.listByMonth(tenantId, '2026-11');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ amountCents: 4500, date: '2026-11-23', category: 'alimentação' });
  });

  it('asks for the amount instead of guessing', async () => {
    const tenantId = uniqueTenantId();
    const reply = await recordOwnerEntry(
      { ledger, clock },
      { tenantId, kind: 'income', amountCents: null, date: null, description: null, messageId: 'wamid.x' },
    );
    expect(reply).toMatch(/Qual foi o valor recebido/);
    expect(await ledger.listByMonth(tenantId, '2026-11')).toHaveLength(0);
  });

  it('summarises the month: income, expenses, balance and top categories', async () => {
    const tenantId = uniqueTenantId();
    const book = (kind: 'income' | 'expense', cents: number, description: string, id: string) =>
      recordOwnerEntry(
        { ledger, clock },
        { tenantId, kind, amountCents: cents, date: calendarDate('2026-11-10'), description, messageId: id },
      );
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
