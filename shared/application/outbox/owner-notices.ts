import type { Boleto } from '#domain/boleto';
import { addDays, formatDateBr, saoPauloDateOf, saoPauloTimeOf, weekdayOf } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import type { NewOutboxMessage, OutboxMessage, OutboxMessageKind } from '#domain/outbox-message';
import { type E164, formatPhoneBr, isE164 } from '#domain/phone-number';

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

export function whyNotSent(reason: string): string {
  return WHY_BY_REASON[reason] ?? 'o provedor recusou o envio';
}

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
  const why = whyNotSent(reason);
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

const WEEKDAYS = ['domingo', 'segunda', 'terça', 'quarta', 'quinta', 'sexta', 'sábado'];

/** "hoje às 08:00", "amanhã às 08:00", "segunda às 08:00" (within a week), else "10/12/2026 às 08:00". */
export function whenBr(at: Date, now: Date): string {
  const { hour, minute } = saoPauloTimeOf(at);
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  const day = saoPauloDateOf(at);
  const today = saoPauloDateOf(now);
  if (day === today) return `hoje às ${time}`;
  if (day === addDays(today, 1)) return `amanhã às ${time}`;
  for (let offset = 2; offset < 7; offset++) {
    if (day === addDays(today, offset)) return `${WEEKDAYS[weekdayOf(day)]} às ${time}`;
  }
  return `${formatDateBr(day)} às ${time}`;
}

/** What the owner is told about the boleto message of a charge they confirmed: what happened to the send. */
export type BoletoSendOutcome =
  | { kind: 'sent' }
  | { kind: 'deferred'; until: Date; reason: 'quiet_hours' | 'rate_limited'; now: Date }
  | { kind: 'failed'; reason: string; firstReport: boolean };

export interface BoletoSendFacts {
  owner: string;
  message: Pick<OutboxMessage, 'correlationId' | 'boletoId'>;
  boleto: Pick<Boleto, 'id' | 'amountCents' | 'dueDate' | 'provider'>;
  contactName: string;
}

const DEFERRED_BECAUSE = {
  quiet_hours: 'fora do horário de envio',
  rate_limited: 'limite diário de mensagens para essa pessoa',
} as const;

function lineOf(boleto: BoletoSendFacts['boleto']): string {
  return boleto.provider ? `\nLinha digitável: ${boleto.provider.digitableLine}` : '';
}

/** Line, PDF and Pix for the owner to forward, when the send did not happen. */
function forwardable(boleto: BoletoSendFacts['boleto']): string {
  const ref = boleto.provider;
  if (!ref) return '';
  const lines = ['Encaminhe você mesmo:', `Linha digitável: ${ref.digitableLine}`];
  if (ref.pdfUrl) lines.push(`PDF: ${ref.pdfUrl}`);
  if (ref.pixEmv) lines.push(`Pix copia e cola: ${ref.pixEmv}`);
  return `\n${lines.join('\n')}`;
}

/**
 * One statement per outcome, true when it is said: "enviado" only after the provider accepted the send; a
 * deferral says when; a refusal or failure says why and hands over the line, PDF and Pix to forward.
 */
export function boletoSendNotice(facts: BoletoSendFacts, outcome: BoletoSendOutcome): NewOutboxMessage {
  const { boleto, contactName } = facts;
  const first = contactName.trim().split(/\s+/)[0] ?? contactName;
  const issued = `Boleto de ${formatBrl(boleto.amountCents)} para ${contactName}, vencimento ${formatDateBr(boleto.dueDate)}`;
  let text: string;
  switch (outcome.kind) {
    case 'sent':
      text = `✅ ${issued}: emitido e enviado no WhatsApp de ${first}.${lineOf(boleto)}`;
      break;
    case 'deferred':
      text = `✅ ${issued}: emitido. Vou enviar para ${first} ${whenBr(outcome.until, outcome.now)} (${DEFERRED_BECAUSE[outcome.reason]}).${lineOf(boleto)}`;
      break;
    case 'failed':
      text = outcome.firstReport
        ? `⚠️ ${issued}: emitido, mas não enviei para ${first}: ${whyNotSent(outcome.reason)}.${forwardable(boleto)}`
        : `⚠️ Não consegui enviar o boleto de ${formatBrl(boleto.amountCents)} (vencimento ${formatDateBr(boleto.dueDate)}) para ${contactName}: ${whyNotSent(outcome.reason)}.${forwardable(boleto)}`;
      break;
  }
  return {
    channel: 'whatsapp',
    kind: outcome.kind === 'failed' ? 'delivery_failed' : 'owner_reply',
    recipient: facts.owner,
    audience: 'owner',
    content: { type: 'text', text },
    correlationId: facts.message.correlationId,
    boletoId: boleto.id,
  };
}
