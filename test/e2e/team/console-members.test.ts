import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';

/**
 * Issue 14 item 6 in a real browser: the console signs in as Ana, Bruno and Carla through the local issuer and
 * reads contacts and statements through /v1 with that member's token (every /v1 call carries it); the chat is
 * the member's own, so Carla's charge request gets the viewer's refusal in her chat.
 */

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
];

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/** The username in a bearer token's claims (the console's /v1 calls are checked, not trusted). */
function usernameOf(authorization: string | undefined): string | undefined {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (!token) return undefined;
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
  return claims.username;
}

describe('the console signed in as each member', () => {
  let cloud: LocalCloud;
  let context: BrowserContext;
  let userDataDir: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`Chromium is required at ${CHROMIUM} (apt-get install chromium)`);
    cloud = await startLocalCloud({
      port: 0,
      clockStart: new Date('2026-12-01T13:00:00.000Z'),
      functionLogLevel: 'ERROR',
    });
    userDataDir = await mkdtemp(join(tmpdir(), 'iris-console-members-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await cloud?.stop();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  const apiCallsOf = (page: Page) => {
    const calls: Array<{ path: string; username: string | undefined }> = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/v1/')) {
        calls.push({ path: url.pathname, username: usernameOf(request.headers().authorization) });
      }
    });
    return calls;
  };

  it.each(DEMO_TENANT.members.map((member) => [member.username, member] as const))(
    'signs in as %s and reads contacts and a statement through /v1 with that token',
    async (username, member) => {
      const page = await context.newPage();
      const calls = apiCallsOf(page);
      await page.goto(cloud.urls.console);
      await page.getByTestId('member').selectOption(username);
      await expect
        .poll(() => textOf(page.locator('#owner-label')), { timeout: 15_000 })
        .toContain(member.phone);
      const joao = page.getByTestId('contacts').locator('tbody tr', { hasText: 'João Silva' });
      await joao.waitFor({ timeout: 15_000 });
      const fromHere = calls.length; // signed in as the member: every /v1 call from now on carries their token
      await joao.click();
      await expect
        .poll(() => textOf(page.getByTestId('statement')), { timeout: 15_000 })
        .toContain('Boletos: 0');
      await expect.poll(() => calls.some((call) => call.path.startsWith('/v1/statements/'))).toBe(true);
      const since = calls.slice(fromHere);
      expect(since.map((call) => call.username)).toEqual(since.map(() => username));
      await page.close();
    },
    60_000,
  );

  it("shows the member's own chat: Carla's charge request is refused in her chat", async () => {
    const page = await context.newPage();
    await page.goto(cloud.urls.console);
    await page.getByTestId('member').selectOption('carla');
    await expect.poll(() => textOf(page.locator('#owner-label')), { timeout: 15_000 }).toContain('Carla');
    await page.getByTestId('message').fill('cobra 100 do João dia 10');
    await page.getByTestId('send').click();
    await expect
      .poll(() => textOf(page.getByTestId('chat')), { timeout: 20_000 })
      .toContain('Seu perfil é consulta: não permite emitir boletos.');
    await page.close();
  }, 60_000);
});
