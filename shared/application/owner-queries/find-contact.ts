import type { Contact } from '#application/ports/contact-repository';
import { matchContact } from '#domain/contact-matching';
import type { OwnerQueryDependencies } from './owner-query-dependencies';

export type ContactLookup =
  | { kind: 'found'; contact: Contact }
  | { kind: 'uncertain'; candidates: Contact[] }
  | { kind: 'none' };

/**
 * Who a name may mean. `history` (status, statements, cancelling or amending a boleto) is every contact;
 * `new_charge` leaves out archived contacts (deleted while they had boletos): they keep their history, but a
 * new boleto or plan never picks them, and the owner is asked as for an unknown payer.
 */
export type ContactPurpose = 'history' | 'new_charge';

/** The contacts a name is matched against for this purpose. */
export function contactsFor<T extends Pick<Contact, 'archivedAt'>>(
  contacts: readonly T[],
  purpose: ContactPurpose,
): T[] {
  return purpose === 'new_charge' ? contacts.filter((contact) => !contact.archivedAt) : [...contacts];
}

/** The contact the owner named ("o João"), with the conversation's matching rules (accents, typos). */
export async function findContactByName(
  deps: Pick<OwnerQueryDependencies, 'contacts'>,
  tenantId: string,
  writtenName: string,
  purpose: ContactPurpose = 'history',
): Promise<ContactLookup> {
  const contacts = contactsFor(await deps.contacts.list(tenantId), purpose);
  const named = contacts.map((contact) => ({
    id: contact.contactId,
    name: contact.name,
    aliases: contact.aliases,
    contact,
  }));
  const match = matchContact(writtenName, named);
  if (match.kind === 'exact') return { kind: 'found', contact: match.contact.contact };
  if (match.kind === 'uncertain')
    return { kind: 'uncertain', candidates: match.candidates.map((c) => c.contact) };
  return { kind: 'none' };
}

/** "Encontrei mais de um contato: João Silva, João Souza. Qual deles?" */
export function whichContactText(writtenName: string, lookup: ContactLookup): string | undefined {
  if (lookup.kind === 'none') return `Não encontrei nenhum contato chamado "${writtenName}".`;
  if (lookup.kind === 'uncertain' && lookup.candidates.length === 1) {
    const [only] = lookup.candidates;
    return `Não tenho certeza de quem é "${writtenName}": é ${only?.name}? Se for, mande de novo com o nome completo.`;
  }
  if (lookup.kind === 'uncertain') {
    const names = lookup.candidates.slice(0, 5).map((contact) => contact.name);
    return `Encontrei mais de um contato parecido com "${writtenName}": ${names.join(', ')}. De qual deles?`;
  }
  return undefined;
}
