import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { AuthenticatedMember } from '#application/ports/access-token-verifier';
import type { Clock } from '#application/ports/clock';
import type { ContactRepository } from '#application/ports/contact-repository';
import type { RateLimiter } from '#application/ports/rate-limiter';
import type { StatementProjection } from '#application/ports/statement-projection';
import type { TenantRepository } from '#application/ports/tenant-repository';
import { readStatement } from '#application/statements/read-statement';
import { saoPauloDateOf } from '#domain/calendar-date';
import type { MemberAction } from '#domain/member-permissions';
import { MEMBER_ROUTES, type MemberRouteDependencies } from './member-routes';
import { json, problems } from './problem';

export interface TenantApiDependencies {
  tenantId: string;
  contacts: ContactRepository;
  tenants: Pick<TenantRepository, 'getProfile'>;
  statements: StatementProjection;
  clock: Clock;
  /** The tenant's members and their sign-in accounts (`member-routes.ts`). */
  team: MemberRouteDependencies;
  /** Per-member request limit (429 with Retry-After); see docs/decisions.md, "Team". */
  rateLimiter?: RateLimiter;
}

export interface RouteRequest {
  member: AuthenticatedMember;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  /** The request body as text (decoded when API Gateway base64-encoded it). */
  body?: string;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** `/v1/contacts/{id}`: `{name}` matches one path segment. */
  path: string;
  /** What the member's role must allow (`shared/domain/member-permissions.ts`). */
  action: MemberAction;
  handle(deps: TenantApiDependencies, request: RouteRequest): Promise<APIGatewayProxyStructuredResultV2>;
}

function contactView(contact: Awaited<ReturnType<ContactRepository['get']>> & object) {
  return {
    id: contact.contactId,
    name: contact.name,
    phone: contact.phone,
    taxId: contact.taxId,
    ...(contact.email ? { email: contact.email } : {}),
    optedOut: contact.optedOut,
    createdAt: contact.createdAt,
  };
}

export const ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: '/v1/contacts',
    action: 'read',
    async handle(deps) {
      const contacts = await deps.contacts.list(deps.tenantId);
      return json(200, { data: contacts.map(contactView), nextCursor: null });
    },
  },
  {
    method: 'GET',
    path: '/v1/contacts/{id}',
    action: 'read',
    async handle(deps, { params }) {
      const contact = await deps.contacts.get(deps.tenantId, params.id ?? '');
      return contact ? json(200, contactView(contact)) : problems.notFound('No contact with this id.');
    },
  },
  {
    method: 'GET',
    path: '/v1/statements/{contactId}',
    action: 'read',
    async handle(deps, { params }) {
      const found = await readStatement(deps, {
        tenantId: deps.tenantId,
        contactId: params.contactId ?? '',
        today: saoPauloDateOf(deps.clock.now()),
      });
      if (!found) return problems.notFound('No contact with this id.');
      const { contact, statement } = found;
      return json(200, { contact: { id: contact.contactId, name: contact.name }, ...statement });
    },
  },
  ...MEMBER_ROUTES,
];

/** The route and its path parameters, or undefined. */
export function matchRoute(
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  const segments = path.replace(/\/+$/, '').split('/');
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/');
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
    if (matches) return { route, params };
  }
  return undefined;
}
