import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizePhone } from '#domain/phone-number';
import { parseWhatsAppWebhook } from '#webhooks/whatsapp/parse-webhook';
import { verifyMetaSignature } from '#webhooks/whatsapp/signature';
import { APP_SECRET, type SimulatorFixture, startSimulatorFixture } from './simulator-fixture';
import type { ReceivedWebhook } from './webhook-receiver';

const CONTACT = normalizePhone('+5511987654321');

function verified(webhook: ReceivedWebhook | undefined): ReceivedWebhook {
  if (!webhook) throw new Error('no webhook');
  const header = webhook.headers['x-hub-signature-256'];
  expect(
    verifyMetaSignature(webhook.rawBody, typeof header === 'string' ? header : undefined, [APP_SECRET]),
  ).toBe(true);
  return webhook;
}

describe('WhatsApp simulator webhooks', () => {
  let fixture: SimulatorFixture;

  beforeEach(async () => {
    fixture = await startSimulatorFixture({ legacyBrazilianWaIds: true });
  });

  afterEach(async () => {
    await fixture.stop();
  });

  it('delivers an inbound text as a signed Meta payload with escaped unicode', async () => {
    fixture.simulator.controls.setNow(Date.parse('2026-12-08T13:15:02Z'));
    const result = await fixture.simulator.controls.sendInbound({
      from: CONTACT,
      name: 'João Araújo',
      text: 'Gera um boleto de R$ 150,00 pro João, vence 10/12 🙏',
    });
    expect(result.status).toBe(200);
    const [webhook] = await fixture.receiver.waitFor(1);
    const raw = verified(webhook).rawBody.toString('utf8');
    expect(raw).toContain('Jo\\u00e3o');
    expect(raw).toContain('\\ud83d\\ude4f');
    expect(raw).toContain('10\\/12');
    expect(raw).not.toMatch(/[^\x20-\x7e]/);
    expect(webhook?.headers['content-type']).toBe('application/json');

    const [event] = parseWhatsAppWebhook(webhook?.rawBody ?? '');
    expect(event).toEqual({
      kind: 'message',
      phoneNumberId: '109876543210987',
      displayPhoneNumber: '551140028922',
      messageId: result.messageId,
      fromWaId: '551187654321',
      fromE164: '+5511987654321',
      profileName: 'João Araújo',
      timestamp: '2026-12-08T13:15:02.000Z',
      content: { type: 'text', text: 'Gera um boleto de R$ 150,00 pro João, vence 10/12 🙏' },
    });
  });

  it('sends a button reply that refers to the last interactive message IRIS sent', async () => {
    await fixture.simulator.controls.sendInbound({ from: CONTACT, text: 'boleto 150 pro João' });
    const question = await fixture.sender.sendInteractiveButtons({
      to: CONTACT,
      body: 'Confirma?',
      buttons: [
        { id: 'confirm:1:yes', title: 'Sim' },
        { id: 'confirm:1:no', title: 'Não' },
      ],
    });
    await fixture.simulator.controls.sendInbound({
      from: CONTACT,
      button: { id: 'confirm:1:yes', title: 'Sim' },
    });
    const webhooks = await fixture.receiver.waitFor(2);
    const [event] = parseWhatsAppWebhook(verified(webhooks[1]).rawBody);
    expect(event).toMatchObject({
      kind: 'message',
      contextMessageId: question.providerMessageId,
      content: { type: 'button', payload: 'confirm:1:yes', title: 'Sim', source: 'reply_button' },
    });
  });

  it('delivers template quick replies, voice notes and images with their Meta types', async () => {
    await fixture.simulator.controls.sendInbound({
      from: CONTACT,
      templateButton: { payload: 'STOP', text: 'Parar' },
    });
    await fixture.simulator.controls.sendInbound({ from: CONTACT, audio: {} });
    await fixture.simulator.controls.sendInbound({ from: CONTACT, image: { caption: 'comprovante' } });
    const webhooks = await fixture.receiver.waitFor(3);
    const contents = webhooks.map((webhook) => {
      const [event] = parseWhatsAppWebhook(verified(webhook).rawBody);
      return event?.kind === 'message' ? event.content : undefined;
    });
    expect(contents).toEqual([
      { type: 'button', payload: 'STOP', title: 'Parar', source: 'template_button' },
      {
        type: 'audio',
        mediaId: expect.stringMatching(/^\d+$/),
        mimeType: 'audio/ogg; codecs=opus',
        voice: true,
      },
      {
        type: 'media',
        kind: 'image',
        mediaId: expect.stringMatching(/^\d+$/),
        mimeType: 'image/jpeg',
        caption: 'comprovante',
      },
    ]);
  });

  it('reports the webhook status it got back, and records the inbound even when the endpoint fails', async () => {
    fixture.receiver.status = 401;
    const result = await fixture.simulator.controls.sendInbound({ from: CONTACT, text: 'Oi' });
    expect(result.status).toBe(401);
    expect(fixture.simulator.controls.conversation(CONTACT)).toMatchObject([
      { direction: 'inbound', webhookStatus: 401 },
    ]);
  });

  it('emits signed status callbacks for a sent message, failed ones with their error', async () => {
    const sent = await fixture.sender.sendTemplate({
      to: CONTACT,
      templateName: 'lembrete',
      languageCode: 'pt_BR',
      parameters: ['x'],
    });
    for (const status of ['sent', 'delivered', 'read'] as const) {
      await fixture.simulator.controls.emitStatus({ messageId: sent.providerMessageId, status });
    }
    await fixture.simulator.controls.emitStatus({
      messageId: sent.providerMessageId,
      status: 'failed',
      errorCode: 131026,
    });
    const webhooks = await fixture.receiver.waitFor(4);
    const events = webhooks.flatMap((webhook) => parseWhatsAppWebhook(verified(webhook).rawBody));
    expect(events.map((event) => (event.kind === 'status' ? event.status : event.kind))).toEqual([
      'sent',
      'delivered',
      'read',
      'failed',
    ]);
    expect(events[0]).toMatchObject({
      providerMessageId: sent.providerMessageId,
      recipientWaId: '551187654321',
      errors: [],
    });
    expect(events[3]).toMatchObject({ errors: [{ code: 131026, classification: 'invalid_recipient' }] });
    await expect(
      fixture.simulator.controls.emitStatus({ messageId: 'wamid.unknown', status: 'sent' }),
    ).rejects.toThrow(/No message/);
  });

  it('drops or duplicates webhooks when told to', async () => {
    fixture.simulator.controls.failNextWebhooks({ kind: 'drop' });
    fixture.simulator.controls.failNextWebhooks({ kind: 'duplicate' });
    const dropped = await fixture.simulator.controls.sendInbound({ from: CONTACT, text: 'um' });
    const duplicated = await fixture.simulator.controls.sendInbound({ from: CONTACT, text: 'dois' });
    expect(dropped.status).toBeNull();
    expect(duplicated.status).toBe(200);
    const webhooks = await fixture.receiver.waitFor(2);
    expect(webhooks[0]?.rawBody.equals(webhooks[1]?.rawBody ?? Buffer.alloc(0))).toBe(true);
    expect(fixture.receiver.received).toHaveLength(2);
  });
});

