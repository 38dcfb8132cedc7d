import { DomainError } from './domain-error';

/**
 * The life of a boleto. `overdue` is not a status: it is computed from the due date (see `isOverdue`).
 *
 * - requested: the owner confirmed; creation at the provider is under way (we hold the command key).
 * - registered: the provider accepted it and returned the digitable line.
 * - sent: the boleto reached the payer (WhatsApp or e-mail).
 * - partially_paid: some, not all, of the original amount was paid.
 * - paid: the original amount was paid in full (terminal).
 * - cancelled: written off at the provider or never registered (terminal).
 * - failed: its creation failed for good (provider rejected it, or stayed unreachable past the horizon): it never
 *   existed for the payer (terminal, with the reason).
 * - disputed: the payer contests it or a person must look at it; reminders stop until it is resolved.
 */
export type BoletoStatus =
  | 'requested'
  | 'registered'
  | 'sent'
  | 'partially_paid'
  | 'paid'
  | 'cancelled'
  | 'disputed'
  | 'failed';

export const BOLETO_STATUSES: readonly BoletoStatus[] = [
  'requested',
  'registered',
  'sent',
  'partially_paid',
  'paid',
  'cancelled',
  'disputed',
  'failed',
];

/**
 * Every allowed status change; anything else is refused with `invalid_transition`.
 * `disputed` goes back to the status it came from when resolved (registered, sent or partially_paid),
 * and still accepts payments, because money that arrived is a fact.
 */
export const BOLETO_TRANSITIONS: Readonly<Record<BoletoStatus, readonly BoletoStatus[]>> = Object.freeze({
  requested: ['registered', 'cancelled', 'failed'],
  registered: ['sent', 'partially_paid', 'paid', 'cancelled', 'disputed'],
  sent: ['partially_paid', 'paid', 'cancelled', 'disputed'],
  partially_paid: ['partially_paid', 'paid', 'cancelled', 'disputed'],
  disputed: ['registered', 'sent', 'partially_paid', 'paid', 'cancelled'],
  paid: [],
  cancelled: [],
  failed: [],
});

/**
 * Statuses in which the payer can pay (the billet exists at the provider and is not settled). A positive list:
 * any new status is not payable until added here. `partially_paid` is NOT payable: Paytime takes one payment
 * per billet and closes it even when paid short, so the remainder is a balance to charge with a new boleto
 * (docs/decisions.md, "Late and partial payments"); no fine or interest accrues on a closed billet.
 */
export const PAYABLE_STATUSES: readonly BoletoStatus[] = ['registered', 'sent', 'disputed'];

export function canTransition(from: BoletoStatus, to: BoletoStatus): boolean {
  return BOLETO_TRANSITIONS[from].includes(to);
}

export class InvalidTransitionError extends DomainError {
  constructor(
    readonly from: BoletoStatus,
    readonly to: BoletoStatus,
    options?: { cause?: unknown },
  ) {
    super('invalid_transition', `a boleto cannot go from ${from} to ${to}`, options);
    this.name = 'InvalidTransitionError';
  }
}

export function assertTransition(from: BoletoStatus, to: BoletoStatus): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}

export function isTerminal(status: BoletoStatus): boolean {
  return BOLETO_TRANSITIONS[status].length === 0;
}

export function isPayable(status: BoletoStatus): boolean {
  return PAYABLE_STATUSES.includes(status);
}
