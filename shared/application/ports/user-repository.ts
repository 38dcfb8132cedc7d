import type { MemberRole } from '#domain/member-permissions';
import type { E164 } from '#domain/phone-number';
import type { TransactionContext } from './unit-of-work';

/** What a member may do is the permission matrix of `#domain/member-permissions` (owner, operator, viewer). */
export type UserRole = MemberRole;

/**
 * A member of the tenant's business (owner, operator, viewer) who talks to IRIS on WhatsApp: from the
 * tenant's configuration, or added by an owner (`shared/application/members/`).
 */
export interface TenantUser {
  tenantId: string;
  /** E.164, the user's identity: inbound messages are matched on it. */
  phone: E164;
  name: string;
  role: UserRole;
  /**
   * The member's id: their sign-in username (Cognito's, the local issuer's), named by every audit entry of what
   * they do. Absent only on users configured before members existed; `memberIdOf` reads those as their phone.
   */
  memberId?: string;
  createdAt: string;
  /** The user's WhatsApp business-scoped user id (BSUID), once seen together with the phone. */
  whatsAppUserId?: string;
}

export interface UserRepository {
  /** Creates or replaces the user with this phone. */
  save(user: TenantUser, tx?: TransactionContext): Promise<void>;
  findByPhone(tenantId: string, phone: E164): Promise<TenantUser | undefined>;
  /** The user a WhatsApp business-scoped user id (BSUID) was linked to, if any. */
  findByWhatsAppUserId(tenantId: string, whatsAppUserId: string): Promise<TenantUser | undefined>;
  /** Stores the BSUID on the user and the BSUID → user link, in one transaction. Idempotent. */
  linkWhatsAppUserId(tenantId: string, phone: E164, whatsAppUserId: string): Promise<void>;
  list(tenantId: string): Promise<TenantUser[]>;
  remove(tenantId: string, phone: E164, tx?: TransactionContext): Promise<void>;
}

/** The id that names a member in audit entries: the member id, or the phone of a user stored before members. */
export function memberIdOf(user: Pick<TenantUser, 'memberId' | 'phone'>): string {
  return user.memberId ?? user.phone;
}
