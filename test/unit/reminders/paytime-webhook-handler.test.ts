import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { ProviderEvent, ProviderEventStore } from '#application/payments/provider-event-store';
import { basicAuthMatches } from '#functions/paytime-webhook/basic-auth';
import { createPaytimeWebhookHandler } from '#functions/paytime-webhook/create-handler';

const sample = (name: string): APIGatewayProxyEventV2 =>
  structuredClone(
    JSON.parse(
      readFileSync(new URL(`../../../events/paytime-webhook/${name}.json`, import.meta.url), 'utf8'),
    ),
  );

function memoryStore() {
  const stored = new Map<string, ProviderEvent>();
  const store: ProviderEventStore = {
    async storeIfNew(event) {
      if (stored.has(event.eventId)) return 'duplicate';
      stored.set(event.eventId, event);
      return 'stored';
    },
    async get(_tenantId, eventId) {
      return stored.get(eventId);
    },
    async markProcessed() {},
  };
  return { store, stored };
}

const quiet = { info() {}, warn() {}, error() {} };

function handlerWith(
  store: ProviderEventStore,
  credentials = [{ user: 'paytime', password: 's3nh@:forte' }],
) {
  return createPaytimeWebhookHandler({
    tenantId: 'demo',
    events: store,
    clock: { now: () => new Date('2026-12-08T17:42:04.000Z') },
    providerName: 'paytime',
    credentials: async () => credentials,
    maxBodyBytes: 64 * 1024,
    logger: quiet,
  });
}

describe('Paytime webhook Basic auth', () => {
  const accepted = [
    { user: 'paytime', password: 'nova' },
    { user: 'paytime', password: 'antiga' },
  ];
  const basic = (pair: string) => `Basic ${Buffer.from(pair).toString('base64')}`;

  it('accepts either slot while rotating, and nothing else', () => {
    expect(basicAuthMatches(basic('paytime:nova'), accepted)).toBe(true);
    expect(basicAuthMatches(basic('paytime:antiga'), accepted)).toBe(true);
    expect(basicAuthMatches(basic('paytime:nov'), accepted)).toBe(false);
    expect(basicAuthMatches(basic('PAYTIME:nova'), accepted)).toBe(false);
    expect(basicAuthMatches(`Bearer ${basic('paytime:nova').slice(6)}`, accepted)).toBe(false);
    expect(basicAuthMatches(undefined, accepted)).toBe(false);
    expect(basicAuthMatches('Basic', accepted)).toBe(false);
    expect(basicAuthMatches(basic('paytime:nova'), [])).toBe(false);
  });

  it('keeps a colon inside the password', () => {
    expect(
      basicAuthMatches(basic('paytime:s3nh@:forte'), [{ user: 'paytime', password: 's3nh@:forte' }]),
    ).toBe(true);
  });
});

describe('Paytime webhook handler', () => {
  it('stores the event once and answers 200, for a base64 or a plain body', async () => {
    const { store, stored } = memoryStore();
    const handler = handlerWith(store);
    const first = await handler(sample('paid'));
    const replay = await handler(sample('paid-plain-body'));
    expect(first).toMatchObject({ statusCode: 200 });
    expect(JSON.parse(String(first.body))).toEqual({ received: true, duplicate: false });
    expect(JSON.parse(String(replay.body))).toEqual({ received: true, duplicate: true });
    expect([...stored.values()]).toEqual([
      {
        tenantId: 'demo',
        eventId: expect.stringMatching(/^[0-9a-f]{32}$/),
        provider: 'paytime',
        providerId: '6923a1f0c2b4e81a9d3f5e71',
        claimedStatus: 'PAID',
        eventType: 'updated-billet-status',
        eventDate: '2026-12-08T17:42:03.551Z',
        receivedAt: '2026-12-08T17:42:04.000Z',
      },
    ]);
  });

  it('answers 401 with a Basic challenge and stores nothing without the right credentials', async () => {
    const { store, stored } = memoryStore();
    const handler = handlerWith(store);
    for (const name of ['missing-auth', 'wrong-auth']) {
      const answer = await handler(sample(name));
      expect(answer.statusCode).toBe(401);
      expect(answer.headers).toMatchObject({ 'www-authenticate': 'Basic realm="paytime-webhook"' });
    }
    expect(stored.size).toBe(0);
  });

  it('answers 500 (Paytime retries) when the event cannot be stored or the credentials cannot be read', async () => {
    const failing: ProviderEventStore = {
      ...memoryStore().store,
      storeIfNew: () => Promise.reject(new Error('down')),
    };
    expect((await handlerWith(failing)(sample('paid'))).statusCode).toBe(500);
    const noSecret = createPaytimeWebhookHandler({
      tenantId: 'demo',
      events: memoryStore().store,
      clock: { now: () => new Date() },
      providerName: 'paytime',
      credentials: () => Promise.reject(new Error('ssm down')),
      maxBodyBytes: 1024,
      logger: quiet,
    });
    expect((await noSecret(sample('paid'))).statusCode).toBe(500);
  });

  it('refuses other methods and oversized bodies', async () => {
    const handler = handlerWith(memoryStore().store);
    const get = sample('paid');
    get.requestContext.http.method = 'GET';
    expect((await handler(get)).statusCode).toBe(405);
    const big = sample('paid-plain-body');
    big.body = JSON.stringify({ event: 'updated-billet-status', padding: 'x'.repeat(70 * 1024), data: {} });
    expect((await handler(big)).statusCode).toBe(413);
  });
});
