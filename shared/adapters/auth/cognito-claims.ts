import type { AuthenticatedMember } from '#application/ports/access-token-verifier';
import { UnauthenticatedError } from '#application/ports/access-token-verifier';
import { roleOfGroups } from '#domain/member-permissions';

/**
 * The member a Cognito access token's claims name. The HTTP API's JWT authorizer hands a Lambda its claims as
 * strings (an array claim such as `cognito:groups` arrives as `"[owner operator]"`); a locally verified
 * token has real arrays. Both are read here, the one place a role comes from a token.
 */
export function memberOfClaims(claims: Readonly<Record<string, unknown>>): AuthenticatedMember {
  const sub = claims.sub;
  const username = claims.username ?? claims['cognito:username'];
  if (typeof sub !== 'string' || sub === '' || typeof username !== 'string' || username === '') {
    throw new UnauthenticatedError('the token names no user');
  }
  const role = roleOfGroups(groupsOf(claims['cognito:groups']));
  if (!role) throw new UnauthenticatedError('the user is in no role group');
  return { sub, username, role };
}

function groupsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((group): group is string => typeof group === 'string');
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter((group) => group !== '');
}
