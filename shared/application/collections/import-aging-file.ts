import { createHash } from 'node:crypto';
import type { AgingImportBatches } from '#application/ports/aging-import-batches';
import type { Clock } from '#application/ports/clock';
import type { ObjectStore } from '#application/ports/object-store';
import type { AgingImport, ReceivablesRepository } from '#application/ports/receivables-repository';
import type { AgingImportRequest } from '#application/ports/workflows';
import { saoPauloDateOf } from '#domain/calendar-date';
import { type RowError, repeatedInvoiceError } from '#domain/collections/aging-row';
import { AgingFileError, openAgingCsv } from './aging-csv';
import { errorReportCsv } from './error-report-csv';
import { encodeNormalisedRow, NORMALISED_HEADER_LINE } from './normalised-aging-csv';

/**
 * The aging import (issue 13) as the steps of its workflow (`workflows/aging-import-workflow.ts`): claim →
 * normalise (validate every row, write the clean copy the Distributed Map reads and the error CSV) → apply
 * batches (`apply-aging-batch.ts`) → close what vanished → derive each account's aging → finish
 * (`finish-aging-import.ts`). Each step is idempotent for its import id, so a retried Task leaves one effect.
 * The file is only ever streamed; memory holds at most `MAX_KEPT_ERRORS` row errors and the keys of the invoices
 * read so far (client_id + invoice_number: ~100,000 short strings for the largest file, a few MB).
 *
 * Rules (docs/decisions.md, "Collections by e-mail"): the same bytes twice are one import (content hash); one
 * import runs per tenant at a time; an open invoice that a newer file does not name at all (not even in a
 * rejected row) is closed; snapshots are immutable, so a second, different file on the same date keeps the
 * day's existing snapshots.
 */

export interface AgingImportDeps {
  files: ObjectStore;
  receivables: ReceivablesRepository;
  batches: AgingImportBatches;
  clock: Clock;
}

export interface StoredAgingFile {
  objectKey: string;
  contentSha256: string;
  filename: string;
}

export type ImportAgingOutcome =
  | { kind: 'imported'; record: AgingImport }
  | { kind: 'duplicate'; previous: AgingImport }
  | { kind: 'busy' }
  | { kind: 'refused'; record: AgingImport };

export type ClaimOutcome = { outcome: 'claimed'; asOf: string } | { outcome: 'duplicate' | 'busy' };
export type NormaliseOutcome =
  | { outcome: 'normalised'; normalisedKey: string; rowsValid: number }
  | { outcome: 'refused' };

/** Row errors kept for the error CSV (all are counted); a file this broken needs fixing at its source anyway. */
export const MAX_KEPT_ERRORS = 5_000;
/** How long a claim holds the tenant's import lock if its workflow never releases it. */
const LOCK_SECONDS = 2 * 3600;
const CHUNK_CHARS = 64 * 1024;
const SEEN_MARKS_IN_FLIGHT = 16;

/** Streams the owner's file into `imports/<tenant>/<id>/<name>`, hashing it on the way (one pass, no copy). */
export async function storeAgingFile(
  deps: { files: ObjectStore },
  input: {
    tenantId: string;
    /** The import's id: the raw file, its clean copy and nothing else share `imports/<tenant>/<id>/`. */
    importId: string;
    filename: string;
    contentType: string;
    body: AsyncIterable<Uint8Array>;
  },
): Promise<StoredAgingFile> {
  const hash = createHash('sha256');
  async function* hashed() {
    for await (const chunk of input.body) {
      hash.update(chunk);
      yield chunk;
    }
  }
  const objectKey = agingObjectKey(input.tenantId, input.importId, input.filename);
  await deps.files.put({
    key: objectKey,
    body: hashed(),
    contentType: input.contentType,
    filename: input.filename,
  });
  return { objectKey, contentSha256: hash.digest('hex'), filename: input.filename };
}

/** Where an import's raw file lives: `imports/<tenant>/<id>/<safe name>` (WhatsApp and API uploads alike). */
export function agingObjectKey(tenantId: string, importId: string, filename: string): string {
  const safeName =
    filename
      .normalize('NFD')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .slice(-100) || 'carteira.csv';
  return `imports/${tenantId}/${importId}/${safeName}`;
}

export async function claimAgingImport(
  deps: AgingImportDeps,
  request: AgingImportRequest,
): Promise<ClaimOutcome> {
  const now = deps.clock.now();
  const record: AgingImport = {
    tenantId: request.tenantId,
    importId: request.importId,
    contentSha256: request.contentSha256,
    objectKey: request.objectKey,
    filename: request.filename,
    asOf: saoPauloDateOf(now),
    status: 'running',
    startedAt: now.toISOString(),
    requestedBy: request.requestedBy,
    rowsRead: 0,
    rowsImported: 0,
    rowsRejected: 0,
    invoicesClosed: 0,
    snapshotsKept: 0,
  };
  const earlier = await deps.receivables.listImports(request.tenantId);
  record.sameDayImports = earlier.some(
    (other) =>
      other.importId !== request.importId && other.asOf === record.asOf && other.status !== 'refused',
  );
  const lockUntil = new Date(now.getTime() + LOCK_SECONDS * 1000).toISOString();
  const claim = await deps.receivables.claimImport(record, lockUntil);
  if (claim.claimed) return { outcome: 'claimed', asOf: record.asOf };
  return { outcome: claim.reason };
}

