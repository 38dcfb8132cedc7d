import type { E164 } from '#domain/phone-number';
import type { TransactionContext } from './unit-of-work';

/** `owner` runs the business (everything); `operator` may issue and follow boletos but not change settings. */
export type UserRole = 'owner' | 'operator';

/** A person of the tenant's business who talks to IRIS on WhatsApp (from the tenant's configuration). */
export interface TenantUser {
  tenantId: string;
  /** E.164, the user's identity: inbound messages are matched on it. */
  phone: E164;
  name: string;
  role: UserRole;
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
