import { createHash } from 'node:crypto';
import type { AgingUpload, AgingUploads } from '#application/ports/aging-uploads';
import type { Clock } from '#application/ports/clock';
import type { IdGenerator } from '#application/ports/id-generator';
import {
  ObjectNotFoundError,
  type ObjectStore,
  type ObjectUploadUrls,
} from '#application/ports/object-store';
import type { AgingImport, ReceivablesRepository } from '#application/ports/receivables-repository';
import { memberIdOf, type UserRepository } from '#application/ports/user-repository';
import type { AgingImportRequest, AgingImportWorkflow } from '#application/ports/workflows';
import { agingObjectKey } from './import-aging-file';

/**
 * The aging import's second way in (issue 13): the tenant API. `openAgingUpload` mints the import id and a
 * 15-minute presigned PUT to `imports/<tenant>/<id>/<name>`; the client uploads the file straight to the bucket;
 * `startAgingUpload` hashes what arrived (streamed) and starts the SAME workflow a WhatsApp document starts,
 * so the same rules hold (same bytes twice: a no-op; one import per tenant at a time). The summary goes on
 * WhatsApp to the member who started it (docs/decisions.md, "Aging import through the tenant API").
 */

export const UPLOAD_URL_SECONDS = 15 * 60;
/** How long the error CSV link of `GET /v1/imports/{id}` works. */
export const ERROR_REPORT_LINK_SECONDS = 15 * 60;

export interface OpenAgingUploadDeps {
  files: ObjectUploadUrls;
  uploads: AgingUploads;
  ids: IdGenerator;
  clock: Clock;
}

export async function openAgingUpload(
  deps: OpenAgingUploadDeps,
  input: { tenantId: string; filename: string; contentType: string; memberId: string },
): Promise<{ importId: string; uploadUrl: string; expiresAt: string }> {
  const importId = deps.ids.newId();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString();
  const upload: AgingUpload = {
    tenantId: input.tenantId,
    importId,
    filename: input.filename,
    contentType: input.contentType,
    objectKey: agingObjectKey(input.tenantId, importId, input.filename),
    openedBy: input.memberId,
    openedAt: now.toISOString(),
    uploadExpiresAt: expiresAt,
  };
  await deps.uploads.create(upload);
  const uploadUrl = await deps.files.uploadUrl(upload.objectKey, { expiresInSeconds: UPLOAD_URL_SECONDS });
  return { importId, uploadUrl, expiresAt };
}

export interface StartAgingUploadDeps {
  files: Pick<ObjectStore, 'get'>;
  uploads: AgingUploads;
  imports: AgingImportWorkflow;
  users: Pick<UserRepository, 'list'>;
}

export type StartAgingUploadOutcome =
  | { kind: 'started'; request: AgingImportRequest }
  | { kind: 'not_found' }
  | { kind: 'not_uploaded'; uploadExpiresAt: string }
  /** Refused earlier because another import was running: this upload cannot run again. */
  | { kind: 'busy'; at: string }
  | { kind: 'no_recipient' };

/**
 * Starts the import of an uploaded file; idempotent: a second start answers with the first one's request (the
 * workflow's execution is named after the import id, so it never runs twice).
 */
export async function startAgingUpload(
  deps: StartAgingUploadDeps,
  input: { tenantId: string; importId: string; memberId: string },
): Promise<StartAgingUploadOutcome> {
  const upload = await deps.uploads.get(input.tenantId, input.importId);
  if (!upload) return { kind: 'not_found' };
  if (upload.busyAt) return { kind: 'busy', at: upload.busyAt };
  if (upload.started) return { kind: 'started', request: upload.started };
  let contentSha256: string;
  try {
    contentSha256 = await sha256Of((await deps.files.get(upload.objectKey)).body);
  } catch (error) {
    if (error instanceof ObjectNotFoundError)
      return { kind: 'not_uploaded', uploadExpiresAt: upload.uploadExpiresAt };
    throw error;
  }
  const recipient = await summaryRecipient(deps, input.tenantId, input.memberId);
  if (!recipient) return { kind: 'no_recipient' };
  const request: AgingImportRequest = {
    tenantId: input.tenantId,
    importId: upload.importId,
    objectKey: upload.objectKey,
    contentSha256,
    filename: upload.filename,
    requestedBy: recipient,
    messageId: `api-import-${upload.importId}`,
  };
  // Recorded first: a start that fails after this is retried with the same request, never with other bytes.
  const stored = await deps.uploads.markStarted(upload, request);
  const started = stored.started ?? request;
  await deps.imports.startAgingImport(started);
  return { kind: 'started', request: started };
}

