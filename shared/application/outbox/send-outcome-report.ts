import type { Contact } from '#application/ports/contact-repository';
import type { IdGenerator } from '#application/ports/id-generator';
import { type OutboxRepository, OutboxTransitionRejectedError } from '#application/ports/outbox-repository';
import type { UnitOfWork } from '#application/ports/unit-of-work';
import type { UserRepository } from '#application/ports/user-repository';
import type { Boleto } from '#domain/boleto';
import { type NewOutboxMessage, type OutboxMessage, subjectOf } from '#domain/outbox-message';
import { addToOutbox, ownerPhones } from './add-to-outbox';
import type { OutboxLogger } from './outbox-logger';
import {
  type BoletoSendOutcome,
  boletoSendNotice,
  deliveryFailedNotice,
  warrantsOwnerNotice,
} from './owner-notices';

/**
 * What the owner hears about a send (docs/decisions.md, "Truthful statements about sends"). The boleto message
 * of a charge the owner confirmed carries `reportOutcomeTo`: its FIRST outcome — sent (after the provider
 * accepted), deferred (saying when), or not deliverable (why, with the line, PDF and Pix to forward) — is the
 * one statement the owner gets about issuing it, recorded on the item so it is said once. Later, only a failure
 * is told (a deferred send that fails, a send the provider reports failed); a deferred send that goes out as
 * announced is not repeated (the audit trail and the console show it).
 */

export interface SendReportDeps {
  outbox: OutboxRepository;
  unitOfWork: UnitOfWork;
  ids: IdGenerator;
  users: Pick<UserRepository, 'list'>;
  logger?: OutboxLogger;
}

export interface SendFacts {
  boleto?: Boleto;
  contact?: Pick<Contact, 'name'>;
}

/** Tells the requesting owner a sent / deferred outcome if it is the send's first; a no-op otherwise. */
export async function reportSendOutcome(
  deps: SendReportDeps,
  message: OutboxMessage,
  facts: SendFacts,
  outcome: Extract<BoletoSendOutcome, { kind: 'sent' | 'deferred' }>,
  now: Date,
): Promise<void> {
  if (!message.reportOutcomeTo || message.outcomeReportedAt || !facts.boleto) return;
  const notice = boletoSendNotice(
    {
      owner: message.reportOutcomeTo,
      message,
      boleto: facts.boleto,
      contactName: facts.contact?.name ?? 'o contato',
    },
    outcome,
  );
  try {
    await deps.unitOfWork.run(async (tx) => {
      await deps.outbox.markOutcomeReported(
        { tenantId: message.tenantId, outboxId: message.id, at: now },
        tx,
      );
      await addToOutbox(deps, tx, message.tenantId, notice, now);
    });
  } catch (error) {
    // Another attempt (or a status callback) told the owner first: once is enough.
    if (!(error instanceof OutboxTransitionRejectedError)) throw error;
  }
}

/** A payer's message that carries their boleto (line, PDF, Pix): a failure hands the owner those to forward. */
function carriesBoleto(message: OutboxMessage): boolean {
  return message.kind === 'boleto_to_contact' && subjectOf(message)?.holdsWhile === 'boleto_payable';
}

/**
 * Who is told a failure, and what: the owner who confirmed the charge always (an opted-out payer included:
 * they must forward the boleto themselves); otherwise the tenant's owners when the failure warrants it
 * (`notifyOwner`). `firstReport`: this failure is the send's first outcome told (record it with the failure).
 */
export async function failureNotices(
  deps: Pick<SendReportDeps, 'users'>,
  message: OutboxMessage,
  reason: string,
  facts: SendFacts,
  notifyOwner: boolean,
): Promise<{ notices: NewOutboxMessage[]; firstReport: boolean }> {
  const contactName = facts.contact?.name;
  const boleto = facts.boleto;
  if (message.reportOutcomeTo && boleto && carriesBoleto(message)) {
    const firstReport = !message.outcomeReportedAt;
    const notice = boletoSendNotice(
      { owner: message.reportOutcomeTo, message, boleto, contactName: contactName ?? 'o contato' },
      { kind: 'failed', reason, firstReport },
    );
    return { notices: [notice], firstReport };
  }
  if (!notifyOwner || !warrantsOwnerNotice(message)) return { notices: [], firstReport: false };
  const owners = await ownerPhones(deps.users, message.tenantId);
  const notices = owners.map((owner) =>
    boleto && carriesBoleto(message)
      ? boletoSendNotice(
          { owner, message, boleto, contactName: contactName ?? 'o contato' },
          { kind: 'failed', reason, firstReport: false },
        )
      : deliveryFailedNotice(message, owner, reason, contactName),
  );
  return { notices, firstReport: false };
}
