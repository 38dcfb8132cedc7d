import type { Clock } from '#application/ports/clock';
import type { ContactRepository } from '#application/ports/contact-repository';
import type { MemberAccounts } from '#application/ports/member-accounts';
import { memberIdOf, type TenantUser, type UserRepository } from '#application/ports/user-repository';
import { foldName } from '#domain/contact-matching';
import { DomainError } from '#domain/domain-error';
import { assertCan, type MemberRole } from '#domain/member-permissions';
import type { E164 } from '#domain/phone-number';
import { type MemberChange, newMemberId } from '#domain/team-member';

/**
 * Adding and removing the tenant's members: one set of rules behind the owner's WhatsApp request (after their
 * Sim) and `POST/DELETE /v1/members`. Only a role that may `manage_members` changes the team; the team keeps at
 * least one owner; a member's phone is theirs alone (not another member's, not a payer's). The member is stored
 * (WhatsApp recognises them at once) and their sign-in account put in the role's group; both are idempotent,
 * so a retried change finishes what an interrupted one began.
 */

export interface TeamDependencies {
  users: UserRepository;
  contacts: Pick<ContactRepository, 'findByPhone'>;
  memberAccounts?: MemberAccounts;
  clock: Clock;
}

/** A team change refused by its rules (`last_owner`, `member_not_found`, `phone_of_contact`, `same_role`). */
export class TeamChangeRefusedError extends DomainError {
  constructor(code: 'last_owner' | 'member_not_found' | 'phone_of_contact' | 'same_role', message: string) {
    super(code, message);
    this.name = 'TeamChangeRefusedError';
  }
}

export interface NewMemberInput {
  name: string;
  role: MemberRole;
  phone: E164;
}

/** What adding this person means: a new member, or a new role for the member with that phone. */
export async function planAddMember(
  deps: Pick<TeamDependencies, 'users' | 'contacts'>,
  tenantId: string,
  input: NewMemberInput,
): Promise<MemberChange> {
  const members = await deps.users.list(tenantId);
  const existing = members.find((member) => member.phone === input.phone);
  if (existing) {
    if (existing.role === input.role) {
      throw new TeamChangeRefusedError('same_role', `member already has role ${input.role}`);
    }
    if (existing.role === 'owner') refuseLastOwner(members, existing);
    return {
      action: 'add',
      memberId: memberIdOf(existing),
      name: existing.name,
      role: input.role,
      phone: existing.phone,
      previousRole: existing.role,
    };
  }
  if (await deps.contacts.findByPhone(tenantId, input.phone)) {
    throw new TeamChangeRefusedError('phone_of_contact', 'the phone belongs to a contact');
  }
  const taken = new Set(members.map(memberIdOf));
  const name = input.name.trim();
  return {
    action: 'add',
    memberId: newMemberId(name, input.phone, taken),
    name,
    role: input.role,
    phone: input.phone,
  };
}

/** What removing this member means (by member id); refused for the last owner. */
export async function planRemoveMember(
  deps: Pick<TeamDependencies, 'users'>,
  tenantId: string,
  memberId: string,
): Promise<MemberChange> {
  const members = await deps.users.list(tenantId);
  const member = members.find((candidate) => memberIdOf(candidate) === memberId);
  if (!member) throw new TeamChangeRefusedError('member_not_found', 'no member with this id');
  if (member.role === 'owner') refuseLastOwner(members, member);
  return { action: 'remove', memberId, name: member.name, role: member.role, phone: member.phone };
}

/** The members whose name starts with (or whose first name is) the name written. */
export async function membersNamed(
  deps: Pick<TeamDependencies, 'users'>,
  tenantId: string,
  name: string,
): Promise<TenantUser[]> {
  const wanted = foldName(name);
  const members = await deps.users.list(tenantId);
  return members.filter((member) => {
    const folded = foldName(member.name);
    return folded === wanted || folded.startsWith(`${wanted} `) || memberIdOf(member) === wanted;
  });
}

/** Carries out a planned change for an actor whose role may manage members. Idempotent. */
export async function applyMemberChange(
  deps: TeamDependencies,
  tenantId: string,
  actorRole: MemberRole,
  change: MemberChange,
): Promise<TenantUser | undefined> {
  assertCan(actorRole, 'manage_members');
  const current = await deps.users.findByPhone(tenantId, change.phone);
  if (change.action === 'remove') {
    await deps.memberAccounts?.remove(tenantId, change.memberId);
    if (current && memberIdOf(current) === change.memberId) await deps.users.remove(tenantId, change.phone);
    return undefined;
  }
  const member: TenantUser = {
    tenantId,
    phone: change.phone,
    name: change.name,
    role: change.role,
    memberId: change.memberId,
    createdAt: current?.createdAt ?? deps.clock.now().toISOString(),
    ...(current?.whatsAppUserId && { whatsAppUserId: current.whatsAppUserId }),
  };
  await deps.memberAccounts?.put(tenantId, {
    memberId: change.memberId,
    name: change.name,
    role: change.role,
    phone: change.phone,
  });
  await deps.users.save(member);
  return member;
}

function refuseLastOwner(members: readonly TenantUser[], leaving: TenantUser): void {
  const otherOwners = members.filter((member) => member.role === 'owner' && member.phone !== leaving.phone);
  if (otherOwners.length === 0) {
    throw new TeamChangeRefusedError('last_owner', 'the team would have no owner');
  }
}
