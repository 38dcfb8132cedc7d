import { DomainError } from './domain-error';

/**
 * Members of a tenant and what each role may do: the one permission matrix, checked here by the API and by
 * the WhatsApp conversation alike (docs/decisions.md, "Members and roles").
 *
 * | action             | owner | operator | viewer |
 * | ------------------ | ----- | -------- | ------ |
 * | read               | yes   | yes      | yes    |  contacts, boletos, payments, ledger, statements, aging, exports
 * | charge             | yes   | yes      | no     |  create a boleto
 * | cancel             | yes   | yes      | no     |  cancel a boleto
 * | manage_contacts    | yes   | yes      | no     |  create, change, archive contacts
 * | book_ledger        | yes   | yes      | no     |  ledger entries and reversals
 * | manage_members     | yes   | no       | no     |  add and remove members
 * | edit_templates     | yes   | no       | no     |  change the collection e-mail templates
 */

export const MEMBER_ROLES = ['owner', 'operator', 'viewer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEMBER_ACTIONS = [
  'read',
  'charge',
  'cancel',
  'manage_contacts',
  'book_ledger',
  'manage_members',
  'edit_templates',
] as const;
export type MemberAction = (typeof MEMBER_ACTIONS)[number];

const PERMISSIONS: Readonly<Record<MemberRole, ReadonlySet<MemberAction>>> = {
  owner: new Set(MEMBER_ACTIONS),
  operator: new Set(['read', 'charge', 'cancel', 'manage_contacts', 'book_ledger']),
  viewer: new Set(['read']),
};

export function isMemberRole(value: unknown): value is MemberRole {
  return typeof value === 'string' && (MEMBER_ROLES as readonly string[]).includes(value);
}

export function can(role: MemberRole, action: MemberAction): boolean {
  return PERMISSIONS[role].has(action);
}

/**
 * The role a member holds from their groups (Cognito groups = roles): the most powerful one when a member is
 * in several, `undefined` when in none (no role, no access).
 */
export function roleOfGroups(groups: readonly string[]): MemberRole | undefined {
  return MEMBER_ROLES.find((role) => groups.includes(role));
}

/** The member's role does not allow the action. Nothing was done. */
export class ForbiddenActionError extends DomainError {
  constructor(
    readonly role: MemberRole,
    readonly action: MemberAction,
  ) {
    super('forbidden_action', `role ${role} may not ${action}`);
    this.name = 'ForbiddenActionError';
  }
}

export function assertCan(role: MemberRole, action: MemberAction): void {
  if (!can(role, action)) throw new ForbiddenActionError(role, action);
}
