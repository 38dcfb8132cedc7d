import type { Clock } from '#application/ports/clock';
import { type ContactRepository, DuplicateContactPhoneError } from '#application/ports/contact-repository';
import type { UnitOfWork } from '#application/ports/unit-of-work';
import type { UserRepository } from '#application/ports/user-repository';
import { type E164, normalizePhone } from '#domain/phone-number';
import type { AppLogger } from '#logging/create-logger';
import type { WhatsAppIdentityChangeEvent } from '#webhooks/whatsapp/inbound-event';

export interface IdentityChangeDependencies {
  users: UserRepository;
  contacts: ContactRepository;
  unitOfWork: UnitOfWork;
  clock: Clock;
  logger: AppLogger;
}

export type IdentityChangeOutcome =
  | 'user_number_changed'
  | 'contact_number_changed'
  | 'user_id_linked'
  | 'unknown_person'
  | 'unusable'
  | 'conflict';

/**
 * WhatsApp's `system` notice that a person changed their number or their business-scoped user id: the stored
 * owner or contact follows (a user moves to the new phone, keeping name and role; a contact's phone and its
 * uniqueness guard move together; a new BSUID is linked). Never answered. Replays find the person already
 * moved (or no one at the old identity) and change nothing.
 */
export async function recordIdentityChange(
  deps: IdentityChangeDependencies,
  tenantId: string,
  event: WhatsAppIdentityChangeEvent,
): Promise<IdentityChangeOutcome> {
  const previousPhone = event.previous.e164 ? normalizePhone(event.previous.e164) : undefined;
  const user = previousPhone
    ? await deps.users.findByPhone(tenantId, previousPhone)
    : event.previous.userId
      ? await deps.users.findByWhatsAppUserId(tenantId, event.previous.userId)
      : undefined;
  const contact = user
    ? undefined
    : previousPhone
      ? await deps.contacts.findByPhone(tenantId, previousPhone)
      : event.previous.userId
        ? await deps.contacts.findByWhatsAppUserId(tenantId, event.previous.userId)
        : undefined;
  if (!user && !contact) return 'unknown_person';

  if (event.change === 'user_changed_user_id') {
    const newUserId = event.next.userId;
    if (!newUserId) return 'unusable';
    if (user) await deps.users.linkWhatsAppUserId(tenantId, user.phone, newUserId);
    if (contact) await deps.contacts.linkWhatsAppUserId(tenantId, contact.contactId, newUserId);
    return 'user_id_linked';
  }

  const newPhone = event.next.e164 ? normalizePhone(event.next.e164) : undefined;
  if (!newPhone) return 'unusable';
  if (user) {
    if (user.phone === newPhone) return 'user_number_changed';
    if (await someoneHas(deps, tenantId, newPhone)) return conflict(deps, event);
    const { whatsAppUserId: _previousBsuid, ...rest } = user; // Meta issues a new BSUID with a new number
    await deps.unitOfWork.run(async (tx) => {
      await deps.users.save({ ...rest, phone: newPhone }, tx);
      await deps.users.remove(tenantId, user.phone, tx);
    });
    deps.logger.info('owner changed WhatsApp number; user moved', { messageId: event.messageId });
    return 'user_number_changed';
  }
  if (!contact || contact.phone === newPhone) return 'contact_number_changed';
  if (await deps.users.findByPhone(tenantId, newPhone)) return conflict(deps, event);
  try {
    const { whatsAppUserId: _previousBsuid, ...rest } = contact;
    await deps.contacts.update({ ...rest, phone: newPhone, updatedAt: deps.clock.now().toISOString() });
  } catch (error) {
    if (error instanceof DuplicateContactPhoneError) return conflict(deps, event);
    throw error;
  }
  deps.logger.info('contact changed WhatsApp number; phone updated', {
    messageId: event.messageId,
    contactId: contact.contactId,
  });
  return 'contact_number_changed';
}

/** The number is already an owner's or a contact's of this tenant: one number, one person. */
async function someoneHas(deps: IdentityChangeDependencies, tenantId: string, phone: E164): Promise<boolean> {
  return (
    (await deps.users.findByPhone(tenantId, phone)) !== undefined ||
    (await deps.contacts.findByPhone(tenantId, phone)) !== undefined
  );
}

function conflict(deps: IdentityChangeDependencies, event: WhatsAppIdentityChangeEvent): 'conflict' {
  deps.logger.warn('new WhatsApp number already belongs to someone else; nothing changed', {
    messageId: event.messageId,
  });
  return 'conflict';
}
