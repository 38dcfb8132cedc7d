import type { BoletoStatus } from './boleto-status';
import type { CalendarDate } from './calendar-date';
import type { Cents } from './money';

/** Who caused a change: the audit trail's "who". `id` is a user id, contact id, provider name or process name. */
export interface Actor {
  kind: 'owner' | 'contact' | 'provider' | 'system';
  id: string;
  /** `owner` actors: the member (owner, operator) who did it, by member id (docs/decisions.md, "Team"). */
  memberId?: string;
}

/** Who and when, passed to every command. `at` is an ISO-8601 instant (`2026-11-23T12:00:00.000Z`). */
export interface ChangeContext {
  actor: Actor;
  at: string;
}

export interface BoletoProviderRef {
  /** The provider's id for the boleto (Paytime's billet id). */
  providerId: string;
  /** Linha digitável, digits only (47 for a bank boleto). */
  digitableLine: string;
  /** Barcode, digits only (44). */
  barcode: string;
  pdfUrl?: string;
  /** Pix copy-and-paste code (EMV), when the provider issues a hybrid boleto. */
  pixEmv?: string;
}

interface EventBase<Type extends string, Data> {
  type: Type;
  tenantId: string;
  boletoId: string;
  /** The boleto's version after this change: events of one boleto are totally ordered by it. */
  version: number;
  at: string;
  actor: Actor;
  /** Status before the change (`null` at creation) and after it. */
  from: BoletoStatus | null;
  to: BoletoStatus;
  data: Data;
}

export type BoletoRequested = EventBase<
  'BoletoRequested',
  {
    contactId: string;
    amountCents: Cents;
    dueDate: CalendarDate;
    description: string;
    commandKey: string;
  }
>;

export type BoletoRegistered = EventBase<'BoletoRegistered', BoletoProviderRef>;

export type BoletoSent = EventBase<'BoletoSent', { channel: 'whatsapp' | 'email' }>;

export type PaymentApplied = EventBase<
  'PaymentApplied',
  {
    paymentId: string;
    paidOn: CalendarDate;
    /** What the payer paid, charges included, as the provider reported it. */
    amountCents: Cents;
    /** The part of `amountCents` that settles the original amount. */
    principalCents: Cents;
    /** The part of `amountCents` that is fine and interest. */
    chargesCents: Cents;
    /** Principal paid so far, this payment included, and what remains of the original amount. */
    paidCents: Cents;
    remainingCents: Cents;
  }
>;

export type BoletoPaid = EventBase<
  'BoletoPaid',
  { paidOn: CalendarDate; paidCents: Cents; chargesPaidCents: Cents }
>;

export type BoletoCancelled = EventBase<'BoletoCancelled', { reason: string; remainingCents: Cents }>;

/** Creation failed for good; `reason` is a code (`provider_rejected:payer.email`, `provider_unavailable`, …). */
export type BoletoCreationFailed = EventBase<'BoletoCreationFailed', { reason: string }>;

export type BoletoDisputed = EventBase<'BoletoDisputed', { reason: string }>;

export type BoletoDisputeResolved = EventBase<'BoletoDisputeResolved', { resolution: string }>;

export type BoletoEvent =
  | BoletoRequested
  | BoletoRegistered
  | BoletoSent
  | PaymentApplied
  | BoletoPaid
  | BoletoCancelled
  | BoletoCreationFailed
  | BoletoDisputed
  | BoletoDisputeResolved;

export type BoletoEventType = BoletoEvent['type'];
