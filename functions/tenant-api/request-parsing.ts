import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import type { Route } from './route-table';

/** A request that does not fit its route's schemas: 400 with each issue's path and message. */
export interface RequestIssues {
  detail: string;
  errors: { path: string; message: string }[];
}

export interface ParsedRequest {
  params: unknown;
  query: unknown;
  body: unknown;
  /** The JSON body as sent (`null` without one): what the idempotency record's hash covers. */
  rawBody: unknown;
}

function issuesOf(where: string, error: z.core.$ZodError): RequestIssues['errors'] {
  return error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

function parsePart(
  schema: z.ZodMiniType | undefined,
  value: unknown,
  where: string,
  errors: RequestIssues['errors'],
) {
  if (!schema) return undefined;
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  errors.push(...issuesOf(where, result.error));
  return undefined;
}

/** The route's params, query and body, validated; or the issues, and nothing was done. */
export function parseRequest(
  route: Route,
  rawParams: Record<string, string>,
  event: APIGatewayProxyEventV2,
): { ok: true; request: ParsedRequest } | { ok: false; issues: RequestIssues } {
  const errors: RequestIssues['errors'] = [];
  let rawBody: unknown = null;
  if (event.body) {
    const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    try {
      rawBody = JSON.parse(text);
    } catch {
      return { ok: false, issues: { detail: 'The body is not JSON.', errors: [] } };
    }
  }
  if (route.body && rawBody === null)
    return { ok: false, issues: { detail: 'This route needs a JSON body.', errors: [] } };
  const params = parsePart(route.params, rawParams, 'path', errors);
  const query = parsePart(route.query, event.queryStringParameters ?? {}, 'query', errors);
  const body = parsePart(route.body, rawBody, 'body', errors);
  if (errors.length > 0)
    return { ok: false, issues: { detail: 'The request does not match the route’s schema.', errors } };
  return { ok: true, request: { params, query, body, rawBody } };
}
