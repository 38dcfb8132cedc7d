import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORWARD_WINDOW_MS } from '#domain/payer-thread';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';

/**
 * Issue 11, "the payer's voice": texts held inside a payer's forward window reach the owner when the window
 * ends, even if the payer never writes again (a scheduled forward, deferred by delivery until the window's end),
 * and are never forwarded twice.
 */
describe('held payer texts at the end of the forward window, on the local cloud', () => {
  let cloud: LocalCloud;
  const owner = DEMO_TENANT.owner.phone;
  const maria = DEMO_TENANT.contacts[1] as (typeof DEMO_TENANT.contacts)[number];

  const say = async (from: string, text: string) => {
    const response = await fetch(`${cloud.apiUrl}/_sim/whatsapp/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from, text }),
    });
    expect(response.status).toBeLessThan(300);
    await cloud.settle();
  };
  const forwardsToOwner = () =>
    cloud.simulators.whatsapp.controls
      .outboundTo(owner)
      .filter((record) => record.accepted)
      .map((record) => (record.request as { text?: { body?: string } }).text?.body ?? '')
      .filter((text) => text.startsWith(`💬 ${maria.name} escreveu:`));

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    await say(owner, 'quem me deve?'); // the owner's 24-hour window is open: forwards go as free-form text
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('forwards the held texts when the window ends, once, and not again with the next message', async () => {
    await say(maria.phone, 'oi, tudo bem?');
    expect(forwardsToOwner()).toHaveLength(1);

    await cloud.advance({ minutes: 2 });
    await say(maria.phone, 'vou pagar sexta');
    await say(maria.phone, 'pode ser?');
    expect(forwardsToOwner()).toHaveLength(1); // held: inside the window

    await cloud.advance({ ms: FORWARD_WINDOW_MS }); // past the window's end; Maria writes nothing more
    const forwards = forwardsToOwner();
    expect(forwards).toHaveLength(2);
    expect(forwards[1]).toBe(`💬 ${maria.name} escreveu:\n“vou pagar sexta”\n“pode ser?”`);

    await cloud.advance({ hours: 1 });
    await say(maria.phone, 'obrigada');
    expect(forwardsToOwner()).toEqual([...forwards, `💬 ${maria.name} escreveu:\n“obrigada”`]);
  }, 120_000);

  it('a message that acts inside the window carries the held texts; the scheduled forward is dropped', async () => {
    await cloud.advance({ hours: 2 });
    await say(maria.phone, 'bom dia');
    const before = forwardsToOwner().length;
    await cloud.advance({ minutes: 1 });
    await say(maria.phone, 'estou sem internet');
    await say(maria.phone, 'me manda a segunda via');
    const now = forwardsToOwner();
    expect(now).toHaveLength(before + 1);
    expect(now.at(-1)).toMatch(/^💬 .+ escreveu:\n“estou sem internet”\n“me manda a segunda via”/);

    await cloud.advance({ ms: FORWARD_WINDOW_MS + 60_000 });
    expect(forwardsToOwner()).toHaveLength(before + 1); // nothing held is forwarded twice
    const { outbox } = (await (await fetch(`${cloud.apiUrl}/_local/outbox`)).json()) as {
      outbox: Array<{ status: string; supersededReason: string | null }>;
    };
    expect(outbox.filter((item) => item.supersededReason === 'forwarded_with_later_message')).toHaveLength(1);
  }, 120_000);
});
