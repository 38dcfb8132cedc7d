import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import {
  applyMemberChange,
  planAddMember,
  planRemoveMember,
  TeamChangeRefusedError,
} from '#application/members/change-team';
import type { AuthenticatedMember } from '#application/ports/access-token-verifier';
import type { Clock } from '#application/ports/clock';
import type { ContactRepository } from '#application/ports/contact-repository';
import type { MemberAccounts } from '#application/ports/member-accounts';
import { memberIdOf, type TenantUser, type UserRepository } from '#application/ports/user-repository';
import { MEMBER_ROLES, type MemberAction } from '#domain/member-permissions';
import { tryNormalizePhone } from '#domain/phone-number';
import { json, problem, problems } from './problem';

/**
 * `GET/POST/DELETE /v1/members` (owner only: `manage_members`), on the same team rules as the owner's WhatsApp
 * request (`#application/members/change-team`): a member is stored (recognised on WhatsApp by phone) and their
 * sign-in account put in the role's group. POST of a phone that is already a member's changes their role.
 */

export interface MemberRouteDependencies {
  users: UserRepository;
  memberAccounts?: MemberAccounts;
}

/** What these routes read of the tenant API's dependencies (a `Route` of routes.ts, without importing it). */
interface MemberRouteContext {
  tenantId: string;
  contacts: Pick<ContactRepository, 'findByPhone'>;
  clock: Clock;
  team: MemberRouteDependencies;
}

interface MemberRoute {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  action: MemberAction;
  handle(
    deps: MemberRouteContext,
    request: { member: AuthenticatedMember; params: Record<string, string>; body?: string },
  ): Promise<APIGatewayProxyStructuredResultV2>;
}

const NewMemberBody = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  role: z.enum(MEMBER_ROLES),
  phone: z.string(),
});

function memberView(member: TenantUser) {
  return { id: memberIdOf(member), name: member.name, role: member.role, phone: member.phone };
}

function refusal(error: unknown): APIGatewayProxyStructuredResultV2 | undefined {
  if (!(error instanceof TeamChangeRefusedError)) return undefined;
  if (error.code === 'member_not_found') return problems.notFound('No member with this id.');
  const details: Record<string, string> = {
    last_owner: 'The team must keep at least one owner.',
    phone_of_contact: 'This phone belongs to a contact (a payer); a member needs their own number.',
    same_role: 'The member with this phone already has this role.',
  };
  return problem(409, 'Conflict', details[error.code] ?? error.message);
}

function team(deps: MemberRouteContext) {
  return { ...deps, ...deps.team };
}

export const MEMBER_ROUTES: readonly MemberRoute[] = [
  {
    method: 'GET',
    path: '/v1/members',
    action: 'manage_members',
    async handle(deps) {
      const members = await deps.team.users.list(deps.tenantId);
      return json(200, { data: members.map(memberView), nextCursor: null });
    },
  },
  {
    method: 'POST',
    path: '/v1/members',
    action: 'manage_members',
    async handle(deps, { member, body }) {
      let raw: unknown;
      try {
        raw = JSON.parse(body ?? '');
      } catch {
        return problem(400, 'Bad Request', 'The body must be JSON: {"name", "role", "phone"}.');
      }
      const parsed = NewMemberBody.safeParse(raw);
      const phone = parsed.success ? tryNormalizePhone(parsed.data.phone) : undefined;
      if (!parsed.success || !phone) {
        return problem(
          400,
          'Bad Request',
          'Expected {"name": text, "role": "owner" | "operator" | "viewer", "phone": a Brazilian mobile}.',
        );
      }
      try {
        const change = await planAddMember(team(deps), deps.tenantId, { ...parsed.data, phone });
        const stored = await applyMemberChange(team(deps), deps.tenantId, member.role, change);
        return json(change.previousRole ? 200 : 201, stored ? memberView(stored) : {});
      } catch (error) {
        const answer = refusal(error);
        if (answer) return answer;
        throw error;
      }
    },
  },
  {
    method: 'DELETE',
    path: '/v1/members/{id}',
    action: 'manage_members',
    async handle(deps, { member, params }) {
      try {
        const change = await planRemoveMember(team(deps), deps.tenantId, params.id ?? '');
        await applyMemberChange(team(deps), deps.tenantId, member.role, change);
        return { statusCode: 204 };
      } catch (error) {
        const answer = refusal(error);
        if (answer) return answer;
        throw error;
      }
    },
  },
];
