import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ReportRenderer } from '#application/ports/report-renderer';
import { formatDateBr } from '#domain/calendar-date';
import { AGING_BUCKET_LABELS, AGING_BUCKETS } from '#domain/collections/aging-buckets';
import { formatBrl } from '#domain/money';
import type { PayerTotal, ReportContent } from '#domain/report-content';
import { periodTitle } from '#domain/report-period';
import { CONTENT_WIDTH, EXPENSE_COLOR, INCOME_COLOR, MUTED, PdfCursor } from './pdf-layout';

/** Categories the chart shows (the table lists them all). */
const CHART_CATEGORIES = 8;

/**
 * The report as a PDF with pdf-lib: Helvetica (a standard font: nothing to embed, WinAnsi covers every pt-BR
 * letter), the figures in tables, and income vs expenses by category as a bar chart drawn with rectangles.
 * Every figure comes from `ReportContent`; the renderer adds none.
 */
export class PdfLibReportRenderer implements ReportRenderer {
  constructor(private readonly producer = 'IRIS') {}

  async renderPdf(content: ReportContent): Promise<Uint8Array> {
    const document = await PDFDocument.create();
    const title = `Relatório de ${periodTitle(content.period)}`;
    document.setTitle(title);
    document.setProducer(this.producer);
    document.setCreator(this.producer);
    const fonts = {
      regular: await document.embedFont(StandardFonts.Helvetica),
      bold: await document.embedFont(StandardFonts.HelveticaBold),
    };
    const cursor = new PdfCursor(document, fonts);
    cursor.text(content.tenantName, { size: 11, color: MUTED });
    cursor.text(title, { size: 20, bold: true, gap: 8 });
    cursor.text(
      `Período: ${formatDateBr(content.period.from)} a ${formatDateBr(content.period.to)} · gerado em ${formatDateBr(content.asOf)}`,
      { size: 9.5, color: MUTED, gap: 14 },
    );
    cursor.table(
      [
        { header: 'Resumo', width: 0.5 },
        { header: 'Valor', width: 0.5, align: 'right' },
      ],
      [
        ['Entradas', formatBrl(content.incomeCents)],
        ['Saídas', formatBrl(content.expenseCents)],
        ['Saldo', formatBrl(content.balanceCents)],
      ],
    );
    cursor.heading('Entradas e saídas por categoria');
    if (content.categories.length === 0) cursor.text('Nenhum lançamento no período.');
    else {
      drawChart(cursor, content);
      cursor.table(
        [
          { header: 'Categoria', width: 0.4 },
          { header: 'Entradas', width: 0.3, align: 'right' },
          { header: 'Saídas', width: 0.3, align: 'right' },
        ],
        content.categories.map((line) => [
          line.category,
          formatBrl(line.incomeCents),
          formatBrl(line.expenseCents),
        ]),
      );
    }
    if (content.budgets.length > 0) {
      cursor.heading('Orçamentos');
      cursor.table(
        [
          { header: 'Limite', width: 0.28 },
          { header: 'Valor', width: 0.18, align: 'right' },
          { header: 'Gasto', width: 0.18, align: 'right' },
          { header: 'Resta', width: 0.18, align: 'right' },
          { header: 'Usado', width: 0.18, align: 'right' },
        ],
        content.budgets.map((budget) => [
          budget.category ?? 'geral',
          formatBrl(budget.limitCents),
          formatBrl(budget.spentCents),
          formatBrl(budget.remainingCents),
          `${budget.usedPercent}%`,
        ]),
      );
    }
    const { issued, paid, late } = content.boletos;
    cursor.heading('Boletos');
    cursor.table(
      [
        { header: 'Boletos', width: 0.5 },
        { header: 'Quantidade', width: 0.2, align: 'right' },
        { header: 'Valor', width: 0.3, align: 'right' },
      ],
      [
        ['Emitidos no período', String(issued.count), formatBrl(issued.cents)],
        ['Pagos no período', String(paid.count), formatBrl(paid.cents)],
        [`Em atraso em ${formatDateBr(content.asOf)}`, String(late.count), formatBrl(late.cents)],
      ],
    );
    cursor.heading(`A receber em ${formatDateBr(content.asOf)}`);
    cursor.table(
      [
        { header: 'Situação', width: 0.6 },
        { header: 'Valor', width: 0.4, align: 'right' },
      ],
      [
        ['A vencer', formatBrl(content.aging.currentCents)],
        ...AGING_BUCKETS.map((bucket) => [
          `Vencido ${AGING_BUCKET_LABELS[bucket]}`,
          formatBrl(content.aging.overdueCents[bucket]),
        ]),
        ['Total', formatBrl(content.aging.totalCents)],
      ],
    );
    payers(cursor, 'Quem mais pagou', content.topPayers);
    payers(cursor, 'Quem está em atraso', content.latePayers);
    return document.save();
  }
}

function payers(cursor: PdfCursor, heading: string, lines: PayerTotal[]): void {
  cursor.heading(heading);
  if (lines.length === 0) {
    cursor.text('Ninguém no período.');
    return;
  }
  cursor.table(
    [
      { header: 'Contato', width: 0.5 },
      { header: 'Boletos', width: 0.2, align: 'right' },
      { header: 'Valor', width: 0.3, align: 'right' },
    ],
    lines.map((line) => [line.name, String(line.count), formatBrl(line.cents)]),
  );
}

/** Two bars per category (income, expenses), scaled to the largest; a legend above. */
function drawChart(cursor: PdfCursor, content: ReportContent): void {
  const lines = content.categories.slice(0, CHART_CATEGORIES);
  const height = 150;
  const labelSpace = 26;
  cursor.ensure(height + labelSpace + 24);
  const { page, fonts } = cursor;
  const top = cursor.y - 16;
  const legend = (x: number, color: typeof INCOME_COLOR, label: string) => {
    page.drawRectangle({ x, y: top + 2, width: 8, height: 8, color });
    page.drawText(label, { x: x + 12, y: top + 3, size: 8.5, font: fonts.regular, color: MUTED });
  };
  legend(cursor.left, INCOME_COLOR, 'Entradas');
  legend(cursor.left + 70, EXPENSE_COLOR, 'Saídas');
  const baseline = top - height;
  const largest = Math.max(1, ...lines.flatMap((line) => [line.incomeCents, line.expenseCents]));
  const slot = CONTENT_WIDTH / lines.length;
  const bar = Math.min(22, (slot - 10) / 2);
  lines.forEach((line, index) => {
    const x = cursor.left + index * slot + (slot - 2 * bar) / 2;
    const barHeight = (cents: number) => (Math.max(0, cents) / largest) * (height - 10);
    page.drawRectangle({
      x,
      y: baseline,
      width: bar,
      height: barHeight(line.incomeCents),
      color: INCOME_COLOR,
    });
    page.drawRectangle({
      x: x + bar,
      y: baseline,
      width: bar,
      height: barHeight(line.expenseCents),
      color: EXPENSE_COLOR,
    });
    const label = cursor.safe(line.category).slice(0, 14);
    const labelWidth = fonts.regular.widthOfTextAtSize(label, 8);
    page.drawText(label, {
      x: cursor.left + index * slot + (slot - labelWidth) / 2,
      y: baseline - 12,
      size: 8,
      font: fonts.regular,
      color: MUTED,
    });
  });
  page.drawLine({
    start: { x: cursor.left, y: baseline },
    end: { x: cursor.left + CONTENT_WIDTH, y: baseline },
    thickness: 0.6,
    color: MUTED,
  });
  cursor.y = baseline - labelSpace;
}
