import type { LedgerEntry } from '#application/ports/ledger-repository';
import type { Page, PageRequest } from '#application/ports/page';
import type { Payment } from '#application/ports/payment-repository';
import type { Boleto } from '#domain/boleto';
import { type CalendarDate, formatDateBr } from '#domain/calendar-date';
import { formatBrlNumber } from '#domain/money';
import type { Statement } from '#domain/statement';

/**
 * CSV exports. `br` is what the owner's spreadsheet opens as they see money: `;`-separated, UTF-8 with a BOM,
 * dates `10/12/2026`, amounts `1.234,56` (numbers in a pt-BR spreadsheet, so totals add up). `iso` is for
 * machines: `,`-separated, dates `2026-12-10`, amounts in integer centavos.
 */
export type CsvFormat = 'br' | 'iso';

const EXPORT_PAGE = 100;

/** Every item of a paged list (each page one Query). */
export async function allPages<T>(read: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read({ limit: EXPORT_PAGE, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

function table(format: CsvFormat, header: string[], rows: string[][]): string {
  const separator = format === 'br' ? ';' : ',';
  const cell = (value: string) =>
    value.includes(separator) || /["\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  const lines = [header, ...rows].map((row) => row.map(cell).join(separator));
  return `${format === 'br' ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

const money = (format: CsvFormat, cents: number) =>
  format === 'br' ? `${cents < 0 ? '-' : ''}${formatBrlNumber(Math.abs(cents))}` : String(cents);
const day = (format: CsvFormat, date: CalendarDate) => (format === 'br' ? formatDateBr(date) : date);

export function ledgerCsv(format: CsvFormat, entries: readonly LedgerEntry[]): string {
  const header =
    format === 'br'
      ? ['data', 'tipo', 'categoria', 'descrição', 'valor (R$)']
      : ['date', 'kind', 'category', 'description', 'amount_cents'];
  return table(
    format,
    header,
    entries.map((entry) => {
      const signed = entry.kind === 'expense' ? -entry.amountCents : entry.amountCents;
      const kind = format === 'br' ? (entry.kind === 'expense' ? 'despesa' : 'receita') : entry.kind;
      return [day(format, entry.date), kind, entry.category, entry.description, money(format, signed)];
    }),
  );
}

export function boletosCsv(
  format: CsvFormat,
  boletos: readonly Boleto[],
  contactName: (id: string) => string,
): string {
  const header =
    format === 'br'
      ? ['vencimento', 'contato', 'descrição', 'situação', 'valor (R$)', 'pago (R$)']
      : ['due_date', 'contact', 'description', 'status', 'amount_cents', 'paid_cents'];
  return table(
    format,
    header,
    boletos.map((boleto) => [
      day(format, boleto.dueDate),
      contactName(boleto.contactId),
      boleto.description,
      boleto.status,
      money(format, boleto.amountCents),
      money(format, boleto.paidCents),
    ]),
  );
}

export function paymentsCsv(format: CsvFormat, payments: readonly Payment[]): string {
  const header =
    format === 'br' ? ['data', 'boleto', 'valor (R$)'] : ['paid_on', 'boleto_id', 'amount_cents'];
  return table(
    format,
    header,
    payments.map((payment) => [
      day(format, payment.paidOn),
      payment.boletoId,
      money(format, payment.amountCents),
    ]),
  );
}

/**
 * A payer's statement (extrato) as one chronological table: each boleto on its due date with its amount and
 * what it contributes to the open balance today, each payment on its date with what was paid, then one
 * `total` row: billed (boletos not cancelled or failed), paid, and the open balance. The paid and open columns
 * add up to the total row's. The same statement as `GET /v1/statements/{contactId}`.
 */
export function statementCsv(format: CsvFormat, statement: Statement): string {
  const br = format === 'br';
  const header = br
    ? ['data', 'tipo', 'boleto', 'descrição', 'situação', 'valor (R$)', 'pago (R$)', 'em aberto hoje (R$)']
    : ['date', 'kind', 'boleto_id', 'description', 'status', 'amount_cents', 'paid_cents', 'open_cents'];
  const descriptionOf = new Map(statement.boletos.map((boleto) => [boleto.boletoId, boleto.description]));
  const rows: { date: CalendarDate; cells: string[] }[] = [
    ...statement.boletos.map((boleto) => ({
      date: boleto.dueDate,
      cells: [
        day(format, boleto.dueDate),
        'boleto',
        boleto.boletoId,
        boleto.description,
        boleto.status,
        money(format, boleto.amountCents),
        '',
        money(format, boleto.openCents),
      ],
    })),
    ...statement.payments.map((payment) => ({
      date: payment.paidOn,
      cells: [
        day(format, payment.paidOn),
        br ? 'pagamento' : 'payment',
        payment.boletoId,
        descriptionOf.get(payment.boletoId) ?? '',
        payment.partial ? (br ? 'parcial' : 'partial') : br ? 'integral' : 'full',
        '',
        money(format, payment.amountCents),
        '',
      ],
    })),
  ];
  // Stable: on one date, boletos before payments.
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const { totals } = statement;
  const total = [
    day(format, statement.asOf),
    'total',
    '',
    br ? 'em aberto hoje' : 'open balance today',
    '',
    money(format, totals.billedCents),
    money(format, totals.paidCents),
    money(format, totals.openBalanceCents),
  ];
  return table(format, header, [...rows.map((row) => row.cells), total]);
}
