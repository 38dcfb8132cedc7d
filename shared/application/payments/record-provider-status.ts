import type { ProviderBoleto, ProviderBoletoStatus } from '#application/ports/billing-provider';
import type { TransactionContext } from '#application/ports/unit-of-work';
import { followUpSettingsOf } from '#application/reminders/tenant-follow-up-settings';
import {
  applyPayment,
  type Boleto,
  type BoletoChange,
  type BoletoProviderRef,
  type ChangeContext,
  cancelBoleto,
  paymentShortfall,
  registerBoleto,
  remainingCents,
  splitPaymentAmount,
} from '#domain/boleto';
import type { BoletoStatus } from '#domain/boleto-status';
import { type CalendarDate, saoPauloDateOf } from '#domain/calendar-date';
import { DomainError } from '#domain/domain-error';
import { NO_LATE_CHARGES } from '#domain/interest-policy';
import { type NewOutboxMessage, newOutboxMessage } from '#domain/outbox-message';
import type { E164 } from '#domain/phone-number';
import { derivedId, ledgerEntryIdOf, paymentIdOf, providerPaymentKeyOf } from './follow-up-ids';
import type { PaymentDependencies } from './payment-dependencies';
import {
  closedByProviderNotice,
  type PaymentFacts,
  partialPaymentPayerNotice,
  paymentOnCancelledBoletoNotice,
  paymentReceivedNotice,
} from './payment-notices-pt-br';

/**
 * One decision and one transaction: bring our boleto in line with what the provider's API says (never what a
 * webhook claims). A payment writes the boleto change (conditional on its version), its audit events, the
 * Payment and its guard, the ledger income entry and the owners' notices together; a write-off writes the
 * cancellation and the owners' notices. Every id is derived from the provider's identity of the fact, so a
 * concurrent or replayed call fails its conditions and, re-reading, finds the work done.
 */

export type SettlementOutcome =
  | 'paid'
  | 'partially_paid'
  | 'cancelled'
  /** This provider payment is on the boleto already (a duplicate or late webhook). */
  | 'already_applied'
  /** Nothing to change (still pending, already cancelled, or not yet ours to register). */
  | 'unchanged'
  /** No boleto of ours carries this provider id (yet). */
  | 'unknown_boleto'
  /** Money for a boleto cancelled here: recorded (payment + ledger), boleto left cancelled, owners told. */
  | 'payment_on_cancelled_boleto'
  /** The provider says cancelled/expired/failed for a boleto we have as paid: left paid, logged for a person. */
  | 'conflict';

export interface SettlementResult {
  outcome: SettlementOutcome;
  boletoId?: string;
  /** The boleto's status after the call. */
  status?: BoletoStatus;
  providerStatus?: ProviderBoletoStatus;
}

type ClosedStatus = Extract<ProviderBoletoStatus, 'cancelled' | 'expired' | 'failed'>;

function isClosed(status: ProviderBoletoStatus): status is ClosedStatus {
  return status === 'cancelled' || status === 'expired' || status === 'failed';
}

export async function recordProviderStatus(
  deps: PaymentDependencies,
  boleto: Boleto,
  remote: ProviderBoleto,
): Promise<SettlementResult> {
  const base = { boletoId: boleto.id, providerStatus: remote.status };
  if (remote.status === 'paid') return { ...base, ...(await recordPayment(deps, boleto, remote)) };
  if (isClosed(remote.status)) return { ...base, ...(await recordWriteOff(deps, boleto, remote.status)) };
  return { ...base, outcome: 'unchanged', status: boleto.status };
}

function contextOf(deps: PaymentDependencies): ChangeContext {
  return { actor: { kind: 'provider', id: deps.providerName }, at: deps.clock.now().toISOString() };
}

