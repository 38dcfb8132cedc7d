import { foldName } from './contact-matching';
import type { MemberRole } from './member-permissions';
import type { E164 } from './phone-number';

/**
 * A change to the tenant's team, as an owner asked for it and confirmed: add a member (or give an existing
 * member, matched by phone, a new role) or remove one. The member id is the sign-in username.
 */
export interface MemberChange {
  action: 'add' | 'remove';
  memberId: string;
  name: string;
  role: MemberRole;
  phone: E164;
  /** add: the role the member had before (a role change), absent for a new member. */
  previousRole?: MemberRole;
}

/** Name, role and phone as an owner wrote them in "adiciona a Carla como operadora, 11 98888-7777". */
export interface MemberDetails {
  /** The person's name as written (first letter upper-cased), e.g. "Carla". */
  name?: string;
  role?: MemberRole;
  /** Present when a Brazilian number was written and is valid. */
  phone?: E164;
  /** A number was written but is not a valid Brazilian phone. */
  invalidPhone?: string;
}

/**
 * A new member's id: their first name, folded to `a-z0-9` ("Carla" → `carla`); when another member holds it,
 * the last four digits of the phone are added (`carla-7777`).
 */
export function newMemberId(name: string, phone: E164, taken: ReadonlySet<string>): string {
  const first =
    foldName(name)
      .split(/\s+/)[0]
      ?.replace(/[^a-z0-9]/g, '') || 'membro';
  return taken.has(first) ? `${first}-${phone.slice(-4)}` : first;
}
