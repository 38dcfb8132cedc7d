import type { AgingImport } from '#application/ports/receivables-repository';
import type { AgingRow } from '#domain/collections/aging-row';

/**
 * Port: the batched writes of the aging import workflow (issue 13). One batch is a slice of the normalised
 * file (the Distributed Map's ItemBatcher): its invoices and the day's snapshots are written in bulk, and what
 * it did is recorded under the import, keyed by the batch (its first line), so a retried batch overwrites its
 * own record and every count is exact. Invoices an import closes are recorded under it the same way.
 * Keys and access patterns: docs/access-patterns.md ("Receivables").
 */

export interface AgingBatchResult {
  /** The first file line of the batch: its identity (batches are cut from the file in order). */
  firstLine: number;
  rowsImported: number;
  snapshotsWritten: number;
  /** Snapshots another import already wrote for this date (snapshots never change). */
  snapshotsKept: number;
}

export interface AgingImportTotals {
  batches: number;
  rowsImported: number;
  snapshotsWritten: number;
  snapshotsKept: number;
  invoicesClosed: number;
}

export interface AgingImportBatches {
  /**
   * Puts the rows' invoices (open, seen by this import) and each snapshot of `asOf` that no other import
   * wrote. A snapshot this import already wrote (a retried batch) counts as written, not kept.
   */
  writeRows(
    tenantId: string,
    importRecord: Pick<AgingImport, 'importId' | 'asOf'>,
    rows: readonly AgingRow[],
  ): Promise<{ snapshotsWritten: number; snapshotsKept: number }>;
  recordBatch(tenantId: string, importId: string, result: AgingBatchResult): Promise<void>;
  /** Sums the batch records and counts the closures of the import (Query of the import's partition). */
  totals(tenantId: string, importId: string): Promise<AgingImportTotals>;
}
