import { type CalendarDate, daysBetween, formatDateBr } from '#domain/calendar-date';
import { type Cents, formatBrl } from '#domain/money';
import { type EmailTemplateVersion, fillTemplate } from './email-template';
import type { EscalationDegree } from './escalation';

/**
 * What a collection e-mail may say, taken from the account's snapshots of one import date: the only amounts,
 * invoice numbers, dates and days overdue an e-mail may contain (`groundingProblems`).
 */
export interface CollectionFacts {
  tenantName: string;
  accountName: string;
  contactName: string;
  asOf: CalendarDate;
  degree: EscalationDegree;
  invoices: ReadonlyArray<{ number: string; dueDate: CalendarDate; outstandingCents: Cents }>;
}

export interface CollectionEmailContent {
  subject: string;
  text: string;
  html: string;
}

export function daysOverdue(dueDate: CalendarDate, asOf: CalendarDate): number {
  return Math.max(0, daysBetween(dueDate, asOf));
}

export function totalOutstanding(facts: CollectionFacts): Cents {
  return facts.invoices.reduce((sum, invoice) => sum + invoice.outstandingCents, 0);
}

export function maxDaysOverdue(facts: CollectionFacts): number {
  return facts.invoices.reduce((max, invoice) => Math.max(max, daysOverdue(invoice.dueDate, facts.asOf)), 0);
}

/** `NF-1 – vencimento 01/10/2026 – 35 dias em atraso – R$ 1.234,56` (or "a vencer" when not yet due). */
export function invoiceLine(invoice: CollectionFacts['invoices'][number], asOf: CalendarDate): string {
  const days = daysOverdue(invoice.dueDate, asOf);
  const late = days === 0 ? 'em dia' : `${days} ${days === 1 ? 'dia' : 'dias'} em atraso`;
  return `• Fatura ${invoice.number} – vencimento ${formatDateBr(invoice.dueDate)} – ${late} – ${formatBrl(invoice.outstandingCents)}`;
}

/** The deterministic e-mail: the active template filled with the facts (always grounded by construction). */
export function renderCollectionEmail(
  template: EmailTemplateVersion,
  facts: CollectionFacts,
): CollectionEmailContent {
  const values = {
    nome_contato: facts.contactName,
    nome_conta: facts.accountName,
    empresa: facts.tenantName,
    total_em_aberto: formatBrl(totalOutstanding(facts)),
    data_posicao: formatDateBr(facts.asOf),
    maior_atraso_dias: String(maxDaysOverdue(facts)),
    faturas: facts.invoices.map((invoice) => invoiceLine(invoice, facts.asOf)).join('\n'),
  };
  const subject = fillTemplate(template.subject, values);
  const text = fillTemplate(template.body, values);
  return { subject, text, html: textToHtml(text) };
}

/** Paragraphs and line breaks of the plain text, HTML-escaped. */
export function textToHtml(text: string): string {
  const escapeHtml = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return `<!doctype html><html lang="pt-BR"><body>${paragraphs}</body></html>`;
}

export type GroundingProblem =
  | { kind: 'amount'; found: string }
  | { kind: 'date'; found: string }
  | { kind: 'days_overdue'; found: string }
  | { kind: 'invoice_number'; found: string }
  | { kind: 'missing_invoice'; found: string };

const AMOUNT = /R\$\s?-?\d{1,3}(?:\.\d{3})*(?:,\d{2})?|\b\d{1,3}(?:\.\d{3})+,\d{2}\b|\b\d+,\d{2}\b/g;
const DATE = /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b/g;
const DAYS = /\b(\d+)\s*(?:dias?|d)\b/gi;
const INVOICE_REF =
  /\b(?:fatura|faturas|nota|nf|nf-e|título|titulo|documento|doc)\.?\s*(?:n[º°o.]+\s*)?([\p{L}\p{N}._\-/]*\d[\p{L}\p{N}._\-/]*)/giu;

/**
 * Every amount, date, days-overdue figure and invoice reference in the e-mail (subject and text) must be one of
 * the facts; every invoice must be mentioned. Amounts allowed: each invoice's outstanding and the total; dates:
 * each due date and the as-of date; days: each invoice's days overdue and the largest. An empty list = grounded.
 */
export function groundingProblems(email: CollectionEmailContent, facts: CollectionFacts): GroundingProblem[] {
  const problems: GroundingProblem[] = [];
  const content = `${email.subject}\n${email.text}\n${htmlText(email.html)}`;
  const amounts = new Set<string>([
    formatBrl(totalOutstanding(facts)),
    ...facts.invoices.map((i) => formatBrl(i.outstandingCents)),
  ]);
  const normaliseAmount = (found: string) =>
    formatBrl(
      Number(
        found
          .replace(/R\$\s?/, '')
          .replace(/\./g, '')
          .replace(',', ''),
      ) * (found.includes(',') ? 1 : 100),
    );
  for (const match of content.matchAll(AMOUNT)) {
    if (!amounts.has(normaliseAmount(match[0]))) problems.push({ kind: 'amount', found: match[0] });
  }
  const dates = new Set<string>([
    formatDateBr(facts.asOf),
    ...facts.invoices.map((i) => formatDateBr(i.dueDate)),
  ]);
  for (const match of content.matchAll(DATE)) {
    if (!dates.has(match[0])) problems.push({ kind: 'date', found: match[0] });
  }
  const days = new Set<string>([
    String(maxDaysOverdue(facts)),
    ...facts.invoices.map((i) => String(daysOverdue(i.dueDate, facts.asOf))),
  ]);
  for (const match of content.matchAll(DAYS)) {
    if (!days.has(match[1] ?? '')) problems.push({ kind: 'days_overdue', found: match[0] });
  }
  const numbers = new Set(facts.invoices.map((i) => i.number.toLowerCase()));
  for (const match of content.matchAll(INVOICE_REF)) {
    const found = (match[1] ?? '').replace(/[.,;:]+$/, '');
    if (!numbers.has(found.toLowerCase())) problems.push({ kind: 'invoice_number', found: match[0] });
  }
  for (const invoice of facts.invoices) {
    if (!email.text.includes(invoice.number))
      problems.push({ kind: 'missing_invoice', found: invoice.number });
  }
  return problems;
}

function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}