async function recordPayment(
  deps: PaymentDependencies,
  boleto: Boleto,
  remote: ProviderBoleto,
): Promise<Omit<SettlementResult, 'boletoId' | 'providerStatus'>> {
  const providerPaymentKey = providerPaymentKeyOf(remote.providerId);
  const paymentId = paymentIdOf(deps.providerName, providerPaymentKey);
  if (boleto.paymentIds.includes(paymentId)) return { outcome: 'already_applied', status: boleto.status };
  if (boleto.status === 'paid') {
    deps.logger.warn('provider reports a payment for a boleto already paid by another payment', {
      boletoId: boleto.id,
    });
    return { outcome: 'unchanged', status: boleto.status };
  }
  const now = deps.clock.now();
  const ctx = contextOf(deps);
  const paidOn: CalendarDate = saoPauloDateOf(remote.paidAt ? new Date(remote.paidAt) : now);
  const amountCents = remote.paidAmountCents ?? remote.amountCents;
  const [contact, profile] = await Promise.all([
    deps.contacts.get(boleto.tenantId, boleto.contactId),
    deps.tenants.getProfile(boleto.tenantId),
  ]);
  const contactName = contact?.name ?? 'O contato';
  const settings = followUpSettingsOf(profile, deps.logger);

  let current = boleto;
  const events: BoletoChange['events'] = [];
  if (current.status === 'requested') {
    const registered = registerBoleto(current, providerRefOf(remote), ctx);
    current = registered.boleto;
    events.push(...registered.events);
  }
  const cancelled = current.status === 'cancelled';
  if (cancelled) {
    const recorded = await deps.payments.listByBoleto(boleto.tenantId, boleto.id);
    if (recorded.some((payment) => payment.paymentId === paymentId)) {
      return { outcome: 'already_applied', status: boleto.status };
    }
  }
  const { chargesCents, overpaid } = cancelled
    ? { chargesCents: 0, overpaid: false }
    : splitOrFlag(current, amountCents, paidOn, profile?.interestPolicy ?? NO_LATE_CHARGES, settings);
  let after = current;
  if (!cancelled) {
    const applied = applyPayment(current, { paymentId, amountCents, chargesCents, paidOn }, ctx);
    after = applied.boleto;
    events.push(...applied.events);
  }
  const facts: PaymentFacts = {
    contactName,
    boleto,
    paidCents: amountCents,
    chargesCents,
    remainingCents: cancelled ? 0 : remainingCents(after),
    paidOn,
    overpaid,
    ...(cancelled ? {} : differenceFacts(current, amountCents, paidOn, profile?.interestPolicy, settings)),
  };
  // The payer paid short through a billet that is now closed: they hear what is missing (unless opted out).
  const tellPayer = !cancelled && facts.remainingCents > 0 && contact !== undefined && !contact.optedOut;
  facts.payerTold = tellPayer;
  const owners = await noticeRecipientsOf(deps, boleto);
  await deps.unitOfWork.run(async (tx) => {
    if (events.length > 0) await deps.boletos.update({ boleto: after, events }, boleto.version, tx);
    await deps.payments.record(
      {
        tenantId: boleto.tenantId,
        paymentId,
        boletoId: boleto.id,
        contactId: boleto.contactId,
        amountCents,
        paidOn,
        provider: deps.providerName,
        providerPaymentKey,
        recordedAt: now.toISOString(),
      },
      tx,
    );
    await deps.ledger.add(
      {
        tenantId: boleto.tenantId,
        entryId: ledgerEntryIdOf(paymentId),
        kind: 'income',
        date: paidOn,
        amountCents,
        category: 'boletos',
        description: `Boleto de ${contactName}${boleto.description ? `: ${boleto.description}` : ''}`,
        boletoId: boleto.id,
        paymentId,
        createdAt: now.toISOString(),
      },
      tx,
    );
    for (const owner of owners) {
      const notice = cancelled
        ? paymentOnCancelledBoletoNotice(owner, facts)
        : paymentReceivedNotice(owner, facts);
      await stage(deps, tx, boleto.tenantId, derivedId('payment-notice', paymentId, owner), notice);
    }
    if (tellPayer && contact) {
      const notice = partialPaymentPayerNotice(contact, profile?.name ?? '', facts);
      await stage(deps, tx, boleto.tenantId, derivedId('payment-payer-notice', paymentId), notice);
    }
    await deps.boletoActivity.record(
      {
        tenantId: boleto.tenantId,
        boletoId: boleto.id,
        activityId: `owner_notified:payment:${paymentId}`,
        kind: 'owner_notified',
        at: now.toISOString(),
        actor: ctx.actor,
        boletoVersion: after.version,
        detail: {
          notice: cancelled ? 'payment_on_cancelled_boleto' : 'payment_received',
          paymentId,
          paidCents: amountCents,
          remainingCents: facts.remainingCents,
          uncollectedChargesCents: facts.uncollectedChargesCents ?? 0,
          differenceOffered: facts.differenceOfferCents ?? 0,
          payerTold: tellPayer,
        },
      },
      tx,
    );
  });
  if (cancelled) {
    deps.logger.warn('payment recorded for a cancelled boleto; a person must look at it', {
      boletoId: boleto.id,
    });
    return { outcome: 'payment_on_cancelled_boleto', status: 'cancelled' };
  }
  return { outcome: after.status === 'paid' ? 'paid' : 'partially_paid', status: after.status };
}

