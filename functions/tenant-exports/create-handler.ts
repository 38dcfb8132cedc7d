import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ExportTickets } from '#application/ports/export-tickets';
import { InvalidCursorError } from '#application/ports/page';
import { can } from '#domain/member-permissions';
import {
  EXPORT_ROUTES,
  EXPORT_TICKET_PARAMETER,
  type ExportDependencies,
} from '#functions/tenant-api/export-routes';
import { problem, problems } from '#functions/tenant-api/problem';
import { parseRequest } from '#functions/tenant-api/request-parsing';
import { refuse } from '#functions/tenant-api/route-results';
import { matchRoute, type RouteResult } from '#functions/tenant-api/route-table';
import type { AppLogger } from '#logging/create-logger';

/**
 * Opens the response with its status and headers and returns the body stream: on AWS
 * `awslambda.HttpResponseStream.from(responseStream, …)`, locally the Node HTTP response itself.
 */
export type OpenResponse = (statusCode: number, headers: Record<string, string>) => Writable;

/** A Function URL event (payload 2.0, the same shape as the HTTP API's) and where to write the answer. */
export type ExportStreamHandler = (event: APIGatewayProxyEventV2, open: OpenResponse) => Promise<void>;

/**
 * The streaming export function (`/v1/exports/*.csv` behind its Function URL): the ticket the tenant API issued
 * for this request names the member (no bearer token reaches here); the same route table entry as the API
 * checks the role and the query; then the CSV is written chunk by chunk as each Query page is read — the first
 * bytes leave before the last page is read, and memory stays flat whatever the size. A refusal writes a
 * problem+json and nothing is read.
 */
export function createExportStreamHandler(
  deps: ExportDependencies,
  tickets: ExportTickets,
  logger: AppLogger,
): ExportStreamHandler {
  return async (event, open) => {
    const result = await answer(deps, tickets, event);
    if (!result.chunks) {
      const body = open(result.statusCode, result.headers);
      body.end(result.body ?? '');
      return;
    }
    const body = open(result.statusCode, result.headers);
    try {
      for await (const chunk of result.chunks) {
        if (!body.write(chunk)) await once(body, 'drain');
      }
      body.end();
    } catch (error) {
      // Headers are sent: the client sees a truncated (aborted) response, never a partial file as complete.
      logger.error('export failed while streaming', { path: event.rawPath, error });
      body.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  };
}

interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body?: string;
  chunks?: AsyncIterable<string>;
}

async function answer(
  deps: ExportDependencies,
  tickets: ExportTickets,
  event: APIGatewayProxyEventV2,
): Promise<Answer> {
  const path = event.rawPath;
  const { [EXPORT_TICKET_PARAMETER]: ticket, ...query } = event.queryStringParameters ?? {};
  const cleanQuery = Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const member = ticket ? tickets.verify(ticket, { path, query: cleanQuery }, deps.clock.now()) : undefined;
  if (!member)
    return fromProblem(
      problem(
        401,
        'Unauthorized',
        'A valid export ticket is required: GET the export from the API with your access token and follow its 303 within 60 s.',
      ),
    );
  const method = event.requestContext.http.method;
  const matched = matchRoute(EXPORT_ROUTES, method, path);
  if (!matched) return fromProblem(problems.noRoute(method, path));
  if (!can(member.role, matched.route.action))
    return fromProblem(problems.forbidden(`The ${member.role} role may not ${matched.route.action}.`));
  const parsed = parseRequest(matched.route, matched.params, { ...event, queryStringParameters: cleanQuery });
  if (!parsed.ok) return fromProblem(problems.badRequest(parsed.issues.detail, parsed.issues.errors));
  let result: RouteResult;
  try {
    result = await matched.route.handle(deps, { member, ...parsed.request });
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    result = refuse(400, 'Bad Request', 'The cursor was not issued for this list.');
  }
  const headers = { 'content-type': 'application/json', ...result.headers };
  if (result.chunks) return { statusCode: result.status, headers, chunks: result.chunks };
  return {
    statusCode: result.status,
    headers,
    body: result.text ?? (result.body === undefined ? '' : JSON.stringify(result.body)),
  };
}

function fromProblem(refusal: APIGatewayProxyStructuredResultV2): Answer {
  return {
    statusCode: refusal.statusCode ?? 500,
    headers: Object.fromEntries(
      Object.entries(refusal.headers ?? {}).map(([name, value]) => [name, String(value)]),
    ),
    ...(typeof refusal.body === 'string' ? { body: refusal.body } : {}),
  };
}
