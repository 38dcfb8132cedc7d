import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { PdfLibReportRenderer } from '#adapters/pdf/pdf-lib-report-renderer';
import { calendarDate } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import type { ReportContent } from '#domain/report-content';
import { monthPeriod } from '#domain/report-period';

const content: ReportContent = {
  tenantName: 'Padaria São João 🍞',
  period: monthPeriod('2026-11'),
  asOf: calendarDate('2026-12-01'),
  incomeCents: 195_050,
  expenseCents: 68_501,
  balanceCents: 126_549,
  categories: [
    { category: 'alimentação', incomeCents: 0, expenseCents: 68_501 },
    { category: 'vendas', incomeCents: 150_000, expenseCents: 0 },
    { category: 'boletos', incomeCents: 45_050, expenseCents: 0 },
  ],
  budgets: [
    {
      category: 'alimentação',
      limitCents: 80_000,
      spentCents: 68_501,
      remainingCents: 11_499,
      usedPercent: 85,
    },
  ],
  boletos: {
    issued: { count: 5, cents: 126_050 },
    paid: { count: 3, cents: 45_050 },
    late: { count: 2, cents: 78_000 },
  },
  aging: {
    currentCents: 1_000,
    overdueCents: { days0To30: 70_000, days31To60: 8_000, days61To90: 0, days91To120: 0, daysOver120: 0 },
    totalCents: 79_000,
  },
  topPayers: [{ contactId: 'c1', name: 'Ana Souza', cents: 35_050, count: 2 }],
  latePayers: [{ contactId: 'c3', name: 'Carla Dias', cents: 70_000, count: 1 }],
};

async function textOf(pdf: Uint8Array): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return text;
}

describe('PdfLibReportRenderer', () => {
  it('writes a PDF whose text carries the title, period, totals, tables and pt-BR accents', async () => {
    const pdf = await new PdfLibReportRenderer().renderPdf(content);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = await textOf(pdf);
    expect(text).toContain('Relatório de novembro de 2026');
    expect(text).toContain('01/11/2026 a 30/11/2026');
    for (const cents of [195_050, 68_501, 126_549, 11_499, 126_050, 45_050, 78_000, 79_000, 35_050]) {
      expect(text).toContain(formatBrl(cents));
    }
    expect(text).toContain('alimentação');
    expect(text).toContain('Padaria São João ?'); // the emoji is outside the standard font: shown as ?
    expect(text).toContain('Carla Dias');
    expect(text).toContain('85%');
  });

  it('flows onto more pages when the tables are long', async () => {
    const many = Array.from({ length: 80 }, (_, i) => ({
      category: `categoria ${i}`,
      incomeCents: i * 100,
      expenseCents: 0,
    }));
    const pdf = await new PdfLibReportRenderer().renderPdf({ ...content, categories: many });
    const document = await getDocumentProxy(new Uint8Array(pdf));
    expect(document.numPages).toBeGreaterThan(1);
    expect(await textOf(pdf)).toContain('categoria 79');
  });
});
