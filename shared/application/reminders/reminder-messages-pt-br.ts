import type { Boleto } from '#domain/boleto';
import { type CalendarDate, formatDateBr } from '#domain/calendar-date';
import { formatDigitableLine } from '#domain/febraban-barcode';
import type { LateCharges } from '#domain/late-charges';
import { formatBrl } from '#domain/money';
import type { EmailContent, TemplateFallback } from '#domain/outbox-message';
import type { ReminderPhase } from '#domain/reminder-cadence';

/**
 * What a reminder says, in pt-BR: short, one amount (what is due TODAY, charges included), how to pay, and
 * how to stop the messages. The same facts feed the WhatsApp text, the approved-template parameters used
 * outside the 24-hour window, and the escalation e-mail.
 */

/** Approved WhatsApp templates (Meta category "utility"); their parameters are listed beside each builder. */
export const REMINDER_TEMPLATES = {
  /** {{1}} first name, {{2}} business, {{3}} amount, {{4}} due date, {{5}} when ("vence hoje"), {{6}} digitable line. */
  upcoming: 'iris_lembrete_boleto',
  /** {{1}} first name, {{2}} business, {{3}} amount due today, {{4}} due date, {{5}} days late, {{6}} digitable line. */
  overdue: 'iris_lembrete_boleto_vencido',
} as const;

export interface ReminderFacts {
  contactName: string;
  businessName: string;
  boleto: Pick<Boleto, 'description' | 'dueDate' | 'provider'>;
  phase: ReminderPhase;
  /** `amountDueOn(boleto, today)`: the remaining principal and the charges on it today. */
  due: LateCharges;
  today: CalendarDate;
}

export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

function digitableLineOf(facts: ReminderFacts): string | undefined {
  const line = facts.boleto.provider?.digitableLine;
  if (!line) return undefined;
  return line.length === 47 ? formatDigitableLine(line) : line;
}

function whatFor(facts: ReminderFacts): string {
  const from = facts.businessName ? ` de ${facts.businessName}` : '';
  const about = facts.boleto.description ? ` (${facts.boleto.description})` : '';
  return `o boleto${from}${about}`;
}

function whenText(phase: ReminderPhase, dueDate: CalendarDate): string {
  const date = formatDateBr(dueDate);
  switch (phase.kind) {
    case 'before_due':
      return `vence em ${date} (${phase.daysToDue === 1 ? 'amanhã' : `daqui a ${phase.daysToDue} dias`})`;
    case 'due_today':
      return `vence hoje, ${date}`;
    case 'grace':
      return `venceu em ${date} e pode ser pago até ${formatDateBr(phase.lastChargeFreeDay)} sem multa nem juros`;
    case 'overdue':
      return `venceu em ${date} (há ${phase.daysLate} ${phase.daysLate === 1 ? 'dia' : 'dias'})`;
  }
}

/** `R$ 153,25 (R$ 150,00 + R$ 3,00 de multa + R$ 0,25 de juros)`, or just the amount when nothing is added. */
export function amountDueText(due: LateCharges): string {
  if (due.chargesCents === 0) return formatBrl(due.totalCents);
  const parts = [formatBrl(due.totalCents - due.chargesCents)];
  if (due.fineCents > 0) parts.push(`${formatBrl(due.fineCents)} de multa`);
  if (due.interestCents > 0) parts.push(`${formatBrl(due.interestCents)} de juros`);
  return `${formatBrl(due.totalCents)} (${parts.join(' + ')})`;
}

const OPT_OUT_HINT = {
  whatsapp: 'Para não receber mais lembretes, responda PARAR.',
  email: 'Para não receber mais lembretes, responda PARAR no WhatsApp.',
} as const;

export function reminderWhatsAppText(
  facts: ReminderFacts,
  channel: 'whatsapp' | 'email' = 'whatsapp',
): string {
  const name = firstNameOf(facts.contactName);
  const lines: string[] = [];
  if (facts.phase.kind === 'overdue') {
    lines.push(
      `Olá, ${name}! ${capitalize(whatFor(facts))} ${whenText(facts.phase, facts.boleto.dueDate)}.`,
      `Valor para pagar hoje (${formatDateBr(facts.today)}): ${amountDueText(facts.due)}.`,
    );
  } else {
    lines.push(
      `Olá, ${name}! Passando para lembrar que ${whatFor(facts)}, de ${formatBrl(facts.due.totalCents)}, ${whenText(facts.phase, facts.boleto.dueDate)}.`,
    );
  }
  const line = digitableLineOf(facts);
  if (line) lines.push('', 'Linha digitável:', line);
  if (facts.boleto.provider?.pdfUrl) lines.push('', `Boleto em PDF: ${facts.boleto.provider.pdfUrl}`);
  lines.push('', `Se já pagou, desconsidere esta mensagem. ${OPT_OUT_HINT[channel]}`);
  return lines.join('\n');
}

export function reminderTemplate(facts: ReminderFacts): TemplateFallback {
  const name = firstNameOf(facts.contactName);
  const business = facts.businessName || 'a empresa';
  const line = digitableLineOf(facts) ?? 'peça o boleto à empresa';
  const dueDate = formatDateBr(facts.boleto.dueDate);
  if (facts.phase.kind === 'overdue') {
    return {
      name: REMINDER_TEMPLATES.overdue,
      languageCode: 'pt_BR',
      parameters: [
        name,
        business,
        formatBrl(facts.due.totalCents),
        dueDate,
        String(facts.phase.daysLate),
        line,
      ],
    };
  }
  return {
    name: REMINDER_TEMPLATES.upcoming,
    languageCode: 'pt_BR',
    parameters: [
      name,
      business,
      formatBrl(facts.due.totalCents),
      dueDate,
      whenText(facts.phase, facts.boleto.dueDate),
      line,
    ],
  };
}

export function reminderEmail(facts: ReminderFacts): EmailContent {
  const business = facts.businessName || 'IRIS';
  const subject = `Boleto vencido em ${formatDateBr(facts.boleto.dueDate)}: ${formatBrl(facts.due.totalCents)} - ${business}`;
  const text = reminderWhatsAppText(facts, 'email');
  const html = text
    .split('\n\n')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>')}</p>`)
    .join('\n');
  return { type: 'email', subject, text, html };
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
