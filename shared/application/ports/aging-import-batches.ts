import type { AgingImport, ReceivableAccount } from '#application/ports/receivables-repository';
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

export type DerivedAging = Required<
  Pick<ReceivableAccount, 'agingAsOf' | 'aging' | 'maxDaysOverdue' | 'openInvoices'>
>;

export interface AgingImportTotals {
  batches: number;
  rowsImported: number;
  snapshotsWritten: number;
  snapshotsKept: number;
  invoicesClosed: number;
}

export interface AgingImportBatches {
  /**
   * Creates the rows' accounts and billing contacts that are new and updates those whose imported fields
   * changed (a contact keeps its bounced/complained status, an account its owner's pin or pause); then puts
   * the rows' invoices (open, seen by this import) and each snapshot of `asOf` that no other import
   * wrote. A snapshot this import already wrote (a retried batch) counts as written, not kept. Without
   * `sameDayImports` no other import can have written one (one import per tenant at a time), so nothing is read.
   */
  writeRows(
    tenantId: string,
    importRecord: Pick<AgingImport, 'importId' | 'asOf' | 'sameDayImports'>,
    rows: readonly AgingRow[],
    /** The batch's identity: its parts of each account's aging are keyed by it (a retry overwrites them). */
    firstLine: number,
  ): Promise<{ snapshotsWritten: number; snapshotsKept: number }>;
  /** Each account's aging from this import's snapshots: the batches' parts added up (one partition, paged). */
  accountAgings(tenantId: string, importId: string): Promise<Map<string, Omit<DerivedAging, 'agingAsOf'>>>;
  /** Writes accounts' derived aging in bulk. */
  putAccountAgings(
    tenantId: string,
    agings: ReadonlyArray<{ clientId: string } & DerivedAging>,
  ): Promise<void>;
  recordBatch(tenantId: string, importId: string, result: AgingBatchResult): Promise<void>;
  /** Sums the batch records and counts the closures of the import (Query of the import's partition). */
  totals(tenantId: string, importId: string): Promise<AgingImportTotals>;
}
