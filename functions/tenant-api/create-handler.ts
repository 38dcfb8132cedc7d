import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { memberOfClaims } from '#adapters/auth/cognito-claims';
import { csvText } from '#application/exports/export-csv';
import { type AuthenticatedMember, UnauthenticatedError } from '#application/ports/access-token-verifier';
import { InvalidCursorError } from '#application/ports/page';
import { can } from '#domain/member-permissions';
import type { AppLogger } from '#logging/create-logger';
import { EXPORT_TICKET_PARAMETER } from './export-routes';
import { IDEMPOTENCY_KEY_PATTERN, type IdempotentRunner } from './idempotency';
import { API_REFERENCE_HTML, buildOpenApiDocument } from './openapi';
import { json, problems } from './problem';
import { DOCS_PATH, OPENAPI_PATH } from './public-paths';
import { parseRequest } from './request-parsing';
import { refuse } from './route-results';
import { IDEMPOTENT_METHODS, matchRoute, methodsOf, type Route, type RouteResult } from './route-table';
import { ROUTES } from './routes';
import type { TenantApiDependencies } from './tenant-api-dependencies';

export type TenantApiHandler = (
  event: APIGatewayProxyEventV2,
  context?: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

interface JwtAuthorizerContext {
  authorizer?: { jwt?: { claims?: Record<string, unknown> } };
}

async function toResponse(result: RouteResult): Promise<APIGatewayProxyStructuredResultV2> {
  if (result.chunks) {
    const { chunks, ...rest } = result;
    return toResponse({ ...rest, text: await csvText(chunks) });
  }
  return {
    statusCode: result.status,
    headers: { 'content-type': 'application/json', ...result.headers },
    ...(result.text !== undefined ? { body: result.text } : {}),
    ...(result.body === undefined ? {} : { body: JSON.stringify(result.body) }),
  };
}

/**
 * 303 to the streaming export URL, for this request (path and query) and this member, with a ticket: an HTTP
 * API Lambda integration cannot stream, and a client following a cross-origin redirect drops Authorization.
 */
function redirectToExport(
  exports: NonNullable<TenantApiDependencies['exports']>,
  member: AuthenticatedMember,
  event: APIGatewayProxyEventV2,
  now: Date,
): APIGatewayProxyStructuredResultV2 {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.queryStringParameters ?? {}))
    if (value !== undefined && name !== EXPORT_TICKET_PARAMETER) query[name] = value;
  const ticket = exports.tickets.issue(member, { path: event.rawPath, query }, now);
  const search = new URLSearchParams({ ...query, [EXPORT_TICKET_PARAMETER]: ticket });
  return {
    statusCode: 303,
    headers: {
      location: `${exports.url.replace(/\/$/, '')}${event.rawPath}?${search}`,
      'cache-control': 'no-store',
    },
  };
}

/**
 * `/v1/...` behind the HTTP API's JWT authorizer: the token was verified before this runs (issuer, client,
 * signature, expiry); its claims name the member and their role. In order, before any read or write: the
 * member's rate limit, the route (route table), the role against the route's action, the request against the route's schemas, the
 * `Idempotency-Key` of a POST or PUT; a refused request changes nothing.
 */
export function createTenantApiHandler(
  deps: TenantApiDependencies,
  logger: AppLogger,
  idempotent: IdempotentRunner,
  routes: readonly Route[] = ROUTES,
): TenantApiHandler {
  const openApiDocument = buildOpenApiDocument(routes);
  return async (event, context) => {
    const method = event.requestContext.http.method;
    const path = event.rawPath;
    if (method === 'GET' && path === OPENAPI_PATH) return json(200, openApiDocument);
    if (method === 'GET' && path === DOCS_PATH)
      return {
        statusCode: 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: API_REFERENCE_HTML,
      };
    let member: AuthenticatedMember;
    try {
      const claims = (event.requestContext as JwtAuthorizerContext).authorizer?.jwt?.claims;
      if (!claims) return problems.unauthorized();
      member = memberOfClaims(claims);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return problems.unauthorized();
      throw error;
    }
    const rate = await deps.rateLimiter?.take(member.sub, deps.clock.now());
    if (rate && !rate.allowed) {
      logger.info('tenant API request limited', { member: member.sub, path });
      return problems.tooManyRequests(rate.retryAfterSeconds);
    }
    const matched = matchRoute(routes, method, path);
    if (!matched) {
      const allowed = methodsOf(routes, path);
      return allowed.length > 0 ? problems.methodNotAllowed(method, allowed) : problems.noRoute(method, path);
    }
    const { route } = matched;
    if (!can(member.role, route.action)) {
      logger.info('tenant API request refused', { member: member.sub, role: member.role, path });
      return problems.forbidden(`The ${member.role} role may not ${route.action.replace('_', ' ')}.`);
    }
    const parsed = parseRequest(route, matched.params, event);
    if (!parsed.ok) return problems.badRequest(parsed.issues.detail, parsed.issues.errors);
    if (route.streamed && deps.exports)
      return redirectToExport(deps.exports, member, event, deps.clock.now());
    const key = event.headers['idempotency-key'];
    if (key !== undefined && (!IDEMPOTENT_METHODS.includes(method) || !IDEMPOTENCY_KEY_PATTERN.test(key)))
      return problems.badRequest(
        'Idempotency-Key is for POST and PUT requests: 1-255 letters, digits, _ . : -',
      );
    const work = async () => {
      try {
        return await route.handle(deps, {
          member,
          ...parsed.request,
          ...(key ? { idempotencyKey: key } : {}),
        });
      } catch (error) {
        if (error instanceof InvalidCursorError)
          return refuse(400, 'Bad Request', 'The cursor was not issued for this list.');
        throw error;
      }
    };
    try {
      if (key === undefined) return toResponse(await work());
      const outcome = await idempotent({ key, method, path, body: parsed.request.rawBody }, work, context);
      if (outcome.kind === 'body_mismatch') return problems.idempotencyKeyReused();
      if (outcome.kind === 'in_progress') return problems.idempotencyInProgress();
      return toResponse(outcome.result);
    } catch (error) {
      logger.error('tenant API request failed', { member: member.sub, method, path, error });
      return problems.internal();
    }
  };
}