/**
 * Reads the owner's file once (encoding, separator, header, every row validated) and writes the clean copy
 * (`normalised.csv`) and the error CSV. A row naming an invoice (client_id + invoice_number) that an earlier
 * row named is rejected ("fatura repetida na linha N"): two rows of one invoice in different batches would
 * otherwise count it twice in the account's aging. A rejected row that still names its invoice marks it seen, so the
 * closing pass does not close an invoice that is in the file. A file refused whole changes nothing.
 */
export async function normaliseAgingFile(
  deps: AgingImportDeps,
  ids: { tenantId: string; importId: string },
): Promise<NormaliseOutcome> {
  let record = await requireImport(deps, ids);
  const stored = await deps.files.get(record.objectKey);
  let csv: Awaited<ReturnType<typeof openAgingCsv>>;
  try {
    csv = await openAgingCsv(stored.body);
  } catch (error) {
    if (!(error instanceof AgingFileError)) throw error;
    const finishedAt = deps.clock.now().toISOString();
    await deps.receivables.saveImport({ ...record, status: 'refused', refusal: error.reason, finishedAt });
    return { outcome: 'refused' };
  }
  const errors: RowError[] = [];
  let rowsRead = 0;
  let rowsValid = 0;
  /** Invoices named by rejected rows, marked seen a few at a time (a broken file can have many). */
  let seen: Array<{ clientId: string; invoiceNumber: string }> = [];
  const markSeen = async () => {
    const marking = seen;
    seen = [];
    await Promise.all(
      marking.map((invoice) =>
        deps.receivables.markInvoiceSeen(ids.tenantId, invoice.clientId, invoice.invoiceNumber, ids.importId),
      ),
    );
  };
  /** The first line naming each invoice, keyed by client_id + invoice_number (as trimmed by validation). */
  const firstLineOf = new Map<string, number>();
  async function* normalisedLines(): AsyncIterable<string> {
    yield NORMALISED_HEADER_LINE;
    for await (const row of csv.records) {
      rowsRead += 1;
      const clientId = row.values.client_id?.trim();
      const invoiceNumber = row.values.invoice_number?.trim();
      const key = clientId && invoiceNumber ? `${clientId}\u0000${invoiceNumber}` : undefined;
      const firstLine = key === undefined ? undefined : firstLineOf.get(key);
      if (firstLine !== undefined) {
        if (errors.length < MAX_KEPT_ERRORS) errors.push(repeatedInvoiceError(row.line, firstLine));
        continue;
      }
      if (key !== undefined) firstLineOf.set(key, row.line);
      if (row.validation.ok) {
        rowsValid += 1;
        yield encodeNormalisedRow(row.line, row.validation.row);
        continue;
      }
      for (const error of row.validation.errors) if (errors.length < MAX_KEPT_ERRORS) errors.push(error);
      if (clientId && invoiceNumber) seen.push({ clientId, invoiceNumber });
      if (seen.length >= SEEN_MARKS_IN_FLIGHT) await markSeen();
    }
    await markSeen();
  }
  const normalisedKey = `imports/${ids.tenantId}/${ids.importId}/normalised.csv`;
  await deps.files.put({
    key: normalisedKey,
    body: utf8Chunks(normalisedLines()),
    contentType: 'text/csv; charset=utf-8',
  });
  record = { ...record, rowsRead, rowsRejected: rowsRead - rowsValid, normalisedKey };
  if (errors.length > 0) {
    const errorReportKey = `outbound/${ids.tenantId}/imports/${ids.importId}-erros.csv`;
    await deps.files.put({
      key: errorReportKey,
      body: errorReportCsv(errors),
      contentType: 'text/csv; charset=utf-8',
      filename: `erros-${record.filename.replace(/\.[^.]*$/, '')}.csv`,
    });
    record.errorReportKey = errorReportKey;
  }
  await deps.receivables.saveImport(record);
  return { outcome: 'normalised', normalisedKey, rowsValid };
}

export async function requireImport(
  deps: Pick<AgingImportDeps, 'receivables'>,
  ids: { tenantId: string; importId: string },
): Promise<AgingImport> {
  const record = await deps.receivables.getImport(ids.tenantId, ids.importId);
  if (!record) throw new AgingImportNotFoundError(ids.importId);
  return record;
}

export class AgingImportNotFoundError extends Error {
  constructor(importId: string) {
    super(`aging import ${importId} not found`);
    this.name = 'AgingImportNotFoundError';
  }
}

async function* utf8Chunks(lines: AsyncIterable<string>): AsyncIterable<Uint8Array> {
  const encoder = new TextEncoder();
  let pending = '';
  for await (const line of lines) {
    pending += line;
    if (pending.length >= CHUNK_CHARS) {
      yield encoder.encode(pending);
      pending = '';
    }
  }
  if (pending) yield encoder.encode(pending);
}
