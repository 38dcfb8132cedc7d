import { type CalendarDate, calendarDateFromParts, daysInMonth } from '#domain/calendar-date';
import { type EmailAddress, tryParseEmail } from '#domain/email-address';
import { type Cents, formatBrlNumber, parseBrl } from '#domain/money';
import { type E164, tryNormalizePhone } from '#domain/phone-number';
import { type AgingBuckets, agingTotal } from './aging-buckets';
import type { AgingColumn } from './aging-columns';

/** One open invoice as a row of the aging file, validated. */
export interface AgingRow {
  clientId: string;
  accountName: string;
  contact: {
    firstName: string;
    lastName: string;
    email: EmailAddress;
    phone?: E164;
    isBilling: boolean;
  };
  invoiceNumber: string;
  invoiceDate?: CalendarDate;
  dueDate: CalendarDate;
  invoiceAmountCents: Cents;
  outstandingCents: Cents;
  aging: AgingBuckets;
}

/** Why a row was not imported: its number in the file (the header is row 1), the column, a reason in pt-BR. */
export interface RowError {
  row: number;
  column: AgingColumn | '';
  reason: string;
}

/**
 * A second (or later) row naming an invoice (client_id + invoice_number) that an earlier row of the file named:
 * the first row is the one that counts, even if it was rejected.
 */
export function repeatedInvoiceError(row: number, firstRow: number): RowError {
  return { row, column: 'invoice_number', reason: `fatura repetida na linha ${firstRow}` };
}

export type RowValues = Partial<Record<AgingColumn, string>>;

export type RowValidation = { ok: true; row: AgingRow } | { ok: false; errors: RowError[] };

