import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBusinessTime, runDemoStory } from '#infra/local/demo-story';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { LocalCloudClient } from '#infra/local/local-cloud-client';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';

/** `npm run demo`'s story, end to end, against a local cloud started here (the suite's DynamoDB Local). */
describe('npm run demo story', () => {
  let cloud: LocalCloud;

  beforeAll(async () => {
    cloud = await startLocalCloud({
      port: 0,
      // A Saturday, 21:30 in São Paulo: night, and the next day is a Sunday. The story moves the clock itself.
      clockStart: new Date('2026-12-06T00:30:00.000Z'),
      functionLogLevel: 'ERROR',
    });
  }, 120_000);

  afterAll(async () => {
    await cloud?.stop();
  });

  it('plays charge, clarification, confirmation, delivery, reminders, payment and notice — from a Saturday night', async () => {
    const lines: string[] = [];
    const result = await runDemoStory(new LocalCloudClient(cloud.apiUrl), (line) => lines.push(line));

    expect(
      result.steps.filter((step) => !step.ok),
      lines.join('\n'),
    ).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.steps).toHaveLength(9);
    expect(lines.join('\n')).toContain('avançado para o horário comercial');
    expect(lines.join('\n')).toContain('Qual a data de vencimento');
    expect(lines.join('\n')).toContain('estado paid');
    // Moved to Monday 10:00, then three days: Thursday.
    expect(cloud.clock.now().toISOString().slice(0, 10)).toBe('2026-12-10');
    const ownerChat = cloud.simulators.whatsapp.controls.conversation('+5511999990001');
    expect(ownerChat.at(-1)?.direction).toBe('outbound');
  }, 90_000);

  it('plays again on the same cloud, and only ever charges its own contact, leaving nothing open', async () => {
    const result = await runDemoStory(new LocalCloudClient(cloud.apiUrl), () => undefined);
    expect(result.ok, JSON.stringify(result.steps.at(-1))).toBe(true);
    const { boletos } = (await (await fetch(`${cloud.apiUrl}/_local/boletos`)).json()) as {
      boletos: Array<{ contactId: string; status: string }>;
    };
    expect(boletos).toHaveLength(2);
    for (const boleto of boletos)
      expect(boleto).toMatchObject({ contactId: 'caio-teixeira', status: 'paid' });
    for (const contact of DEMO_TENANT.contacts.filter((c) => c.contactId !== 'caio-teixeira'))
      expect(cloud.simulators.whatsapp.controls.outboundTo(contact.phone)).toEqual([]);
  }, 90_000);
});

describe('demoBusinessTime', () => {
  it.each([
    ['business time stays', '2026-12-02T14:00:00.000Z', '2026-12-02T14:00:00.000Z'],
    ['before 09:00 → 10:00 the same day', '2026-12-02T08:00:00.000Z', '2026-12-02T13:00:00.000Z'],
    ['Saturday night → Monday 10:00', '2026-12-06T00:30:00.000Z', '2026-12-07T13:00:00.000Z'],
    [
      'Christmas Eve night → the 26th (Christmas is a bank holiday)',
      '2026-12-24T22:00:00.000Z',
      '2026-12-26T13:00:00.000Z',
    ],
  ])('%s', (_label, now, expected) => {
    expect(demoBusinessTime(new Date(now)).toISOString()).toBe(expected);
  });
});
