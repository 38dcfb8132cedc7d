import type { Boleto } from '#domain/boleto';
import { formatDateBr } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import type { HeldPayerText } from '#domain/payer-thread';
import { clipText } from '#domain/payer-thread';

/** What IRIS says to a payer who writes, and what it forwards to the owner, in pt-BR. */

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

function business(name: string | undefined): string {
  return name ? name : 'a empresa';
}

export type PaymentCheck =
  /** The provider confirmed the payment of every boleto checked. */
  | { kind: 'confirmed' }
  /** At least one boleto is still unpaid at the provider. */
  | { kind: 'not_yet' }
  /** The provider could not be asked now. */
  | { kind: 'unavailable' }
  | { kind: 'no_open_boleto' };

export const payerReplies = {
  paymentConfirmed: (name: string) => `Obrigado, ${firstName(name)}! Confirmei no banco o seu pagamento. ✅`,
  paymentNotYetSeen: (name: string, businessName: string | undefined) =>
    `Obrigado, ${firstName(name)}! O pagamento ainda não apareceu no banco (pode levar até 3 dias úteis). ` +
    `Assim que o banco confirmar, eu aviso ${business(businessName)} e os lembretes param.`,
  paymentNotCheckable: (name: string, businessName: string | undefined) =>
    `Obrigado, ${firstName(name)}! Não consegui consultar o banco agora; avisei ${business(businessName)} ` +
    'e vou conferir de novo.',
  nothingOpen: (name: string) => `Olá, ${firstName(name)}! Não há boleto em aberto no seu nome. 🙂`,
  nothingToResend: (name: string, businessName: string | undefined) =>
    `Olá, ${firstName(name)}! Não encontrei boleto em aberto no seu nome. Avisei ${business(businessName)}.`,
  passedOn: (name: string, businessName: string | undefined) =>
    `Olá, ${firstName(name)}! Recebi sua mensagem e vou passar para ${business(businessName)}.`,
};

function about(boleto: Pick<Boleto, 'amountCents' | 'description' | 'dueDate'>): string {
  const what = boleto.description ? `${boleto.description}, ` : '';
  return `${formatBrl(boleto.amountCents)} (${what}vencimento ${formatDateBr(boleto.dueDate)})`;
}

export interface ForwardFacts {
  contactName: string;
  held: readonly HeldPayerText[];
  text: string;
  /** What IRIS did about the message, already true when the forward is written. */
  action?:
    | { kind: 'checked'; check: PaymentCheck; boletos: Boleto[] }
    | { kind: 'resent'; boletos: Boleto[] }
    | { kind: 'nothing_to_resend' };
}

/** `💬 João Silva escreveu: …` with every held text, then what IRIS did about it. */
export function forwardText(facts: ForwardFacts): string {
  const texts = [...facts.held.map((held) => held.text), facts.text].map((text) => `“${clipText(text)}”`);
  const lines = [`💬 ${facts.contactName} escreveu:`, ...texts];
  const action = facts.action;
  if (action?.kind === 'checked') {
    const check = action.check;
    if (check.kind === 'confirmed') lines.push('✅ Conferi no banco: pagamento confirmado.');
    if (check.kind === 'not_yet')
      lines.push(
        `🔎 Conferi no banco: ainda sem pagamento de ${action.boletos.map(about).join(', ')}. Aviso quando o banco confirmar.`,
      );
    if (check.kind === 'unavailable')
      lines.push('⚠️ Não consegui consultar o banco agora; a conferência diária vai repetir.');
    if (check.kind === 'no_open_boleto') lines.push('ℹ️ Não há boleto em aberto dessa pessoa.');
  }
  if (action?.kind === 'resent') {
    lines.push(`📨 Pediu o boleto: coloquei na fila de envio ${action.boletos.map(about).join(', ')}.`);
  }
  if (action?.kind === 'nothing_to_resend')
    lines.push('ℹ️ Pediu o boleto, mas não há boleto em aberto dessa pessoa.');
  return lines.join('\n');
}
