import { describe, expect, it } from 'vitest';
import { documentMessage, templateMessage } from '#adapters/whatsapp/cloud-api-messages';
import type { E164 } from '#domain/phone-number';
import { toChatBubble } from '#infra/local/chat-transcript';

const to = '+5511999990001' as E164;
const link =
  'http://127.0.0.1:4569/iris-files/outbound/reports/demo/schedule-2026-12.pdf?X-Amz-Signature=abc';

describe('toChatBubble', () => {
  it('gives an outbound document its link, for the console to open', () => {
    const bubble = toChatBubble({
      direction: 'outbound',
      type: 'document',
      request: documentMessage({
        to,
        link,
        filename: 'relatorio-2026-12.pdf',
        caption: 'Relatório de dezembro',
      }),
      receivedAtMs: 0,
      accepted: true,
    });
    expect(bubble).toMatchObject({ text: '📄 relatorio-2026-12.pdf Relatório de dezembro', link });
  });

  it('gives a template with a document header the document link', () => {
    const bubble = toChatBubble({
      direction: 'outbound',
      type: 'template',
      request: templateMessage({
        to,
        templateName: 'iris_aviso',
        languageCode: 'pt_BR',
        parameters: ['Relatório de dezembro de 2026 (PDF)'],
        headerDocument: { link, filename: 'relatorio-2026-12.pdf' },
      }),
      receivedAtMs: 0,
      accepted: true,
    });
    expect(bubble).toMatchObject({ text: '📋 iris_aviso: Relatório de dezembro de 2026 (PDF)', link });
  });

  it('a text has no link', () => {
    const bubble = toChatBubble({
      direction: 'outbound',
      type: 'text',
      request: { type: 'text', text: { body: 'oi' } },
      receivedAtMs: 0,
      accepted: true,
    });
    expect(bubble.link).toBeUndefined();
  });
});
