import type * as z from 'zod/mini';
import type { AuthenticatedMember } from '#application/ports/access-token-verifier';
import type { MemberAction } from '#domain/member-permissions';
import type { TenantApiDependencies } from './tenant-api-dependencies';

/**
 * The tenant API's one route table: every route's method, path, required permission, request and response
 * schemas (zod/mini) and the use case it calls. The router, the permission check, the request validation,
 * the OpenAPI document and the contract test all read this table; nothing else declares a route.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Writes that take an `Idempotency-Key` (a replay returns the first response). */
export const IDEMPOTENT_METHODS: readonly string[] = ['POST', 'PUT'];

/** What a route answers: a status, a JSON body (validated against the route's response schema in tests). */
export interface RouteResult {
  status: number;
  body?: unknown;
  /** A non-JSON body (CSV), sent as is with the route's content type. */
  text?: string;
  /**
   * A non-JSON body produced in chunks (an export, page by page): the streaming export function writes each
   * chunk as it comes; the HTTP API function, which cannot stream, joins them into `text`.
   */
  chunks?: AsyncIterable<string>;
  headers?: Record<string, string>;
}

export interface RouteResponse {
  description: string;
  schema?: z.ZodMiniType;
  /** Default `application/json` (`application/problem+json` for 4xx). */
  mediaType?: string;
}

export interface RouteInput<Params, Query, Body> {
  member: AuthenticatedMember;
  params: Params;
  query: Query;
  body: Body;
  /** The request's `Idempotency-Key`, when sent (POST and PUT only). */
  idempotencyKey?: string;
}

export interface RouteDefinition<
  P extends z.ZodMiniType = z.ZodMiniType,
  Q extends z.ZodMiniType = z.ZodMiniType,
  B extends z.ZodMiniType = z.ZodMiniType,
  D = TenantApiDependencies,
> {
  method: HttpMethod;
  /** `/v1/contacts/{id}`: `{name}` matches one path segment. */
  path: string;
  /** What the member's role must allow (`shared/domain/member-permissions.ts`). */
  action: MemberAction;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Every status the route answers on success or a foreseen refusal (problem+json for 4xx). */
  responses: Record<number, RouteResponse>;
  /**
   * An export: served by the streaming export function. The tenant API checks the token, the role and the
   * request, then answers 303 to the export URL with a short-lived ticket for this request.
   */
  streamed?: boolean;
  handle(deps: D, input: RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>): Promise<RouteResult>;
}

/** Erased so routes with different schemas share one table; `D` is what the route's use case needs. */
export type Route<D = TenantApiDependencies> = RouteDefinition<
  z.ZodMiniType,
  z.ZodMiniType,
  z.ZodMiniType,
  D
>;

/** Declares a route with its input types inferred from its schemas. */
export function route<
  P extends z.ZodMiniType = z.ZodMiniType,
  Q extends z.ZodMiniType = z.ZodMiniType,
  B extends z.ZodMiniType = z.ZodMiniType,
  D = TenantApiDependencies,
>(definition: RouteDefinition<P, Q, B, D>): Route<D> {
  return definition as unknown as Route<D>;
}

/** The route and its raw path parameters, or undefined. */
export function matchRoute<D>(
  routes: readonly Route<D>[],
  method: string,
  path: string,
): { route: Route<D>; params: Record<string, string> } | undefined {
  const segments = path.replace(/\/+$/, '').split('/');
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const pattern = candidate.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part.startsWith('{') && part.endsWith('}')) {
        if (segment === '') return false;
        params[part.slice(1, -1)] = decodeURIComponent(segment);
        return true;
      }
      return part === segment;
    });
    if (matches) return { route: candidate, params };
  }
  return undefined;
}

/** The methods a path has routes for (405's `Allow`). */
export function methodsOf(routes: readonly Route[], path: string): HttpMethod[] {
  return routes.flatMap((candidate) =>
    matchRoute([candidate], candidate.method, path) ? [candidate.method] : [],
  );
}