async function recordWriteOff(
  deps: PaymentDependencies,
  boleto: Boleto,
  status: ClosedStatus,
): Promise<Omit<SettlementResult, 'boletoId' | 'providerStatus'>> {
  if (boleto.status === 'cancelled') return { outcome: 'unchanged', status: boleto.status };
  if (boleto.status === 'paid') {
    deps.logger.warn('provider reports a paid boleto as closed; keeping it paid', {
      boletoId: boleto.id,
      status,
    });
    return { outcome: 'conflict', status: boleto.status };
  }
  const change = cancelBoleto(boleto, `provider_${status}`, contextOf(deps));
  const contact = await deps.contacts.get(boleto.tenantId, boleto.contactId);
  const owners = await noticeRecipientsOf(deps, boleto);
  await deps.unitOfWork.run(async (tx) => {
    await deps.boletos.update(change, boleto.version, tx);
    for (const owner of owners) {
      const notice = closedByProviderNotice(owner, contact?.name ?? 'um contato', boleto, status);
      await stage(deps, tx, boleto.tenantId, derivedId('closed-notice', boleto.id, status, owner), notice);
    }
  });
  return { outcome: 'cancelled', status: change.boleto.status };
}

/**
 * What the payment left uncollected (docs/decisions.md, "Late and partial payments"): the principal still owed
 * on the closed billet and the fine + interest allowed on the payment date that were not paid. The owner is
 * offered a new boleto for the difference; with the tenant's `waive` policy, the charges are left out of it.
 */
function differenceFacts(
  boleto: Boleto,
  amountCents: number,
  paidOn: CalendarDate,
  policy: Parameters<typeof splitPaymentAmount>[3] | undefined,
  settings: ReturnType<typeof followUpSettingsOf>,
): Pick<PaymentFacts, 'uncollectedChargesCents' | 'differenceOfferCents' | 'chargesWaived'> {
  const shortfall = paymentShortfall({
    remainingBeforeCents: remainingCents(boleto),
    dueDate: boleto.dueDate,
    paidOn,
    paidCents: amountCents,
    policy: policy ?? NO_LATE_CHARGES,
    extra: settings.extraHolidays,
  });
  const waived = settings.uncollectedLateCharges === 'waive';
  const offer = shortfall.principalCents + (waived ? 0 : shortfall.chargesCents);
  return {
    uncollectedChargesCents: shortfall.chargesCents,
    ...(offer > 0 ? { differenceOfferCents: offer } : {}),
    ...(waived && shortfall.chargesCents > 0 ? { chargesWaived: true } : {}),
  };
}

/** The provider's total split into principal and charges; an excess beyond the allowed charges is kept as charges and flagged. */
function splitOrFlag(
  boleto: Boleto,
  amountCents: number,
  paidOn: CalendarDate,
  policy: Parameters<typeof splitPaymentAmount>[3],
  settings: ReturnType<typeof followUpSettingsOf>,
): { chargesCents: number; overpaid: boolean } {
  try {
    return {
      chargesCents: splitPaymentAmount(boleto, amountCents, paidOn, policy, settings.extraHolidays)
        .chargesCents,
      overpaid: false,
    };
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'payment_exceeds_remaining') throw error;
    return { chargesCents: amountCents - remainingCents(boleto), overpaid: true };
  }
}

function providerRefOf(remote: ProviderBoleto): BoletoProviderRef {
  if (!remote.digitableLine || !remote.barcode) {
    throw new DomainError(
      'provider_boleto_incomplete',
      `provider boleto ${remote.providerId} has no digitable line`,
    );
  }
  return {
    providerId: remote.providerId,
    digitableLine: remote.digitableLine,
    barcode: remote.barcode,
    ...(remote.pdfUrl ? { pdfUrl: remote.pdfUrl } : {}),
    ...(remote.pixEmv ? { pixEmv: remote.pixEmv } : {}),
  };
}

/**
 * Who hears about a boleto's payment or closing: the tenant's owners and the member who asked for it (an
 * operator who charged is told their boleto was paid), while that member is still on the team.
 */
async function noticeRecipientsOf(
  deps: Pick<PaymentDependencies, 'users'>,
  boleto: Boleto,
): Promise<string[]> {
  const owners = await ownerPhonesOf(deps, boleto.tenantId);
  const requester = boleto.requestedByPhone;
  if (!requester || owners.includes(requester)) return owners;
  const member = await deps.users.findByPhone(boleto.tenantId, requester as E164);
  return member ? [...owners, requester] : owners;
}

export async function ownerPhonesOf(
  deps: Pick<PaymentDependencies, 'users'>,
  tenantId: string,
): Promise<string[]> {
  const users = await deps.users.list(tenantId);
  return users.filter((user) => user.role === 'owner').map((user) => user.phone);
}

export async function stage(
  deps: Pick<PaymentDependencies, 'outbox' | 'clock'>,
  tx: TransactionContext,
  tenantId: string,
  id: string,
  message: NewOutboxMessage,
): Promise<void> {
  await deps.outbox.add(newOutboxMessage(message, { id, tenantId, now: deps.clock.now() }), tx);
}
