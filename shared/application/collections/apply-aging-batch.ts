import type { AgingRow } from '#domain/collections/aging-row';
import { type AgingImportDeps, requireImport } from './import-aging-file';
import { decodeNormalisedRow } from './normalised-aging-csv';

/** Account upserts in flight at once within a batch (the Map runs a few batches side by side). */
const ACCOUNT_CONCURRENCY = 8;

export interface AgingBatchInput {
  tenantId: string;
  importId: string;
  /** The Distributed Map's items: rows of `normalised.csv`, every cell a string. */
  items: readonly Readonly<Record<string, unknown>>[];
}

/**
 * One batch of the import (a Distributed Map child): upsert each account and billing contact once, put the
 * invoices and the day's new snapshots in bulk, and record what the batch did under the import, keyed by its
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

  const accounts = new Map<string, AgingRow>();
  for (const row of rows) accounts.set(JSON.stringify([row.clientId, row.contact.email]), row);
  const pending = [...accounts.values()];
  for (let at = 0; at < pending.length; at += ACCOUNT_CONCURRENCY) {
    await Promise.all(
      pending
        .slice(at, at + ACCOUNT_CONCURRENCY)
        .map((row) => deps.receivables.upsertAccount(input.tenantId, input.importId, row)),
    );
  }
  const written = await deps.batches.writeRows(input.tenantId, record, rows);
  await deps.batches.recordBatch(input.tenantId, input.importId, {
    firstLine,
    rowsImported: rows.length,
    ...written,
  });
  return { firstLine, rowsImported: rows.length };
}
