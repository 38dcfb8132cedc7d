import { describe, expect, it } from 'vitest';
import { allPages, ledgerCsv, paymentsCsv } from '#application/exports/export-csv';
import { calendarDate } from '#domain/calendar-date';
import { aLedgerEntry, aPayment } from '#test/support/dynamodb-fixtures';

describe('CSV exports', () => {
  const entries = [
    aLedgerEntry('acme', {
      date: calendarDate('2026-12-10'),
      amountCents: 123_456,
      kind: 'income',
      description: 'venda; balcão',
    }),
    aLedgerEntry('acme', {
      date: calendarDate('2026-12-11'),
      amountCents: 4_500,
      kind: 'expense',
      description: 'mercado "bom"',
    }),
  ];

  it('writes the ledger as the owner sees it: BOM, ";", dd/mm/yyyy, 1.234,56, expenses negative, quoted cells', () => {
    const [first, second, third] = ledgerCsv('br', entries).split('\r\n');
    expect(first).toBe('\uFEFFdata;tipo;categoria;descrição;valor (R$)');
    expect(second).toBe('10/12/2026;receita;mercado;"venda; balcão";1.234,56');
    expect(third).toBe('11/12/2026;despesa;mercado;"mercado ""bom""";-45,00');
  });

  it('writes machine CSV with ISO dates and integer centavos', () => {
    const lines = ledgerCsv('iso', entries).split('\r\n');
    expect(lines[0]).toBe('date,kind,category,description,amount_cents');
    expect(lines[1]).toBe('2026-12-10,income,mercado,venda; balcão,123456');
    expect(
      paymentsCsv('iso', [
        aPayment('acme', { amountCents: 99, paidOn: calendarDate('2026-12-01'), boletoId: 'b1' }),
      ]),
    ).toBe('paid_on,boleto_id,amount_cents\r\n2026-12-01,b1,99\r\n');
  });

  it('reads every page', async () => {
    const pages: Record<string, { items: number[]; nextCursor?: string }> = {
      start: { items: [1, 2], nextCursor: 'p2' },
      p2: { items: [3] },
    };
    expect(await allPages(async (page) => pages[page.cursor ?? 'start'] ?? { items: [] })).toEqual([1, 2, 3]);
  });
});
