import { setTimeout as pause } from 'node:timers/promises';
import {
  BillingProviderRejectedError,
  BoletoNotFoundAtProviderError,
  type ProviderBoleto,
} from '#application/ports/billing-provider';
import { ConcurrentModificationError } from '#application/ports/persistence-errors';
import { followUpSettingsOf } from '#application/reminders/tenant-follow-up-settings';
import { type Boleto, cancelBoleto as cancelInDomain } from '#domain/boleto';
import { formatDateBr } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import { ownerReply } from '#domain/outbox-message';
import { derivedId } from './follow-up-ids';
import type { PaymentDependencies } from './payment-dependencies';
import { cancelledContactNotice, cancelledReplyText } from './payment-notices-pt-br';
import { stage } from './record-provider-status';
import { settleWithProvider } from './settle-with-provider';

/**
 * The owner's "cancela o boleto do Pedro", once the conversation has resolved which boleto: cancel at the
 * provider first (a boleto cancelled only here could still be paid), then here, in one transaction with the
 * owner's reply and, as the tenant configured, a notice to the contact; then stop the reminder loop.
 * A boleto the payer paid meanwhile is not cancelled: the payment is recorded instead and the owner told.
 * Safe to repeat: a cancelled boleto answers "already cancelled"; message ids derive from the boleto.
 */

export interface CancelBoletoInput {
  tenantId: string;
  boletoId: string;
  /** Who asked (the owner's user id or phone), for the audit trail. */
  requestedBy: string;
  /** The member who asked, by member id, for the audit trail. */
  memberId?: string;
  /** Where the reply goes, in the same transaction as the cancellation (omit to only get `replyText`). */
  replyTo?: { phone: string; correlationId: string };
  /** Overrides the tenant's `notifyContactOnCancel`. */
  notifyContact?: boolean;
}

export type CancelOutcome = 'cancelled' | 'already_cancelled' | 'already_paid' | 'not_found';

export interface CancelResult {
  outcome: CancelOutcome;
  replyText: string;
  contactNotified: boolean;
}

const MAX_ATTEMPTS = 4;

export async function cancelBoletoForOwner(
  deps: PaymentDependencies,
  input: CancelBoletoInput,
): Promise<CancelResult> {
  const boleto = await deps.boletos.get(input.tenantId, input.boletoId);
  if (!boleto)
    return { outcome: 'not_found', replyText: 'Não encontrei esse boleto.', contactNotified: false };
  const contact = await deps.contacts.get(input.tenantId, boleto.contactId);
  const contactName = contact?.name ?? 'o contato';
  const early = answerForClosed(boleto, contactName);
  if (early) return early;

  if (boleto.provider) {
    const remote = await cancelAtProvider(deps, boleto.provider.providerId);
    if (remote && remote.status === 'paid') {
      await settleWithProvider(deps, {
        tenantId: input.tenantId,
        boletoId: boleto.id,
        providerBoleto: remote,
      });
      const paid = await deps.boletos.get(input.tenantId, boleto.id);
      return answerForClosed(paid ?? boleto, contactName) ?? alreadyPaid(contactName, boleto);
    }
  }

  const profile = await deps.tenants.getProfile(input.tenantId);
  const settings = followUpSettingsOf(profile, deps.logger);
  // A payer who never received the boleto is not told it was cancelled (delivery drops such a notice too).
  const received =
    boleto.status !== 'registered' && !(boleto.status === 'disputed' && boleto.disputedFrom === 'registered');
  const notify =
    (input.notifyContact ?? settings.notifyContactOnCancel) &&
    contact !== undefined &&
    !contact.optedOut &&
    received;
  let current = boleto;
  for (let attempt = 1; ; attempt++) {
    const closed = answerForClosed(current, contactName);
    if (closed) return closed;
    const change = cancelInDomain(current, 'owner_request', {
      actor: { kind: 'owner', id: input.requestedBy, ...(input.memberId && { memberId: input.memberId }) },
      at: deps.clock.now().toISOString(),
    });
    const replyText = cancelledReplyText(contactName, boleto, notify);
    try {
      await deps.unitOfWork.run(async (tx) => {
        await deps.boletos.update(change, current.version, tx);
        if (input.replyTo) {
          const reply = ownerReply(input.replyTo.phone, replyText, input.replyTo.correlationId);
          await stage(deps, tx, input.tenantId, derivedId('cancel-reply', boleto.id), {
            ...reply,
            boletoId: boleto.id,
          });
        }
        if (notify && contact) {
          const notice = cancelledContactNotice(contact, settings.businessName, boleto);
          await stage(deps, tx, input.tenantId, derivedId('cancel-notice', boleto.id), notice);
        }
      });
      await stopLoop(deps, boleto);
      return { outcome: 'cancelled', replyText, contactNotified: notify };
    } catch (error) {
      if (!(error instanceof ConcurrentModificationError) || attempt >= MAX_ATTEMPTS) throw error;
      await pause(Math.floor(Math.random() * 25 * attempt));
      current = (await deps.boletos.get(input.tenantId, boleto.id)) ?? current;
    }
  }
}

/** Cancels at the provider; a billet it will not cancel (already paid, say) is re-read and returned. */
async function cancelAtProvider(
  deps: PaymentDependencies,
  providerId: string,
): Promise<ProviderBoleto | undefined> {
  try {
    return await deps.billing.cancelBoleto(providerId);
  } catch (error) {
    if (error instanceof BoletoNotFoundAtProviderError) return undefined;
    if (!(error instanceof BillingProviderRejectedError)) throw error;
    const remote = await deps.billing.getBoleto(providerId);
    if (remote.status === 'paid' || remote.status === 'cancelled' || remote.status === 'expired')
      return remote;
    throw error;
  }
}

function answerForClosed(boleto: Boleto, contactName: string): CancelResult | undefined {
  if (boleto.status === 'paid') return alreadyPaid(contactName, boleto);
  if (boleto.status === 'cancelled') {
    return {
      outcome: 'already_cancelled',
      replyText: `O boleto de ${contactName} de ${formatBrl(boleto.amountCents)} já estava cancelado.`,
      contactNotified: false,
    };
  }
  return undefined;
}

function alreadyPaid(contactName: string, boleto: Boleto): CancelResult {
  const when = boleto.paidOn ? ` em ${formatDateBr(boleto.paidOn)}` : '';
  return {
    outcome: 'already_paid',
    replyText: `Não cancelei: ${contactName} já pagou esse boleto de ${formatBrl(boleto.amountCents)}${when}.`,
    contactNotified: false,
  };
}

async function stopLoop(deps: PaymentDependencies, boleto: Boleto): Promise<void> {
  try {
    await deps.workflows.stopReminderLoop(boleto.tenantId, boleto.id, 'boleto cancelled by the owner');
  } catch (error) {
    deps.logger.warn('could not stop the reminder loop; its next step will see the boleto cancelled', {
      boletoId: boleto.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
