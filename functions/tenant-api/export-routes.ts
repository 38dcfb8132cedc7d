import type * as z from 'zod/mini';
import { listBoletos } from '#application/boletos/list-boletos';
import {
  boletosCsv,
  EXPORT_PAGE,
  ledgerCsv,
  pagesOf,
  paymentsCsv,
  statementCsv,
} from '#application/exports/export-csv';
import { readWholeStatement } from '#application/statements/read-statement';
import { saoPauloDateOf } from '#domain/calendar-date';
import { ContactExportQuery, CsvText, LedgerExportQuery, Problem } from './api-schemas';
import { notFound, refuse } from './route-results';
import { type Route, type RouteDefinition, type RouteResult, route } from './route-table';
import type { TenantApiDependencies } from './tenant-api-dependencies';

/** What the exports read: the streaming export function composes exactly these. */
export type ExportDependencies = Pick<
  TenantApiDependencies,
  'tenantId' | 'clock' | 'logger' | 'ledger' | 'boletos' | 'payments' | 'contacts' | 'tenants' | 'statements'
>;

/** The export URL's query parameter that carries the ticket. */
export const EXPORT_TICKET_PARAMETER = 'ticket';

/** An export route: its use case gets `ExportDependencies` only; served streamed (`streamed: true`). */
function exportRoute<Q extends z.ZodMiniType>(
  definition: RouteDefinition<z.ZodMiniType, Q, z.ZodMiniType, ExportDependencies>,
): Route<ExportDependencies> {
  return route(definition);
}

const csv = (name: string, chunks: AsyncIterable<string>): RouteResult => ({
  status: 200,
  chunks,
  headers: {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}"`,
  },
});
const csvResponse = {
  description: 'The CSV (br: as the owner sees it; iso: for machines)',
  schema: CsvText,
  mediaType: 'text/csv',
};

/**
 * CSV exports, produced page by page (each page one Query) as chunks: the streaming export function writes each
 * chunk out before reading the next page; `format=br` (default) or `iso`.
 */
export const EXPORT_ROUTES: readonly Route<ExportDependencies>[] = [
  exportRoute({
    method: 'GET',
    streamed: true,
    path: '/v1/exports/ledger.csv',
    action: 'read',
    tag: 'exports',
    summary: "A month's ledger as CSV (expenses negative)",
    query: LedgerExportQuery,
    responses: { 200: csvResponse },
    async handle(deps, { query }) {
      const pages = pagesOf((page) => deps.ledger.listMonthPage(deps.tenantId, query.month, page));
      return csv(`ledger-${query.month}.csv`, ledgerCsv(query.format ?? 'br', pages));
    },
  }),
  exportRoute({
    method: 'GET',
    streamed: true,
    path: '/v1/exports/boletos.csv',
    action: 'read',
    tag: 'exports',
    summary: "Boletos as CSV: a contact's (every status) or, without `contact`, the open ones",
    query: ContactExportQuery,
    responses: { 200: csvResponse },
    async handle(deps, { query }) {
      const today = saoPauloDateOf(deps.clock.now());
      const request = {
        tenantId: deps.tenantId,
        today,
        ...(query.contact ? { contactId: query.contact } : {}),
      };
      const pages = pagesOf((page) => listBoletos(deps, request, page));
      const names = new Map((await deps.contacts.list(deps.tenantId)).map((c) => [c.contactId, c.name]));
      return csv(
        'boletos.csv',
        boletosCsv(query.format ?? 'br', pages, (id) => names.get(id) ?? id),
      );
    },
  }),
  exportRoute({
    method: 'GET',
    streamed: true,
    path: '/v1/exports/payments.csv',
    action: 'read',
    tag: 'exports',
    summary: "A contact's payments as CSV",
    query: ContactExportQuery,
    responses: { 200: csvResponse, 400: { description: '`contact` is required', schema: Problem } },
    async handle(deps, { query }) {
      const contactId = query.contact;
      if (!contactId) return refuse(400, 'Bad Request', 'contact is required for the payments export.');
      const pages = pagesOf((page) => deps.payments.listByContactPage(deps.tenantId, contactId, page));
      return csv('payments.csv', paymentsCsv(query.format ?? 'br', pages));
    },
  }),
  exportRoute({
    method: 'GET',
    streamed: true,
    path: '/v1/exports/statement.csv',
    action: 'read',
    tag: 'exports',
    summary:
      "A payer's statement as CSV: boletos and payments by date, then a total row with the open balance (the same statement as GET /v1/statements/{contactId})",
    query: ContactExportQuery,
    responses: {
      200: csvResponse,
      400: { description: '`contact` is required', schema: Problem },
      404: { description: 'No such contact', schema: Problem },
    },
    async handle(deps, { query }) {
      const contactId = query.contact;
      if (!contactId) return refuse(400, 'Bad Request', 'contact is required for the statement export.');
      const found = await readWholeStatement(deps, {
        tenantId: deps.tenantId,
        contactId,
        today: saoPauloDateOf(deps.clock.now()),
        pageSize: EXPORT_PAGE,
      });
      if (!found) return notFound('contact');
      return csv('statement.csv', statementCsv(query.format ?? 'br', found));
    },
  }),
];
