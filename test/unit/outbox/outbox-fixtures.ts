import { newOutboxMessage, type OutboxMessage } from '#domain/outbox-message';

let sequence = 0;

/** A pending WhatsApp text to a contact; override anything. */
export function aWhatsAppMessage(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  sequence += 1;
  return {
    ...newOutboxMessage(
      {
        channel: 'whatsapp',
        kind: 'reminder',
        recipient: '+5511987654321',
        audience: 'contact',
        content: { type: 'text', text: 'Olá! Seu boleto de R$ 150,00 vence em 10/12/2026.' },
        correlationId: `correlation-${sequence}`,
      },
      {
        id: `OUTBOX${String(sequence).padStart(6, '0')}`,
        tenantId: 'tenant-1',
        now: new Date('2026-12-09T14:00:00Z'),
      },
    ),
    ...overrides,
  };
}
