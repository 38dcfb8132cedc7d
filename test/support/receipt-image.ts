import { type Browser, chromium } from 'playwright-core';

/** What a generated receipt prints; tests compare what IRIS reads with these fields. */
export interface ReceiptSpec {
  merchant: string;
  cnpj?: string;
  address?: string;
  /** As printed, e.g. `03/12/2026 14:32`. */
  printedDate: string;
  items: Array<{ name: string; amount: string }>;
  /** As printed after the total's label, e.g. `87,40`. */
  total: string;
  /** The total's label (default `TOTAL R$`). */
  totalLabel?: string;
  payment?: string;
  /** Degrees of rotation of the paper (default 1.5). */
  rotation?: number;
  /** Seed of the speckle noise (default 7). */
  noiseSeed?: number;
}

const CHROMIUM = '/usr/bin/chromium';

/**
 * Renders a thermal-printer-like receipt as a PNG in headless Chromium: monospace text on a slightly rotated
 * paper with grey speckles (a seeded pseudo-random pattern, so the same spec gives the same picture).
 */
export class ReceiptImages {
  private browser: Promise<Browser> | undefined;

  async render(spec: ReceiptSpec): Promise<Buffer> {
    this.browser ??= chromium.launch({ executablePath: CHROMIUM });
    const page = await (await this.browser).newPage({ viewport: { width: 520, height: 700 } });
    try {
      await page.setContent(html(spec));
      return await page.screenshot({ fullPage: true, type: 'png' });
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser).close();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function html(spec: ReceiptSpec): string {
  const line = (text: string, style = '') => `<div style="${style}">${escapeHtml(text)}</div>`;
  const items = spec.items.map((item) => line(`${item.name.padEnd(18, '.')} ${item.amount}`)).join('');
  const speckles = speckleDots(spec.noiseSeed ?? 7)
    .map(
      ([x, y, r]) =>
        `<span style="position:absolute;left:${x}px;top:${y}px;width:${r}px;height:${r}px;border-radius:50%;background:#777"></span>`,
    )
    .join('');
  return `<html><body style="margin:0;background:#c8c8c8">
  <div style="position:relative;width:400px;margin:24px;padding:18px;background:#fbfbf6;font-family:'DejaVu Sans Mono',monospace;font-size:17px;line-height:1.35;color:#222;transform:rotate(${spec.rotation ?? 1.5}deg)">
    ${line(spec.merchant, 'text-align:center;font-weight:bold')}
    ${spec.cnpj ? line(`CNPJ: ${spec.cnpj}`, 'text-align:center') : ''}
    ${spec.address ? line(spec.address) : ''}
    ${line(spec.printedDate)}
    <hr>${items}<hr>
    ${line(`${spec.totalLabel ?? 'TOTAL R$'} ${spec.total}`, 'font-weight:bold')}
    ${spec.payment ? line(spec.payment) : ''}
    ${speckles}
  </div></body></html>`;
}

/** Deterministic speckles: [x, y, radius] from a linear congruential sequence. */
function speckleDots(seed: number): Array<[number, number, number]> {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: 90 }, () => [
    Math.round(next() * 420),
    Math.round(next() * 380),
    1 + Math.round(next() * 1.5),
  ]);
}
