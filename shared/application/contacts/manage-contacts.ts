import type { BoletoRepository } from '#application/ports/boleto-repository';
import type { Clock } from '#application/ports/clock';
import type { Contact, ContactRepository } from '#application/ports/contact-repository';
import type { IdGenerator } from '#application/ports/id-generator';
import { DomainError } from '#domain/domain-error';
import { tryParseEmail } from '#domain/email-address';
import { tryNormalizePhone } from '#domain/phone-number';
import { tryParseTaxId } from '#domain/tax-id';

/**
 * Contacts from the tenant API: create, change, delete. The same rules as the conversation's contacts: a name,
 * a WhatsApp number (E.164, unique in the tenant: the repository's guard) and a CPF/CNPJ with valid check
 * digits. A contact that has boletos is never hard-deleted: it is archived, so its boletos, payments and
 * statement keep their payer.
 */

export interface ContactDependencies {
  contacts: ContactRepository;
  boletos: Pick<BoletoRepository, 'listPage'>;
  ids: IdGenerator;
  clock: Clock;
}

export interface ContactFields {
  name?: string;
  phone?: string;
  taxId?: string;
  email?: string | null;
}

/** A contact field failed its rule (phone not a number, CPF/CNPJ check digits). Nothing was written. */
export class InvalidContactFieldError extends DomainError {
  constructor(
    readonly field: 'name' | 'phone' | 'taxId' | 'email',
    message: string,
  ) {
    super('invalid_contact_field', message);
    this.name = 'InvalidContactFieldError';
  }
}

function validated(fields: ContactFields): Partial<Pick<Contact, 'name' | 'phone' | 'taxId'>> & {
  email?: string | null;
} {
  const out: Partial<Pick<Contact, 'name' | 'phone' | 'taxId'>> & { email?: string | null } = {};
  if (fields.name !== undefined) {
    const name = fields.name.trim();
    if (!name) throw new InvalidContactFieldError('name', 'name must not be blank');
    out.name = name;
  }
  if (fields.phone !== undefined) {
    const phone = tryNormalizePhone(fields.phone);
    if (!phone) throw new InvalidContactFieldError('phone', 'phone is not a valid phone number');
    out.phone = phone;
  }
  if (fields.taxId !== undefined) {
    const taxId = tryParseTaxId(fields.taxId);
    if (!taxId) throw new InvalidContactFieldError('taxId', 'taxId is not a valid CPF or CNPJ');
    out.taxId = taxId;
  }
  if (fields.email === null) out.email = null;
  else if (fields.email !== undefined) {
    const email = tryParseEmail(fields.email);
    if (!email) throw new InvalidContactFieldError('email', 'email is not a valid e-mail address');
    out.email = email;
  }
  return out;
}

export async function createContact(
  deps: ContactDependencies,
  input: {
    tenantId: string;
    fields: Required<Pick<ContactFields, 'name' | 'phone' | 'taxId'>> & ContactFields;
  },
): Promise<Contact> {
  const fields = validated(input.fields);
  const { name, phone, taxId } = fields;
  if (!name || !phone || !taxId)
    throw new InvalidContactFieldError('name', 'name, phone and taxId are required');
  const contact: Contact = {
    tenantId: input.tenantId,
    contactId: deps.ids.newId(),
    name,
    phone,
    taxId,
    ...(fields.email ? { email: fields.email } : {}),
    optedOut: false,
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.contacts.create(contact);
  return contact;
}

/** Undefined when there is no such (unarchived) contact. */
export async function changeContact(
  deps: ContactDependencies,
  input: { tenantId: string; contactId: string; fields: ContactFields },
): Promise<Contact | undefined> {
  const fields = validated(input.fields);
  const current = await deps.contacts.get(input.tenantId, input.contactId);
  if (!current || current.archivedAt) return undefined;
  const { email, ...rest } = fields;
  const { email: _previous, ...withoutEmail } = current;
  const next: Contact = {
    ...(email === null ? withoutEmail : current),
    ...rest,
    ...(email ? { email } : {}),
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.contacts.update(next);
  return next;
}

export type DeleteContactOutcome =
  | { outcome: 'deleted' }
  | { outcome: 'archived'; contact: Contact }
  | { outcome: 'not_found' };

/** Deleted when it never had a boleto; archived (kept, hidden from new charges) when it has any. */
export async function deleteContact(
  deps: ContactDependencies,
  input: { tenantId: string; contactId: string },
): Promise<DeleteContactOutcome> {
  const contact = await deps.contacts.get(input.tenantId, input.contactId);
  if (!contact) return { outcome: 'not_found' };
  if (contact.archivedAt) return { outcome: 'archived', contact };
  const boletos = await deps.boletos.listPage(input.tenantId, { contactId: contact.contactId }, { limit: 1 });
  if (boletos.items.length === 0) {
    await deps.contacts.remove(contact);
    return { outcome: 'deleted' };
  }
  const now = deps.clock.now().toISOString();
  const archived: Contact = { ...contact, archivedAt: now, updatedAt: now };
  await deps.contacts.update(archived);
  return { outcome: 'archived', contact: archived };
}
