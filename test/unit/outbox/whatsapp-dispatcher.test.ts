import { describe, expect, it } from 'vitest';
import { DeliveryPermanentError, DeliveryRetryableError } from '#application/outbox/channel-dispatcher';
import { templateParameter, WhatsAppDispatcher } from '#application/outbox/whatsapp-dispatcher';
import {
  type SentWhatsAppMessage,
  WhatsAppPermanentError,
  WhatsAppRetryableError,
  type WhatsAppSender,
} from '#application/ports/message-sender';
import type { CustomerServiceWindowStore } from '#application/ports/outbox-customer-window';
import { aWhatsAppMessage } from './outbox-fixtures';

const NOW = new Date('2026-12-09T14:00:00Z');

function recordingSender(failures: Partial<Record<string, Error[]>> = {}) {
  const calls: { method: string; input: unknown }[] = [];
  const reply =
    (method: string) =>
    async (input: unknown): Promise<SentWhatsAppMessage> => {
      calls.push({ method, input });
      const failure = failures[method]?.shift();
      if (failure) throw failure;
      return { providerMessageId: `wamid.${method}.${calls.length}` };
    };
  const sender: WhatsAppSender = {
    sendText: reply('sendText'),
    sendTemplate: reply('sendTemplate'),
    sendDocument: reply('sendDocument'),
    sendInteractiveButtons: reply('sendInteractiveButtons'),
  };
  return { sender, calls };
}

function windowAt(lastInboundAt: Date | undefined): CustomerServiceWindowStore {
  return { recordInbound: async () => {}, lastInboundAt: async () => lastInboundAt };
}

const settings = {
  windowSafetyMarginMs: 10 * 60_000,
  genericTemplates: { reminder: { name: 'iris_aviso', languageCode: 'pt_BR' as const } },
};

