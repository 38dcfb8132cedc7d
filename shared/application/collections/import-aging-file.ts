import { createHash } from 'node:crypto';
import type { Clock } from '#application/ports/clock';
import type { IdGenerator } from '#application/ports/id-generator';
import type { ObjectStore } from '#application/ports/object-store';
import type { AgingImport, ReceivablesRepository } from '#application/ports/receivables-repository';
import { saoPauloDateOf } from '#domain/calendar-date';
import { addAging, EMPTY_AGING } from '#domain/collections/aging-buckets';
import type { RowError } from '#domain/collections/aging-row';
import { AgingFileError, openAgingCsv } from './aging-csv';
import { errorReportCsv } from './error-report-csv';

/**
 * The aging import (issue 13): validate → upsert accounts / contacts / invoices → write the day's snapshots →
 * close what disappeared → derive each account's aging → summarise. The file is read from the object store as
 * a stream; rows are applied with bounded concurrency; memory holds the touched account ids and at most
 * `MAX_KEPT_ERRORS` row errors, never the file.
 *
 * Rules (docs/decisions.md, "Collections by e-mail"): the same bytes twice are one import (content hash); an
 * open invoice that a newer file does not name at all (not even in a rejected row) is closed; snapshots are
 * immutable, so a second, different file on the same date keeps the day's existing snapshots.
 */

export interface ImportAgingDeps {
  files: ObjectStore;
  receivables: ReceivablesRepository;
  clock: Clock;
  ids: IdGenerator;
}

export interface StoredAgingFile {
  objectKey: string;
  contentSha256: string;
  filename: string;
}

export type ImportAgingOutcome =
  | { kind: 'imported'; record: AgingImport; errors: RowError[] }
  | { kind: 'duplicate'; previous: AgingImport }
  | { kind: 'refused'; record: AgingImport };

/** Rows in flight at once: enough to hide DynamoDB latency, few enough not to throttle an on-demand table. */
const CONCURRENCY = 8;
/** Row errors kept for the error CSV (all are counted); a file this broken needs fixing at its source anyway. */
export const MAX_KEPT_ERRORS = 5_000;

/** Streams the owner's file into `imports/<tenant>/<id>/<name>`, hashing it on the way (one pass, no copy). */
export async function storeAgingFile(
  deps: Pick<ImportAgingDeps, 'files' | 'ids'>,
  input: { tenantId: string; filename: string; contentType: string; body: AsyncIterable<Uint8Array> },
): Promise<StoredAgingFile> {
  const hash = createHash('sha256');
  async function* hashed() {
    for await (const chunk of input.body) {
      hash.update(chunk);
      yield chunk;
    }
  }
  const safeName =
    input.filename
      .normalize('NFD')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .slice(-100) || 'carteira.csv';
  const objectKey = `imports/${input.tenantId}/${deps.ids.newId()}/${safeName}`;
  await deps.files.put({
    key: objectKey,
    body: hashed(),
    contentType: input.contentType,
    filename: input.filename,
  });
  return { objectKey, contentSha256: hash.digest('hex'), filename: input.filename };
}

