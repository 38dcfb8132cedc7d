import type { AgingImport } from '#application/ports/receivables-repository';
import { EMPTY_AGING } from '#domain/collections/aging-buckets';
import type { AgingImportDeps, ImportAgingOutcome } from './import-aging-file';
import { requireImport } from './import-aging-file';

/** Closes or derives this many items at once (each a small conditional write). */
const CONCURRENCY = 32;

type ImportIds = { tenantId: string; importId: string };

/** Account agings written per call on a first import (a page of accounts otherwise). */
const DERIVE_CHUNK = 500;

/** No other import on record (finished, failed or refused): only imports write accounts and invoices. */
async function isFirstImport(deps: AgingImportDeps, ids: ImportIds): Promise<boolean> {
  const imports = await deps.receivables.listImports(ids.tenantId);
  return !imports.some((record) => record.importId !== ids.importId);
}

/**
 * The import's closing pass: every open invoice (paged through the open-invoice index) that this import did
 * not see is closed, with a closure record under the import (counted once even if the step is retried).
 * A tenant's first import has nothing to close, and skips reading back the invoices it just wrote (50 s of a
 * 100,000-row import).
 */
export async function closeVanishedInvoices(
  deps: AgingImportDeps,
  ids: ImportIds,
): Promise<{ closed: number }> {
  if (await isFirstImport(deps, ids)) return { closed: 0 };
  let closed = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.receivables.openInvoicesPage(ids.tenantId, cursor);
    const vanished = page.items.filter((invoice) => invoice.lastSeenImportId !== ids.importId);
    for (let at = 0; at < vanished.length; at += CONCURRENCY) {
      const results = await Promise.all(
        vanished
          .slice(at, at + CONCURRENCY)
          .map((invoice) => deps.receivables.closeInvoice(invoice, ids.importId)),
      );
      closed += results.filter(Boolean).length;
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { closed };
}

/**
 * Each account's aging = the sum of its snapshots of the import date (written by this import, or kept from an
 * earlier one the same day), as the batches' parts add up. Every account of the tenant is derived (paged): one
 * the file no longer names has no part, so its aging becomes zero with its invoices closed. Memory holds one
 * small sum per account, never the rows.
 */
export async function deriveAccountsAging(
  deps: AgingImportDeps,
  ids: ImportIds,
): Promise<{ accounts: number }> {
  const record = await requireImport(deps, ids);
  const agings = await deps.batches.accountAgings(ids.tenantId, ids.importId);
  if (await isFirstImport(deps, ids)) {
    // Only imports create accounts: on the first one every account has a part, so none needs reading.
    const derived = [...agings].map(([clientId, part]) => ({ clientId, agingAsOf: record.asOf, ...part }));
    for (let at = 0; at < derived.length; at += DERIVE_CHUNK) {
      await deps.batches.putAccountAgings(ids.tenantId, derived.slice(at, at + DERIVE_CHUNK));
    }
    return { accounts: derived.length };
  }
  let accounts = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.receivables.accountsPage(ids.tenantId, cursor);
    await deps.batches.putAccountAgings(
      ids.tenantId,
      page.items.map(({ clientId }) => ({
        clientId,
        agingAsOf: record.asOf,
        ...(agings.get(clientId) ?? { aging: EMPTY_AGING, maxDaysOverdue: 0, openInvoices: 0 }),
      })),
    );
    accounts += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return { accounts };
}

/** Not every valid row reached the table (a batch missing): the import must not be reported as done. */
export class AgingImportIncompleteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgingImportIncompleteError';
  }
}

/**
 * The import's end: the counts come from what was written (the batches' records and the closures), checked
 * against the normaliser's count of valid rows; the record is completed and the tenant's lock released. For a
 * duplicate the earlier import is the answer; a busy or refused import only releases what it holds.
 */
export async function finishAgingImport(
  deps: AgingImportDeps,
  input: ImportIds & { claim: 'claimed' | 'duplicate' | 'busy'; contentSha256: string },
): Promise<ImportAgingOutcome> {
  if (input.claim === 'busy') return { kind: 'busy' };
  if (input.claim === 'duplicate') {
    const previous = await deps.receivables.listImports(input.tenantId);
    const earlier = previous.find(
      (record) => record.contentSha256 === input.contentSha256 && record.importId !== input.importId,
    );
    if (!earlier) throw new AgingImportIncompleteError('duplicate import without its earlier import');
    return { kind: 'duplicate', previous: earlier };
  }
  let record = await requireImport(deps, input);
  if (record.status === 'refused') {
    await deps.receivables.releaseImport(record, false);
    return { kind: 'refused', record };
  }
  if (record.status === 'running') {
    const totals = await deps.batches.totals(input.tenantId, input.importId);
    const expected = record.rowsRead - record.rowsRejected;
    if (totals.rowsImported !== expected) {
      throw new AgingImportIncompleteError(
        `import ${input.importId}: ${totals.rowsImported} rows written of ${expected} valid`,
      );
    }
    record = {
      ...record,
      status: 'completed',
      rowsImported: totals.rowsImported,
      snapshotsKept: totals.snapshotsKept,
      invoicesClosed: totals.invoicesClosed,
      finishedAt: deps.clock.now().toISOString(),
    };
    await deps.receivables.saveImport(record);
  }
  await deps.receivables.releaseImport(record, false);
  return { kind: 'imported', record };
}

/**
 * The workflow could not finish: the import is marked failed, its lock released and its content guard
 * dropped, so the owner can send the same file again.
 */
export async function failAgingImport(
  deps: AgingImportDeps,
  ids: ImportIds,
): Promise<AgingImport | undefined> {
  const record = await deps.receivables.getImport(ids.tenantId, ids.importId);
  if (!record) return undefined;
  if (record.status === 'running') {
    await deps.receivables.saveImport({
      ...record,
      status: 'failed',
      finishedAt: deps.clock.now().toISOString(),
    });
  }
  if (record.status !== 'completed') await deps.receivables.releaseImport(record, true);
  return record;
}
