import { ReceiptNotReadableError, type ReceiptTextReader } from '#application/ports/receipt-text-reader';

/** A receipt PDF longer than this is not a receipt; its first pages are enough to find the total. */
const MAX_PAGES = 5;

/** `%PDF-`: how a PDF file starts, whatever MIME type WhatsApp gave it (`application/octet-stream`, …). */
export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/**
 * The text layer of a PDF receipt (an e-mailed NFC-e, a bank's payment receipt), read with pdf.js (unpdf's
 * serverless build: no worker, no canvas). The reader is `import()`ed on the first PDF, so a cold start
 * never parses it. A scanned PDF (only pictures, no text) is "not readable": the owner is asked for the
 * amount, as for an unreadable photo.
 */
export class PdfReceiptTextReader implements ReceiptTextReader {
  async readText(input: { bytes: Uint8Array; mimeType: string }): Promise<string> {
    if (!isPdf(input.bytes)) throw new ReceiptNotReadableError('not a PDF file');
    const { getDocumentProxy } = await import('unpdf');
    const lines: string[] = [];
    try {
      // pdf.js takes ownership of (detaches) the buffer it is given: it gets a copy.
      const document = await getDocumentProxy(new Uint8Array(input.bytes));
      try {
        for (let number = 1; number <= Math.min(document.numPages, MAX_PAGES); number += 1) {
          const page = await document.getPage(number);
          const content = await page.getTextContent();
          let line = '';
          for (const item of content.items) {
            if (!('str' in item)) continue;
            line += item.str;
            if (item.hasEOL) {
              lines.push(line);
              line = '';
            }
          }
          lines.push(line);
        }
      } finally {
        await document.loadingTask.destroy();
      }
    } catch (error) {
      throw new ReceiptNotReadableError('the PDF could not be read', { cause: error });
    }
    const text = lines.join('\n').trim();
    if (!text) throw new ReceiptNotReadableError('the PDF has no text layer (a scan)');
    return text;
  }
}