describe('WhatsApp simulator automatic statuses', () => {
  let fixture: SimulatorFixture;

  afterEach(async () => {
    await fixture.stop();
  });

  it('emits the configured statuses after each accepted send', async () => {
    fixture = await startSimulatorFixture({ autoStatuses: ['sent', 'delivered'] });
    const sent = await fixture.sender.sendTemplate({
      to: CONTACT,
      templateName: 'ola',
      languageCode: 'pt_BR',
      parameters: [],
    });
    await fixture.simulator.controls.settle();
    const events = (await fixture.receiver.waitFor(2)).flatMap((webhook) =>
      parseWhatsAppWebhook(verified(webhook).rawBody),
    );
    expect(events).toMatchObject([
      {
        kind: 'status',
        status: 'sent',
        providerMessageId: sent.providerMessageId,
        recipientWaId: '5511987654321',
      },
      { kind: 'status', status: 'delivered', providerMessageId: sent.providerMessageId },
    ]);
  });

  it('in async window mode accepts free-form text and then reports it failed with 131047', async () => {
    fixture = await startSimulatorFixture({ windowEnforcement: 'async' });
    const sent = await fixture.sender.sendText({ to: CONTACT, text: 'fora da janela' });
    const [webhook] = await fixture.receiver.waitFor(1);
    expect(parseWhatsAppWebhook(verified(webhook).rawBody)).toMatchObject([
      {
        kind: 'status',
        status: 'failed',
        providerMessageId: sent.providerMessageId,
        errors: [{ code: 131047, classification: 'outside_24h_window' }],
      },
    ]);
  });
});
