import { type CalendarDate, calendarDateFromParts, isAfter, isCalendarDate } from './calendar-date';
import type { Cents } from './money';
import { type TaxId, tryParseTaxId } from './tax-id';

/**
 * What a receipt says, read from its text (OCR of a photo, or a model's proposal checked against that text).
 * A field IRIS could not read is null: nothing is guessed.
 */
export interface ReceiptFields {
  totalCents: Cents | null;
  date: CalendarDate | null;
  merchant: string | null;
  /** The merchant's CNPJ when printed and its check digits match (14 characters, unformatted). */
  cnpj: TaxId | null;
  paymentMethod: ReceiptPaymentMethod | null;
}

export type ReceiptPaymentMethod = 'dinheiro' | 'cartão de débito' | 'cartão de crédito' | 'pix';

/** `1.234,56`, `87,40`, `87.40`, `87, 40` (OCR spaces): the reais and the two centavo digits. */
const AMOUNT = /(\d{1,3}(?:[.\s]\d{3})+|\d+)\s?[,.]\s?(\d{2})(?!\d)/g;
/** The total's label, tolerant of OCR's usual swaps (0/O, 1/l/I). Not SUBTOTAL, not "total de itens". */
const TOTAL_LABEL =
  /(?<![a-z])(?:valor\s+(?:total|a\s+pagar|pago)|t[o0]ta[l1i](?:\s+(?:a\s+pagar|geral|r\$))?)/i;
const NOT_TOTAL = /sub\s*-?\s*t[o0]ta[l1i]|t[o0]ta[l1i]\s+(?:de\s+)?itens|qtd|tributos|impostos|desconto/i;
const DATE = /(?<!\d)(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4}|\d{2})(?!\d)/g;
/** A CNPJ as printed, with OCR's separator slips (`11:222.333/0001-81`). */
const CNPJ =
  /(?<![\dA-Z])([\dA-Z]{2}[.:,]?\s?[\dA-Z]{3}[.:,]?\s?[\dA-Z]{3}\s?\/?\s?[\dA-Z]{4}\s?-?\s?\d{2})(?!\d)/gi;
const NOT_A_NAME =
  /cnpj|cpf|\bie\b|inscri|cupom|nfc-?e|nota fiscal|documento auxiliar|extrato|sat\b|endere|\brua\b|\bav\.?\b|avenida|telefone|\btel\b|fone|data|hora|\bcep\b|caixa|operador|consumidor|t[o0]ta[l1i]|itens|\bqtd\b|\d{2}\/\d{2}/i;
const COMPANY_SUFFIX = /\s+(?:ltda\.?|me|epp|eireli|s\.?\/?a\.?|mei)$/i;

/** Reads total, date, merchant, CNPJ and payment method from a receipt's text. `today` bounds the date. */
export function readReceiptFields(text: string, today: CalendarDate): ReceiptFields {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return {
    totalCents: totalOf(lines),
    date: dateOf(text, today),
    merchant: merchantOf(lines),
    cnpj: cnpjOf(text),
    paymentMethod: paymentMethodOf(text),
  };
}

/** Every amount printed in the text, in centavos (for grounding a proposed total). */
export function amountsIn(text: string): Cents[] {
  return [...text.matchAll(AMOUNT)].map((match) => centsOf(match[1] ?? '', match[2] ?? ''));
}

/**
 * The grounding rule for a proposed total (the model's or anyone's): it must be printed on the receipt.
 * A number that does not appear in the text is never booked.
 */
export function isPrintedOn(text: string, cents: Cents): boolean {
  return amountsIn(text).includes(cents);
}

function centsOf(reais: string, centavos: string): Cents {
  return Number(reais.replace(/[.\s]/g, '')) * 100 + Number(centavos);
}

/** The last amount on the last line labelled as the total; a label alone takes the next line's amount. */
function totalOf(lines: string[]): Cents | null {
  let total: Cents | null = null;
  lines.forEach((line, index) => {
    if (!TOTAL_LABEL.test(line) || NOT_TOTAL.test(line)) return;
    const after = line.slice(line.search(TOTAL_LABEL));
    const amounts = amountsIn(after);
    const next = lines[index + 1];
    const found = amounts.at(-1) ?? (next && !TOTAL_LABEL.test(next) ? amountsIn(next).at(0) : undefined);
    if (found !== undefined && found > 0) total = found;
  });
  return total;
}

