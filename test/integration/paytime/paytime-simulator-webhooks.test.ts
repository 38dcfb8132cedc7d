import { afterEach, describe, expect, it } from 'vitest';
import { PaytimeBillingProvider } from '#adapters/paytime/paytime-billing-provider';
import {
  type RunningPaytimeSimulator,
  startPaytimeSimulator,
} from '#simulators/paytime/start-paytime-simulator';
import { sampleRequest } from '#test/unit/paytime/sample-request';
import { eventually, type ReceiverBehaviour, startWebhookReceiver } from './webhook-receiver';

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(behaviour?: ReceiverBehaviour) {
  const receiver = await startWebhookReceiver(behaviour);
  cleanups.push(receiver.stop);
  const simulator = await startPaytimeSimulator({
    processingDelayMs: null,
    webhook: { url: receiver.url, basicUser: 'paytime', basicPassword: 's3nh@:forte', retryDelayMs: 20 },
  });
  cleanups.push(simulator.stop);
  const paytime = new PaytimeBillingProvider({
    baseUrl: simulator.url,
    ...simulator.credentials,
    timeoutMs: 2_000,
  });
  return { receiver, simulator, paytime };
}

async function pendingBillet(simulator: RunningPaytimeSimulator, paytime: PaytimeBillingProvider) {
  const created = await paytime.createBoleto(sampleRequest());
  simulator.controls.completeProcessing(created.providerId);
  await simulator.controls.settle();
  return created.providerId;
}

const basic = `Basic ${Buffer.from('paytime:s3nh@:forte').toString('base64')}`;

describe('Paytime simulator webhooks', () => {
  it('posts updated-billet-status with Basic auth and the billet as data', async () => {
    const { receiver, simulator, paytime } = await setUp();
    const id = await pendingBillet(simulator, paytime);
    expect(receiver.received).toHaveLength(1);
    const [webhook] = receiver.received;
    expect(webhook?.authorization).toBe(basic);
    expect(webhook?.contentType).toBe('application/json');
    expect(webhook?.json.event).toBe('updated-billet-status');
    expect(Number.isNaN(Date.parse(webhook?.json.event_date ?? ''))).toBe(false);
    expect(webhook?.json.data).toMatchObject({ _id: id, status: 'PENDING', original_amount: 15_000 });
    expect(webhook?.json.data.digitable_line).toMatch(/^\d{47}$/);
  });

  it('sends no webhook for the create itself, and one per later status change', async () => {
    const { receiver, simulator, paytime } = await setUp();
    const id = await pendingBillet(simulator, paytime);
    simulator.controls.pay(id, 14_000);
    await simulator.controls.settle();
    expect(receiver.received.map((webhook) => webhook.json.data.status)).toEqual(['PENDING', 'PAID']);
    expect(receiver.received[1]?.json.data).toMatchObject({ paid_amount: 14_000 });
  });

  it('tries again when the receiver fails, three tries at most', async () => {
    const { receiver, simulator, paytime } = await setUp((index) => ({ status: index < 2 ? 500 : 200 }));
    await pendingBillet(simulator, paytime);
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((webhook) => webhook.body)).size).toBe(1);
    const [delivery] = simulator.controls.webhookDeliveries();
    expect(delivery?.outcome).toBe('delivered');
    expect(delivery?.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 200]);
  });

  it('gives up after three failed tries', async () => {
    const { receiver, simulator, paytime } = await setUp(() => ({ status: 503 }));
    await pendingBillet(simulator, paytime);
    expect(receiver.received).toHaveLength(3);
    expect(simulator.controls.webhookDeliveries()[0]?.outcome).toBe('failed');
  });

  it('counts an answer slower than one second as a failure', async () => {
    const { receiver, simulator, paytime } = await setUp((index) => ({
      status: 200,
      delayMs: index === 0 ? 1_500 : 0,
    }));
    await pendingBillet(simulator, paytime);
    const [delivery] = simulator.controls.webhookDeliveries();
    expect(delivery?.attempts[0]?.status).toBeNull();
    expect(delivery?.attempts[0]?.error).toMatch(/Timeout|Abort/);
    expect(delivery?.outcome).toBe('delivered');
    expect(receiver.received).toHaveLength(2);
  });

  it('drops a webhook when told to and still sends the next one', async () => {
    const { receiver, simulator, paytime } = await setUp();
    simulator.controls.dropNextWebhooks(1);
    const id = await pendingBillet(simulator, paytime);
    expect(receiver.received).toHaveLength(0);
    expect(simulator.controls.webhookDeliveries()[0]?.outcome).toBe('dropped');
    simulator.controls.pay(id);
    await simulator.controls.settle();
    expect(receiver.received.map((webhook) => webhook.json.data.status)).toEqual(['PAID']);
  });

  it('delivers a webhook twice when told to duplicate it', async () => {
    const { receiver, simulator, paytime } = await setUp();
    simulator.controls.duplicateNextWebhooks(1);
    await pendingBillet(simulator, paytime);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]?.body).toBe(receiver.received[1]?.body);
  });

  it('sends a webhook when a boleto is cancelled through the API', async () => {
    const { receiver, simulator, paytime } = await setUp();
    const id = await pendingBillet(simulator, paytime);
    await paytime.cancelBoleto(id);
    await simulator.controls.settle();
    expect(receiver.received.map((webhook) => webhook.json.data.status)).toEqual(['PENDING', 'CANCELED']);
  });
});