const MAX_TEXT = 200;
const ID_SHAPE = /^[\p{L}\p{N} ._\-/#]{1,64}$/u;

/**
 * Validates one row. Every problem of the row is reported (not just the first), each with its column, so the
 * owner fixes the spreadsheet in one pass. Amounts: `1.234,56`, `R$ 1.234,56`, `1234.56`, `1234`; dates:
 * `dd/mm/aaaa` and ISO `aaaa-mm-dd`; the five bucket amounts must add up to `total_outstanding`.
 */
export function validateAgingRow(rowNumber: number, values: RowValues): RowValidation {
  const errors: RowError[] = [];
  const fail = (column: AgingColumn, reason: string) => errors.push({ row: rowNumber, column, reason });
  const text = (column: AgingColumn) => (values[column] ?? '').trim();

  const required = (column: AgingColumn, label: string, shape?: RegExp): string => {
    const value = text(column);
    if (value === '') fail(column, `${label} vazio`);
    else if (value.length > MAX_TEXT) fail(column, `${label} longo demais (máx. ${MAX_TEXT} caracteres)`);
    else if (shape && !shape.test(value)) fail(column, `${label} com caracteres inválidos: "${value}"`);
    return value;
  };
  const amount = (column: AgingColumn, label: string, options: { allowEmpty: boolean }): Cents => {
    const value = text(column);
    if (value === '') {
      if (!options.allowEmpty) fail(column, `${label} vazio`);
      return 0;
    }
    try {
      const cents = parseBrl(value);
      return cents;
    } catch {
      fail(column, `${label} não é um valor em reais: "${value}"`);
      return 0;
    }
  };
  const date = (
    column: AgingColumn,
    label: string,
    options: { optional: boolean },
  ): CalendarDate | undefined => {
    const value = text(column);
    if (value === '') {
      if (!options.optional) fail(column, `${label} vazia`);
      return undefined;
    }
    const parsed = parseImportDate(value);
    if (!parsed) fail(column, `${label} inválida (use dd/mm/aaaa ou aaaa-mm-dd): "${value}"`);
    return parsed;
  };

  const clientId = required('client_id', 'client_id', ID_SHAPE);
  const accountName = required('account_name', 'nome da conta');
  const invoiceNumber = required('invoice_number', 'número da fatura', ID_SHAPE);
  const emailText = text('contact_email');
  const email = tryParseEmail(emailText);
  if (emailText === '') fail('contact_email', 'e-mail do contato vazio');
  else if (!email) fail('contact_email', `e-mail inválido: "${emailText}"`);
  const phoneText = text('contact_phone');
  const phone = phoneText === '' ? undefined : tryNormalizePhone(phoneText);
  if (phoneText !== '' && !phone) fail('contact_phone', `telefone inválido: "${phoneText}"`);
  const billingText = text('is_billing_contact');
  const isBilling = parseYesNo(billingText);
  if (isBilling === undefined) fail('is_billing_contact', `use sim/não: "${billingText}"`);
  const invoiceDate = date('invoice_date', 'data da fatura', { optional: true });
  const dueDate = date('due_date', 'vencimento', { optional: false });
  if (invoiceDate && dueDate && dueDate < invoiceDate) fail('due_date', 'vencimento antes da data da fatura');
  const invoiceAmountCents = amount('invoice_amount', 'valor da fatura', { allowEmpty: false });
  const outstandingCents = amount('total_outstanding', 'saldo em aberto', { allowEmpty: false });
  const aging: AgingBuckets = {
    days0To30: amount('days_0_30', 'faixa 0–30', { allowEmpty: true }),
    days31To60: amount('days_31_60', 'faixa 31–60', { allowEmpty: true }),
    days61To90: amount('days_61_90', 'faixa 61–90', { allowEmpty: true }),
    days91To120: amount('days_91_120', 'faixa 91–120', { allowEmpty: true }),
    daysOver120: amount('days_over_120', 'faixa 120+', { allowEmpty: true }),
  };
  const amountErrors = errors.some((e) => e.column === 'total_outstanding' || e.column.startsWith('days_'));
  if (!amountErrors && text('total_outstanding') !== '') {
    if (outstandingCents <= 0) fail('total_outstanding', 'saldo em aberto deve ser maior que zero');
    else if (agingTotal(aging) !== outstandingCents) {
      fail(
        'total_outstanding',
        `as faixas somam ${formatBrlNumber(agingTotal(aging))}, mas o saldo em aberto é ${formatBrlNumber(outstandingCents)}`,
      );
    }
  }
  if (!errors.some((e) => e.column === 'invoice_amount' || e.column === 'total_outstanding')) {
    if (invoiceAmountCents <= 0) fail('invoice_amount', 'valor da fatura deve ser maior que zero');
    else if (outstandingCents > invoiceAmountCents)
      fail('total_outstanding', 'saldo em aberto maior que a fatura');
  }
  if (errors.length > 0 || !email || !dueDate || isBilling === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    row: {
      clientId,
      accountName,
      contact: {
        firstName: text('contact_first_name'),
        lastName: text('contact_last_name'),
        email,
        ...(phone ? { phone } : {}),
        isBilling,
      },
      invoiceNumber,
      ...(invoiceDate ? { invoiceDate } : {}),
      dueDate,
      invoiceAmountCents,
      outstandingCents,
      aging,
    },
  };
}

/** `dd/mm/aaaa` (also `d/m/aaaa`, `dd-mm-aaaa`, `dd.mm.aaaa`) or ISO `aaaa-mm-dd` (a time part is ignored). */
export function parseImportDate(text: string): CalendarDate | undefined {
  const value = text.trim();
  const br = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const iso = br ? null : /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(value);
  const parts = br
    ? { day: Number(br[1]), month: Number(br[2]), year: Number(br[3]) }
    : iso
      ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }
      : undefined;
  if (!parts) return undefined;
  const { year, month, day } = parts;
  if (year < 1900 || year > 2199 || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return calendarDateFromParts(year, month, day);
}

/** Empty means yes (a file with one contact per account rarely fills the column). */
function parseYesNo(text: string): boolean | undefined {
  const value = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();
  if (['', 'sim', 's', 'yes', 'y', 'true', '1', 'x', 'verdadeiro', 'v'].includes(value)) return true;
  if (['nao', 'n', 'no', 'false', '0', 'falso', 'f'].includes(value)) return false;
  return undefined;
}
