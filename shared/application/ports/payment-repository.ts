import type { CalendarDate } from '#domain/calendar-date';
import { DomainError } from '#domain/domain-error';
import type { Cents } from '#domain/money';
import type { Page, PageRequest } from './page';
import type { TransactionContext } from './unit-of-work';

/** Money received for a boleto, as confirmed by the billing provider. */
export interface Payment {
  tenantId: string;
  paymentId: string;
  boletoId: string;
  contactId: string;
  amountCents: Cents;
  /** São Paulo calendar date the payment was made. */
  paidOn: CalendarDate;
  /** Billing provider, e.g. `paytime`. */
  provider: string;
  /**
   * The provider's identity of this payment (its payment / webhook event id, or the boleto id and status when it
   * has none). At most one Payment per key and tenant: replays of the same webhook record nothing twice.
   */
  providerPaymentKey: string;
  recordedAt: string;
}

/** This provider payment was already recorded. Nothing was written. */
export class DuplicatePaymentError extends DomainError {
  constructor(
    readonly provider: string,
    readonly providerPaymentKey: string,
    options?: { cause?: unknown },
  ) {
    super('duplicate_payment', `payment ${provider} ${providerPaymentKey} was already recorded`, options);
    this.name = 'DuplicatePaymentError';
  }
}

export interface PaymentRepository {
  /** Throws `DuplicatePaymentError` when the provider payment key was recorded before. */
  record(payment: Payment, tx?: TransactionContext): Promise<void>;
  /** A boleto's payments, ordered by payment id. */
  listByBoleto(tenantId: string, boletoId: string): Promise<Payment[]>;
  /** A contact's payments (for statements), ordered by payment date. */
  listByContact(tenantId: string, contactId: string): Promise<Payment[]>;
  /** One page of a contact's payments, by payment date. */
  listByContactPage(tenantId: string, contactId: string, page: PageRequest): Promise<Page<Payment>>;
}
