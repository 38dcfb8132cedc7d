import type { LedgerEntry } from '#application/ports/ledger-repository';
import type { Page, PageRequest } from '#application/ports/page';
import type { Payment } from '#application/ports/payment-repository';
import type { Boleto } from '#domain/boleto';
import { type CalendarDate, formatDateBr } from '#domain/calendar-date';
import { formatBrlNumber } from '#domain/money';
import type { StatementLine, StatementTotals } from '#domain/statement';

/**
 * CSV exports, produced page by page: each function takes the list's pages (each one Query) and yields the
 * CSV in chunks (the header, then one chunk per page, then any total row), so a file of any size is written
 * out as it is read and memory stays flat. `br` is what the owner's spreadsheet opens as they see money:
 * `;`-separated, UTF-8 with a BOM, dates `10/12/2026`, amounts `1.234,56` (numbers in a pt-BR spreadsheet, so
 * totals add up). `iso` is for machines: `,`-separated, dates `2026-12-10`, amounts in integer centavos.
 */
export type CsvFormat = 'br' | 'iso';

/** Items per Query page of an export. */
export const EXPORT_PAGE = 500;

/** The pages of a paged list, one Query each, read only as the consumer asks for the next one. */
export async function* pagesOf<T>(read: (page: PageRequest) => Promise<Page<T>>): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  do {
    const page = await read({ limit: EXPORT_PAGE, ...(cursor ? { cursor } : {}) });
    yield page.items;
    cursor = page.nextCursor;
  } while (cursor);
}

/** A whole CSV as one string (tests, and any caller that cannot stream). */
export async function csvText(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

function csvLines(format: CsvFormat, rows: readonly string[][]): string {
  const separator = format === 'br' ? ';' : ',';
  const cell = (value: string) =>
    value.includes(separator) || /["\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  let text = '';
  for (const row of rows) text += `${row.map(cell).join(separator)}\r\n`;
  return text;
}

async function* csvTable<T>(
  format: CsvFormat,
  header: string[],
  pages: AsyncIterable<readonly T[]>,
  row: (item: T) => string[],
  trailer?: () => string[],
): AsyncGenerator<string> {
  yield `${format === 'br' ? '\uFEFF' : ''}${csvLines(format, [header])}`;
  for await (const items of pages) {
    if (items.length > 0) yield csvLines(format, items.map(row));
  }
  if (trailer) yield csvLines(format, [trailer()]);
}

const money = (format: CsvFormat, cents: number) =>
  format === 'br' ? `${cents < 0 ? '-' : ''}${formatBrlNumber(Math.abs(cents))}` : String(cents);
const day = (format: CsvFormat, date: CalendarDate) => (format === 'br' ? formatDateBr(date) : date);

export function ledgerCsv(
  format: CsvFormat,
  pages: AsyncIterable<readonly LedgerEntry[]>,
): AsyncGenerator<string> {
  const header =
    format === 'br'
      ? ['data', 'tipo', 'categoria', 'descrição', 'valor (R$)']
      : ['date', 'kind', 'category', 'description', 'amount_cents'];
  return csvTable(format, header, pages, (entry) => {
    const signed = entry.kind === 'expense' ? -entry.amountCents : entry.amountCents;
    const kind = format === 'br' ? (entry.kind === 'expense' ? 'despesa' : 'receita') : entry.kind;
    return [day(format, entry.date), kind, entry.category, entry.description, money(format, signed)];
  });
}

export function boletosCsv(
  format: CsvFormat,
  pages: AsyncIterable<readonly Boleto[]>,
  contactName: (id: string) => string,
): AsyncGenerator<string> {
  const header =
    format === 'br'
      ? ['vencimento', 'contato', 'descrição', 'situação', 'valor (R$)', 'pago (R$)']
      : ['due_date', 'contact', 'description', 'status', 'amount_cents', 'paid_cents'];
  return csvTable(format, header, pages, (boleto) => [
    day(format, boleto.dueDate),
    contactName(boleto.contactId),
    boleto.description,
    boleto.status,
    money(format, boleto.amountCents),
    money(format, boleto.paidCents),
  ]);
}

export function paymentsCsv(
  format: CsvFormat,
  pages: AsyncIterable<readonly Payment[]>,
): AsyncGenerator<string> {
  const header =
    format === 'br' ? ['data', 'boleto', 'valor (R$)'] : ['paid_on', 'boleto_id', 'amount_cents'];
  return csvTable(format, header, pages, (payment) => [
    day(format, payment.paidOn),
    payment.boletoId,
    money(format, payment.amountCents),
  ]);
}

/**
 * A payer's statement (extrato) as one chronological table, read oldest first page by page: each boleto on its
 * due date with its amount and what it contributes to the open balance today, each payment on its date with
 * what was paid (the boleto id says which; its description is on the boleto's row), then one `total` row:
 * billed (boletos not cancelled or failed), paid, and the open balance, over the whole statement. The paid and
 * open columns add up to the total row's. The same statement as `GET /v1/statements/{contactId}`.
 */
export function statementCsv(
  format: CsvFormat,
  statement: { asOf: CalendarDate; totals: StatementTotals; pages: AsyncIterable<readonly StatementLine[]> },
): AsyncGenerator<string> {
  const br = format === 'br';
  const header = br
    ? ['data', 'tipo', 'boleto', 'descrição', 'situação', 'valor (R$)', 'pago (R$)', 'em aberto hoje (R$)']
    : ['date', 'kind', 'boleto_id', 'description', 'status', 'amount_cents', 'paid_cents', 'open_cents'];
  const { totals } = statement;
  return csvTable(
    format,
    header,
    statement.pages,
    (line) =>
      line.kind === 'boleto'
        ? [
            day(format, line.dueDate),
            'boleto',
            line.boletoId,
            line.description,
            line.status,
            money(format, line.amountCents),
            '',
            money(format, line.openCents),
          ]
        : [
            day(format, line.paidOn),
            br ? 'pagamento' : 'payment',
            line.boletoId,
            '',
            line.partial ? (br ? 'parcial' : 'partial') : br ? 'integral' : 'full',
            '',
            money(format, line.amountCents),
            '',
          ],
    () => [
      day(format, statement.asOf),
      'total',
      '',
      br ? 'em aberto hoje' : 'open balance today',
      '',
      money(format, totals.billedCents),
      money(format, totals.paidCents),
      money(format, totals.openBalanceCents),
    ],
  );
}
