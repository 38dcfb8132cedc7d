import { TesseractReceiptTextReader } from '#adapters/ocr/tesseract-receipt-text-reader';
import { ReceiptImages } from '#test/support/receipt-image';
import { benchTotals, type ReceiptReadTimes, timeReceiptReads } from './receipt-read-timing';

/**
 * OCR time per receipt on this machine: the engine's cold start (WASM + Portuguese data, paid once per
 * container, on the first receipt) and each recognition of a generated receipt photo, with whether the
 * total was read right. Run alone with `npx tsx test/bench/receipt-ocr.ts`, or from `npm run bench`.
 */
export async function benchReceiptOcr(receipts = 5): Promise<ReceiptReadTimes> {
  const images = new ReceiptImages();
  const reader = new TesseractReceiptTextReader({ langPath: '/usr/share/tesseract-ocr/5/tessdata' });
  try {
    const pictures = await Promise.all(
      benchTotals(receipts).map(async ({ cents, printed }, index) => ({
        cents,
        bytes: await images.render({
          merchant: `MERCADO NUMERO ${index + 1} LTDA`,
          printedDate: '03/12/2026 10:00',
          items: [{ name: 'ITEM', amount: printed }],
          total: printed,
          rotation: index % 2 === 0 ? 1.5 : -1.5,
          noiseSeed: index + 1,
        }),
      })),
    );
    const result = await timeReceiptReads(pictures, (bytes) =>
      reader.readText({ bytes, mimeType: 'image/png' }),
    );
    console.log(
      `receipt OCR: first receipt (engine start + read) ${result.firstReadMs} ms, then per receipt p50 ${result.readMs.p50} ms, max ${result.readMs.max} ms; totals read right ${result.totalsReadRight}`,
    );
    return result;
  } finally {
    await reader.stop();
    await images.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchReceiptOcr();
