import { afterAll, describe, expect, it } from 'vitest';
import { PdfReceiptTextReader } from '#adapters/ocr/pdf-receipt-text-reader';
import { ReceiptFileReader } from '#adapters/ocr/receipt-file-reader';
import { ReceiptNotReadableError } from '#application/ports/receipt-text-reader';
import type { CalendarDate } from '#domain/calendar-date';
import { readReceiptFields } from '#domain/receipt-fields';
import { MERCADINHO_FIELDS, MERCADINHO_RECEIPT, ReceiptImages } from '#test/support/receipt-image';
import { receiptPdf, scannedReceiptPdf } from '#test/support/receipt-pdf';

const today = '2026-12-05' as CalendarDate;

/** pdf.js (unpdf) on PDFs the test generates with pdf-lib: the text layer goes through the photo's field rules. */
describe('PdfReceiptTextReader', () => {
  const reader = new PdfReceiptTextReader();

  it('reads a PDF receipt’s text layer, and the same rules find every field', async () => {
    const text = await reader.readText({
      bytes: await receiptPdf(MERCADINHO_RECEIPT),
      mimeType: 'application/pdf',
    });
    expect(readReceiptFields(text, today)).toEqual(MERCADINHO_FIELDS);
  });

  it('reads thousands and a PDF sent as application/octet-stream', async () => {
    const pdf = await receiptPdf({
      merchant: 'AUTO POSTO BOA VIAGEM',
      printedDate: '28/11/2026 08:05',
      items: [{ name: 'GASOLINA COMUM', amount: '1.150,00' }],
      total: '1.150,00',
      payment: 'PIX',
    });
    const text = await new ReceiptFileReader({ langPath: '/nonexistent' }).readText({
      bytes: pdf,
      mimeType: 'application/octet-stream',
    });
    expect(readReceiptFields(text, today)).toMatchObject({
      totalCents: 115000,
      date: '2026-11-28',
      paymentMethod: 'pix',
    });
  });

  it('leaves the caller’s bytes intact (pdf.js detaches the buffer it is given)', async () => {
    const pdf = await receiptPdf(MERCADINHO_RECEIPT);
    const before = Buffer.from(pdf).toString('base64');
    await reader.readText({ bytes: pdf, mimeType: 'application/pdf' });
    expect(pdf.byteLength).toBeGreaterThan(0);
    expect(Buffer.from(pdf).toString('base64')).toBe(before);
  });

  it('refuses a corrupt PDF and bytes that are not a PDF as not readable', async () => {
    const pdf = await receiptPdf(MERCADINHO_RECEIPT);
    await expect(
      reader.readText({ bytes: pdf.subarray(0, 200), mimeType: 'application/pdf' }),
    ).rejects.toBeInstanceOf(ReceiptNotReadableError);
    await expect(
      reader.readText({ bytes: Buffer.from('not a pdf'), mimeType: 'application/pdf' }),
    ).rejects.toBeInstanceOf(ReceiptNotReadableError);
  });

  describe('a scanned PDF (a picture, no text layer)', () => {
    const images = new ReceiptImages();
    afterAll(() => images.close());

    it('is not readable: the owner is asked for the amount', async () => {
      const scan = await scannedReceiptPdf(await images.render(MERCADINHO_RECEIPT));
      await expect(reader.readText({ bytes: scan, mimeType: 'application/pdf' })).rejects.toThrow(
        /no text layer/,
      );
    }, 60_000);
  });
});
