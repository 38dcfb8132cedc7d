import { describe, expect, it } from 'vitest';
import { csvText, ledgerCsv, pagesOf, paymentsCsv } from '#application/exports/export-csv';
import { calendarDate } from '#domain/calendar-date';
import { aLedgerEntry, aPayment } from '#test/support/dynamodb-fixtures';

async function* pagesFrom<T>(...pages: T[][]): AsyncGenerator<T[]> {
  yield* pages;
}

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

  it('writes the ledger as the owner sees it: BOM, ";", dd/mm/yyyy, 1.234,56, expenses negative, quoted cells', async () => {
    const [first, second, third] = (await csvText(ledgerCsv('br', pagesFrom(entries)))).split('\r\n');
    expect(first).toBe('\uFEFFdata;tipo;categoria;descrição;valor (R$)');
    expect(second).toBe('10/12/2026;receita;mercado;"venda; balcão";1.234,56');
    expect(third).toBe('11/12/2026;despesa;mercado;"mercado ""bom""";-45,00');
  });

  it('writes machine CSV with ISO dates and integer centavos', async () => {
    const lines = (await csvText(ledgerCsv('iso', pagesFrom(entries)))).split('\r\n');
    expect(lines[0]).toBe('date,kind,category,description,amount_cents');
    expect(lines[1]).toBe('2026-12-10,income,mercado,venda; balcão,123456');
    const payment = aPayment('acme', { amountCents: 99, paidOn: calendarDate('2026-12-01'), boletoId: 'b1' });
    expect(await csvText(paymentsCsv('iso', pagesFrom([payment])))).toBe(
      'paid_on,boleto_id,amount_cents\r\n2026-12-01,b1,99\r\n',
    );
  });

  it('yields the header, then one chunk per page as each page is read, never reading ahead', async () => {
    const read: string[] = [];
    const pages: Record<string, { items: (typeof entries)[number][]; nextCursor?: string }> = {
      start: { items: [entries[0] as (typeof entries)[number]], nextCursor: 'p2' },
      p2: { items: [entries[1] as (typeof entries)[number]] },
    };
    const chunks = ledgerCsv(
      'iso',
      pagesOf(async (page) => {
        read.push(page.cursor ?? 'start');
        return pages[page.cursor ?? 'start'] ?? { items: [] };
      }),
    );
    expect((await chunks.next()).value).toBe('date,kind,category,description,amount_cents\r\n');
    expect(read).toEqual([]);
    expect((await chunks.next()).value).toMatch(/^2026-12-10,income/);
    expect(read).toEqual(['start']);
    expect((await chunks.next()).value).toMatch(/^2026-12-11,expense/);
    expect(read).toEqual(['start', 'p2']);
    expect((await chunks.next()).done).toBe(true);
  });
});