function dateOf(text: string, today: CalendarDate): CalendarDate | null {
  for (const match of text.matchAll(DATE)) {
    const day = Number(match[1]);
    const month = Number(match[2]);
    const rawYear = match[3] ?? '';
    const year = rawYear.length === 2 ? 2000 + Number(rawYear) : Number(rawYear);
    const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (!isCalendarDate(iso)) continue;
    const date = calendarDateFromParts(year, month, day);
    if (!isAfter(date, today)) return date;
  }
  return null;
}

function cnpjOf(text: string): TaxId | null {
  for (const match of text.matchAll(CNPJ)) {
    const taxId = tryParseTaxId((match[1] ?? '').replace(/[^\dA-Za-z]/g, ''));
    if (taxId && taxId.length === 14) return taxId;
  }
  return null;
}

/** The first line that reads like a name (letters, not a label, an address or a date), without "LTDA". */
function merchantOf(lines: string[]): string | null {
  for (const line of lines.slice(0, 6)) {
    if (NOT_A_NAME.test(line) || amountsIn(line).length > 0) continue;
    const letters = line.replace(/[^\p{L}]/gu, '');
    if (letters.length < 4 || letters.length < line.replace(/\s/g, '').length * 0.7) continue;
    const words = line
      .replace(/[^\p{L}\d&'\s.-]/gu, ' ')
      .split(/\s+/)
      .filter((word) => /[\p{L}\d]/u.test(word)); // OCR specks: "|", "-", "“"
    const name = words.join(' ').replace(COMPANY_SUFFIX, '').trim();
    if (name.length >= 3) return titleCase(name);
  }
  return null;
}

const LOWERCASE_WORDS = new Set(['de', 'da', 'do', 'das', 'dos', 'e']);

function titleCase(name: string): string {
  return name
    .toLocaleLowerCase('pt-BR')
    .split(/\s+/)
    .map((word, index) =>
      index > 0 && LOWERCASE_WORDS.has(word)
        ? word
        : word.charAt(0).toLocaleUpperCase('pt-BR') + word.slice(1),
    )
    .join(' ');
}

function paymentMethodOf(text: string): ReceiptPaymentMethod | null {
  const folded = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
  if (/\bpix\b/.test(folded)) return 'pix';
  if (/debito/.test(folded)) return 'cartão de débito';
  if (/credito/.test(folded)) return 'cartão de crédito';
  if (/dinheiro/.test(folded)) return 'dinheiro';
  return null;
}

/** A reading proposed by someone other than the rules (a vision model), before the rules check it. */
export interface ProposedReceiptFields {
  totalCents: number | null;
  date: string | null;
  merchant: string | null;
  cnpj: string | null;
  paymentMethod: ReceiptPaymentMethod | null;
}

export type ReceiptProposalProblem =
  | 'no_total'
  | 'ungrounded_total'
  | 'invalid_date'
  | 'future_date'
  | 'invalid_cnpj';

const MAX_MERCHANT_CHARS = 60;

/**
 * The grounding rules for a proposed reading: a total printed on the receipt (`isPrintedOn` its OCR text), a
 * real date not after today, a CNPJ whose check digits match. One failed rule rejects the whole proposal (a
 * model that invents one value is not trusted with the others) and the rules' own reading decides. An accepted
 * proposal's missing fields come from the rules' reading of the same text.
 */
export function checkReceiptProposal(
  proposed: ProposedReceiptFields,
  text: string,
  today: CalendarDate,
): { fields: ReceiptFields } | { problem: ReceiptProposalProblem } {
  const total = proposed.totalCents;
  if (total === null || !Number.isSafeInteger(total) || total <= 0) return { problem: 'no_total' };
  if (!isPrintedOn(text, total)) return { problem: 'ungrounded_total' };
  const date = proposed.date;
  if (date !== null && !isCalendarDate(date)) return { problem: 'invalid_date' };
  if (date !== null && isAfter(date, today)) return { problem: 'future_date' };
  const cnpj = proposed.cnpj === null ? null : tryParseTaxId(proposed.cnpj.replace(/[^\dA-Za-z]/g, ''));
  if (proposed.cnpj !== null && cnpj?.length !== 14) return { problem: 'invalid_cnpj' };
  const merchant = proposed.merchant?.replace(/\s+/g, ' ').trim().slice(0, MAX_MERCHANT_CHARS) || null;
  const read = readReceiptFields(text, today);
  return {
    fields: {
      totalCents: total,
      date: date ?? read.date,
      merchant: merchant ?? read.merchant,
      cnpj: cnpj ?? read.cnpj,
      paymentMethod: proposed.paymentMethod ?? read.paymentMethod,
    },
  };
}
