/**
 * Generates an aging export like an ERP's (issue 13): `;`-separated, BRL amounts, dd/mm/aaaa dates, with
 * deliberate bad rows and the counts a correct import must report. Deterministic: the same options give the
 * same bytes. `npx tsx events/collections/generate-aging-csv.ts 1000 50 > carteira.csv` writes one (rows, every n-th bad);
 * `aging-sample.csv` beside this file is `12 4`.
 *
 * Every `badEvery`-th data row is broken in one of four ways (invalid e-mail, impossible due date, buckets
 * not adding up, amount that is not money); the rest are valid. Each account has `invoicesPerAccount`
 * invoices and one billing contact.
 */

export interface AgingFileOptions {
  rows: number;
  /** Every n-th data row is bad (0: none). */
  badEvery?: number;
  invoicesPerAccount?: number;
  /** The file's position date (buckets are computed for it), ISO. */
  asOf?: string;
  /** Multiplies every outstanding amount (a "newer file" after partial payments), in percent. */
  outstandingPercent?: number;
  /** Data rows (0-based) left out, to model invoices paid since the last file. */
  skip?: (index: number) => boolean;
}

export interface GeneratedAgingFile {
  lines: Iterable<string>;
  expected: { rowsRead: number; rowsImported: number; rowsRejected: number };
}

export const AGING_HEADER =
  'client_id;account_name;contact_first_name;contact_last_name;contact_email;contact_phone;is_billing_contact;invoice_number;invoice_date;due_date;invoice_amount;total_outstanding;days_0_30;days_31_60;days_61_90;days_91_120;days_over_120';

const FIRST = ['Ana', 'Bruno', 'Carla', 'Diego', 'Eduarda', 'Fábio', 'Gisele', 'Hugo', 'Íris', 'João'];
const LAST = ['Souza', 'Lima', 'Conceição', 'Araújo', 'Gonçalves', 'Pereira', 'Oliveira', 'Silva'];
const TRADE = [
  'Padaria',
  'Oficina',
  'Mercearia',
  'Farmácia',
  'Açougue',
  'Papelaria',
  'Ótica',
  'Floricultura',
];

function brl(cents: number): string {
  const digits = String(cents).padStart(3, '0');
  return `${digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, '.')},${digits.slice(-2)}`;
}

function br(date: Date): string {
  return `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
}

function bucketIndex(daysOverdue: number): number {
  if (daysOverdue <= 30) return 0;
  if (daysOverdue <= 60) return 1;
  if (daysOverdue <= 90) return 2;
  if (daysOverdue <= 120) return 3;
  return 4;
}

export function generateAgingFile(options: AgingFileOptions): GeneratedAgingFile {
  const badEvery = options.badEvery ?? 0;
  const perAccount = options.invoicesPerAccount ?? 4;
  const asOf = new Date(`${options.asOf ?? '2026-12-05'}T00:00:00Z`);
  const percent = options.outstandingPercent ?? 100;
  let rowsRead = 0;
  let rejected = 0;
  const included: number[] = [];
  for (let i = 0; i < options.rows; i++) if (!options.skip?.(i)) included.push(i);
  for (const i of included) {
    rowsRead += 1;
    if (badEvery > 0 && (i + 1) % badEvery === 0) rejected += 1;
  }
  function* lines(): Iterable<string> {
    yield AGING_HEADER;
    for (const i of included) {
      const account = Math.floor(i / perAccount);
      const first = FIRST[account % FIRST.length] as string;
      const last = LAST[account % LAST.length] as string;
      const name = `${TRADE[account % TRADE.length]} ${last} ${account}`;
      const daysOverdue = ((i * 37) % 200) - 20;
      const due = new Date(asOf.getTime() - daysOverdue * 86_400_000);
      const issued = new Date(due.getTime() - 30 * 86_400_000);
      const amount = 10_000 + ((i * 7919) % 500_000);
      const outstanding = Math.max(1, Math.floor((amount * percent) / 100));
      const buckets = ['', '', '', '', ''];
      buckets[bucketIndex(daysOverdue)] = brl(outstanding);
      const cells = [
        `C${String(account).padStart(5, '0')}`,
        name,
        first,
        last,
        `financeiro${account}@cliente${account}.com.br`,
        `(11) 9${String(80_000_000 + account).slice(0, 4)}-${String(account).padStart(4, '0').slice(-4)}`,
        'sim',
        `NF-${100_000 + i}`,
        br(issued),
        br(due),
        `R$ ${brl(amount)}`,
        brl(outstanding),
        ...buckets,
      ];
      if (badEvery > 0 && (i + 1) % badEvery === 0) {
        const kind = ((i + 1) / badEvery) % 4;
        if (kind === 0) cells[4] = 'sem-email';
        else if (kind === 1) cells[9] = '31/02/2026';
        else if (kind === 2) cells[12] = brl(outstanding + 100);
        else cells[10] = 'mil reais';
        if (kind === 2) for (let b = 13; b < 17; b++) cells[b] = '';
      }
      yield cells.join(';');
    }
  }
  return {
    lines: lines(),
    expected: { rowsRead, rowsImported: rowsRead - rejected, rowsRejected: rejected },
  };
}

/** The file as bytes, streamed line by line. */
export async function* agingFileBytes(file: GeneratedAgingFile): AsyncIterable<Uint8Array> {
  const encoder = new TextEncoder();
  let batch = '';
  for (const line of file.lines) {
    batch += `${line}\r\n`;
    if (batch.length > 32_768) {
      yield encoder.encode(batch);
      batch = '';
    }
  }
  if (batch) yield encoder.encode(batch);
}
