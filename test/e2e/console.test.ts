import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCloudClient } from '#infra/local/local-cloud-client';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';

/**
 * The console in a real browser (Debian's Chromium, headless, driven by playwright-core): the demo owner asks
 * for a boleto in the chat, taps "Sim", and the boleto appears in the list. The screenshot is kept as a test
 * artifact in test-results/console.png.
 */

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Visible text with the no-break spaces Intl puts in `R$ 150,00` made plain. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');
}

describe('local console', () => {
  let cloud: LocalCloud;
  let context: BrowserContext;
  let userDataDir: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is required for the console test and was not found at ${CHROMIUM}. ` +
          'Install it with `sudo apt-get install -y chromium` (.ci/run installs it when missing).',
      );
    }
    cloud = await startLocalCloud({
      port: 0,
      // A Tuesday, 10:00 in São Paulo: inside the reminder window, whatever the real time.
      clockStart: new Date('2026-12-01T13:00:00.000Z'),
      functionLogLevel: 'ERROR',
    });
    userDataDir = await mkdtemp(join(tmpdir(), 'iris-console-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1400, height: 900 },
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await cloud?.stop();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it('sends a charge request in the chat, confirms it, shows the boleto and advances the clock', async () => {
    const page = await context.newPage();
    await page.goto(cloud.urls.console);
    await expect.poll(() => page.locator('#owner-label').textContent()).toContain('+5511999990001');

    await page.getByTestId('message').fill('cobra 150 reais do João dia 10');
    await page.getByTestId('send').click();

    const confirm = page.locator('[data-button-id^="confirm:"]').last();
    await confirm.waitFor({ timeout: 20_000 });
    await expect.poll(() => textOf(page.getByTestId('chat'))).toContain('R$ 150,00');
    await confirm.click();

    const boleto = page.getByTestId('boletos').locator('tbody tr', { hasText: 'João Silva' });
    await boleto.waitFor({ timeout: 20_000 });
    await expect.poll(() => textOf(boleto)).toContain('R$ 150,00');
    await expect.poll(() => textOf(boleto)).toContain('10/12/2026');
    await expect
      .poll(() => textOf(page.getByTestId('chat')), { timeout: 10_000 })
      .toContain('Linha digitável');

    await boleto.click();
    await expect.poll(() => textOf(page.getByTestId('audit'))).toContain('Registrado no Paytime');

    await page.getByTestId('advance-day').click();
    await expect.poll(() => textOf(page.getByTestId('clock')), { timeout: 15_000 }).toContain('02/12/2026');

    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/console.png', fullPage: true });
    expect(existsSync('test-results/console.png')).toBe(true);
  }, 60_000);

  it('shows an aging import sent on WhatsApp and the aging report it produced', async () => {
    const page = await context.newPage();
    await page.goto(cloud.urls.console);
    const csv = readFileSync(new URL('../../events/collections/aging-sample.csv', import.meta.url));
    const sent = await new LocalCloudClient(cloud.apiUrl).sendDocument('+5511999990001', {
      filename: 'carteira.csv',
      mimeType: 'text/csv',
      bytes: csv,
    });
    expect(sent.messageId).toEqual(expect.any(String));
    const imported = page.getByTestId('imports').locator('tbody tr', { hasText: 'carteira.csv' });
    await imported.waitFor({ timeout: 20_000 });
    await expect.poll(() => textOf(imported)).toMatch(/concluída.*12\s*9\s*3/);
    const account = page.getByTestId('aging').locator('tbody tr', { hasText: 'Padaria Souza 0' });
    await account.waitFor({ timeout: 10_000 });
    await expect.poll(() => textOf(account)).toContain('R$');
  }, 60_000);

  it('shows each budget with what the month spent against its limit', async () => {
    const page = await context.newPage();
    await page.goto(cloud.urls.console);
    const client = new LocalCloudClient(cloud.apiUrl);
    await client.sendText('+5511999990001', 'meu limite de mercado é 800 por mês');
    await client.sendText('+5511999990001', 'gastei 200 no mercado');
    const budget = page.getByTestId('budgets').locator('tbody tr', { hasText: 'mercado (alimentação)' });
    await budget.waitFor({ timeout: 20_000 });
    await expect
      .poll(() => textOf(budget), { timeout: 15_000 })
      .toMatch(/R\$ 200,00\s*R\$ 800,00\s*25%\s*R\$ 600,00/);
  }, 60_000);
});
