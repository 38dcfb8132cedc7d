import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCloudClient } from '#infra/local/local-cloud-client';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { listOf, routeCaller } from './route-call';
import { statusWebhookPayload } from './status-webhook-payload';

/**
 * The README's "Local interface" table is the contract: every route it lists is called here against a local
 * cloud, with what the table says it takes, and answers what it says; a route in the table without a case here
 * (or a case for a route the table does not list) fails the suite.
 */

function documentedRoutes(): string[] {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('## Local interface');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  const rows = [...section.matchAll(/^\|\s*`(GET|POST|PUT|DELETE)`\s*\|\s*`([^`]+)`/gm)];
  // A route may have several rows, one per kind of body (the inbound simulator: text, audio, image, document).
  return [...new Set(rows.map((row) => `${row[1]} ${row[2]}`))];
}

const OWNER = '+5511999990001';
const APP_SECRET = 'local-whatsapp-app-secret';

interface Ids {
  paidBillet: string;
  otherBillet: string;
  boletoId: string;
  sentMessageId: string;
}

describe('local interface documented in the README', () => {
  let cloud: LocalCloud;
  let client: LocalCloudClient;
  const ids = {} as Ids;
  const routes = documentedRoutes();

  const call = routeCaller(() => cloud.apiUrl);

  async function requestBoleto(text: string): Promise<void> {
    await client.sendText(OWNER, text);
    const confirm = (await client.chat())
      .flatMap((bubble) => bubble.buttons ?? [])
      .filter((button) => button.id.startsWith('confirm'))
      .at(-1);
    if (!confirm) throw new Error(`no confirmation asked for "${text}"`);
    await client.tapButton(OWNER, confirm);
  }

  beforeAll(async () => {
    cloud = await startLocalCloud({
      port: 0,
      clockStart: new Date('2026-12-01T13:00:00.000Z'),
      functionLogLevel: 'ERROR',
    });
    client = new LocalCloudClient(cloud.apiUrl);
    await requestBoleto('cobra 150 reais do João dia 10');
    await requestBoleto('cobra 80 reais da Maria dia 12');
    const billets = await client.paytimeBoletos();
    const boletos = await client.boletos();
    const joao = boletos.find((boleto) => boleto.contactName === 'João Silva');
    const maria = boletos.find((boleto) => boleto.contactName === 'Maria Souza');
    if (!joao?.providerId || !maria?.providerId || billets.length !== 2)
      throw new Error('boletos were not issued');
    ids.paidBillet = joao.providerId;
    ids.otherBillet = maria.providerId;
    ids.boletoId = joao.id;
    const sent = (await client.outboundTo(OWNER)).find((message) => message.messageId);
    if (!sent?.messageId) throw new Error('IRIS sent nothing to the owner');
    ids.sentMessageId = sent.messageId;
  }, 120_000);

  afterAll(async () => {
    await cloud?.stop();
  });

  const cases: Record<string, () => Promise<void>> = {
    'GET /webhooks/whatsapp': async () => {
      const query =
        'hub.mode=subscribe&hub.verify_token=local-whatsapp-verify-token&hub.challenge=1158201444';
      const answer = await call('GET', `/webhooks/whatsapp?${query}`);
      expect(answer.status).toBe(200);
      expect(answer.text).toBe('1158201444');
      expect(
        (await call('GET', '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1'))
          .status,
      ).toBe(403);
    },
    'POST /webhooks/whatsapp': async () => {
      const payload = statusWebhookPayload(ids.sentMessageId, cloud.clock.nowMs());
      const signature = `sha256=${createHmac('sha256', APP_SECRET).update(payload).digest('hex')}`;
      const signed = await call('POST', '/webhooks/whatsapp', {
        body: payload,
        headers: { 'x-hub-signature-256': signature },
      });
      expect(signed.status).toBe(200);
      const unsigned = await call('POST', '/webhooks/whatsapp', { body: payload });
      expect(unsigned.status).toBe(401);
    },
    'POST /webhooks/paytime': async () => {
      const billet = (await call('GET', `/_sim/paytime/boletos/${ids.paidBillet}`)).json;
      const event = {
        event: 'updated-billet-status',
        event_date: cloud.clock.now().toISOString(),
        data: billet,
      };
      const basic = Buffer.from('paytime:local-paytime-webhook-password').toString('base64');
      const accepted = await call('POST', '/webhooks/paytime', {
        body: event,
        headers: { authorization: `Basic ${basic}` },
      });
      expect(accepted.status).toBe(200);
      expect((await call('POST', '/webhooks/paytime', { body: event })).status).toBe(401);
    },
    'GET /health': async () => {
      const answer = await call('GET', '/health');
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ status: 'ok' });
    },
    'POST /_local/auth/token': async () => {
      const answer = await call('POST', '/_local/auth/token', { body: { username: 'carla' } });
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({
        token_type: 'Bearer',
        member: { username: 'carla', role: 'viewer' },
      });
    },
    'GET /v1/contacts': async () => {
      const { json } = await call('POST', '/_local/auth/token', { body: { username: 'bruno' } });
      const headers = { authorization: `Bearer ${String(json?.access_token)}` };
      expect((await call('GET', '/v1/contacts')).status).toBe(401);
      const list = await call('GET', '/v1/contacts', { headers });
      expect(list.status).toBe(200);
      expect(listOf(list, 'data').map((contact) => contact.id)).toContain('joao-silva');
      const one = await call('GET', '/v1/contacts/maria-souza', { headers });
      expect(one.json).toMatchObject({ id: 'maria-souza', name: 'Maria Souza' });
    },
    'GET /v1/statements/<contactId>': async () => {
      const { json } = await call('POST', '/_local/auth/token', { body: { username: 'ana' } });
      const answer = await call('GET', '/v1/statements/pedro-alvares', {
        headers: { authorization: `Bearer ${String(json?.access_token)}` },
      });
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({
        contact: { id: 'pedro-alvares' },
        totals: { boletoCount: 0, paymentCount: 0, openBalanceCents: 0 },
        lines: [],
        nextCursor: null,
      });
    },
    'GET /_exports/v1/exports/<name>.csv': async () => {
      const { json } = await call('POST', '/_local/auth/token', { body: { username: 'carla' } });
      const redirect = await fetch(`${cloud.apiUrl}/v1/exports/ledger.csv?month=2026-11`, {
        redirect: 'manual',
        headers: { authorization: `Bearer ${String(json?.access_token)}` },
      });
      expect(redirect.status).toBe(303);
      const location = redirect.headers.get('location') ?? '';
      expect(
        location.startsWith(`${cloud.apiUrl}/_exports/v1/exports/ledger.csv?month=2026-11&ticket=`),
      ).toBe(true);
      const csv = await fetch(location);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(await fetch(location.replace(/ticket=[^&]+/, 'ticket=forged.x'))).toHaveProperty('status', 401);
    },
    'GET /ready': async () => {
      const answer = await call('GET', '/ready');
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ ready: true, missingFunctions: [] });
    },
    'POST /_sim/whatsapp/inbound': async () => {
      const answer = await call('POST', '/_sim/whatsapp/inbound', {
        body: { from: OWNER, text: 'quem me deve?' },
      });
      expect(answer.status).toBe(200);
      expect(answer.json?.messageId).toMatch(/^wamid\./);
      expect(answer.headers.get('x-iris-settled')).toBe('true');
      const chat = await client.chat();
      expect(chat.at(-1)?.direction).toBe('outbound');
    },
    'GET /_sim/whatsapp/outbound': async () => {
      const answer = await call('GET', `/_sim/whatsapp/outbound?to=${encodeURIComponent(OWNER)}`);
      expect(answer.status).toBe(200);
      expect(listOf(answer, 'messages').length).toBeGreaterThan(2);
    },
    'GET /_sim/whatsapp/conversation': async () => {
      const answer = await call('GET', `/_sim/whatsapp/conversation?with=${encodeURIComponent(OWNER)}`);
      expect(answer.status).toBe(200);
      const directions = listOf<{ direction: string }>(answer, 'messages').map((entry) => entry.direction);
      expect(directions).toContain('inbound');
      expect(directions).toContain('outbound');
    },
    'POST /_sim/whatsapp/status': async () => {
      const answer = await call('POST', '/_sim/whatsapp/status', {
        body: { messageId: ids.sentMessageId, status: 'read' },
      });
      expect(answer.status).toBe(200);
      expect(answer.json?.status).toBe(200);
    },
    'POST /_sim/whatsapp/faults': async () => {
      const answer = await call('POST', '/_sim/whatsapp/faults', {
        body: { kind: 'server_error', count: 2 },
      });
      expect(answer.status).toBe(200);
      expect(answer.json?.pendingSendFaults).toBe(2);
    },
    'DELETE /_sim/whatsapp/faults': async () => {
      const answer = await call('DELETE', '/_sim/whatsapp/faults');
      expect(answer.json).toEqual({ pendingSendFaults: 0, pendingWebhookFaults: 0 });
    },
    'GET /_sim/openai/transcriptions': async () => {
      const answer = await call('GET', '/_sim/openai/transcriptions');
      expect(answer.status).toBe(200);
      expect(Array.isArray(answer.json)).toBe(true);
    },
    'POST /_sim/openai/faults': async () => {
      const answer = await call('POST', '/_sim/openai/faults', {
        body: { fail_next: { count: 2, status: 503 } },
      });
      expect(answer.json).toEqual({ fail_next: { count: 2, status: 503 } });
      await call('DELETE', '/_sim/openai/faults');
    },
    'DELETE /_sim/openai/faults': async () => {
      await call('POST', '/_sim/openai/faults', { body: { fail_next: { count: 1, status: 500 } } });
      expect((await call('DELETE', '/_sim/openai/faults')).json).toEqual({ cleared: true });
    },
    'GET /_sim/whatsapp/webhooks': async () => {
      const answer = await call('GET', '/_sim/whatsapp/webhooks');
      expect(listOf(answer, 'webhooks').length).toBeGreaterThan(0);
    },
    'GET /_sim/paytime/boletos': async () => {
      const answer = await call('GET', '/_sim/paytime/boletos');
      expect(listOf(answer, 'data').length).toBe(2);
    },
    'GET /_sim/paytime/boletos/<id>': async () => {
      const answer = await call('GET', `/_sim/paytime/boletos/${ids.paidBillet}`);
      expect(answer.json).toMatchObject({ _id: ids.paidBillet, original_amount: 15_000 });
    },
    'GET /_sim/paytime/boletos/<id>/pdf': async () => {
      const answer = await call('GET', `/_sim/paytime/boletos/${ids.paidBillet}/pdf`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/pdf');
    },
    'POST /_sim/paytime/boletos/<id>/pay': async () => {
      const answer = await call('POST', `/_sim/paytime/boletos/${ids.paidBillet}/pay`, {
        body: { amount_cents: 15_000 },
      });
      expect(answer.json?.status).toBe('PAID');
      expect(answer.headers.get('x-iris-settled')).toBe('true');
      const boleto = (await client.boletos()).find((item) => item.id === ids.boletoId);
      expect(boleto?.status).toBe('paid');
    },
    'POST /_sim/paytime/boletos/<id>/expire': async () => {
      const answer = await call('POST', `/_sim/paytime/boletos/${ids.otherBillet}/expire`);
      expect(answer.json?.status).toBe('EXPIRED');
    },
    'POST /_sim/paytime/faults': async () => {
      const answer = await call('POST', '/_sim/paytime/faults', {
        body: { latency_ms: 5, drop_next_webhooks: 1 },
      });
      expect(answer.status).toBe(200);
    },
    'GET /_sim/paytime/faults': async () => {
      const answer = await call('GET', '/_sim/paytime/faults');
      expect(answer.json).toMatchObject({ latencyMs: 5, webhooks: ['drop'] });
    },
    'DELETE /_sim/paytime/faults': async () => {
      const answer = await call('DELETE', '/_sim/paytime/faults');
      expect(answer.json).toMatchObject({ latencyMs: 0, api: [], webhooks: [] });
    },
    'GET /_sim/paytime/webhooks': async () => {
      const answer = await call('GET', '/_sim/paytime/webhooks');
      expect(listOf(answer, 'data').length).toBeGreaterThan(0);
    },
    'GET /_sim/paytime/requests': async () => {
      const answer = await call('GET', '/_sim/paytime/requests');
      const operations = listOf<{ operation: string }>(answer, 'data').map((entry) => entry.operation);
      expect(operations).toContain('create');
    },
    'GET /_local/clock': async () => {
      const answer = await call('GET', '/_local/clock');
      expect(Math.abs(Date.parse(String(answer.json?.now)) - cloud.clock.nowMs())).toBeLessThan(5_000);
      expect(answer.json?.saoPaulo).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    },
    'POST /_local/clock/advance': async () => {
      const before = cloud.clock.nowMs();
      const answer = await call('POST', '/_local/clock/advance', { body: { hours: 2 } });
      expect(answer.status).toBe(200);
      expect(answer.json?.settled).toBe(true);
      expect(cloud.clock.nowMs() - before).toBeGreaterThanOrEqual(2 * 3_600_000);
      expect((await call('POST', '/_local/clock/advance', { body: { weeks: 1 } })).status).toBe(400);
    },
    'POST /_local/settle': async () => {
      expect((await call('POST', '/_local/settle')).json?.settled).toBe(true);
    },
    'GET /_local/state': async () => {
      const answer = await call('GET', '/_local/state');
      expect(Object.keys(answer.json ?? {})).toEqual([
        'clock',
        'tenant',
        'boletos',
        'outbox',
        'emails',
        'latestReport',
        'budgets',
        'chat',
      ]);
    },
    'GET /_local/boletos': async () => {
      const boletos = listOf<{ id: string; status: string }>(await call('GET', '/_local/boletos'), 'boletos');
      expect(boletos.map((boleto) => boleto.status).sort()).toContain('paid');
    },
    'GET /_local/boletos/<id>': async () => {
      const answer = await call('GET', `/_local/boletos/${ids.boletoId}`);
      const types = listOf<{ type: string }>(answer, 'events').map((event) => event.type);
      expect(types[0]).toBe('BoletoRequested');
      expect(types).toContain('BoletoPaid');
      expect((await call('GET', '/_local/boletos/no-such-boleto')).status).toBe(404);
    },
    'GET /_local/outbox': async () => {
      const outbox = listOf<{ kind: string }>(await call('GET', '/_local/outbox'), 'outbox');
      expect(outbox.map((item) => item.kind)).toEqual(
        expect.arrayContaining(['owner_reply', 'boleto_to_contact']),
      );
    },
    'GET /_local/emails': async () => {
      const answer = await call('GET', '/_local/emails');
      expect(Array.isArray(answer.json?.emails)).toBe(true);
    },
    'GET /_local/imports': async () => {
      expect(listOf(await call('GET', '/_local/imports'), 'imports')).toEqual([]);
    },
    'GET /_local/aging': async () => {
      expect(listOf(await call('GET', '/_local/aging'), 'accounts')).toEqual([]);
    },
    'GET /_local/email-statuses': async () => {
      expect(listOf(await call('GET', '/_local/email-statuses'), 'emails')).toEqual(expect.any(Array));
    },
    'GET /_local/reports': async () => {
      expect(listOf(await call('GET', '/_local/reports'), 'reports')).toEqual([]);
    },
    'GET /_local/budgets': async () => {
      await client.sendText(OWNER, 'meu limite de mercado é 800 por mês');
      const answer = await call('GET', '/_local/budgets');
      expect(answer.json?.month).toBe('2026-12');
      expect(listOf(answer, 'budgets')).toEqual([
        expect.objectContaining({ category: 'alimentação', limitCents: 80_000, spentCents: 0, percent: 0 }),
      ]);
    },
    'POST /_sim/ses/events': async () => {
      const answer = await call('POST', '/_sim/ses/events', {
        body: { type: 'Bounce', to: 'ninguem@x.test' },
      });
      expect(answer.status).toBe(404);
      expect(answer.text).toContain('no e-mail was sent to ninguem@x.test');
    },
    'GET /_local/chat': async () => {
      const answer = await call('GET', '/_local/chat');
      const messages = listOf<{ text: string }>(answer, 'messages');
      expect(messages[0]?.text).toBe('cobra 150 reais do João dia 10');
    },
    'GET /_local/info': async () => {
      const answer = await call('GET', '/_local/info');
      expect(answer.json?.urls).toMatchObject({ api: cloud.apiUrl });
    },
    'GET /console': async () => {
      const page = await call('GET', '/console');
      expect(page.status).toBe(200);
      expect(page.text).toContain('<title>IRIS');
      expect((await call('GET', '/console/console.js')).status).toBe(200);
    },
  };

  it('has a case for every documented route and documents every case', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect([...routes].sort()).toEqual(Object.keys(cases).sort());
  });

  it.each(routes)('%s answers as documented', async (route) => {
    const run = cases[route];
    if (!run) throw new Error(`no test case for the documented route ${route}`);
    await run();
  });

  it('answers 404 for a route that is not documented', async () => {
    expect((await call('GET', '/_local/nothing-here')).status).toBe(404);
    expect((await call('GET', '/nothing-here')).status).toBe(404);
  });
});
