import type { CalendarDate } from '#domain/calendar-date';
import type { E164 } from '#domain/phone-number';
import type { ReceiptPaymentMethod } from '#domain/receipt-fields';
import type { TransactionContext } from './unit-of-work';

/**
 * An expense read from a receipt, shown to the owner and waiting for "sim". One per owner: a newer receipt
 * replaces the one before (the owner answers the last proposal they saw).
 */
export interface ReceiptProposal {
  tenantId: string;
  ownerPhone: E164;
  /** Derived from the receipt's message id; the Sim/Não buttons carry it. */
  proposalId: string;
  /** The receipt's WhatsApp message id: the booked entry's id derives from it (one entry per receipt). */
  sourceMessageId: string;
  amountCents: number;
  date: CalendarDate;
  merchant: string | null;
  cnpj: string | null;
  paymentMethod: ReceiptPaymentMethod | null;
  category: string;
  description: string;
  createdAt: string;
  answerBy: string;
}

/** The proposal was answered already, replaced by a newer receipt, or expired: nothing was booked. */
export class ReceiptProposalGoneError extends Error {
  constructor(proposalId: string, options?: { cause?: unknown }) {
    super(`receipt proposal ${proposalId} is no longer waiting`, options);
    this.name = 'ReceiptProposalGoneError';
  }
}

export interface ReceiptProposalRepository {
  /** Stores the owner's waiting proposal, replacing any earlier one. */
  save(proposal: ReceiptProposal, tx?: TransactionContext): Promise<void>;
  /** The owner's waiting proposal, if it has not expired at `now`. */
  waiting(tenantId: string, ownerPhone: E164, now: Date): Promise<ReceiptProposal | undefined>;
  /** Removes this proposal in `tx`; the transaction fails with `ReceiptProposalGoneError` if it is not the waiting one. */
  take(
    proposal: Pick<ReceiptProposal, 'tenantId' | 'ownerPhone' | 'proposalId'>,
    tx: TransactionContext,
  ): Promise<void>;
}
