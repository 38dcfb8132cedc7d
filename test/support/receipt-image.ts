import { type Browser, chromium } from 'playwright-core';
import type { CalendarDate } from '#domain/calendar-date';
import type { ReceiptFields } from '#domain/receipt-fields';
import type { TaxId } from '#domain/tax-id';

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

/** The issue's example receipt: every field printed (CNPJ with valid check digits, debit card). */
export const MERCADINHO_RECEIPT: ReceiptSpec = {
  merchant: 'MERCADINHO SÃO JORGE LTDA',
  cnpj: '11.222.333/0001-81',
  address: 'Rua das Flores, 123 - Centro',
  printedDate: '03/12/2026 14:32',
  items: [
    { name: 'ARROZ 5KG', amount: '27,90' },
    { name: 'FEIJAO 1KG', amount: '8,50' },
    { name: 'CAFE TORRADO', amount: '51,00' },
  ],
  total: '87,40',
  payment: 'CARTAO DEBITO 87,40',
};

/** What IRIS must read from `MERCADINHO_RECEIPT` (photo or PDF) on 2026-12-05. */
export const MERCADINHO_FIELDS: ReceiptFields = {
  totalCents: 8740,
  date: '2026-12-03' as CalendarDate,
  merchant: 'Mercadinho São Jorge',
  cnpj: '11222333000181' as TaxId,
  paymentMethod: 'cartão de débito',
};

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
