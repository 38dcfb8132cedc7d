import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { projectLedgerMonth } from '#application/ledger/project-ledger-month';
import { repositoryReportSources } from '#application/reports/report-sources';
import { calendarDate } from '#domain/calendar-date';
import { aLedgerEntry, uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';

/**
 * The report's budgets on DynamoDB Local: each budget of the tenant with the month's expenses of its category
 * (or all expenses), read from the figures the ledger projector stores, corrections netted out. The expected
 * figures are written out from the entries below.
 */
describe('repositoryReportSources.budgets', () => {
  let table: TestTable;
  let repositories: ReturnType<typeof createTableRepositories>;
  const clock = { now: () => new Date('2026-12-01T11:00:00Z') };

  beforeAll(async () => {
    table = await createTestTable();
    repositories = createTableRepositories(table.tableName, table.documentClient);
  }, 60_000);
  afterAll(async () => table?.drop());

  const budget = (tenantId: string, category: string | null, label: string, limitCents: number) =>
    repositories.budgets.put({
      tenantId,
      category,
      label,
      limitCents,
      createdAt: '2026-11-01T12:00:00.000Z',
      updatedAt: '2026-11-01T12:00:00.000Z',
    });

  it('reports spent, remaining (negative when over) and whole percent from the month figures', async () => {
    const tenantId = uniqueTenantId();
    const nov = (day: number) => calendarDate(`2026-11-${String(day).padStart(2, '0')}`);
    const entries = [
      aLedgerEntry(tenantId, { entryId: 'a', date: nov(3), amountCents: 45_090, category: 'alimentação' }),
      aLedgerEntry(tenantId, { entryId: 'b', date: nov(20), amountCents: 23_411, category: 'alimentação' }),
      aLedgerEntry(tenantId, { entryId: 'c', date: nov(21), amountCents: 9_999, category: 'alimentação' }),
      // "apaga a última": the reversal nets 99,99 out of alimentação
      aLedgerEntry(tenantId, {
        entryId: 'c-rev',
        date: nov(21),
        amountCents: -9_999,
        category: 'alimentação',
        corrects: 'c',
        correction: 'reversal',
      }),
      aLedgerEntry(tenantId, { entryId: 'd', date: nov(22), amountCents: 40_000, category: 'transporte' }),
      aLedgerEntry(tenantId, {
        entryId: 'e',
        date: nov(5),
        kind: 'income',
        amountCents: 150_000,
        category: 'vendas',
      }),
      // October: another month
      aLedgerEntry(tenantId, {
        entryId: 'f',
        date: calendarDate('2026-10-30'),
        amountCents: 70_000,
        category: 'transporte',
      }),
    ];
    for (const entry of entries) await repositories.ledger.add(entry);
    for (const month of ['2026-10', '2026-11']) {
      await projectLedgerMonth(
        { ...repositories, aggregates: repositories.ledgerAggregates, clock },
        { tenantId, month },
      );
    }
    await budget(tenantId, 'alimentação', 'mercado', 80_000);
    await budget(tenantId, 'transporte', 'gasolina', 30_000);
    await budget(tenantId, null, 'gastos', 200_000);

    const sources = repositoryReportSources({ ...repositories, clock });
    const budgets = await sources.budgets(tenantId, '2026-11');
    expect(budgets).toEqual([
      { category: null, limitCents: 200_000, spentCents: 108_501, remainingCents: 91_499, usedPercent: 54 },
      {
        category: 'alimentação',
        limitCents: 80_000,
        spentCents: 68_501,
        remainingCents: 11_499,
        usedPercent: 85,
      },
      {
        category: 'transporte',
        limitCents: 30_000,
        spentCents: 40_000,
        remainingCents: -10_000,
        usedPercent: 133,
      },
    ]);
  });

  it('reports a budget with nothing spent when the month has no figures', async () => {
    const tenantId = uniqueTenantId();
    await budget(tenantId, 'alimentação', 'mercado', 80_000);
    const budgets = await repositoryReportSources({ ...repositories, clock }).budgets(tenantId, '2026-11');
    expect(budgets).toEqual([
      { category: 'alimentação', limitCents: 80_000, spentCents: 0, remainingCents: 80_000, usedPercent: 0 },
    ]);
  });
});