export async function importAgingFile(
  deps: ImportAgingDeps,
  input: { tenantId: string; file: StoredAgingFile; requestedBy: string },
): Promise<ImportAgingOutcome> {
  const { tenantId, file } = input;
  const now = deps.clock.now();
  let record: AgingImport = {
    tenantId,
    importId: deps.ids.newId(),
    contentSha256: file.contentSha256,
    objectKey: file.objectKey,
    filename: file.filename,
    asOf: saoPauloDateOf(now),
    status: 'running',
    startedAt: now.toISOString(),
    requestedBy: input.requestedBy,
    rowsRead: 0,
    rowsImported: 0,
    rowsRejected: 0,
    invoicesClosed: 0,
    snapshotsKept: 0,
  };
  const claim = await deps.receivables.claimImport(record);
  if (!claim.claimed) return { kind: 'duplicate', previous: claim.previous };

  const errors: RowError[] = [];
  const touched = new Set<string>();
  /** Account + contact pairs already upserted by this import: once each, not once per invoice row. */
  const upserted = new Set<string>();
  try {
    const stored = await deps.files.get(file.objectKey);
    const csv = await openAgingCsv(stored.body);
    const inFlight = new Set<Promise<void>>();
    for await (const row of csv.records) {
      record.rowsRead += 1;
      const task = (async () => {
        if (row.validation.ok) {
          const { clientId, contact } = row.validation.row;
          const accountContact = JSON.stringify([clientId, contact.email]);
          if (!upserted.has(accountContact)) {
            upserted.add(accountContact);
            await deps.receivables.upsertAccount(tenantId, record.importId, row.validation.row);
          }
          const { snapshot } = await deps.receivables.applyRow(tenantId, record, row.validation.row);
          record.rowsImported += 1;
          if (snapshot === 'kept') record.snapshotsKept += 1;
          touched.add(row.validation.row.clientId);
          return;
        }
        record.rowsRejected += 1;
        for (const error of row.validation.errors) if (errors.length < MAX_KEPT_ERRORS) errors.push(error);
        const clientId = row.values.client_id?.trim();
        const invoiceNumber = row.values.invoice_number?.trim();
        if (clientId && invoiceNumber) {
          await deps.receivables.markInvoiceSeen(tenantId, clientId, invoiceNumber, record.importId);
        }
      })();
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task)).catch(() => undefined);
      if (inFlight.size >= CONCURRENCY) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } catch (error) {
    if (!(error instanceof AgingFileError)) throw error;
    record = {
      ...record,
      status: 'refused',
      refusal: error.reason,
      finishedAt: deps.clock.now().toISOString(),
    };
    await deps.receivables.saveImport(record);
    return { kind: 'refused', record };
  }

  for (const invoice of await deps.receivables.openInvoices(tenantId)) {
    if (invoice.lastSeenImportId === record.importId) continue;
    if (await deps.receivables.closeInvoice(invoice, record.importId)) {
      record.invoicesClosed += 1;
      touched.add(invoice.clientId);
    }
  }
  await deriveAccountAging(deps.receivables, tenantId, record, touched);

  if (errors.length > 0) {
    const errorReportKey = `outbound/${tenantId}/imports/${record.importId}-erros.csv`;
    await deps.files.put({
      key: errorReportKey,
      body: errorReportCsv(errors),
      contentType: 'text/csv; charset=utf-8',
      filename: `erros-${file.filename.replace(/\.[^.]*$/, '')}.csv`,
    });
    record.errorReportKey = errorReportKey;
  }
  record = { ...record, status: 'completed', finishedAt: deps.clock.now().toISOString() };
  await deps.receivables.saveImport(record);
  return { kind: 'imported', record, errors };
}

/** Account aging = the sum of its snapshots of the import date, over the invoices still open. */
async function deriveAccountAging(
  receivables: ReceivablesRepository,
  tenantId: string,
  record: AgingImport,
  clientIds: ReadonlySet<string>,
): Promise<void> {
  const ids = [...clientIds];
  for (let i = 0; i < ids.length; i += CONCURRENCY) {
    await Promise.all(
      ids.slice(i, i + CONCURRENCY).map(async (clientId) => {
        const snapshots = (await receivables.snapshotsOf(tenantId, clientId, record.asOf)).filter(
          (snapshot) => snapshot.outstandingCents > 0,
        );
        await receivables.setAccountAging(
          { tenantId, clientId },
          {
            agingAsOf: record.asOf,
            aging: snapshots.reduce((sum, snapshot) => addAging(sum, snapshot.aging), EMPTY_AGING),
            maxDaysOverdue: snapshots.reduce((max, snapshot) => Math.max(max, snapshot.daysOverdue), 0),
            openInvoices: snapshots.length,
          },
        );
      }),
    );
  }
}
