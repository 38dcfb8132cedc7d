import { DomainError } from '#domain/domain-error';
import type { EmailAddressStatus, EmailEvent } from '#domain/email-events';
import type { TransactionContext } from './unit-of-work';

/**
 * Port: what SES reported about the tenant's e-mails (one record per event and recipient, keyed by the SES
 * message id) and the tenant's blocked addresses (one item per normalised address). Keys and access patterns:
 * docs/access-patterns.md ("E-mail events").
 */

export interface RecordedEmailEvent extends EmailEvent {
  tenantId: string;
  /** The one recipient this record is about (an SES event may name several). */
  recipient: string;
  /** The outbox message SES's id belongs to, when we know it. */
  outboxId?: string;
  recordedAt: string;
}

export interface EmailAddressState {
  tenantId: string;
  /** Normalised (trimmed, lower-case). */
  address: string;
  status: EmailAddressStatus;
  /** The SES message whose bounce or complaint caused it. */
  sesMessageId: string;
  since: string;
}

/** The address already has this status or a stronger one: nothing was written. */
export class EmailAddressAlreadyMarkedError extends DomainError {
  constructor(
    readonly address: string,
    options?: { cause?: unknown },
  ) {
    super('email_address_already_marked', 'the e-mail address already has this status', options);
    this.name = 'EmailAddressAlreadyMarkedError';
  }
}

export interface EmailEventRepository {
  /** Stores the event once: the same event again (same message, type, time, recipient) is `duplicate`. */
  record(event: RecordedEmailEvent): Promise<'recorded' | 'duplicate'>;
  /** Every event recorded for one SES message, oldest first. */
  eventsOf(tenantId: string, sesMessageId: string): Promise<RecordedEmailEvent[]>;
  addressState(tenantId: string, address: string): Promise<EmailAddressState | undefined>;
  /**
   * Stages the address's new status into `tx`, on the condition that it has no status yet or a weaker one
   * (`invalid` → `suppressed`); the commit then fails with `EmailAddressAlreadyMarkedError`.
   */
  markAddress(state: EmailAddressState, tx: TransactionContext): Promise<void>;
}
