import type { Clock } from '#application/ports/clock';
import type { ContactRepository } from '#application/ports/contact-repository';
import { foldName } from '#domain/contact-matching';
import { formalNamesOf, isNicknameOf } from '#domain/nicknames';
import type { OwnerRequest } from '#domain/owner-request';

/**
 * Nicknames the owner confirmed ("Joãozinho é o João Silva?" → "sim") are remembered on the contact as an
 * alias, so the next "cobra 50 do Joãozinho" resolves to João Silva without asking again. Only a nickname or
 * diminutive of the contact's first name becomes an alias: a typo the owner confirmed ("Joao Slva") does not.
 */

function words(name: string): string[] {
  return foldName(name).split(' ').filter(Boolean);
}

/** True when `written` is a nickname or diminutive of `contactName` ("Zé" of "José Silva"). */
export function isNicknameFor(written: string, contactName: string): boolean {
  return isNicknameOf(words(written), words(contactName));
}

/** "Joãozinho é o João Silva?": the question when the name written is a nickname of the one candidate. */
export function nicknameQuestion(written: string, candidateName: string): string | undefined {
  if (!isNicknameFor(written, candidateName)) return undefined;
  const first = words(candidateName)[0] ?? '';
  const article = first.endsWith('a') ? 'a' : 'o';
  return `${written} é ${article} ${candidateName}? Responda SIM ou escreva o nome certo.`;
}

/**
 * After the owner's answer to "which contact?": when the request went from a written nickname to a chosen
 * contact, stores the folded nickname on the contact (once; an alias already there is left alone).
 */
export async function rememberConfirmedAlias(
  deps: { contacts: ContactRepository; clock: Clock },
  before: OwnerRequest,
  after: OwnerRequest,
): Promise<void> {
  const asked = before.question === 'confirm_contact' || before.question === 'choose_contact';
  if (!asked || before.contactId || !after.contactId || !before.contactName) return;
  const contact = await deps.contacts.get(after.tenantId, after.contactId);
  if (!contact || !isNicknameFor(before.contactName, contact.name)) return;
  const alias = foldName(before.contactName);
  if (contact.aliases?.includes(alias) || formalNamesOf(alias).length === 0) return;
  await deps.contacts.update({
    ...contact,
    aliases: [...(contact.aliases ?? []), alias],
    updatedAt: deps.clock.now().toISOString(),
  });
}
