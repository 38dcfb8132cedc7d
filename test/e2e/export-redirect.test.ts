import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { seedLedgerEntry } from '#test/support/tenant-api-fixtures';
import { type DemoRole, signInAll, tableClient } from '#test/support/tenant-api-session';

/**
 * An export through the local cloud as an ERP sees it: the API (token, role, query) answers 303 to the export
 * function's URL with a ticket for that request; that URL streams the CSV without any Authorization header
 * (clients drop it on a cross-origin redirect) and refuses a ticket for another request. `fetch` follows it.
 */
describe('exports: 303 to the streaming export URL', () => {
  let cloud: LocalCloud;
  let tokens: Record<DemoRole, string>;

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    tokens = await signInAll(cloud);
    await seedLedgerEntry(tableClient(cloud), cloud.tableName, 'entry-export');
  }, 120_000);
  afterAll(async () => {
    await cloud?.stop();
  });

  const api = (path: string, token?: string) =>
    fetch(`${cloud.apiUrl}${path}`, {
      redirect: 'manual',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it('redirects a member to a ticketed export URL that streams the CSV without the token', async () => {
    const redirect = await api('/v1/exports/ledger.csv?month=2026-11&format=iso', tokens.viewer);
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('cache-control')).toBe('no-store');
    const location = new URL(redirect.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${cloud.apiUrl}/_exports/v1/exports/ledger.csv`);
    expect(location.searchParams.get('month')).toBe('2026-11');
    expect(location.searchParams.get('ticket')).toMatch(/^[\w-]+\.[\w-]+$/);
    const csv = await fetch(location);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('transfer-encoding')).toBe('chunked');
    const [header, ...rows] = (await csv.text()).trim().split('\r\n');
    expect(header).toBe('date,kind,category,description,amount_cents');
    expect(rows.length).toBeGreaterThan(0);

    const followed = await fetch(`${cloud.apiUrl}/v1/exports/ledger.csv?month=2026-11&format=iso`, {
      headers: { authorization: `Bearer ${tokens.owner}` },
    });
    expect(followed.status).toBe(200);
    expect(followed.redirected).toBe(true);
    expect((await followed.text()).trim().split('\r\n')).toHaveLength(rows.length + 1);
  });

  it('refuses before redirecting (no token, bad query) and at the export URL (another request, no ticket)', async () => {
    expect((await api('/v1/exports/ledger.csv?month=2026-11')).status).toBe(401);
    expect((await api('/v1/exports/ledger.csv?month=november', tokens.viewer)).status).toBe(400);
    const redirect = await api('/v1/exports/ledger.csv?month=2026-11', tokens.viewer);
    const location = new URL(redirect.headers.get('location') ?? '');
    location.searchParams.set('month', '2026-10');
    const otherMonth = await fetch(location);
    expect(otherMonth.status).toBe(401);
    expect(otherMonth.headers.get('content-type')).toBe('application/problem+json');
    location.searchParams.delete('ticket');
    expect((await fetch(location)).status).toBe(401);
  });
});
