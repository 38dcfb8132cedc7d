import type { ExtraHolidays } from './bank-holidays';
import type {
  BoletoCancelled,
  BoletoCreationFailed,
  BoletoDisputed,
  BoletoDisputeResolved,
  BoletoProviderRef,
  BoletoRegistered,
  BoletoRequested,
  BoletoSent,
  ChangeContext,
} from './boleto-events';
import {
  type Boleto,
  type BoletoChange,
  checkContext,
  eventOf,
  evolve,
  MAX_DESCRIPTION_LENGTH,
  remainingCents,
  requireText,
} from './boleto-state';
import { assertTransition, canTransition, InvalidTransitionError, isPayable } from './boleto-status';
import { type CalendarDate, calendarDate } from './calendar-date';
import { DomainError, InvalidInputError } from './domain-error';
import type { InterestPolicy } from './interest-policy';
import { type LateCharges, lastChargeFreeDay, lateCharges } from './late-charges';
import { assertPositiveCents, type Cents } from './money';

export type { Actor, BoletoEvent, BoletoProviderRef, ChangeContext } from './boleto-events';
export {
  type ApplyPaymentInput,
  applyPayment,
  type BoletoBalanceFacts,
  CHARGES_TOLERANCE_CENTS,
  closedBalanceCents,
  hasPayableBillet,
  payableAmountDueOn,
  paymentShortfall,
  splitPaymentAmount,
} from './boleto-payment';
export { type Boleto, type BoletoChange, MAX_DESCRIPTION_LENGTH, remainingCents } from './boleto-state';
export type { BoletoStatus } from './boleto-status';
export {
  BOLETO_STATUSES,
  BOLETO_TRANSITIONS,
  canTransition,
  InvalidTransitionError,
  isPayable,
  isTerminal,
} from './boleto-status';

export interface NewBoleto {
  id: string;
  tenantId: string;
  contactId: string;
  amountCents: Cents;
  dueDate: CalendarDate;
  description: string;
  commandKey: string;
  /** São Paulo's calendar date now: the due date may not be before it. */
  today: CalendarDate;
  /** The tenant's limit for one boleto. */
  maxAmountCents: Cents;
  /** The member who asked for it, when one did (their WhatsApp phone). */
  requestedByPhone?: string;
}

/**
 * A confirmed request for a new boleto. Rules: amount > 0 (`amount_not_positive`), amount within the tenant's
 * limit (`amount_above_limit`), due date not before today (`due_date_in_past`); malformed fields are
 * InvalidInputError. An empty description is allowed (the provider's default text is used).
 */
export function requestBoleto(input: NewBoleto, ctx: ChangeContext): BoletoChange<BoletoRequested> {
  checkContext(ctx);
  const dueDate = calendarDate(input.dueDate);
  const today = calendarDate(input.today);
  if (!Number.isSafeInteger(input.amountCents)) {
    throw new InvalidInputError(`amount must be whole centavos: ${input.amountCents}`);
  }
  assertPositiveCents(input.maxAmountCents, 'tenant limit');
  if (input.amountCents <= 0)
    throw new DomainError('amount_not_positive', 'a boleto amount must be positive');
  if (input.amountCents > input.maxAmountCents) {
    throw new DomainError(
      'amount_above_limit',
      `amount ${input.amountCents} exceeds the tenant limit ${input.maxAmountCents}`,
    );
  }
  if (dueDate < today) throw new DomainError('due_date_in_past', `due date ${dueDate} is before ${today}`);
  const description = typeof input.description === 'string' ? input.description.trim() : '';
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    throw new InvalidInputError(`description is longer than ${MAX_DESCRIPTION_LENGTH} characters`);
  }
  const boleto: Boleto = Object.freeze({
    id: requireText(input.id, 'boleto id'),
    tenantId: requireText(input.tenantId, 'tenant id'),
    contactId: requireText(input.contactId, 'contact id'),
    amountCents: input.amountCents,
    dueDate,
    description,
    status: 'requested',
    paidCents: 0,
    chargesPaidCents: 0,
    paymentIds: Object.freeze([]),
    version: 1,
    createdAt: ctx.at,
    updatedAt: ctx.at,
    commandKey: requireText(input.commandKey, 'command key'),
    ...(input.requestedByPhone ? { requestedByPhone: input.requestedByPhone } : {}),
  });
  return {
    boleto,
    events: [
      eventOf<BoletoRequested>('BoletoRequested', null, boleto, ctx, {
        contactId: boleto.contactId,
        amountCents: boleto.amountCents,
        dueDate: boleto.dueDate,
        description: boleto.description,
        commandKey: boleto.commandKey,
      }),
    ],
  };
}

