import { TesseractReceiptTextReader } from '#adapters/ocr/tesseract-receipt-text-reader';
import type { CalendarDate } from '#domain/calendar-date';
import { readReceiptFields } from '#domain/receipt-fields';
import { ReceiptImages } from '#test/support/receipt-image';

/**
 * OCR time per receipt on this machine: the engine's cold start (WASM + Portuguese data, paid once per
 * container, on the first receipt) and each recognition of a generated receipt photo, with whether the
 * total was read right. Run alone with `npx tsx test/bench/receipt-ocr.ts`, or from `npm run bench`.
 */
export async function benchReceiptOcr(receipts = 5): Promise<{
  engineStartMs: number;
  recognitionMs: { p50: number; max: number };
  totalsReadRight: string;
}> {
  const images = new ReceiptImages();
  const reader = new TesseractReceiptTextReader({ langPath: '/usr/share/tesseract-ocr/5/tessdata' });
  const today = '2026-12-05' as CalendarDate;
  try {
    const pictures = await Promise.all(
      Array.from({ length: receipts }, async (_, index) => {
        const cents = 1_000 + index * 4_321;
        const total = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
        const png = await images.render({
          merchant: `MERCADO NUMERO ${index + 1} LTDA`,
          printedDate: '03/12/2026 10:00',
          items: [{ name: 'ITEM', amount: total }],
          total,
          rotation: index % 2 === 0 ? 1.5 : -1.5,
          noiseSeed: index + 1,
        });
        return { png, cents };
      }),
    );
    const started = performance.now();
    await reader.readText({ bytes: pictures[0]?.png ?? Buffer.alloc(0), mimeType: 'image/png' });
    const engineStartMs = Math.round(performance.now() - started);
    const times: number[] = [];
    let right = 0;
    for (const { png, cents } of pictures) {
      const at = performance.now();
      const text = await reader.readText({ bytes: png, mimeType: 'image/png' });
      times.push(Math.round(performance.now() - at));
      if (readReceiptFields(text, today).totalCents === cents) right += 1;
    }
    times.sort((a, b) => a - b);
    const result = {
      engineStartMs,
      recognitionMs: { p50: times[Math.floor(times.length / 2)] ?? 0, max: times.at(-1) ?? 0 },
      totalsReadRight: `${right}/${receipts}`,
    };
    console.log(
      `receipt OCR: first receipt (engine start + read) ${engineStartMs} ms, then per receipt p50 ${result.recognitionMs.p50} ms, max ${result.recognitionMs.max} ms; totals read right ${result.totalsReadRight}`,
    );
    return result;
  } finally {
    await reader.stop();
    await images.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchReceiptOcr();
