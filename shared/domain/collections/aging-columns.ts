/**
 * The columns of an aging import (issue 13) and how a header cell is recognised: case, accents, spaces,
 * hyphens and underscores do not matter (`Client ID`, `CLIENT_ID`, `client-id` are one column). Documented in
 * docs/aging-import.md.
 */
export const AGING_COLUMNS = [
  'client_id',
  'account_name',
  'contact_first_name',
  'contact_last_name',
  'contact_email',
  'contact_phone',
  'is_billing_contact',
  'invoice_number',
  'invoice_date',
  'due_date',
  'invoice_amount',
  'total_outstanding',
  'days_0_30',
  'days_31_60',
  'days_61_90',
  'days_91_120',
  'days_over_120',
] as const;

export type AgingColumn = (typeof AGING_COLUMNS)[number];

/** Columns a file may leave out (a row without them is still an open invoice we can chase). */
export const OPTIONAL_AGING_COLUMNS: ReadonlySet<AgingColumn> = new Set([
  'contact_first_name',
  'contact_last_name',
  'contact_phone',
  'is_billing_contact',
  'invoice_date',
]);

/** `Dias 0-30`, ` CLIENT ID ` → `dias_0_30`, `client_id`. */
export function normaliseHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-_.]+/g, '_')
    .replace(/^_|_$/g, '');
}

export interface HeaderMapping {
  /** Position of each recognised column in the row. */
  positions: Partial<Record<AgingColumn, number>>;
  /** Required columns the header does not have. */
  missing: AgingColumn[];
  /** Header cells that are not a known column (ignored). */
  unknown: string[];
  /** Columns named twice (the first one is used). */
  duplicated: AgingColumn[];
}

export function mapHeader(cells: readonly string[]): HeaderMapping {
  const known = new Set<string>(AGING_COLUMNS);
  const positions: Partial<Record<AgingColumn, number>> = {};
  const unknown: string[] = [];
  const duplicated: AgingColumn[] = [];
  cells.forEach((cell, index) => {
    const name = normaliseHeader(cell);
    if (name === '') return;
    if (!known.has(name)) {
      unknown.push(cell.trim());
      return;
    }
    const column = name as AgingColumn;
    if (positions[column] !== undefined) duplicated.push(column);
    else positions[column] = index;
  });
  const missing = AGING_COLUMNS.filter(
    (column) => positions[column] === undefined && !OPTIONAL_AGING_COLUMNS.has(column),
  );
  return { positions, missing, unknown, duplicated };
}
