import type { ProviderBoletoStatus } from '#application/ports/billing-provider';
import type { Boleto } from '#domain/boleto';
import { type CalendarDate, formatDateBr } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import { aboutCancelledBoleto, type NewOutboxMessage } from '#domain/outbox-message';

/** What the owner (and, for a cancellation, the contact) is told about a boleto's money and life, in pt-BR. */

export const PAYMENT_TEMPLATES = {
  /** {{1}} contact name, {{2}} amount paid, {{3}} what the boleto was for. */
  paymentReceived: 'iris_pagamento_recebido',
} as const;

export interface PaymentFacts {
  contactName: string;
  boleto: Pick<Boleto, 'id' | 'amountCents' | 'description' | 'dueDate'>;
  paidCents: number;
  chargesCents: number;
  remainingCents: number;
  paidOn: CalendarDate;
  /** More than the remaining principal plus the charges our policy allows: someone should look. */
  overpaid: boolean;
  /** Fine and interest the policy allowed on `paidOn` that the payment did not cover (0 when none). */
  uncollectedChargesCents?: number;
  /** What the owner's one-tap button would charge in a new boleto (absent: no button). */
  differenceOfferCents?: number;
  /** The tenant waives uncollected late charges (they are told, no button for them). */
  chargesWaived?: boolean;
  /** A notice about the remainder was queued for the payer. */
  payerTold?: boolean;
}

function about(boleto: Pick<Boleto, 'description' | 'dueDate'>): string {
  const what = boleto.description ? `${boleto.description}, ` : '';
  return `${what}vencimento ${formatDateBr(boleto.dueDate)}`;
}

export function paymentReceivedText(facts: PaymentFacts): string {
  const paid = formatBrl(facts.paidCents);
  const uncollected = facts.uncollectedChargesCents ?? 0;
  let text: string;
  if (facts.remainingCents > 0) {
    const charges =
      uncollected > 0 ? ` (mais ${formatBrl(uncollected)} de multa e juros até o pagamento)` : '';
    const told = facts.payerTold ? ` Vou avisar ${facts.contactName} do valor que falta.` : '';
    text =
      `💰 ${facts.contactName} pagou ${paid} do boleto de ${formatBrl(facts.boleto.amountCents)} ` +
      `(${about(facts.boleto)}) em ${formatDateBr(facts.paidOn)}. Faltam ${formatBrl(facts.remainingCents)}${charges}: ` +
      'o banco baixou esse boleto e ele não aceita outro pagamento, então parei os lembretes.' +
      told;
  } else if (facts.chargesCents > 0) {
    text =
      `💰 ${facts.contactName} pagou ${paid} (${formatBrl(facts.paidCents - facts.chargesCents)} + ` +
      `${formatBrl(facts.chargesCents)} de multa e juros) em ${formatDateBr(facts.paidOn)} (${about(facts.boleto)}).`;
  } else {
    text = `💰 ${facts.contactName} pagou ${paid} em ${formatDateBr(facts.paidOn)} (${about(facts.boleto)}).`;
  }
  if (facts.remainingCents === 0 && uncollected > 0) {
    text += ` O pagamento foi depois do vencimento e não incluiu ${formatBrl(uncollected)} de multa e juros.`;
  }
  if (uncollected > 0 && facts.chargesWaived)
    text += ' Pela configuração da empresa, não cobro multa e juros em atraso.';
  if (facts.differenceOfferCents)
    text += ` Quer cobrar ${formatBrl(facts.differenceOfferCents)} num boleto novo?`;
  if (facts.overpaid) text += ' ⚠️ O valor ficou acima do esperado: confira com a pessoa.';
  return text;
}

/** Reply buttons under a payment notice: `difference:<charge|waive>:<boletoId>:<cents>` (see charge-difference.ts). */
export function differenceButtonId(decision: 'charge' | 'waive', boletoId: string, cents: number): string {
  return `difference:${decision}:${boletoId}:${cents}`;
}

export function paymentReceivedNotice(owner: string, facts: PaymentFacts): NewOutboxMessage {
  const text = paymentReceivedText(facts);
  const offer = facts.differenceOfferCents;
  return {
    channel: 'whatsapp',
    kind: 'payment_received',
    recipient: owner,
    audience: 'owner',
    content: offer
      ? {
          type: 'buttons',
          text,
          buttons: [
            { id: differenceButtonId('charge', facts.boleto.id, offer), title: `Cobrar ${formatBrl(offer)}` },
            { id: differenceButtonId('waive', facts.boleto.id, offer), title: 'Não cobrar' },
          ],
        }
      : { type: 'text', text },
    template: {
      name: PAYMENT_TEMPLATES.paymentReceived,
      languageCode: 'pt_BR',
      parameters: [
        facts.contactName,
        formatBrl(facts.paidCents),
        facts.boleto.description || `boleto de ${formatDateBr(facts.boleto.dueDate)}`,
      ],
    },
    correlationId: facts.boleto.id,
    boletoId: facts.boleto.id,
  };
}

