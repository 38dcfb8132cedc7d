import * as z from 'zod/mini';
import {
  applyMemberChange,
  planAddMember,
  planRemoveMember,
  TeamChangeRefusedError,
} from '#application/members/change-team';
import { memberIdOf, type TenantUser } from '#application/ports/user-repository';
import { MEMBER_ROLES } from '#domain/member-permissions';
import { tryNormalizePhone } from '#domain/phone-number';
import { IdParams, Problem } from './api-schemas';
import { notFound, ok, refuse } from './route-results';
import { type Route, type RouteResult, route } from './route-table';
import type { TenantApiDependencies } from './tenant-api-dependencies';

/**
 * `GET/POST/DELETE /v1/members` (owner only: `manage_members`), on the same team rules as the owner's WhatsApp
 * request (`#application/members/change-team`): a member is stored (recognised on WhatsApp by phone) and their
 * sign-in account put in the role's group. POST of a phone that is already a member's changes their role.
 */

const MemberView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(MEMBER_ROLES),
  phone: z.string(),
});

const NewMemberBody = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  role: z.enum(MEMBER_ROLES),
  phone: z.string().check(z.minLength(8), z.maxLength(20)),
});

const problem = (description: string) => ({ description, schema: Problem });

function memberView(member: TenantUser) {
  return { id: memberIdOf(member), name: member.name, role: member.role, phone: member.phone };
}

const CONFLICTS: Record<string, string> = {
  last_owner: 'The team must keep at least one owner.',
  phone_of_contact: 'This phone belongs to a contact (a payer); a member needs their own number.',
  same_role: 'The member with this phone already has this role.',
};

async function refusingTeamRules(work: () => Promise<RouteResult>): Promise<RouteResult> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof TeamChangeRefusedError)) throw error;
    if (error.code === 'member_not_found') return notFound('member');
    return refuse(409, 'Conflict', CONFLICTS[error.code] ?? error.message);
  }
}

const team = (deps: TenantApiDependencies) => ({ ...deps, ...deps.team });

export const MEMBER_ROUTES: readonly Route[] = [
  route({
    method: 'GET',
    path: '/v1/members',
    action: 'manage_members',
    tag: 'members',
    summary: 'List the team: owners, operators and viewers',
    responses: {
      200: {
        description: 'Every member (a team is small: one page)',
        schema: z.object({ data: z.array(MemberView), nextCursor: z.null() }),
      },
    },
    async handle(deps) {
      const members = await deps.team.users.list(deps.tenantId);
      return ok(200, { data: members.map(memberView), nextCursor: null });
    },
  }),
  route({
    method: 'POST',
    path: '/v1/members',
    action: 'manage_members',
    tag: 'members',
    summary: 'Add a member, or change the role of the member with this phone',
    body: NewMemberBody,
    responses: {
      201: { description: 'The new member', schema: MemberView },
      200: { description: 'The member whose role changed', schema: MemberView },
      400: problem('The phone is not a Brazilian mobile'),
      409: problem('The last owner, a payer’s phone, or the same role'),
    },
    async handle(deps, { member, body }) {
      const phone = tryNormalizePhone(body.phone);
      if (!phone) return refuse(400, 'Bad Request', 'The phone must be a Brazilian mobile number.');
      return refusingTeamRules(async () => {
        const change = await planAddMember(team(deps), deps.tenantId, { ...body, phone });
        const stored = await applyMemberChange(team(deps), deps.tenantId, member.role, change);
        return ok(change.previousRole ? 200 : 201, stored ? memberView(stored) : undefined);
      });
    },
  }),
  route({
    method: 'DELETE',
    path: '/v1/members/{id}',
    action: 'manage_members',
    tag: 'members',
    summary: 'Remove a member (their sign-in account too)',
    params: IdParams,
    responses: {
      204: { description: 'Removed' },
      404: problem('No such member'),
      409: problem('The last owner'),
    },
    async handle(deps, { member, params }) {
      return refusingTeamRules(async () => {
        const change = await planRemoveMember(team(deps), deps.tenantId, params.id);
        await applyMemberChange(team(deps), deps.tenantId, member.role, change);
        return ok(204);
      });
    },
  }),
];
