import type { SenderRole } from '#application/ports/inbound-message-repository';
import { InvalidInputError } from '#domain/domain-error';
import type { E164 } from '#domain/phone-number';
import type { ConversationDependencies } from './conversation-dependencies';

/** Who sent an inbound message, and the phone IRIS talks to them at (absent for an unknown BSUID). */
export interface ResolvedSender {
  role: SenderRole;
  /** The person's phone: the sender's own, or the one stored with their business-scoped user id. */
  phone?: E164;
  contactId?: string;
  /** Where an answer goes: the phone when known, else the business-scoped user id. */
  address: string;
}

/**
 * A person is identified by phone or by WhatsApp business-scoped user id (BSUID). A message with a phone is
 * matched on it (owner first, then contact), and a BSUID it carries is linked to that person when it is new to
 * them; a message with only a BSUID is matched through that link. Lookups are GetItems only.
 */
export async function resolveSender(
  deps: Pick<ConversationDependencies, 'users' | 'contacts' | 'logger'>,
  tenantId: string,
  sender: { from?: E164; fromUserId?: string },
): Promise<ResolvedSender> {
  const { from, fromUserId } = sender;
  if (from) {
    const user = await deps.users.findByPhone(tenantId, from);
    if (user) {
      if (fromUserId && user.whatsAppUserId !== fromUserId) {
        await deps.users.linkWhatsAppUserId(tenantId, from, fromUserId);
      }
      return { role: 'owner', phone: from, address: from };
    }
    const contact = await deps.contacts.findByPhone(tenantId, from);
    if (contact) {
      if (fromUserId && contact.whatsAppUserId !== fromUserId) {
        await deps.contacts.linkWhatsAppUserId(tenantId, contact.contactId, fromUserId);
      }
      return { role: 'contact', phone: from, contactId: contact.contactId, address: from };
    }
    return { role: 'unknown', phone: from, address: from };
  }
  if (!fromUserId)
    throw new InvalidInputError('an inbound message needs a phone or a business-scoped user id');
  const user = await deps.users.findByWhatsAppUserId(tenantId, fromUserId);
  if (user) return { role: 'owner', phone: user.phone, address: user.phone };
  const contact = await deps.contacts.findByWhatsAppUserId(tenantId, fromUserId);
  if (contact) {
    return { role: 'contact', phone: contact.phone, contactId: contact.contactId, address: contact.phone };
  }
  return { role: 'unknown', address: fromUserId };
}
