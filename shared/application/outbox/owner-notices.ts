import type { NewOutboxMessage, OutboxMessage, OutboxMessageKind } from '../../domain/outbox-message';
import { type E164, formatPhoneBr, isE164 } from '../../domain/phone-number';

/**
 * What IRIS tells the owner when something about a contact's messages changes, in pt-BR, short and
 * WhatsApp-friendly. Each builder returns the outbox message; the caller adds it to its own transaction.
 */

const WHAT_BY_KIND: Partial<Record<OutboxMessageKind, string>> = {
  reminder: 'o lembrete de pagamento',
  boleto_to_contact: 'o boleto',
  payment_received: 'a confirmação de pagamento',
  collection_email: 'o e-mail de cobrança',
};

const WHY_BY_REASON: Record<string, string> = {
  invalid_recipient: 'esse número não tem WhatsApp',
  opted_out: 'a pessoa pediu para não receber mensagens',
  template_rejected: 'o WhatsApp recusou o modelo da mensagem',
  account_restricted: 'a conta do WhatsApp da empresa está com restrição',
  no_template_outside_window: 'a pessoa não fala com a empresa há mais de 24 horas e não há modelo aprovado',
  retries_exhausted: 'o serviço de envio ficou indisponível por muito tempo',
  email_rejected: 'o endereço de e-mail recusou a mensagem',
};

/** A name if we have one, else the phone as Brazilians write it, else the address. */
export function describeRecipient(recipient: string, contactName?: string): string {
  if (contactName) return contactName;
  return isE164(recipient) ? formatPhoneBr(recipient) : recipient;
}

export function deliveryFailedNotice(
  failed: OutboxMessage,
  owner: E164,
  reason: string,
  contactName?: string,
): NewOutboxMessage {
  const what = WHAT_BY_KIND[failed.kind] ?? 'a mensagem';
  const why = WHY_BY_REASON[reason] ?? 'o provedor recusou o envio';
  const who = describeRecipient(failed.recipient, contactName);
  return {
    channel: 'whatsapp',
    kind: 'delivery_failed',
    recipient: owner,
    audience: 'owner',
    content: {
      type: 'text',
      text: `⚠️ Não consegui enviar ${what} para ${who}: ${why}. Confira o contato ou fale com a pessoa por outro canal.`,
    },
    correlationId: failed.correlationId,
    ...(failed.boletoId ? { boletoId: failed.boletoId } : {}),
  };
}

export function contactOptedOutNotice(
  owner: E164,
  contact: { name: string; phone: E164; contactId: string },
  correlationId: string,
): NewOutboxMessage {
  return {
    channel: 'whatsapp',
    kind: 'contact_opted_out',
    recipient: owner,
    audience: 'owner',
    content: {
      type: 'text',
      text: `🔕 ${contact.name} (${formatPhoneBr(contact.phone)}) pediu para não receber mais mensagens. Não vou enviar lembretes nem boletos para essa pessoa pelo WhatsApp.`,
    },
    correlationId,
  };
}

export function optOutConfirmation(
  contact: { phone: E164; contactId: string },
  businessName: string | undefined,
  correlationId: string,
): NewOutboxMessage {
  const from = businessName ? ` de ${businessName}` : '';
  return {
    channel: 'whatsapp',
    kind: 'opt_out_confirmation',
    recipient: contact.phone,
    audience: 'contact',
    contactId: contact.contactId,
    content: {
      type: 'text',
      text: `Pronto, você não vai mais receber mensagens automáticas${from}. Se precisar, fale direto com a empresa.`,
    },
    correlationId,
  };
}

/** The failure of these is not reported to the owner (the owner is the recipient, or it would loop). */
export function warrantsOwnerNotice(message: OutboxMessage): boolean {
  return message.audience === 'contact' && message.kind !== 'opt_out_confirmation';
}
