import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Worker } from 'tesseract.js';
import { ReceiptNotReadableError, type ReceiptTextReader } from '#application/ports/receipt-text-reader';

export interface TesseractReceiptTextReaderOptions {
  /**
   * The folder holding `por.traineddata` (Debian's `tesseract-ocr-por`: `/usr/share/tesseract-ocr/5/tessdata`;
   * in Lambda, the folder the bundle ships it in). Read from disk: nothing is downloaded at run time.
   */
  langPath: string;
}

/** A cold engine loads in ~5 s on this machine; past this something is wrong. */
const START_TIMEOUT_MS = 60_000;

const READABLE_IMAGES = /^image\/(jpeg|jpg|png|webp|bmp|gif|tiff)$/i;

/**
 * Tesseract (WASM, LSTM engine) with Portuguese data. The engine loads on the first receipt, not at cold start
 * (`import()` plus one worker per container, ~5 s here), so functions that never see a receipt never pay it.
 */
export class TesseractReceiptTextReader implements ReceiptTextReader {
  private worker: Promise<Worker> | undefined;

  constructor(private readonly options: TesseractReceiptTextReaderOptions) {}

  async readText(input: { bytes: Uint8Array; mimeType: string }): Promise<string> {
    const mimeType = (input.mimeType.split(';')[0] ?? '').trim();
    if (!READABLE_IMAGES.test(mimeType)) {
      throw new ReceiptNotReadableError(`OCR reads images, not ${mimeType}`);
    }
    let worker: Worker;
    try {
      worker = await this.startedWorker();
    } catch (error) {
      // No engine (its WASM core or the Portuguese data missing): the owner is asked for the amount instead.
      throw new ReceiptNotReadableError('the OCR engine could not start', { cause: error });
    }
    try {
      const result = await worker.recognize(Buffer.from(input.bytes));
      return result.data.text;
    } catch (error) {
      // An undecodable image can abort the engine's WASM instance: the next receipt gets a fresh worker.
      await this.stop().catch(() => undefined);
      throw new ReceiptNotReadableError('the image could not be decoded', { cause: error });
    }
  }

  /** Ends the worker (tests, benchmarks); the next read starts a new one. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker).terminate();
  }

  private startedWorker(): Promise<Worker> {
    if (!this.worker) {
      this.worker = this.startWorker();
      this.worker.catch(() => {
        this.worker = undefined;
      });
    }
    return this.worker;
  }

  /**
   * tesseract.js reports a missing data file as an uncaught error in its worker and never settles
   * `createWorker`: so the file is checked first, and the start is bounded.
   */
  private async startWorker(): Promise<Worker> {
    await access(join(this.options.langPath, 'por.traineddata'));
    const { createWorker, OEM } = await import('tesseract.js');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('OCR engine did not start in time')), START_TIMEOUT_MS);
    });
    try {
      return await Promise.race([
        createWorker('por', OEM.LSTM_ONLY, {
          langPath: this.options.langPath,
          gzip: false,
          cacheMethod: 'none',
          // Without a handler tesseract.js rethrows a failed job from its message listener (an uncaught
          // exception that would end the process); the job's own promise still rejects, and is handled above.
          errorHandler: () => undefined,
        }),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
