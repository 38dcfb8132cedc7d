import type { ReceiptTextReader } from '#application/ports/receipt-text-reader';
import { isPdf, PdfReceiptTextReader } from './pdf-receipt-text-reader';
import { TesseractReceiptTextReader } from './tesseract-receipt-text-reader';

/**
 * A receipt file's text: a PDF's text layer (by its signature, whatever its MIME type says), a photo's by OCR.
 * Both go through the same field rules (`domain/receipt-fields.ts`).
 */
export class ReceiptFileReader implements ReceiptTextReader {
  private readonly pdf = new PdfReceiptTextReader();
  private readonly photo: TesseractReceiptTextReader;

  constructor(options: { langPath: string }) {
    this.photo = new TesseractReceiptTextReader(options);
  }

  readText(input: { bytes: Uint8Array; mimeType: string }): Promise<string> {
    return isPdf(input.bytes) ? this.pdf.readText(input) : this.photo.readText(input);
  }

  /** Ends the OCR worker (tests, benchmarks). */
  stop(): Promise<void> {
    return this.photo.stop();
  }
}
