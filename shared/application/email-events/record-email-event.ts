import { addToOutbox, ownerPhones } from '#application/outbox/add-to-outbox';
import type { OutboxLogger } from '#application/outbox/outbox-logger';
import type { Clock } from '#application/ports/clock';
import type { ContactRepository } from '#application/ports/contact-repository';
import {
  EmailAddressAlreadyMarkedError,
  type EmailEventRepository,
} from '#application/ports/email-event-repository';
import type { IdGenerator } from '#application/ports/id-generator';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import type { ReceivablesRepository } from '#application/ports/receivables-repository';
import type { UnitOfWork } from '#application/ports/unit-of-work';
import type { UserRepository } from '#application/ports/user-repository';
import {
  addressStatusAfter,
  type EmailAddressStatus,
  type EmailEvent,
  outranksOrEquals,
} from '#domain/email-events';
import type { OutboxMessage } from '#domain/outbox-message';
import { emailAddressNotice } from './email-address-notices';

export interface RecordEmailEventDeps {
  events: EmailEventRepository;
  outbox: OutboxRepository;
  unitOfWork: UnitOfWork;
  users: Pick<UserRepository, 'list'>;
  receivables: Pick<ReceivablesRepository, 'contactsWithEmail' | 'setContactEmailStatus'>;
  contacts: Pick<ContactRepository, 'get' | 'update'>;
  clock: Clock;
  ids: IdGenerator;
  logger?: OutboxLogger;
}

export interface RecipientOutcome {
  recipient: string;
  record: 'recorded' | 'duplicate';
  /** The address's new status, when this event changed it (the owner was told in the same transaction). */
  addressMarked?: EmailAddressStatus;
}

/**
 * One SES event (delivery, bounce, complaint, ...) for the tenant: per recipient, a hard bounce marks the
 * address `invalid` and a complaint `suppressed` — the tenant's address item and the owner's notice in one
 * transaction, conditional on the address not having that status yet, so the owner is told once however often
 * the event (or another bounce) arrives — then every receivables contact with that address and the payer the
 * e-mail was for get the same `emailStatus` (idempotent), then the event is recorded once. In this order, a
 * crash anywhere is repaired by the retry and nothing happens twice.
 */
export async function recordEmailEvent(
  deps: RecordEmailEventDeps,
  tenantId: string,
  event: EmailEvent,
): Promise<RecipientOutcome[]> {
  const message = await deps.outbox.findByProviderMessageId(tenantId, event.sesMessageId);
  if (!message) {
    deps.logger?.warn('SES event for a message IRIS did not record as sent', {
      sesMessageId: event.sesMessageId,
      eventType: event.type,
    });
  }
  const outcomes: RecipientOutcome[] = [];
  for (const recipient of event.recipients) {
    const marked = await markAddress(deps, tenantId, event, recipient, message);
    const record = await deps.events.record({
      ...event,
      tenantId,
      recipient,
      ...(message ? { outboxId: message.id } : {}),
      recordedAt: deps.clock.now().toISOString(),
    });
    deps.logger?.info('SES event recorded', {
      sesMessageId: event.sesMessageId,
      outboxId: message?.id,
      eventType: event.type,
      bounceKind: event.bounceKind,
      recipient,
      record,
      addressMarked: marked,
    });
    outcomes.push({ recipient, record, ...(marked ? { addressMarked: marked } : {}) });
  }
  return outcomes;
}

async function markAddress(
  deps: RecordEmailEventDeps,
  tenantId: string,
  event: EmailEvent,
  recipient: string,
  message: OutboxMessage | undefined,
): Promise<EmailAddressStatus | undefined> {
  const current = await deps.events.addressState(tenantId, recipient);
  const next = addressStatusAfter(event, current?.status);
  let marked: EmailAddressStatus | undefined;
  if (next) {
    const now = deps.clock.now();
    const owners = await ownerPhones(deps.users, tenantId);
    try {
      await deps.unitOfWork.run(async (tx) => {
        await deps.events.markAddress(
          {
            tenantId,
            address: recipient,
            status: next,
            sesMessageId: event.sesMessageId,
            since: now.toISOString(),
          },
          tx,
        );
        const correlationId = `ses-${event.sesMessageId}`;
        for (const owner of owners) {
          await addToOutbox(
            deps,
            tx,
            tenantId,
            emailAddressNotice(owner, recipient, next, correlationId),
            now,
          );
        }
      });
      marked = next;
    } catch (error) {
      // Another delivery of this event (or another bounce) marked it first: it told the owner.
      if (!(error instanceof EmailAddressAlreadyMarkedError)) throw error;
    }
  }
  // What this event implies for the address, whatever it was: the contacts get the stronger of the two.
  const implied = addressStatusAfter(event, undefined);
  if (implied) await markContacts(deps, tenantId, recipient, next ?? current?.status ?? implied, message);
  return marked;
}

/** Every receivables contact with the address, and the payer contact the e-mail was for (if it still has it). */
async function markContacts(
  deps: RecordEmailEventDeps,
  tenantId: string,
  address: string,
  status: EmailAddressStatus,
  message: OutboxMessage | undefined,
): Promise<void> {
  for (const contact of await deps.receivables.contactsWithEmail(tenantId, address)) {
    if (contact.emailStatus && outranksOrEquals(contact.emailStatus, status)) continue;
    await deps.receivables.setContactEmailStatus(contact, status);
  }
  if (!message?.contactId) return;
  const payer = await deps.contacts.get(tenantId, message.contactId);
  if (!payer?.email || payer.email.trim().toLowerCase() !== address) return;
  if (payer.emailStatus && outranksOrEquals(payer.emailStatus, status)) return;
  await deps.contacts.update({ ...payer, emailStatus: status, updatedAt: deps.clock.now().toISOString() });
}
