import { afterAll, describe, expect, it } from 'vitest';
import { TesseractReceiptTextReader } from '#adapters/ocr/tesseract-receipt-text-reader';
import { ReceiptNotReadableError } from '#application/ports/receipt-text-reader';
import type { CalendarDate } from '#domain/calendar-date';
import { readReceiptFields } from '#domain/receipt-fields';
import {
  MERCADINHO_FIELDS,
  MERCADINHO_RECEIPT,
  ReceiptImages,
  type ReceiptSpec,
} from '#test/support/receipt-image';

/** Real Tesseract (WASM) with Debian's Portuguese data on receipts the test renders (rotated, speckled). */
describe('TesseractReceiptTextReader', () => {
  const reader = new TesseractReceiptTextReader({ langPath: '/usr/share/tesseract-ocr/5/tessdata' });
  const images = new ReceiptImages();
  const today = '2026-12-05' as CalendarDate;
  afterAll(async () => {
    await reader.stop();
    await images.close();
  });

  const cases: Array<{ spec: ReceiptSpec; expected: ReturnType<typeof readReceiptFields> }> = [
    {
      spec: MERCADINHO_RECEIPT,
      expected: MERCADINHO_FIELDS,
    },
    {
      spec: {
        merchant: 'AUTO POSTO BOA VIAGEM',
        printedDate: '28/11/2026 08:05',
        items: [{ name: 'GASOLINA COMUM', amount: '1.150,00' }],
        total: '1.150,00',
        payment: 'PIX',
        rotation: -2,
        noiseSeed: 11,
      },
      expected: {
        totalCents: 115000,
        date: '2026-11-28' as CalendarDate,
        merchant: 'Auto Posto Boa Viagem',
        cnpj: null,
        paymentMethod: 'pix',
      },
    },
  ];

  it.each(cases)(
    'reads $spec.merchant',
    async ({ spec, expected }) => {
      const png = await images.render(spec);
      const text = await reader.readText({ bytes: png, mimeType: 'image/png' });
      expect(readReceiptFields(text, today)).toEqual(expected);
    },
    120_000,
  );

  it('refuses bytes that are not a picture, and PDFs, as not readable', async () => {
    await expect(
      reader.readText({ bytes: Buffer.from('not an image'), mimeType: 'image/jpeg' }),
    ).rejects.toBeInstanceOf(ReceiptNotReadableError);
    await expect(
      reader.readText({ bytes: Buffer.from('%PDF-1.4'), mimeType: 'application/pdf' }),
    ).rejects.toBeInstanceOf(ReceiptNotReadableError);
  }, 60_000);

  it('reports a missing Portuguese data file as not readable (the owner is then asked for the amount)', async () => {
    const missing = new TesseractReceiptTextReader({ langPath: '/nonexistent/tessdata' });
    const png = await images.render(cases[1]?.spec as ReceiptSpec);
    await expect(missing.readText({ bytes: png, mimeType: 'image/png' })).rejects.toBeInstanceOf(
      ReceiptNotReadableError,
    );
    await missing.stop();
  }, 60_000);
});
