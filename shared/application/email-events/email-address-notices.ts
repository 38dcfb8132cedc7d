import type { EmailAddressStatus } from '#domain/email-events';
import type { NewOutboxMessage } from '#domain/outbox-message';
import type { E164 } from '#domain/phone-number';

/**
 * What the owner is told, once per address, when IRIS stops e-mailing it (pt-BR, WhatsApp). Both statements
 * are true when sent: the address's status is written in the same transaction, and delivery refuses every
 * later e-mail to it (`email_invalid` / `email_suppressed`).
 */
export function emailAddressNotice(
  owner: E164,
  address: string,
  status: EmailAddressStatus,
  correlationId: string,
): NewOutboxMessage {
  const text =
    status === 'invalid'
      ? `📭 O e-mail ${address} voltou (endereço inválido). Não vou mais enviar e-mails para ele: confira o endereço com o cliente e corrija na planilha ou no cadastro.`
      : `🚫 ${address} marcou um e-mail da sua empresa como spam. Não vou mais enviar e-mails para esse endereço.`;
  return {
    channel: 'whatsapp',
    kind: status === 'invalid' ? 'delivery_failed' : 'contact_opted_out',
    recipient: owner,
    audience: 'owner',
    content: { type: 'text', text },
    correlationId,
  };
}