function digitsOnly(value: string, label: string, lengths: readonly number[]): string {
  const digits = requireText(value, label).replace(/[\s.-]/g, '');
  if (!/^\d+$/.test(digits) || !lengths.includes(digits.length)) {
    throw new InvalidInputError(`${label} must have ${lengths.join(' or ')} digits`);
  }
  return digits;
}

function optionalUrl(value: string | undefined, label: string): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return value;
  } catch (cause) {
    throw new InvalidInputError(`${label} is not a URL`, { cause });
  }
  throw new InvalidInputError(`${label} must be an http(s) URL`);
}

/**
 * The provider created the boleto: store its reference (digitable line 47 or 48 digits, barcode 44) and move
 * to `registered`. Registering again with the same provider id is a no-op; with another id it is refused.
 */
export function registerBoleto(
  boleto: Boleto,
  ref: BoletoProviderRef,
  ctx: ChangeContext,
): BoletoChange<BoletoRegistered> {
  checkContext(ctx);
  const providerId = requireText(ref.providerId, 'provider id');
  if (boleto.provider?.providerId === providerId) return { boleto, events: [] };
  // Only from `requested`: the table's disputed → registered is the way back from a dispute, not a new registration.
  if (boleto.status !== 'requested') throw new InvalidTransitionError(boleto.status, 'registered');
  const provider: BoletoProviderRef = Object.freeze({
    providerId,
    digitableLine: digitsOnly(ref.digitableLine, 'digitable line', [47, 48]),
    barcode: digitsOnly(ref.barcode, 'barcode', [44]),
    ...(ref.pdfUrl === undefined ? {} : { pdfUrl: optionalUrl(ref.pdfUrl, 'PDF URL') }),
    ...(ref.pixEmv === undefined ? {} : { pixEmv: requireText(ref.pixEmv, 'Pix code', 512) }),
  });
  const after = evolve(boleto, { status: 'registered', provider }, ctx);
  return {
    boleto: after,
    events: [eventOf<BoletoRegistered>('BoletoRegistered', boleto, after, ctx, provider)],
  };
}

/**
 * The boleto reached the payer. From `registered` only. A boleto already sent, paid before the delivery was
 * confirmed, or disputed is left unchanged (no-op): the delivery itself is recorded by the outbox, and moving
 * a disputed boleto to `sent` would silently end the dispute.
 */
export function markSent(
  boleto: Boleto,
  channel: 'whatsapp' | 'email',
  ctx: ChangeContext,
): BoletoChange<BoletoSent> {
  checkContext(ctx);
  if (['sent', 'partially_paid', 'paid', 'disputed'].includes(boleto.status)) return { boleto, events: [] };
  if (boleto.status !== 'registered') throw new InvalidTransitionError(boleto.status, 'sent');
  const after = evolve(boleto, { status: 'sent' }, ctx);
  return { boleto: after, events: [eventOf<BoletoSent>('BoletoSent', boleto, after, ctx, { channel })] };
}

