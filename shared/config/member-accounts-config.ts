import { CognitoMemberAccounts } from '#adapters/auth/cognito-member-accounts';
import type { MemberAccounts } from '#application/ports/member-accounts';
import type { Env } from './process-env';

/**
 * Where members' sign-in accounts live: the tenant-stage user pool the stack names in `MEMBER_USER_POOL_ID`
 * (with the grants to manage its users). Absent (the local cloud, tests): no accounts port; locally the
 * issuer's user list is the table's members, so nothing else is needed.
 */
export function composeMemberAccounts(env: Env): MemberAccounts | undefined {
  const userPoolId = env.MEMBER_USER_POOL_ID?.trim();
  return userPoolId ? new CognitoMemberAccounts({ userPoolId }) : undefined;
}
