import { PdfReceiptTextReader } from '#adapters/ocr/pdf-receipt-text-reader';
import { receiptPdf } from '#test/support/receipt-pdf';
import { benchTotals, type ReceiptReadTimes, timeReceiptReads } from './receipt-read-timing';

/**
 * PDF receipt read time on this machine: the first PDF (pdf.js loaded by `import()`, once per container) and
 * each read of a generated receipt PDF's text layer, with whether the total was read right. Run alone with
 * `npx tsx test/bench/receipt-pdf.ts`, or from `npm run bench`.
 */
export async function benchReceiptPdf(receipts = 20): Promise<ReceiptReadTimes> {
  const reader = new PdfReceiptTextReader();
  const files = await Promise.all(
    benchTotals(receipts).map(async ({ cents, printed }, index) => ({
      cents,
      bytes: await receiptPdf({
        merchant: `MERCADO NUMERO ${index + 1} LTDA`,
        printedDate: '03/12/2026 10:00',
        items: [{ name: 'ITEM', amount: printed }],
        total: printed,
      }),
    })),
  );
  const result = await timeReceiptReads(files, (bytes) =>
    reader.readText({ bytes, mimeType: 'application/pdf' }),
  );
  console.log(
    `receipt PDF: first PDF (pdf.js load + read) ${result.firstReadMs} ms, then per PDF p50 ${result.readMs.p50} ms, max ${result.readMs.max} ms; totals read right ${result.totalsReadRight}`,
  );
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchReceiptPdf();