/** Cancels an open boleto. Cancelling a cancelled boleto is a no-op; a paid one is refused. */
export function cancelBoleto(
  boleto: Boleto,
  reason: string,
  ctx: ChangeContext,
): BoletoChange<BoletoCancelled> {
  checkContext(ctx);
  const why = requireText(reason, 'cancel reason');
  if (boleto.status === 'cancelled') return { boleto, events: [] };
  assertTransition(boleto.status, 'cancelled');
  const after = evolve(
    boleto,
    { status: 'cancelled', cancelReason: why, disputedFrom: undefined, disputeReason: undefined },
    ctx,
  );
  const data = { reason: why, remainingCents: remainingCents(after) };
  return { boleto: after, events: [eventOf<BoletoCancelled>('BoletoCancelled', boleto, after, ctx, data)] };
}

/**
 * Creation failed for good: a `requested` boleto that the provider refused, or could not be reached for, past the
 * conversation's horizon, ends `failed` with the reason. It was never shown to anyone. Failing a failed boleto is
 * a no-op; any other status is refused (a registered boleto is cancelled, not failed).
 */
export function failBoletoCreation(
  boleto: Boleto,
  reason: string,
  ctx: ChangeContext,
): BoletoChange<BoletoCreationFailed> {
  checkContext(ctx);
  const why = requireText(reason, 'failure reason');
  if (boleto.status === 'failed') return { boleto, events: [] };
  assertTransition(boleto.status, 'failed');
  const after = evolve(boleto, { status: 'failed', failureReason: why }, ctx);
  return {
    boleto: after,
    events: [eventOf<BoletoCreationFailed>('BoletoCreationFailed', boleto, after, ctx, { reason: why })],
  };
}

/** Marks a payable boleto as disputed (reminders stop), remembering where to return when resolved. */
export function disputeBoleto(
  boleto: Boleto,
  reason: string,
  ctx: ChangeContext,
): BoletoChange<BoletoDisputed> {
  checkContext(ctx);
  const why = requireText(reason, 'dispute reason');
  assertTransition(boleto.status, 'disputed');
  const after = evolve(boleto, { status: 'disputed', disputedFrom: boleto.status, disputeReason: why }, ctx);
  return {
    boleto: after,
    events: [eventOf<BoletoDisputed>('BoletoDisputed', boleto, after, ctx, { reason: why })],
  };
}

/** Ends a dispute: the boleto returns to the status it had before it (registered, sent or partially paid). */
export function resolveDispute(
  boleto: Boleto,
  resolution: string,
  ctx: ChangeContext,
): BoletoChange<BoletoDisputeResolved> {
  checkContext(ctx);
  const text = requireText(resolution, 'resolution');
  if (boleto.status !== 'disputed' || boleto.disputedFrom === undefined) {
    throw new DomainError('invalid_transition', `a ${boleto.status} boleto has no dispute to resolve`);
  }
  assertTransition('disputed', boleto.disputedFrom);
  const after = evolve(
    boleto,
    { status: boleto.disputedFrom, disputedFrom: undefined, disputeReason: undefined },
    ctx,
  );
  const data = { resolution: text };
  return {
    boleto: after,
    events: [eventOf<BoletoDisputeResolved>('BoletoDisputeResolved', boleto, after, ctx, data)],
  };
}

/**
 * Overdue is computed, never stored: a payable boleto is overdue once `today` is past the last day it could be
 * paid without charges (the due date, or the next business day when the due date is not one).
 */
export function isOverdue(boleto: Boleto, today: CalendarDate, extra?: ExtraHolidays): boolean {
  return isPayable(boleto.status) && today > lastChargeFreeDay(boleto.dueDate, extra);
}

/** Not settled: still worth reminding about (unless disputed) and still cancellable. */
export function isOpen(boleto: Boleto): boolean {
  return canTransition(boleto.status, 'cancelled');
}

/**
 * What the payer owes if paying on `date`: the remaining principal plus fine and interest on it, interest
 * counted from the original due date.
 */
export function amountDueOn(
  boleto: Boleto,
  date: CalendarDate,
  policy: InterestPolicy,
  extra?: ExtraHolidays,
): LateCharges {
  return lateCharges(remainingCents(boleto), boleto.dueDate, date, policy, extra);
}
