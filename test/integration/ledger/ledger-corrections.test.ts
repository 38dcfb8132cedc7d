import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbLedgerRepository } from '#adapters/dynamodb/dynamodb-ledger-repository';
import { DynamoDbLedgerAggregates } from '#adapters/dynamodb/finance/dynamodb-ledger-aggregates';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { DynamoDbUnitOfWork } from '#adapters/dynamodb/transaction/dynamodb-unit-of-work';
import { monthlySummary } from '#application/ledger/monthly-summary';
import { ownerEntryBooking, recordOwnerEntry } from '#application/ledger/record-owner-entry';
import { bookLedgerCorrection } from '#application/ledger-corrections/book-ledger-correction';
import { calendarDate } from '#domain/calendar-date';
import type { E164 } from '#domain/phone-number';
import { uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';

/** The ledger stays append-only: corrections are reversal and replacement entries, booked at most once. */
describe('ledger corrections on DynamoDB Local', () => {
  let table: TestTable;
  let deps: Parameters<typeof bookLedgerCorrection>[0];
  const clock = { now: () => new Date('2026-11-23T15:00:00Z') };
  const date = calendarDate('2026-11-23');

  beforeAll(async () => {
    table = await createTestTable();
    deps = {
      ledger: new DynamoDbLedgerRepository(table.tableName, table.documentClient),
      unitOfWork: new DynamoDbUnitOfWork(table.tableName, table.documentClient),
      clock,
    };
  });
  afterAll(() => table.drop());

  const expense = async (tenantId: string, amountCents: number, description: string, messageId: string) => {
    const entry = { tenantId, kind: 'expense' as const, amountCents, date, description, messageId };
    const repositories = createTableRepositories(table.tableName, table.documentClient);
    await recordOwnerEntry(ownerEntryBooking({ ...repositories, clock }), {
      ...entry,
      memberId: 'ana',
      ownerPhone: '+5511999990001' as E164,
    });
  };

  it('a new amount books a reversal and a replacement; the summary shows the right total', async () => {
    const tenantId = uniqueTenantId();
    await expense(tenantId, 4500, 'gasolina', 'wamid.gas');
    const result = await bookLedgerCorrection(deps, {
      tenantId,
      entryId: 'wamidgas',
      date,
      action: 'amount',
      newAmountCents: 5400,
      memberId: 'bruno',
    });
    expect(result).toMatchObject({
      outcome: 'booked',
      original: { amountCents: 4500, recordedBy: 'ana' },
      reversal: { amountCents: -4500, corrects: 'wamidgas', recordedBy: 'bruno' },
      replacement: { amountCents: 5400, corrects: 'wamidgas', category: 'transporte', recordedBy: 'bruno' },
    });
    const stored = await deps.ledger.listByMonth(tenantId, '2026-11');
    expect(stored.map((entry) => entry.recordedBy).sort()).toEqual(['ana', 'bruno', 'bruno']);
    expect(await deps.ledger.listByMonth(tenantId, '2026-11')).toHaveLength(3);
    const aggregates = new DynamoDbLedgerAggregates(table.tableName, table.documentClient);
    expect(await monthlySummary({ ...deps, aggregates }, { tenantId })).toMatch(/Saídas: R\$ 54,00/);
  });

  it('an entry is reversed once, even by two concurrent corrections', async () => {
    const tenantId = uniqueTenantId();
    await expense(tenantId, 3000, 'mercado', 'wamid.market');
    const input = { tenantId, entryId: 'wamidmarket', date, action: 'reverse' as const };
    const outcomes = await Promise.all([
      bookLedgerCorrection(deps, input),
      bookLedgerCorrection(deps, input),
    ]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['already_corrected', 'booked']);
    expect(await bookLedgerCorrection(deps, input)).toMatchObject({ outcome: 'already_corrected' });
    const entries = await deps.ledger.listByMonth(tenantId, '2026-11');
    expect(entries.reduce((sum, entry) => sum + entry.amountCents, 0)).toBe(0);
    expect(entries).toHaveLength(2);
    // A correction without a member (none named) does not pass the original's author off as the corrector.
    expect(entries.find((entry) => entry.correction === 'reversal')?.recordedBy).toBeUndefined();
  });

  it('an unknown entry changes nothing', async () => {
    const tenantId = uniqueTenantId();
    expect(await bookLedgerCorrection(deps, { tenantId, entryId: 'nope', date, action: 'reverse' })).toEqual({
      outcome: 'not_found',
    });
    expect(await deps.ledger.listByMonth(tenantId, '2026-11')).toHaveLength(0);
  });
});
