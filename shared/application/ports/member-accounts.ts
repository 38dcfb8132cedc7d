import type { MemberRole } from '#domain/member-permissions';
import type { E164 } from '#domain/phone-number';

/** A member's sign-in account: its username is the member id, its one group the member's role. */
export interface MemberAccount {
  memberId: string;
  name: string;
  role: MemberRole;
  phone: E164;
}

/**
 * The tenant's sign-in accounts (deployed: the tenant-stage Cognito user pool, groups = roles; locally: the
 * local issuer's user list). Both calls are idempotent: putting an account that exists sets its name and
 * moves it to the role's group; removing one that is gone does nothing.
 */
export interface MemberAccounts {
  put(tenantId: string, account: MemberAccount): Promise<void>;
  remove(tenantId: string, memberId: string): Promise<void>;
}
