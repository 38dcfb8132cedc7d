import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { E164 } from '#domain/phone-number';
import { type SimulatorFixture, startSimulatorFixture } from '#test/integration/whatsapp/simulator-fixture';
import { parseWhatsAppWebhook } from '#webhooks/whatsapp/parse-webhook';

/** The simulator speaks BSUID like Meta: inbound messages without a phone, sends addressed to a BSUID. */

const BSUID = 'BR.1502576394655843';

describe('WhatsApp simulator with business-scoped user ids', () => {
  let fixture: SimulatorFixture;

  beforeEach(async () => {
    fixture = await startSimulatorFixture();
  });
  afterEach(() => fixture.stop());

  it('sends a message from someone who hides their number: only the BSUID and the username', async () => {
    const result = await fixture.simulator.controls.sendInbound({
      from: '+5511988887777',
      userId: BSUID,
      username: '@ana',
      name: 'Ana',
      text: 'oi',
    });
    expect(result.status).toBe(200);
    const [webhook] = await fixture.receiver.waitFor(1);
    const raw = webhook?.rawBody.toString('utf8') ?? '';
    expect(raw).not.toContain('5511988887777');
    const [event] = parseWhatsAppWebhook(raw);
    expect(event).toMatchObject({
      kind: 'message',
      fromUserId: BSUID,
      fromUsername: '@ana',
      profileName: 'Ana',
    });
    expect(event).not.toHaveProperty('fromWaId');
  });

  it('sends a message with both the phone and the BSUID', async () => {
    await fixture.simulator.controls.sendInbound({ from: '+5511988887777', userId: BSUID, text: 'oi' });
    const [webhook] = await fixture.receiver.waitFor(1);
    const [event] = parseWhatsAppWebhook(webhook?.rawBody ?? '');
    expect(event).toMatchObject({ fromE164: '+5511988887777', fromUserId: BSUID });
  });

  it('accepts a send addressed to a BSUID inside the window the BSUID opened', async () => {
    await fixture.simulator.controls.sendInbound({
      from: '+5511988887777',
      userId: BSUID,
      username: '@ana',
      text: 'oi',
    });
    const sent = await fixture.sender.sendText({ to: BSUID as E164, text: 'Olá!' });
    expect(sent.providerMessageId).toMatch(/^wamid\./);
    const [record] = fixture.simulator.controls.outboundTo(BSUID);
    expect(record).toMatchObject({ accepted: true, type: 'text' });
    expect(record?.request).toMatchObject({ recipient: BSUID });
    expect(record?.request).not.toHaveProperty('to');
  });

  it('refuses a BSUID with a malformed shape at the control route', async () => {
    const response = await fetch(`${fixture.simulator.url}/_sim/whatsapp/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+5511988887777', userId: 'not-a-bsuid', text: 'oi' }),
    });
    expect(response.status).toBe(400);
  });
});
