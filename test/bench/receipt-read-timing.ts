import type { CalendarDate } from '#domain/calendar-date';
import { readReceiptFields } from '#domain/receipt-fields';

export interface ReceiptReadTimes {
  /** The first read: the reader's load (engine, library) plus one read. */
  firstReadMs: number;
  /** Each read after that. */
  readMs: { p50: number; max: number };
  totalsReadRight: string;
}

/** Totals of generated receipts (R$ 10,00, R$ 53,21, …) as printed: `10,00`, `53,21`. */
export function benchTotals(receipts: number): Array<{ cents: number; printed: string }> {
  return Array.from({ length: receipts }, (_, index) => {
    const cents = 1_000 + index * 4_321;
    return { cents, printed: `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}` };
  });
}

/**
 * Reads the first file once (the cold reader), then every file, timing each read and checking the total the
 * field rules find in the text against the one printed.
 */
export async function timeReceiptReads(
  files: Array<{ bytes: Uint8Array; cents: number }>,
  readText: (bytes: Uint8Array) => Promise<string>,
): Promise<ReceiptReadTimes> {
  const today = '2026-12-05' as CalendarDate;
  const started = performance.now();
  await readText(files[0]?.bytes ?? new Uint8Array());
  const firstReadMs = Math.round(performance.now() - started);
  const times: number[] = [];
  let right = 0;
  for (const { bytes, cents } of files) {
    const at = performance.now();
    const text = await readText(bytes);
    times.push(Math.round(performance.now() - at));
    if (readReceiptFields(text, today).totalCents === cents) right += 1;
  }
  times.sort((a, b) => a - b);
  return {
    firstReadMs,
    readMs: { p50: times[Math.floor(times.length / 2)] ?? 0, max: times.at(-1) ?? 0 },
    totalsReadRight: `${right}/${files.length}`,
  };
}
