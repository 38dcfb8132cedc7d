import type { Clock } from '#application/ports/clock';
import type { ContactRepository } from '#application/ports/contact-repository';
import type { IdGenerator } from '#application/ports/id-generator';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import type { TenantRepository } from '#application/ports/tenant-repository';
import type { UnitOfWork } from '#application/ports/unit-of-work';
import type { UserRepository } from '#application/ports/user-repository';
import type { E164 } from '#domain/phone-number';
import { addToOutbox, ownerPhones } from './add-to-outbox';
import { contactOptedOutNotice, optOutConfirmation } from './owner-notices';

export interface OptOutContactDeps {
  contacts: Pick<ContactRepository, 'findByPhone' | 'update'>;
  tenants: Pick<TenantRepository, 'getProfile'>;
  users: Pick<UserRepository, 'list'>;
  outbox: OutboxRepository;
  unitOfWork: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
}

export interface OptOutContactInput {
  tenantId: string;
  /** The sender, canonical E.164 (the webhook's `fromE164`). */
  phone: E164;
  /** The inbound WhatsApp message id: the correlation id of the messages this produces. */
  inboundMessageId: string;
}

export type OptOutContactOutcome =
  | { outcome: 'opted_out'; contactId: string }
  | { outcome: 'already_opted_out'; contactId: string }
  /** The sender is not one of the tenant's contacts (an owner, or a stranger): nothing changes. */
  | { outcome: 'not_a_contact' };

/**
 * A contact wrote an opt-out word (`isOptOutRequest`): mark them opted out, tell every owner and confirm to
 * the contact, all in one transaction. Delivery then refuses every later message to them except that
 * confirmation; the reminder loop stops at its next step. Idempotent: a second "PARAR" (or Meta's retry of
 * the first) finds the contact already opted out and writes nothing.
 */
export async function optOutContact(
  deps: OptOutContactDeps,
  input: OptOutContactInput,
): Promise<OptOutContactOutcome> {
  const contact = await deps.contacts.findByPhone(input.tenantId, input.phone);
  if (!contact) return { outcome: 'not_a_contact' };
  if (contact.optedOut) return { outcome: 'already_opted_out', contactId: contact.contactId };
  const [owners, profile] = await Promise.all([
    ownerPhones(deps.users, input.tenantId),
    deps.tenants.getProfile(input.tenantId),
  ]);
  const now = deps.clock.now();
  await deps.unitOfWork.run(async (tx) => {
    await deps.contacts.update({ ...contact, optedOut: true, updatedAt: now.toISOString() }, tx);
    for (const owner of owners) {
      await addToOutbox(
        deps,
        tx,
        input.tenantId,
        contactOptedOutNotice(owner, contact, input.inboundMessageId),
        now,
      );
    }
    await addToOutbox(
      deps,
      tx,
      input.tenantId,
      optOutConfirmation(contact, profile?.name, input.inboundMessageId),
      now,
    );
  });
  return { outcome: 'opted_out', contactId: contact.contactId };
}
