import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, formatDateBr, saoPauloDateOf } from '#domain/calendar-date';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';

/**
 * Every metric docs/deploy.md lists, emitted by the real handlers on the local cloud from real requests and
 * events, read back from the CloudWatch EMF lines the functions print (not from the CDK template).
 */

interface EmfLine {
  _aws: { CloudWatchMetrics: Array<{ Namespace: string; Metrics: Array<{ Name: string; Unit: string }> }> };
  service?: string;
  [metric: string]: unknown;
}

const printed: string[] = [];
let cloud: LocalCloud;
const owner = DEMO_TENANT.owner.phone;

function emf(): EmfLine[] {
  return printed.filter((line) => line.startsWith('{"_aws"')).map((line) => JSON.parse(line) as EmfLine);
}

/** How many of `name` were counted (in namespace IRIS), and by which services. */
function counted(name: string): { total: number; services: Set<string> } {
  let total = 0;
  const services = new Set<string>();
  for (const line of emf()) {
    const declared = line._aws.CloudWatchMetrics.some(
      (directive) =>
        directive.Namespace === 'IRIS' && directive.Metrics.some((metric) => metric.Name === name),
    );
    if (!declared) continue;
    total += Number(line[name]);
    if (line.service) services.add(line.service);
  }
  return { total, services };
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${cloud.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function say(message: Record<string, unknown>) {
  const response = await post('/_sim/whatsapp/inbound', { from: owner, ...message });
  expect(response.status).toBeLessThan(300);
  await cloud.settle();
}

beforeAll(async () => {
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) => {
    printed.push(...String(chunk).split('\n').filter(Boolean));
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  });
  cloud = await startLocalCloud({ port: 0, emitMetrics: true });
}, 60_000);

afterAll(async () => {
  await cloud?.stop();
  vi.restoreAllMocks();
});

describe('business metrics (EMF, namespace IRIS)', () => {
  it('WebhookSignatureRejected: a forged WhatsApp webhook, counted by whatsapp-webhook', async () => {
    const response = await post(
      '/webhooks/whatsapp',
      { object: 'whatsapp_business_account', entry: [] },
      { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
    );
    expect(response.status).toBe(401);
    expect(counted('WebhookSignatureRejected')).toEqual({
      total: 1,
      services: new Set(['whatsapp-webhook']),
    });
  });

  it('WebhookSignatureRejected: a Paytime webhook with wrong Basic credentials, counted by paytime-webhook', async () => {
    const response = await post(
      '/webhooks/paytime',
      { event: 'updated-billet-status', data: { _id: 'x', status: 'PAID' } },
      { authorization: `Basic ${Buffer.from('paytime:wrong').toString('base64')}` },
    );
    expect(response.status).toBe(401);
    expect(counted('WebhookSignatureRejected').total).toBe(2);
    expect(counted('WebhookSignatureRejected').services).toContain('paytime-webhook');
  });

  it('WebhookReceived, BoletoCreated and MessageSent: a charge confirmed on WhatsApp', async () => {
    const today = saoPauloDateOf(cloud.clock.now());
    await say({ text: `cobra 150 reais do João para ${formatDateBr(addDays(today, 10)).slice(0, 5)}` });
    expect(counted('WebhookReceived').services).toContain('whatsapp-webhook');
    const buttons = cloud.simulators.whatsapp.controls.outboundTo(owner).at(-1)?.request as {
      interactive?: { action?: { buttons?: Array<{ reply: { id: string; title: string } }> } };
    };
    const yes = buttons.interactive?.action?.buttons?.find((button) => button.reply.title === 'Sim');
    expect(yes, 'IRIS asked for confirmation').toBeDefined();
    await say({ button: yes?.reply });

    expect(counted('BoletoCreated').total).toBe(1);
    // Replies to the owner and the boleto to João: each message handed to WhatsApp is counted once.
    const accepted = cloud.simulators.whatsapp.controls
      .outboundTo(owner)
      .concat(cloud.simulators.whatsapp.controls.outboundTo(DEMO_TENANT.contacts[0].phone));
    expect(counted('MessageSent').total).toBeGreaterThanOrEqual(3);
    expect(counted('MessageSent').total).toBeLessThanOrEqual(accepted.length);
  });

  it('ReminderSent: the reminder loop puts a reminder in the outbox', async () => {
    for (let day = 0; day < 12 && counted('ReminderSent').total === 0; day++)
      await cloud.advance({ days: 1 });
    expect(counted('ReminderSent').total).toBeGreaterThanOrEqual(1);
  });

  it('WebhookReceived from Paytime: the payer pays', async () => {
    const { data } = (await (await fetch(`${cloud.apiUrl}/_sim/paytime/boletos`)).json()) as {
      data: Array<{ _id: string }>;
    };
    expect(data).toHaveLength(1);
    const response = await post(`/_sim/paytime/boletos/${data[0]?._id}/pay`, {});
    expect(response.status).toBeLessThan(300);
    await cloud.settle();
    expect(counted('WebhookReceived').services).toContain('paytime-webhook');
  });

  it('MessageFailed: WhatsApp refuses a message for good', async () => {
    const before = counted('MessageFailed').total;
    const fault = await post('/_sim/whatsapp/faults', { kind: 'permanent', code: 131026, count: 1 });
    expect(fault.status).toBeLessThan(300);
    await say({ text: 'quem me deve?' });
    expect(counted('MessageFailed').total).toBe(before + 1);
  });
});
