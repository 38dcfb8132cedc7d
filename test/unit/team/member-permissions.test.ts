import { describe, expect, it } from 'vitest';
import { memberOfClaims } from '#adapters/auth/cognito-claims';
import { UnauthenticatedError } from '#application/ports/access-token-verifier';
import {
  assertCan,
  can,
  ForbiddenActionError,
  MEMBER_ACTIONS,
  type MemberAction,
  type MemberRole,
  roleOfGroups,
} from '#domain/member-permissions';

/** The matrix of docs/decisions.md ("Members and roles"), written out here independently of the code. */
const EXPECTED: Record<MemberRole, MemberAction[]> = {
  owner: ['read', 'charge', 'cancel', 'manage_contacts', 'book_ledger', 'manage_members', 'edit_templates'],
  operator: ['read', 'charge', 'cancel', 'manage_contacts', 'book_ledger'],
  viewer: ['read'],
};

describe('member permissions', () => {
  it.each(Object.entries(EXPECTED))('%s may do exactly its actions', (role, allowed) => {
    for (const action of MEMBER_ACTIONS) {
      expect(can(role as MemberRole, action), `${role} ${action}`).toBe(allowed.includes(action));
    }
  });

  it('refuses with a ForbiddenActionError', () => {
    expect(() => assertCan('viewer', 'charge')).toThrow(ForbiddenActionError);
    expect(() => assertCan('operator', 'manage_members')).toThrow(ForbiddenActionError);
    expect(() => assertCan('owner', 'manage_members')).not.toThrow();
  });

  it('takes the strongest role of several groups and none from unknown groups', () => {
    expect(roleOfGroups(['viewer', 'owner'])).toBe('owner');
    expect(roleOfGroups(['operator', 'viewer'])).toBe('operator');
    expect(roleOfGroups(['admins'])).toBeUndefined();
    expect(roleOfGroups([])).toBeUndefined();
  });
});

describe('memberOfClaims', () => {
  it('reads the claims as API Gateway hands them (strings) and as a verified token has them', () => {
    const base = { sub: 'b7f1c7e0', username: 'bruno' };
    expect(memberOfClaims({ ...base, 'cognito:groups': '[viewer operator]' })).toEqual({
      ...base,
      role: 'operator',
    });
    expect(memberOfClaims({ ...base, 'cognito:groups': ['viewer'] }).role).toBe('viewer');
  });

  it.each([
    [{ username: 'x', 'cognito:groups': ['owner'] }],
    [{ sub: 's', 'cognito:groups': ['owner'] }],
    [{ sub: 's', username: 'x' }],
    [{ sub: 's', username: 'x', 'cognito:groups': '[admins]' }],
  ])('refuses claims without a user or a role: %j', (claims) => {
    expect(() => memberOfClaims(claims)).toThrow(UnauthenticatedError);
  });
});
