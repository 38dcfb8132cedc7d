import { isCalendarDate } from '#domain/calendar-date';
import { AGING_BUCKETS } from '#domain/collections/aging-buckets';
import type { AgingRow } from '#domain/collections/aging-row';
import { tryParseEmail } from '#domain/email-address';
import { isE164 } from '#domain/phone-number';

/**
 * The clean copy of an aging file that the import workflow's Distributed Map reads (ItemReader, CSV with the
 * header in the first row, comma-separated, UTF-8, no BOM): one VALIDATED row per line, amounts in centavos,
 * ISO dates, the billing flag as `true`/`false`, and the original file line (for batch identity and errors).
 * Step Functions reads every CSV cell as a string; `decodeNormalisedRow` turns one back into an `AgingRow`
 * and refuses anything the normaliser would not have written.
 */

export const NORMALISED_COLUMNS = [
  'line',
  'client_id',
  'account_name',
  'first_name',
  'last_name',
  'email',
  'phone',
  'billing',
  'invoice_number',
  'invoice_date',
  'due_date',
  'invoice_cents',
  'outstanding_cents',
  ...AGING_BUCKETS,
] as const;

export type NormalisedColumn = (typeof NORMALISED_COLUMNS)[number];
export type NormalisedItem = Readonly<Record<NormalisedColumn, string>>;

export class NormalisedRowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NormalisedRowError';
  }
}

export const NORMALISED_HEADER_LINE = `${NORMALISED_COLUMNS.join(',')}\n`;

/** One CSV line (RFC 4180 quoting: a cell with a comma, quote or line break is quoted, quotes doubled). */
export function encodeNormalisedRow(line: number, row: AgingRow): string {
  const cells: Record<NormalisedColumn, string> = {
    line: String(line),
    client_id: row.clientId,
    account_name: row.accountName,
    first_name: row.contact.firstName,
    last_name: row.contact.lastName,
    email: row.contact.email,
    phone: row.contact.phone ?? '',
    billing: String(row.contact.isBilling),
    invoice_number: row.invoiceNumber,
    invoice_date: row.invoiceDate ?? '',
    due_date: row.dueDate,
    invoice_cents: String(row.invoiceAmountCents),
    outstanding_cents: String(row.outstandingCents),
    days0To30: String(row.aging.days0To30),
    days31To60: String(row.aging.days31To60),
    days61To90: String(row.aging.days61To90),
    days91To120: String(row.aging.days91To120),
    daysOver120: String(row.aging.daysOver120),
  };
  return `${NORMALISED_COLUMNS.map((column) => quoted(cells[column])).join(',')}\n`;
}

export function decodeNormalisedRow(item: Readonly<Record<string, unknown>>): {
  line: number;
  row: AgingRow;
} {
  const text = (column: NormalisedColumn): string => {
    const value = item[column];
    if (typeof value !== 'string') throw new NormalisedRowError(`normalised row without ${column}`);
    return value;
  };
  const whole = (column: NormalisedColumn): number => {
    const value = text(column);
    if (!/^\d{1,15}$/.test(value)) throw new NormalisedRowError(`${column} is not whole centavos: ${value}`);
    return Number(value);
  };
  const email = tryParseEmail(text('email'));
  const phone = text('phone');
  const invoiceDate = text('invoice_date');
  const dueDate = text('due_date');
  if (!email) throw new NormalisedRowError('normalised row with an invalid e-mail');
  if (phone !== '' && !isE164(phone)) throw new NormalisedRowError('normalised row with an invalid phone');
  if (!isCalendarDate(dueDate) || (invoiceDate !== '' && !isCalendarDate(invoiceDate)))
    throw new NormalisedRowError('normalised row with an invalid date');
  if (text('client_id') === '' || text('invoice_number') === '')
    throw new NormalisedRowError('normalised row without its ids');
  const row: AgingRow = {
    clientId: text('client_id'),
    accountName: text('account_name'),
    contact: {
      firstName: text('first_name'),
      lastName: text('last_name'),
      email,
      ...(phone !== '' && isE164(phone) ? { phone } : {}),
      isBilling: text('billing') === 'true',
    },
    invoiceNumber: text('invoice_number'),
    ...(isCalendarDate(invoiceDate) ? { invoiceDate } : {}),
    dueDate,
    invoiceAmountCents: whole('invoice_cents'),
    outstandingCents: whole('outstanding_cents'),
    aging: {
      days0To30: whole('days0To30'),
      days31To60: whole('days31To60'),
      days61To90: whole('days61To90'),
      days91To120: whole('days91To120'),
      daysOver120: whole('daysOver120'),
    },
  };
  return { line: whole('line'), row };
}

function quoted(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