/** The WhatsApp phone the summary goes to: the starting member's, else the tenant's first owner's. */
async function summaryRecipient(
  deps: Pick<StartAgingUploadDeps, 'users'>,
  tenantId: string,
  memberId: string,
): Promise<string | undefined> {
  const users = await deps.users.list(tenantId);
  const member = users.find((user) => memberIdOf(user) === memberId);
  return (member ?? users.find((user) => user.role === 'owner'))?.phone;
}

async function sha256Of(body: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of body) hash.update(chunk);
  return hash.digest('hex');
}

/** What an import is, seen from the API: the workflow's record, or the upload while it has none. */
export interface AgingImportStatusView {
  importId: string;
  filename: string;
  status: 'awaiting_upload' | 'starting' | 'busy' | 'duplicate' | AgingImport['status'];
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  invoicesClosed: number;
  startedAt?: string;
  finishedAt?: string;
  /** The earlier import of the same bytes, when this one was a no-op. */
  duplicateOf?: string;
  refusal?: string;
  errorReportKey?: string;
}

export interface AgingImportStatusDeps {
  uploads: AgingUploads;
  receivables: Pick<ReceivablesRepository, 'listImports' | 'getImport'>;
}

/** Every import of the tenant (WhatsApp and API), newest first. */
export async function agingImportStatuses(
  deps: AgingImportStatusDeps,
  tenantId: string,
): Promise<AgingImportStatusView[]> {
  const [imports, uploads] = await Promise.all([
    deps.receivables.listImports(tenantId),
    deps.uploads.list(tenantId),
  ]);
  const claimed = new Set(imports.map((record) => record.importId));
  const pending = uploads
    .filter((upload) => !claimed.has(upload.importId))
    .map((upload) => uploadView(upload, imports));
  return [...pending, ...imports.map(importView)];
}

/** One import by id, or undefined. */
export async function agingImportStatus(
  deps: AgingImportStatusDeps,
  tenantId: string,
  importId: string,
): Promise<AgingImportStatusView | undefined> {
  const record = await deps.receivables.getImport(tenantId, importId);
  if (record) return importView(record);
  const upload = await deps.uploads.get(tenantId, importId);
  if (!upload) return undefined;
  return uploadView(upload, upload.started ? await deps.receivables.listImports(tenantId) : []);
}

function importView(record: AgingImport): AgingImportStatusView {
  return {
    importId: record.importId,
    filename: record.filename,
    status: record.status,
    rowsRead: record.rowsRead,
    rowsImported: record.rowsImported,
    rowsRejected: record.rowsRejected,
    invoicesClosed: record.invoicesClosed,
    startedAt: record.startedAt,
    ...(record.finishedAt && { finishedAt: record.finishedAt }),
    ...(record.refusal && { refusal: record.refusal }),
    ...(record.errorReportKey && { errorReportKey: record.errorReportKey }),
  };
}

/** An upload the workflow has not claimed: waiting for its file, starting, or the same bytes as an earlier import. */
function uploadView(upload: AgingUpload, imports: readonly AgingImport[]): AgingImportStatusView {
  const earlier = upload.started
    ? imports.find((record) => record.contentSha256 === upload.started?.contentSha256)
    : undefined;
  return {
    importId: upload.importId,
    filename: upload.filename,
    status: earlier ? 'duplicate' : upload.busyAt ? 'busy' : upload.started ? 'starting' : 'awaiting_upload',
    rowsRead: 0,
    rowsImported: 0,
    rowsRejected: 0,
    invoicesClosed: 0,
    ...(earlier && { duplicateOf: earlier.importId }),
  };
}