describe('WhatsAppDispatcher', () => {
  it('sends free-form text inside the 24-hour window', async () => {
    const { sender, calls } = recordingSender();
    const dispatcher = new WhatsAppDispatcher(sender, windowAt(new Date('2026-12-09T10:00:00Z')), settings);
    const result = await dispatcher.dispatch(aWhatsAppMessage(), NOW);
    expect(result.sentAs).toBe('free_form');
    expect(calls.map((call) => call.method)).toEqual(['sendText']);
  });

  it("uses the message's own template outside the window", async () => {
    const { sender, calls } = recordingSender();
    const dispatcher = new WhatsAppDispatcher(sender, windowAt(undefined), settings);
    const message = aWhatsAppMessage({
      template: { name: 'lembrete_vencimento', languageCode: 'pt_BR', parameters: ['Maria', 'R$ 150,00'] },
    });
    const result = await dispatcher.dispatch(message, NOW);
    expect(result.sentAs).toBe('template');
    expect(calls).toEqual([
      {
        method: 'sendTemplate',
        input: {
          to: '+5511987654321',
          templateName: 'lembrete_vencimento',
          languageCode: 'pt_BR',
          parameters: ['Maria', 'R$ 150,00'],
        },
      },
    ]);
  });

  it("sends the template's own document header (the boleto PDF) and flattens its parameters", async () => {
    const { sender, calls } = recordingSender();
    const dispatcher = new WhatsAppDispatcher(sender, windowAt(undefined), settings);
    const headerDocument = { link: 'https://paytime.example/b.pdf', filename: 'boleto-20-12-2026.pdf' };
    const message = aWhatsAppMessage({
      kind: 'boleto_to_contact',
      template: {
        name: 'iris_boleto_v2',
        languageCode: 'pt_BR',
        parameters: ['João\nSilva'],
        headerDocument,
      },
    });
    await dispatcher.dispatch(message, NOW);
    expect(calls[0]?.input).toMatchObject({
      templateName: 'iris_boleto_v2',
      parameters: ['João Silva'],
      headerDocument,
    });
  });

  it("falls back to the kind's generic template with the text as its parameter", async () => {
    const { sender, calls } = recordingSender();
    const dispatcher = new WhatsAppDispatcher(sender, windowAt(new Date('2026-12-07T10:00:00Z')), settings);
    await dispatcher.dispatch(aWhatsAppMessage({ content: { type: 'text', text: 'Linha 1\nLinha 2' } }), NOW);
    expect(calls[0]?.input).toMatchObject({ templateName: 'iris_aviso', parameters: ['Linha 1 Linha 2'] });
  });

  it('retries with the template in the same attempt when Meta says the window is closed', async () => {
    const { sender, calls } = recordingSender({
      sendText: [new WhatsAppPermanentError('outside_24h_window', 'Re-engagement message')],
    });
    const dispatcher = new WhatsAppDispatcher(sender, windowAt(new Date('2026-12-09T10:00:00Z')), settings);
    const result = await dispatcher.dispatch(aWhatsAppMessage(), NOW);
    expect(calls.map((call) => call.method)).toEqual(['sendText', 'sendTemplate']);
    expect(result.sentAs).toBe('template');
  });

  it('fails permanently outside the window when no template exists for the kind', async () => {
    const { sender, calls } = recordingSender();
    const dispatcher = new WhatsAppDispatcher(sender, windowAt(undefined), settings);
    await expect(dispatcher.dispatch(aWhatsAppMessage({ kind: 'owner_reply' }), NOW)).rejects.toMatchObject({
      name: 'DeliveryPermanentError',
      reason: 'no_template_outside_window',
    });
    expect(calls).toEqual([]);
  });

  it('sends a document with its caption inside the window and as a template header outside it', async () => {
    const { sender, calls } = recordingSender();
    const content = {
      type: 'document' as const,
      link: 'https://x.test/b.pdf',
      filename: 'boleto.pdf',
      caption: 'Seu boleto',
    };
    await new WhatsAppDispatcher(sender, windowAt(new Date('2026-12-09T13:00:00Z')), settings).dispatch(
      aWhatsAppMessage({ content }),
      NOW,
    );
    await new WhatsAppDispatcher(sender, windowAt(undefined), settings).dispatch(
      aWhatsAppMessage({ content }),
      NOW,
    );
    expect(calls.map((call) => call.method)).toEqual(['sendDocument', 'sendTemplate']);
    expect(calls[1]?.input).toMatchObject({
      headerDocument: { link: 'https://x.test/b.pdf', filename: 'boleto.pdf' },
      parameters: ['Seu boleto'],
    });
  });

  it('translates provider errors into retryable and permanent delivery errors', async () => {
    const { sender } = recordingSender({
      sendText: [
        new WhatsAppRetryableError('429', { httpStatus: 429, retryAfterSeconds: 7 }),
        new WhatsAppPermanentError('invalid_recipient', 'not on WhatsApp'),
      ],
    });
    const dispatcher = new WhatsAppDispatcher(sender, windowAt(new Date('2026-12-09T13:00:00Z')), settings);
    const first = dispatcher.dispatch(aWhatsAppMessage(), NOW);
    await expect(first).rejects.toBeInstanceOf(DeliveryRetryableError);
    await expect(first).rejects.toMatchObject({ retryAfterSeconds: 7 });
    await expect(dispatcher.dispatch(aWhatsAppMessage(), NOW)).rejects.toEqual(
      expect.objectContaining({ reason: 'invalid_recipient' }),
    );
    await expect(dispatcher.dispatch(aWhatsAppMessage(), NOW)).resolves.toMatchObject({
      sentAs: 'free_form',
    });
  });

  it('goes straight to the template for a re-send that must not be free-form', async () => {
    const { sender, calls } = recordingSender();
    const dispatcher = new WhatsAppDispatcher(sender, windowAt(new Date('2026-12-09T13:00:00Z')), settings);
    const result = await dispatcher.dispatch(aWhatsAppMessage({ forceTemplate: true }), NOW);
    expect(result.sentAs).toBe('template');
    expect(calls.map((call) => call.method)).toEqual(['sendTemplate']);
  });

  it('refuses e-mail content', async () => {
    const { sender } = recordingSender();
    const dispatcher = new WhatsAppDispatcher(sender, windowAt(undefined), settings);
    const email = aWhatsAppMessage({ content: { type: 'email', subject: 's', text: 't', html: '<p>t</p>' } });
    await expect(dispatcher.dispatch(email, NOW)).rejects.toBeInstanceOf(DeliveryPermanentError);
  });
});

describe('templateParameter', () => {
  it('flattens lines, tabs and runs of spaces, and bounds the length', () => {
    expect(templateParameter('a\n\nb\tc     d')).toBe('a b c d');
    expect(templateParameter('x'.repeat(2000))).toHaveLength(1000);
  });
});
