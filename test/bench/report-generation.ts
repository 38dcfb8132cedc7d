import { PdfLibReportRenderer } from '#adapters/pdf/pdf-lib-report-renderer';
import type { Boleto } from '#domain/boleto';
import { addDays, type CalendarDate } from '#domain/calendar-date';
import { type ReportEntry, reportContent } from '#domain/report-content';
import { monthPeriod } from '#domain/report-period';

const CATEGORIES = ['alimentação', 'transporte', 'fornecedores', 'contas', 'serviços', 'vendas', 'boletos'];

/**
 * Report generation time on this machine for a busy month (600 ledger entries, 200 boletos of 50 payers):
 * the figures (`reportContent`) and the PDF (pdf-lib), the first one (module and font set-up) and then p50 of
 * ten. Reading the month (one Query per month, one per contact) is not included. Run alone with
 * `npx tsx test/bench/report-generation.ts`, or from `npm run bench`.
 */
export async function benchReportGeneration(runs = 10): Promise<{
  entries: number;
  boletos: number;
  firstMs: number;
  generationMs: { p50: number; max: number };
  pdfBytes: number;
}> {
  const period = monthPeriod('2026-11');
  const entries: ReportEntry[] = Array.from({ length: 600 }, (_, i) => ({
    kind: i % 4 === 0 ? 'income' : 'expense',
    date: addDays(period.from, i % 30),
    amountCents: 1_000 + ((i * 7_919) % 250_000),
    category: CATEGORIES[i % CATEGORIES.length] as string,
    ...(i % 8 === 0 ? { boletoId: `b${i % 200}` } : {}),
  }));
  const boletos: Boleto[] = Array.from({ length: 200 }, (_, i) => ({
    id: `b${i}`,
    tenantId: 'bench',
    contactId: `c${i % 50}`,
    amountCents: 10_000 + i * 137,
    dueDate: addDays(period.from, i % 40) as CalendarDate,
    description: 'mensalidade',
    status: i % 3 === 0 ? 'paid' : 'sent',
    paidCents: i % 3 === 0 ? 10_000 + i * 137 : 0,
    chargesPaidCents: 0,
    paymentIds: [],
    version: 1,
    createdAt: '2026-11-02T12:00:00.000Z',
    updatedAt: '2026-11-02T12:00:00.000Z',
    commandKey: `cmd-${i}`,
  }));
  const renderer = new PdfLibReportRenderer();
  const generate = async () =>
    renderer.renderPdf(
      reportContent({
        tenantName: 'Bench',
        period,
        asOf: '2026-12-01' as CalendarDate,
        entries,
        boletos,
        budgets: [
          {
            category: 'alimentação',
            limitCents: 500_000,
            spentCents: 412_345,
            remainingCents: 87_655,
            usedPercent: 82,
          },
        ],
        aging: {
          currentCents: 0,
          overdueCents: { days0To30: 0, days31To60: 0, days61To90: 0, days91To120: 0, daysOver120: 0 },
          totalCents: 0,
        },
        contactName: (id) => `Contato ${id}`,
      }),
    );
  let at = performance.now();
  const pdf = await generate();
  const firstMs = Math.round(performance.now() - at);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    at = performance.now();
    await generate();
    times.push(Math.round(performance.now() - at));
  }
  times.sort((a, b) => a - b);
  const result = {
    entries: entries.length,
    boletos: boletos.length,
    firstMs,
    generationMs: { p50: times[Math.floor(times.length / 2)] ?? 0, max: times.at(-1) ?? 0 },
    pdfBytes: pdf.byteLength,
  };
  console.log(
    `report generation (${result.entries} entries, ${result.boletos} boletos): first ${firstMs} ms, then p50 ${result.generationMs.p50} ms, max ${result.generationMs.max} ms; PDF ${result.pdfBytes} bytes`,
  );
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchReportGeneration();
