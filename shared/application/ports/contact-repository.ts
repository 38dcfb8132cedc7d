import { DomainError } from '#domain/domain-error';
import type { EmailAddressStatus } from '#domain/email-events';
import type { E164 } from '#domain/phone-number';
import type { TaxId } from '#domain/tax-id';
import type { Page, PageRequest } from './page';
import type { TransactionContext } from './unit-of-work';

/** A payer: someone the tenant bills. A boleto needs a name, a WhatsApp number and a CPF/CNPJ. */
export interface Contact {
  tenantId: string;
  contactId: string;
  name: string;
  /** E.164; unique per tenant. */
  phone: E164;
  /** CPF or CNPJ with valid check digits. */
  taxId: TaxId;
  email?: string;
  /** Set when SES reported the e-mail address: `invalid` (hard bounce) or `suppressed` (complaint). */
  emailStatus?: EmailAddressStatus;
  /** The contact asked not to be messaged: no reminders, no boletos by WhatsApp. */
  optedOut: boolean;
  /** Other names the owner confirmed for this contact ("Joãozinho", "Zé"), folded; matched as exact. */
  aliases?: string[];
  /** The payer's WhatsApp business-scoped user id (BSUID), once seen together with the phone. */
  whatsAppUserId?: string;
  createdAt: string;
  updatedAt?: string;
  /** Set when the contact was deleted while it had boletos: kept for their history, never hard-deleted. */
  archivedAt?: string;
}

/** Another contact of the same tenant already has this phone number. Nothing was written. */
export class DuplicateContactPhoneError extends DomainError {
  constructor(
    readonly tenantId: string,
    readonly phone: E164,
    options?: { cause?: unknown },
  ) {
    super('duplicate_contact_phone', `tenant ${tenantId} already has a contact with this phone`, options);
    this.name = 'DuplicateContactPhoneError';
  }
}

export class ContactNotFoundError extends DomainError {
  constructor(
    readonly tenantId: string,
    readonly contactId: string,
    options?: { cause?: unknown },
  ) {
    super('contact_not_found', `contact ${contactId} not found in tenant ${tenantId}`, options);
    this.name = 'ContactNotFoundError';
  }
}

export interface ContactRepository {
  /** Throws `DuplicateContactPhoneError` when the phone is taken in this tenant (nothing is written then). */
  create(contact: Contact, tx?: TransactionContext): Promise<void>;
  /**
   * Replaces an existing contact (`ContactNotFoundError` otherwise). A new phone moves the uniqueness guard in
   * the same transaction (`DuplicateContactPhoneError` if the new one is taken).
   */
  update(contact: Contact, tx?: TransactionContext): Promise<void>;
  /**
   * Deletes a contact and its phone guard (only the guard that still points at it). For undoing a contact that
   * was written for a boleto whose creation then failed; a missing contact is a no-op.
   */
  remove(contact: Contact, tx?: TransactionContext): Promise<void>;
  get(tenantId: string, contactId: string): Promise<Contact | undefined>;
  /** Exact E.164 match (normalise WhatsApp ids first). */
  findByPhone(tenantId: string, phone: E164): Promise<Contact | undefined>;
  /** The contact a WhatsApp business-scoped user id (BSUID) was linked to, if any. */
  findByWhatsAppUserId(tenantId: string, whatsAppUserId: string): Promise<Contact | undefined>;
  /** Stores the BSUID on the contact and the BSUID → contact link, in one transaction. Idempotent. */
  linkWhatsAppUserId(tenantId: string, contactId: string, whatsAppUserId: string): Promise<void>;
  /** Every contact of the tenant, ordered by id. */
  list(tenantId: string): Promise<Contact[]>;
  /** One page of the tenant's contacts, ordered by id. */
  listPage(tenantId: string, page: PageRequest): Promise<Page<Contact>>;
}
