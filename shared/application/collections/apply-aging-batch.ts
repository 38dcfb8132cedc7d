import { type AgingImportDeps, requireImport } from './import-aging-file';
import { decodeNormalisedRow } from './normalised-aging-csv';

export interface AgingBatchInput {
  tenantId: string;
  importId: string;
  /** The Distributed Map's items: rows of `normalised.csv`, every cell a string. */
  items: readonly Readonly<Record<string, unknown>>[];
}

/**
 * One batch of the import (a Distributed Map child): create or update its accounts and billing contacts, put
 * the invoices and the day's new snapshots in bulk, and record what the batch did under the import, keyed by its
 * first line. Run again (a retry), it writes the same items and overwrites its own record: the counts stay
 * exact.
 */
export async function applyAgingBatch(
  deps: AgingImportDeps,
  input: AgingBatchInput,
): Promise<{ firstLine: number; rowsImported: number }> {
  const record = await requireImport(deps, input);
  const decoded = input.items.map(decodeNormalisedRow);
  if (decoded.length === 0) return { firstLine: 0, rowsImported: 0 };
  const rows = decoded.map((item) => item.row);
  const firstLine = Math.min(...decoded.map((item) => item.line));

  const written = await deps.batches.writeRows(input.tenantId, record, rows, firstLine);
  await deps.batches.recordBatch(input.tenantId, input.importId, {
    firstLine,
    rowsImported: rows.length,
    ...written,
  });
  return { firstLine, rowsImported: rows.length };
}