/** To the payer after a short payment: what was received, what is missing, and that this billet is closed. */
export function partialPaymentPayerNotice(
  contact: { contactId: string; phone: string; name: string },
  businessName: string,
  facts: PaymentFacts,
): NewOutboxMessage {
  const first = contact.name.trim().split(/\s+/)[0] ?? contact.name;
  const to = businessName || 'a empresa';
  return {
    channel: 'whatsapp',
    kind: 'payment_received',
    recipient: contact.phone,
    audience: 'contact',
    contactId: contact.contactId,
    content: {
      type: 'text',
      text:
        `Olá, ${first}! Recebemos ${formatBrl(facts.paidCents)} do boleto de ${formatBrl(facts.boleto.amountCents)} ` +
        `(${about(facts.boleto)}). Ficaram faltando ${formatBrl(facts.remainingCents)}. Esse boleto foi baixado e ` +
        `não aceita outro pagamento: fale com ${to} para combinar o restante.`,
    },
    correlationId: facts.boleto.id,
    boletoId: facts.boleto.id,
  };
}

/** Money arrived for a boleto that was already cancelled here: recorded, and a person must decide. */
export function paymentOnCancelledBoletoNotice(owner: string, facts: PaymentFacts): NewOutboxMessage {
  return {
    ...paymentReceivedNotice(owner, facts),
    content: {
      type: 'text',
      text:
        `⚠️ ${facts.contactName} pagou ${formatBrl(facts.paidCents)} em ${formatDateBr(facts.paidOn)} ` +
        `um boleto que estava cancelado (${about(facts.boleto)}). Registrei o pagamento; ` +
        'confira se é preciso devolver ou abater o valor.',
    },
  };
}

const CLOSED_BY_PROVIDER: Record<'cancelled' | 'expired' | 'failed', string> = {
  cancelled: 'foi cancelado no banco emissor',
  expired: 'expirou sem pagamento e não pode mais ser pago',
  failed: 'não pôde ser registrado pelo banco emissor',
};

export function closedByProviderNotice(
  owner: string,
  contactName: string,
  boleto: Pick<Boleto, 'id' | 'amountCents' | 'description' | 'dueDate'>,
  status: Extract<ProviderBoletoStatus, 'cancelled' | 'expired' | 'failed'>,
): NewOutboxMessage {
  return {
    channel: 'whatsapp',
    kind: 'owner_reply',
    recipient: owner,
    audience: 'owner',
    content: {
      type: 'text',
      text:
        `ℹ️ O boleto de ${contactName} de ${formatBrl(boleto.amountCents)} (${about(boleto)}) ` +
        `${CLOSED_BY_PROVIDER[status]}. Parei os lembretes.`,
    },
    correlationId: boleto.id,
    boletoId: boleto.id,
  };
}

/**
 * The owner's answer to a cancellation. The payer's notice is only queued at this point (quiet hours, the daily
 * cap or a failure may hold it), so the owner hears an intention, never "avisei"; a notice that fails is told
 * to the owner by delivery like any payer message.
 */
export function cancelledReplyText(
  contactName: string,
  boleto: Pick<Boleto, 'amountCents' | 'description' | 'dueDate'>,
  contactToBeTold: boolean,
): string {
  const told = contactToBeTold ? ` Vou avisar ${contactName} pelo WhatsApp.` : '';
  return `✅ Cancelei o boleto de ${contactName} de ${formatBrl(boleto.amountCents)} (${about(boleto)}).${told}`;
}

export function cancelledContactNotice(
  contact: { contactId: string; phone: string; name: string },
  businessName: string,
  boleto: Pick<Boleto, 'id' | 'version' | 'status' | 'amountCents' | 'description' | 'dueDate'>,
): NewOutboxMessage {
  const from = businessName ? ` de ${businessName}` : '';
  const first = contact.name.trim().split(/\s+/)[0] ?? contact.name;
  return {
    channel: 'whatsapp',
    kind: 'boleto_to_contact',
    recipient: contact.phone,
    audience: 'contact',
    contactId: contact.contactId,
    content: {
      type: 'text',
      text:
        `Olá, ${first}! O boleto${from} de ${formatBrl(boleto.amountCents)} (${about(boleto)}) foi cancelado ` +
        'e não deve mais ser pago. Qualquer dúvida, fale com a empresa.',
    },
    correlationId: boleto.id,
    boletoId: boleto.id,
    // Delivered only if still cancelled and the payer had received the boleto (docs/decisions.md).
    about: aboutCancelledBoleto(boleto),
  };
}
