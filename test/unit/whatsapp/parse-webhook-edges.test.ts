import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '#domain/domain-error';
import { InvalidWebhookPayloadError } from '#webhooks/whatsapp/inbound-event';
import { normalizeWhatsAppWebhook, parseWhatsAppWebhook } from '#webhooks/whatsapp/parse-webhook';
import { messagePayload } from './event-sample';

describe('parseWhatsAppWebhook with bad input', () => {
  it('rejects a body that is not JSON', () => {
    expect(() => parseWhatsAppWebhook('{"object":')).toThrow(InvalidWebhookPayloadError);
  });

  it('rejects what is not a WhatsApp Business Account envelope at all, listing the issue', () => {
    const cases: unknown[] = [
      null,
      [],
      'text',
      { object: 'page', entry: [] },
      { object: 'whatsapp_business_account' },
    ];
    for (const payload of cases)
      expect(() => normalizeWhatsAppWebhook(payload)).toThrow(InvalidWebhookPayloadError);
    try {
      normalizeWhatsAppWebhook({ object: 'whatsapp_business_account', entry: 'x' });
      expect.unreachable('should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidWebhookPayloadError).issues.join()).toContain('entry');
    }
  });

  it('turns odd items inside an envelope into ignored items, keeping the readable ones', () => {
    const payload = messagePayload({ type: 'text', text: { body: 'oi' } }) as {
      entry: Array<{ changes: Array<{ value: { messages: unknown[] } }> }>;
    };
    payload.entry[0]?.changes[0]?.value.messages.push({
      id: 'wamid.bad',
      type: 'text',
      timestamp: 'yesterday',
    });
    (payload.entry as unknown[]).push(7, {
      id: '2',
      changes: [{ field: 'messages', value: { messaging_product: 'sms' } }],
    });
    const events = normalizeWhatsAppWebhook(payload);
    expect(events.map((event) => (event.kind === 'ignored' ? event.what : event.kind))).toEqual([
      'message',
      'message:unreadable',
      'entry:unreadable',
      'messages:unreadable',
    ]);
    expect(events[1]).toMatchObject({ itemId: 'wamid.bad' });
    expect((events[1] as { issues: string[] }).issues.join()).toContain('timestamp');
  });

  it('coerces a numeric timestamp', () => {
    const [event] = normalizeWhatsAppWebhook(
      messagePayload({ type: 'text', text: { body: 'x' }, timestamp: 1796735702 }),
    );
    expect(event).toMatchObject({ kind: 'message', timestamp: '2026-12-08T13:15:02.000Z' });
  });
});

describe('business-scoped user ids', () => {
  it('reads a sender known only by BSUID, from the contact or the message', () => {
    const payload = messagePayload({ type: 'text', text: { body: 'oi' } }) as {
      entry: Array<{
        changes: Array<{ value: Record<string, unknown> & { messages: Array<Record<string, unknown>> } }>;
      }>;
    };
    const value = payload.entry[0]?.changes[0]?.value;
    if (!value) throw new Error('fixture');
    delete value.messages[0]?.from;
    value.contacts = [
      {
        user_id: 'BR.1502576394655843',
        parent_user_id: 'BR.ENT.99',
        profile: { name: 'Ana', username: '@ana' },
      },
    ];
    const [event] = normalizeWhatsAppWebhook(payload);
    expect(event).toMatchObject({
      kind: 'message',
      fromUserId: 'BR.1502576394655843',
      fromParentUserId: 'BR.ENT.99',
      fromUsername: '@ana',
      profileName: 'Ana',
    });
    expect(event).not.toHaveProperty('fromWaId');
    expect(event).not.toHaveProperty('fromE164');
  });

  it('reads a status sent to a BSUID and number or id change notices', () => {
    const status = normalizeWhatsAppWebhook({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '1', phone_number_id: '2' },
                statuses: [
                  { id: 'wamid.S', status: 'delivered', timestamp: 1796735702, recipient_user_id: 'BR.7' },
                ],
              },
            },
          ],
        },
      ],
    });
    expect(status).toEqual([expect.objectContaining({ kind: 'status', recipientUserId: 'BR.7' })]);
    const [changed] = normalizeWhatsAppWebhook(
      messagePayload({
        type: 'system',
        system: { type: 'user_changed_number', body: 'x', new_wa_id: '5511912345678' },
      }),
    );
    expect(changed).toMatchObject({
      kind: 'identity_change',
      change: 'user_changed_number',
      previous: { waId: '551187654321', e164: '+5511987654321' },
      next: { waId: '5511912345678', e164: '+5511912345678' },
    });
  });
});
