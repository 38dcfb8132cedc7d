import { describe, expect, it } from 'vitest';
import {
  documentMessage,
  interactiveButtonsMessage,
  recipientDigits,
  templateMessage,
  textMessage,
} from '#adapters/whatsapp/cloud-api-messages';
import { WhatsAppPermanentError } from '#application/ports/message-sender';
import { type E164, normalizePhone } from '#domain/phone-number';

const TO: E164 = normalizePhone('+55 11 98765-4321');

function permanentReasonOf(build: () => unknown): string | undefined {
  try {
    build();
  } catch (error) {
    if (error instanceof WhatsAppPermanentError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('Cloud API message bodies', () => {
  it('sends a text to the digits without +', () => {
    expect(textMessage({ to: TO, text: 'Olá, João!' })).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '5511987654321',
      type: 'text',
      text: { preview_url: false, body: 'Olá, João!' },
    });
  });

  it('builds a template with body parameters, a quick-reply and a URL button and a document header', () => {
    const message = templateMessage({
      to: TO,
      templateName: 'lembrete_boleto',
      languageCode: 'pt_BR',
      parameters: ['João', 'R$ 150,00', '10/12/2026'],
      buttons: [
        { type: 'quick_reply', payload: 'STOP' },
        { type: 'url', text: 'b/01KC4ZJ8' },
      ],
      headerDocument: { link: 'https://example.test/boleto.pdf', filename: 'boleto.pdf' },
    });
    expect(message).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '5511987654321',
      type: 'template',
      template: {
        name: 'lembrete_boleto',
        language: { code: 'pt_BR' },
        components: [
          {
            type: 'header',
            parameters: [
              {
                type: 'document',
                document: { link: 'https://example.test/boleto.pdf', filename: 'boleto.pdf' },
              },
            ],
          },
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'João' },
              { type: 'text', text: 'R$ 150,00' },
              { type: 'text', text: '10/12/2026' },
            ],
          },
          {
            type: 'button',
            sub_type: 'quick_reply',
            index: '0',
            parameters: [{ type: 'payload', payload: 'STOP' }],
          },
          { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'b/01KC4ZJ8' }] },
        ],
      },
    });
  });

  it('omits components for a template without parameters', () => {
    const message = templateMessage({ to: TO, templateName: 'ola', languageCode: 'pt_BR', parameters: [] });
    expect(message.template).toEqual({ name: 'ola', language: { code: 'pt_BR' } });
  });

  it('builds a document and reply buttons', () => {
    expect(
      documentMessage({
        to: TO,
        link: 'https://example.test/b.pdf',
        filename: 'boleto.pdf',
        caption: 'Seu boleto',
      }),
    ).toMatchObject({
      type: 'document',
      document: { link: 'https://example.test/b.pdf', filename: 'boleto.pdf', caption: 'Seu boleto' },
    });
    expect(
      interactiveButtonsMessage({
        to: TO,
        body: 'Confirma boleto de R$ 150,00?',
        buttons: [
          { id: 'yes', title: 'Sim' },
          { id: 'no', title: 'Não' },
        ],
      }),
    ).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Confirma boleto de R$ 150,00?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'yes', title: 'Sim' } },
            { type: 'reply', reply: { id: 'no', title: 'Não' } },
          ],
        },
      },
    });
  });

  it('refuses what Meta would reject, as permanent invalid requests, before any call', () => {
    const buttons = [1, 2, 3, 4].map((n) => ({ id: `b${n}`, title: `B${n}` }));
    expect(permanentReasonOf(() => interactiveButtonsMessage({ to: TO, body: 'x', buttons }))).toBe(
      'invalid_request',
    );
    expect(permanentReasonOf(() => interactiveButtonsMessage({ to: TO, body: 'x', buttons: [] }))).toBe(
      'invalid_request',
    );
    expect(
      permanentReasonOf(() =>
        interactiveButtonsMessage({
          to: TO,
          body: 'x',
          buttons: [{ id: 'a', title: 'Um título longo demais aqui' }],
        }),
      ),
    ).toBe('invalid_request');
    expect(
      permanentReasonOf(() =>
        interactiveButtonsMessage({
          to: TO,
          body: 'x',
          buttons: [
            { id: 'a', title: 'Sim' },
            { id: 'a', title: 'Não' },
          ],
        }),
      ),
    ).toBe('invalid_request');
    expect(permanentReasonOf(() => textMessage({ to: TO, text: '' }))).toBe('invalid_request');
    expect(permanentReasonOf(() => textMessage({ to: TO, text: 'a'.repeat(4097) }))).toBe('invalid_request');
    expect(
      permanentReasonOf(() => documentMessage({ to: TO, link: 'ftp://x/b.pdf', filename: 'b.pdf' })),
    ).toBe('invalid_request');
  });

  it('refuses a recipient that is not an E.164 number', () => {
    expect(recipientDigits('+5511987654321')).toBe('5511987654321');
    expect(permanentReasonOf(() => recipientDigits('(11) 98765-4321'))).toBe('invalid_recipient');
    expect(permanentReasonOf(() => recipientDigits('+0123'))).toBe('invalid_recipient');
  });
});
