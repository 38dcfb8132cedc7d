import * as z from 'zod/mini';
import {
  type AgingImportStatusView,
  agingImportStatus,
  agingImportStatuses,
  ERROR_REPORT_LINK_SECONDS,
  openAgingUpload,
  startAgingUpload,
} from '#application/collections/api-aging-import';
import { IdParams, Problem } from './api-schemas';
import { notFound, ok, refuse } from './route-results';
import { type Route, route } from './route-table';
import type { TenantApiDependencies } from './tenant-api-dependencies';

/**
 * The aging import through the tenant API (issue 13): `POST /v1/imports` opens an import with a 15-minute
 * presigned PUT for the file; `POST /v1/imports/{id}/start` starts the same workflow a WhatsApp document
 * starts (a second start answers as the first; no file yet: 409); `GET /v1/imports[/{id}]` read the status and
 * the counts, with a short-lived link to the error CSV when rows were rejected. Gated like the WhatsApp
 * import (`book_ledger`: owners and operators; docs/decisions.md, "Aging import through the tenant API").
 */

const OpenImportBody = z.object({
  filename: z.string().check(z.minLength(1), z.maxLength(300)),
  contentType: z.string().check(z.minLength(1), z.maxLength(200)),
});

const ImportView = z.object({
  importId: z.string(),
  filename: z.string(),
  status: z.enum([
    'awaiting_upload',
    'starting',
    'busy',
    'duplicate',
    'running',
    'completed',
    'refused',
    'failed',
  ]),
  rowsRead: z.int(),
  rowsImported: z.int(),
  rowsRejected: z.int(),
  invoicesClosed: z.int(),
  startedAt: z.optional(z.string()),
  finishedAt: z.optional(z.string()),
  duplicateOf: z.optional(z.string()),
  refusal: z.optional(z.string()),
  errorReportUrl: z.optional(z.string()),
});

const StartedView = z.object({ importId: z.string(), status: z.literal('started') });

const problem = (description: string) => ({ description, schema: Problem });

async function importView(deps: TenantApiDependencies, view: AgingImportStatusView) {
  const { errorReportKey, ...rest } = view;
  if (!errorReportKey) return rest;
  const errorReportUrl = await deps.agingImports.files.downloadUrl(errorReportKey, {
    expiresInSeconds: ERROR_REPORT_LINK_SECONDS,
    filename: `erros-${view.filename.replace(/\.[^.]*$/, '')}.csv`,
  });
  return { ...rest, errorReportUrl };
}

const statusDeps = (deps: TenantApiDependencies) => ({
  uploads: deps.agingImports.uploads,
  receivables: deps.agingImports.receivables,
});

export const AGING_IMPORT_ROUTES: readonly Route[] = [
  route({
    method: 'POST',
    path: '/v1/imports',
    action: 'book_ledger',
    tag: 'collections',
    summary: 'Open an aging import: an upload URL (PUT, 15 minutes) for the CSV, then POST …/start',
    body: OpenImportBody,
    responses: {
      201: {
        description: 'The import and where to PUT its file',
        schema: z.object({
          importId: z.string(),
          uploadUrl: z.string(),
          uploadMethod: z.literal('PUT'),
          expiresAt: z.string(),
        }),
      },
      400: problem('No filename or content type'),
    },
    async handle(deps, { member, body }) {
      const opened = await openAgingUpload(
        {
          files: deps.agingImports.files,
          uploads: deps.agingImports.uploads,
          ids: deps.ids,
          clock: deps.clock,
        },
        { tenantId: deps.tenantId, ...body, memberId: member.username },
      );
      return ok(201, { ...opened, uploadMethod: 'PUT' });
    },
  }),
  route({
    method: 'POST',
    path: '/v1/imports/{id}/start',
    action: 'book_ledger',
    tag: 'collections',
    summary:
      'Start importing the uploaded file (the same workflow as a WhatsApp document); a second start is the first',
    params: IdParams,
    responses: {
      202: { description: 'The import workflow is started', schema: StartedView },
      404: problem('No import with this id'),
      409: problem('The file has not been uploaded yet, or this import was refused while another one ran'),
    },
    async handle(deps, { member, params }) {
      const outcome = await startAgingUpload(
        {
          files: deps.agingImports.files,
          uploads: deps.agingImports.uploads,
          imports: deps.agingImports.workflow,
          users: deps.users,
        },
        { tenantId: deps.tenantId, importId: params.id, memberId: member.username },
      );
      switch (outcome.kind) {
        case 'not_found':
          return notFound('import');
        case 'not_uploaded':
          return refuse(
            409,
            'Conflict',
            `The file has not been uploaded yet: PUT it to the upload URL (valid until ${outcome.uploadExpiresAt}), then start again.`,
          );
        case 'busy':
          return refuse(
            409,
            'Conflict',
            `Another import of this tenant was running when this one started (${outcome.at}), so nothing was imported and this import cannot run again: open a new import (POST /v1/imports) and upload the file once the other one has finished.`,
          );
        case 'no_recipient':
          return refuse(409, 'Conflict', 'The tenant has no member to tell the import summary to.');
        case 'started':
          return ok(202, { importId: outcome.request.importId, status: 'started' });
      }
    },
  }),
  route({
    method: 'GET',
    path: '/v1/imports',
    action: 'read',
    tag: 'collections',
    summary: 'The aging imports (WhatsApp and API), newest first, with their status and counts',
    responses: { 200: { description: 'The imports', schema: z.object({ data: z.array(ImportView) }) } },
    async handle(deps) {
      const views = await agingImportStatuses(statusDeps(deps), deps.tenantId);
      return ok(200, { data: await Promise.all(views.map((view) => importView(deps, view))) });
    },
  }),
  route({
    method: 'GET',
    path: '/v1/imports/{id}',
    action: 'read',
    tag: 'collections',
    summary: 'One aging import: status, rows read / imported / rejected, started / finished, error CSV link',
    params: IdParams,
    responses: {
      200: { description: 'The import', schema: ImportView },
      404: problem('No import with this id'),
    },
    async handle(deps, { params }) {
      const view = await agingImportStatus(statusDeps(deps), deps.tenantId, params.id);
      return view ? ok(200, await importView(deps, view)) : notFound('import');
    },
  }),
];
