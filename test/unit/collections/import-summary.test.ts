import { describe, expect, it } from 'vitest';
import { importSummaryText, portfolioStatusText } from '#application/collections/import-summary';
import type { AgingImport, ReceivableAccount } from '#application/ports/receivables-repository';
import type { CalendarDate } from '#domain/calendar-date';
import { EMPTY_AGING } from '#domain/collections/aging-buckets';

const record: AgingImport = {
  tenantId: 't1',
  importId: 'i1',
  contentSha256: 'x',
  objectKey: 'imports/t1/i1/carteira.csv',
  filename: 'carteira.csv',
  asOf: '2026-12-05' as CalendarDate,
  status: 'completed',
  startedAt: '2026-12-05T13:00:00.000Z',
  requestedBy: '+5511999990001',
  rowsRead: 1000,
  rowsImported: 980,
  rowsRejected: 20,
  invoicesClosed: 0,
  snapshotsKept: 0,
};

describe('import summary for the owner', () => {
  it('gives the exact counts of an import', () => {
    expect(importSummaryText({ kind: 'imported', record })).toBe(
      'Importei carteira.csv (posição de 05/12/2026):\n• 1000 linhas lidas\n• 980 importadas\n• 20 com erro (veja o arquivo de erros)',
    );
  });

  it('says a re-sent file changed nothing, and a refused file why', () => {
    expect(importSummaryText({ kind: 'duplicate', previous: record })).toBe(
      'Esse arquivo já foi importado em 05/12/2026 (980 linhas). Nada mudou.',
    );
    expect(
      importSummaryText({
        kind: 'refused',
        record: { ...record, status: 'refused', refusal: 'faltam colunas: due_date' },
      }),
    ).toBe('Não importei carteira.csv: faltam colunas: due_date. Nada foi alterado.');
  });
});

describe('portfolio status', () => {
  const account = (clientId: string, over: Partial<ReceivableAccount>): ReceivableAccount => ({
    tenantId: 't1',
    clientId,
    name: clientId,
    lastImportId: 'i1',
    agingAsOf: '2026-12-05' as CalendarDate,
    openInvoices: 1,
    maxDaysOverdue: 0,
    aging: EMPTY_AGING,
    ...over,
  });

  it('totals the buckets and counts accounts per degree, paused apart', () => {
    const text = portfolioStatusText([
      account('A', { aging: { ...EMPTY_AGING, days0To30: 10000 }, maxDaysOverdue: 3 }),
      account('B', { aging: { ...EMPTY_AGING, days61To90: 5050 }, maxDaysOverdue: 70 }),
      account('C', {
        aging: { ...EMPTY_AGING, daysOver120: 100 },
        maxDaysOverdue: 200,
        control: { paused: true },
      }),
    ]);
    expect(text).toContain('Carteira (posição de 05/12/2026): R$ 151,50 em aberto, 3 contas.');
    expect(text).toContain('• 0–30 dias: R$ 100,00');
    expect(text).toContain('• 61–90 dias: R$ 50,50');
    expect(text).toContain('• 1 – lembrete amigável: 1 contas');
    expect(text).toContain('• 3 – notificação formal: 1 contas');
    expect(text).toContain('• pausadas: 1 contas');
  });

  it('says when there is nothing imported', () => {
    expect(portfolioStatusText([])).toBe('Sua carteira está vazia: nenhuma fatura em aberto importada.');
  });
});
