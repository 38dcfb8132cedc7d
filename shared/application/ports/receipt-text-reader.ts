/** Reads the printed text of a receipt (a photo; a PDF's text). Tesseract offline; a vision model may help. */
export interface ReceiptTextReader {
  /** The receipt's text, line by line; throws `ReceiptNotReadableError` when there is nothing to read. */
  readText(input: { bytes: Uint8Array; mimeType: string }): Promise<string>;
}

/** The file is not a picture the reader can decode (corrupt, unsupported format) or holds no text. */
export class ReceiptNotReadableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReceiptNotReadableError';
  }
}
