import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizePhone } from '#domain/phone-number';
import { parseWhatsAppWebhook } from '#webhooks/whatsapp/parse-webhook';
import {
  ACCESS_TOKEN,
  PHONE_NUMBER_ID,
  type SimulatorFixture,
  startSimulatorFixture,
} from './simulator-fixture';

const CONTACT = normalizePhone('+5511987654321');

async function call(base: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function sendUnauthenticated(base: string, body: unknown) {
  return call(base, 'POST', `/v23.0/${PHONE_NUMBER_ID}/messages`, body);
}

describe('WhatsApp simulator control routes', () => {
  let fixture: SimulatorFixture;
  let base: string;

  beforeEach(async () => {
    fixture = await startSimulatorFixture();
    base = fixture.simulator.url;
  });

  afterEach(async () => {
    await fixture.stop();
  });

  it('makes a user send a message over HTTP and lists what IRIS sent, whatever the number format', async () => {
    const inbound = await call(base, 'POST', '/_sim/whatsapp/inbound', {
      from: '+5511987654321',
      text: 'Olá',
    });
    expect(inbound).toMatchObject({
      status: 200,
      body: { status: 200, messageId: expect.stringMatching(/^wamid\./) },
    });
    await fixture.sender.sendText({ to: CONTACT, text: 'primeira' });
    await fixture.sender.sendText({ to: CONTACT, text: 'segunda' });
    for (const to of ['%2B5511987654321', '5511987654321', '551187654321']) {
      const listed = await call(base, 'GET', `/_sim/whatsapp/outbound?to=${to}`);
      const texts = (listed.body.messages as Array<{ request: { text: { body: string } } }>).map(
        (m) => m.request.text.body,
      );
      expect(texts).toEqual(['primeira', 'segunda']);
    }
    const conversation = await call(base, 'GET', '/_sim/whatsapp/conversation?with=5511987654321');
    expect((conversation.body.messages as Array<{ direction: string }>).map((m) => m.direction)).toEqual([
      'inbound',
      'outbound',
      'outbound',
    ]);
  });

  it('rejects malformed control requests with 400', async () => {
    expect((await call(base, 'POST', '/_sim/whatsapp/inbound', { from: 'abc', text: 'x' })).status).toBe(400);
    expect((await call(base, 'POST', '/_sim/whatsapp/inbound', { from: '+5511987654321' })).status).toBe(400);
    expect(
      (await call(base, 'POST', '/_sim/whatsapp/inbound', { from: '+5511987654321', text: 'a', image: {} }))
        .status,
    ).toBe(400);
    const badMedia = [
      { document: { mime_type: 'application/pdf', content_base64: 'JVBERi0=' } },
      { document: { filename: 'a.pdf', mime_type: 'application/pdf' } },
      { document: { filename: 'a.pdf', mime_type: 'pdf', content_base64: 'JVBERi0=' } },
      { image: { mime_type: 'application/pdf', content_base64: 'JVBERi0=' } },
      { image: { content_base64: 'not base64!' } },
    ];
    for (const media of badMedia) {
      const response = await call(base, 'POST', '/_sim/whatsapp/inbound', {
        from: '+5511987654321',
        ...media,
      });
      expect(response.status).toBe(400);
    }
    expect((await call(base, 'POST', '/_sim/whatsapp/faults', { kind: 'permanent' })).status).toBe(400);
    expect((await call(base, 'POST', '/_sim/whatsapp/clock', {})).status).toBe(400);
    expect((await call(base, 'GET', '/_sim/whatsapp/outbound')).status).toBe(400);
  });

  it('moves the clock, injects faults and emits statuses over HTTP', async () => {
    const clock = await call(base, 'POST', '/_sim/whatsapp/clock', {
      nowMs: Date.parse('2026-12-08T12:00:00Z'),
    });
    expect(clock.body.nowMs).toBeGreaterThanOrEqual(Date.parse('2026-12-08T12:00:00Z'));
    await call(base, 'POST', '/_sim/whatsapp/inbound', { from: '+5511987654321', text: 'Oi' });
    await call(base, 'POST', '/_sim/whatsapp/clock', { advanceMs: 25 * 60 * 60 * 1000 });
    const windowClosed = await fetch(`${base}/v23.0/${PHONE_NUMBER_ID}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ACCESS_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        to: '5511987654321',
        type: 'text',
        text: { body: 'x' },
      }),
    });
    expect(windowClosed.status).toBe(400);
    expect(await windowClosed.json()).toMatchObject({
      error: {
        code: 131047,
        type: 'OAuthException',
        message: '(#131047) Re-engagement message',
        fbtrace_id: expect.any(String),
      },
    });

    const faults = await call(base, 'POST', '/_sim/whatsapp/faults', { kind: '500', count: 2 });
    expect(faults.body.pendingSendFaults).toBe(2);
    await call(base, 'DELETE', '/_sim/whatsapp/faults');
    const sent = await fixture.sender.sendTemplate({
      to: CONTACT,
      templateName: 't',
      languageCode: 'pt_BR',
      parameters: [],
    });

    const status = await call(base, 'POST', '/_sim/whatsapp/status', {
      messageId: sent.providerMessageId,
      status: 'delivered',
    });
    expect(status.body).toMatchObject({ status: 200, deliveries: 1 });
    const webhooks = await fixture.receiver.waitFor(2);
    expect(parseWhatsAppWebhook(webhooks[1]?.rawBody ?? '')).toMatchObject([
      { kind: 'status', status: 'delivered' },
    ]);
    expect(
      (await call(base, 'POST', '/_sim/whatsapp/status', { messageId: 'wamid.nope', status: 'read' })).status,
    ).toBe(404);
  });

  it('answers Meta-shaped errors for bad send requests', async () => {
    const unauthenticated = await sendUnauthenticated(base, {
      messaging_product: 'whatsapp',
      to: '5511987654321',
      type: 'text',
      text: { body: 'x' },
    });
    expect(unauthenticated).toMatchObject({ status: 401, body: { error: { code: 190 } } });
    const bad = await fetch(`${base}/v23.0/${PHONE_NUMBER_ID}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ACCESS_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', to: '5511987654321', type: 'text', text: {} }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: 100, error_data: { details: 'text.body: 1-4096 characters' } },
    });
  });

  it('points webhooks elsewhere and resets its state', async () => {
    await call(base, 'POST', '/_sim/whatsapp/webhook', { url: 'http://127.0.0.1:9/nowhere' });
    const inbound = await call(base, 'POST', '/_sim/whatsapp/inbound', {
      from: '+5511987654321',
      text: 'Oi',
    });
    expect(inbound.body.status).toBeNull();
    expect((await call(base, 'GET', '/_sim/whatsapp/webhooks')).body.webhooks).toHaveLength(1);
    await call(base, 'POST', '/_sim/whatsapp/reset');
    expect((await call(base, 'GET', '/_sim/whatsapp/conversation?with=5511987654321')).body.messages).toEqual(
      [],
    );
  });
});
