import { describe, expect, it } from 'vitest';
import { normalizeWhatsAppWebhook, parseWhatsAppWebhook } from '#webhooks/whatsapp/parse-webhook';
import { bodyOf, messagePayload } from './event-sample';

const BUSINESS = { phoneNumberId: '109876543210987', displayPhoneNumber: '551140028922' };

describe('parseWhatsAppWebhook', () => {
  it('reads a text message with accents and emoji decoded from the escaped form', () => {
    const [event] = parseWhatsAppWebhook(bodyOf('text-message'));
    expect(event).toEqual({
      kind: 'message',
      ...BUSINESS,
      messageId: 'wamid.HBgMNTUxMTg3NjU0MzIxFQIAEhggQTNCRjg1RjQ2RDY1QzI0QTdFMkM3NDg5RTI2QUU1MjIA',
      fromWaId: '551187654321',
      fromE164: '+5511987654321',
      profileName: 'João Araújo',
      timestamp: '2026-12-08T13:15:02.000Z',
      content: { type: 'text', text: 'Gera um boleto de R$ 150,00 pro João, vencimento 10/12 🙏' },
    });
  });

  it('leaves fromE164 out for a sender outside Brazil, or uses the converter the caller passes', () => {
    const foreign = messagePayload({ from: '14155550123', type: 'text', text: { body: 'hi' } });
    expect(normalizeWhatsAppWebhook(foreign)[0]).not.toHaveProperty('fromE164');
    const [event] = normalizeWhatsAppWebhook(foreign, { waIdToE164: (waId) => `+${waId}` });
    expect(event).toMatchObject({ kind: 'message', fromE164: '+14155550123', fromWaId: '14155550123' });
  });

  it('keeps the media id and mime type of a voice note', () => {
    const [event] = parseWhatsAppWebhook(bodyOf('audio-message'));
    expect(event).toMatchObject({
      kind: 'message',
      content: {
        type: 'audio',
        mediaId: '1003383421387256',
        mimeType: 'audio/ogg; codecs=opus',
        voice: true,
      },
    });
  });

  it('reads a reply-button tap with the id of the message that had the buttons', () => {
    const [event] = parseWhatsAppWebhook(bodyOf('button-reply'));
    expect(event).toMatchObject({
      kind: 'message',
      contextMessageId: 'wamid.HBgMNTUxMTg3NjU0MzIxFQIAERgSQjhGMzZFOUNBNEQ1QUE3RDQ1AA==',
      content: {
        type: 'button',
        payload: 'confirm:01KC4ZJ8Q7W6N2V5T3R1P0M9X8:yes',
        title: 'Sim',
        source: 'reply_button',
      },
    });
  });

  it('reads list rows and template quick-reply buttons as buttons', () => {
    const list = normalizeWhatsAppWebhook(
      messagePayload({
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: { id: 'c-2', title: 'Maria' } },
      }),
    );
    expect(list[0]).toMatchObject({
      content: { type: 'button', payload: 'c-2', title: 'Maria', source: 'list_row' },
    });
    const template = normalizeWhatsAppWebhook(
      messagePayload({ type: 'button', button: { payload: 'STOP_REMINDERS', text: 'Parar lembretes' } }),
    );
    expect(template[0]).toMatchObject({
      content: {
        type: 'button',
        payload: 'STOP_REMINDERS',
        title: 'Parar lembretes',
        source: 'template_button',
      },
    });
  });

  it('reads images and documents as media with their id, MIME type, file name and caption', () => {
    const [image] = parseWhatsAppWebhook(bodyOf('image-message'));
    expect(image).toMatchObject({
      kind: 'message',
      content: { type: 'media', kind: 'image', mediaId: expect.any(String), mimeType: 'image/jpeg' },
    });
    const [document] = normalizeWhatsAppWebhook(
      messagePayload({
        type: 'document',
        document: {
          id: '1479537139650976',
          mime_type: 'application/pdf',
          filename: ' nota.pdf ',
          caption: 'nota',
        },
      }),
    );
    expect(document).toMatchObject({
      content: {
        type: 'media',
        kind: 'document',
        mediaId: '1479537139650976',
        mimeType: 'application/pdf',
        filename: 'nota.pdf',
        caption: 'nota',
      },
    });
    const [photo] = normalizeWhatsAppWebhook(
      messagePayload({ type: 'image', image: { id: '77', mime_type: 'image/png', filename: 'x.png' } }),
    );
    expect(photo).toEqual(
      expect.objectContaining({
        content: { type: 'media', kind: 'image', mediaId: '77', mimeType: 'image/png' },
      }),
    );
  });

  it('reads an image or document without a media id as undeliverable (ask to resend), never as media', () => {
    for (const type of ['image', 'document']) {
      const [event] = normalizeWhatsAppWebhook(messagePayload({ type, [type]: { mime_type: 'image/jpeg' } }));
      expect(event).toMatchObject({ content: { type: 'undeliverable', originalType: type } });
    }
  });

  it('marks videos, stickers, locations and unknown types as unsupported with their type', () => {
    for (const type of ['video', 'sticker', 'location', 'contacts', 'order']) {
      const [event] = normalizeWhatsAppWebhook(messagePayload({ type, [type]: {} }));
      expect(event).toMatchObject({ content: { type: 'unsupported', originalType: type } });
    }
  });

  it('reads reactions, edits, deletions and system notices as notices, never as something to answer', () => {
    for (const type of ['reaction', 'edit', 'revoke', 'system', 'ephemeral']) {
      const [event] = normalizeWhatsAppWebhook(messagePayload({ type, [type]: {} }));
      expect(event).toMatchObject({ kind: 'message', content: { type: 'notice', originalType: type } });
    }
  });

  it('reads a Flow reply as a button answer carrying its flow token', () => {
    const [flow] = normalizeWhatsAppWebhook(
      messagePayload({
        type: 'interactive',
        interactive: {
          type: 'nfm_reply',
          nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"flow_token":"req-1","a":1}' },
        },
      }),
    );
    expect(flow).toMatchObject({
      content: { type: 'button', payload: 'req-1', title: 'Sent', source: 'flow_reply' },
    });
  });

  it('reads messages carrying errors, and Meta’s unsupported type, as undeliverable with the error', () => {
    const [failedImage] = normalizeWhatsAppWebhook(
      messagePayload({ type: 'image', errors: [{ code: 131052, title: 'Media download error' }] }),
    );
    expect(failedImage).toMatchObject({
      content: { type: 'undeliverable', originalType: 'image', errors: [{ code: 131052 }] },
    });
    const [unsupported] = normalizeWhatsAppWebhook(
      messagePayload({ type: 'unsupported', errors: [{ code: 131051, title: 'Message type unknown' }] }),
    );
    expect(unsupported).toMatchObject({ content: { type: 'undeliverable', originalType: 'unsupported' } });
    const [textless] = normalizeWhatsAppWebhook(messagePayload({ type: 'text' }));
    expect(textless).toMatchObject({ content: { type: 'undeliverable', originalType: 'text' } });
  });

  it('reads sent, delivered and read statuses', () => {
    for (const status of ['sent', 'delivered', 'read'] as const) {
      const [event] = parseWhatsAppWebhook(bodyOf(`status-${status}`));
      expect(event).toMatchObject({
        kind: 'status',
        phoneNumberId: '109876543210987',
        providerMessageId: 'wamid.HBgMNTUxMTg3NjU0MzIxFQIAERgSQjhGMzZFOUNBNEQ1QUE3RDQ1AA==',
        status,
        recipientWaId: '551187654321',
        errors: [],
      });
    }
  });

  it('reads a failed status with its classified errors', () => {
    const [event] = parseWhatsAppWebhook(bodyOf('status-failed'));
    expect(event).toEqual({
      kind: 'status',
      phoneNumberId: '109876543210987',
      providerMessageId: 'wamid.HBgMNTUxMTg3NjU0MzIxFQIAERgSMkM1RTlBMEQ3RjNCNkUxQzQ4AA==',
      status: 'failed',
      recipientWaId: '551187654321',
      timestamp: '2026-12-10T12:00:03.000Z',
      errors: [
        {
          code: 131047,
          title: 'Re-engagement message',
          details:
            'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
          classification: 'outside_24h_window',
        },
      ],
    });
  });

  it('reports status values it does not know and changes of other fields as ignored items', () => {
    const payload = messagePayload({ type: 'text', text: { body: 'oi' } }) as {
      entry: Array<{ changes: Array<Record<string, unknown>> }>;
    };
    const entry = payload.entry[0];
    if (!entry) throw new Error('fixture');
    entry.changes.push({ field: 'account_update', value: { anything: true } });
    entry.changes.push({
      field: 'messages',
      value: {
        messaging_product: 'whatsapp',
        metadata: { display_phone_number: '1', phone_number_id: '2' },
        statuses: [{ id: 'wamid.Y', status: 'played', timestamp: '1', recipient_id: '3' }],
      },
    });
    const events = normalizeWhatsAppWebhook(payload);
    expect(events).toEqual([
      expect.objectContaining({ kind: 'message' }),
      { kind: 'ignored', what: 'field:account_update' },
      { kind: 'ignored', what: 'status:played', phoneNumberId: '2', itemId: 'wamid.Y' },
    ]);
  });

  it('reports account-level errors as an error event', () => {
    const events = normalizeWhatsAppWebhook({
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
                errors: [{ code: 130429, title: 'Rate limit hit', message: 'Rate limit hit' }],
              },
            },
          ],
        },
      ],
    });
    expect(events).toEqual([
      {
        kind: 'error',
        phoneNumberId: '2',
        errors: [{ code: 130429, title: 'Rate limit hit', classification: 'retryable' }],
      },
    ]);
  });

  it('returns every event of a batched delivery in order', () => {
    const payload = messagePayload({ type: 'text', text: { body: 'um' } }) as {
      entry: Array<{ changes: Array<{ value: { messages: unknown[] } }> }>;
    };
    payload.entry[0]?.changes[0]?.value.messages.push({
      from: '551187654321',
      id: 'wamid.Z',
      timestamp: '1796735703',
      type: 'text',
      text: { body: 'dois' },
    });
    const events = normalizeWhatsAppWebhook(payload);
    expect(events.map((event) => (event.kind === 'message' ? event.messageId : ''))).toEqual([
      'wamid.X',
      'wamid.Z',
    ]);
  });
});