describe('Paytime simulator control API', () => {
  it('lists billets, pays one with amount_cents and injects faults over HTTP', async () => {
    const { receiver, simulator, paytime } = await setUp();
    const id = await pendingBillet(simulator, paytime);
    const control = (path: string, init?: RequestInit) => fetch(`${simulator.url}/_sim/paytime${path}`, init);

    const listed = (await (await control('/boletos')).json()) as {
      data: Array<{ _id: string; status: string }>;
    };
    expect(listed.data.map((billet) => [billet._id, billet.status])).toEqual([[id, 'PENDING']]);

    const paid = await control(`/boletos/${id}/pay`, {
      method: 'POST',
      body: JSON.stringify({ amount_cents: 15_000 }),
    });
    expect(paid.status).toBe(200);
    expect(await paid.json()).toMatchObject({ status: 'PAID', paid_amount: 15_000 });
    const again = await control(`/boletos/${id}/pay`, { method: 'POST', body: '{}' });
    expect(again.status).toBe(409);
    await eventually(() => (receiver.received.length === 2 ? true : undefined));

    const fault = await control('/faults', {
      method: 'POST',
      body: JSON.stringify({ fail_next: { count: 1, status: 502, operations: ['get'] } }),
    });
    expect(fault.status).toBe(200);
    const raw = await paytime.getBoleto(id); // retried by the adapter after the injected 502
    expect(raw.status).toBe('paid');
    const log = (await (await control('/requests')).json()) as {
      data: Array<{ operation: string; outcome: number }>;
    };
    expect(log.data.filter((entry) => entry.operation === 'get').map((entry) => entry.outcome)).toEqual([
      502, 200,
    ]);

    const bad = await control('/faults', {
      method: 'POST',
      body: JSON.stringify({ fail_next: { status: 404 } }),
    });
    expect(bad.status).toBe(400);
  });

  it('answers Paytime-style errors for bad credentials, bad bodies and too-large pages', async () => {
    const { simulator } = await setUp();
    const login = await fetch(`${simulator.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'integration-key': 'x', 'authentication-key': 'y', 'x-token': 'z' },
    });
    expect(login.status).toBe(401);
    const ok = await fetch(`${simulator.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        'integration-key': simulator.credentials.integrationKey,
        'authentication-key': simulator.credentials.authenticationKey,
        'x-token': simulator.credentials.xToken,
      }),
    });
    const { token, expires_in } = (await ok.json()) as { token: string; expires_in: number };
    expect(expires_in).toBeGreaterThan(0);
    const headers = {
      authorization: `Bearer ${token}`,
      'integration-key': simulator.credentials.integrationKey,
      'x-token': simulator.credentials.xToken,
      'content-type': 'application/json',
    };
    const invalid = await fetch(`${simulator.url}/v1/marketplace/billets`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ amount: 10.5, expiration: '2026-13-01', client: { document: '123' } }),
    });
    expect(invalid.status).toBe(422);
    const problems = ((await invalid.json()) as { message: string[] }).message;
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^amount/), expect.stringMatching(/^expiration/)]),
    );
    const tooMany = await fetch(`${simulator.url}/v1/marketplace/billets?perPage=101`, { headers });
    expect(tooMany.status).toBe(400);
    const noToken = await fetch(`${simulator.url}/v1/marketplace/billets`, {
      headers: { ...headers, authorization: '' },
    });
    expect(noToken.status).toBe(401);
  });
});
