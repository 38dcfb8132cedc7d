import type { OwnerRequest } from '#domain/owner-request';
import type { E164 } from '#domain/phone-number';
import type { TransactionContext } from './unit-of-work';

/** The execution waiting for this owner's next message, and what it waits for. */
export interface AwaitingReply {
  requestId: string;
  kind: 'answer' | 'confirmation';
  /** Step Functions task token of the waiting Task (single use). */
  taskToken: string;
  /** The request version the question was asked for: a confirmation binds to it. */
  requestVersion: number;
  since: string;
  /** After this the waiting Task has timed out; the item also carries a TTL. */
  expiresAt: string;
}

/** An expense or income the owner described without its amount: the next bare amount completes it. */
export interface PendingLedgerEntry {
  kind: 'expense' | 'income';
  description: string | null;
  date: string | null;
  /** The message that described it: the entry's id when it is booked. */
  messageId: string;
  expiresAt: string;
}

/** One numbered option of a question IRIS asked ("De qual deles?"): a contact, or a boleto of one contact. */
export interface ChoiceOption {
  /** The contact id, or the boleto id for a cancellation. */
  id: string;
  /** The contact's registered name. */
  contactName: string;
  amountCents?: number;
  dueDate?: string;
}

/**
 * A numbered choice IRIS offered and waits for (issue 12, rule 3): which contact a status question or a
 * cancellation is about, or which of a contact's open boletos to cancel. The next message that picks one
 * option (a number, a name or surname, an amount or a due date) completes it.
 */
export interface PendingChoice {
  purpose: 'status_contact' | 'cancel_contact' | 'cancel_boleto';
  options: ChoiceOption[];
  /** The message that asked: the choice's id. */
  messageId: string;
  expiresAt: string;
}

export interface OwnerConversation {
  tenantId: string;
  ownerPhone: E164;
  awaiting?: AwaitingReply;
  pendingEntry?: PendingLedgerEntry;
  pendingChoice?: PendingChoice;
  /** The request the owner is working on (collecting or awaiting confirmation), if any. */
  activeRequestId?: string;
  updatedAt: string;
}

export interface ConversationRepository {
  getRequest(tenantId: string, requestId: string): Promise<OwnerRequest | undefined>;
  /**
   * Creates (expectedVersion undefined: must not exist) or replaces the request if its stored version is still
   * `expectedVersion`; `ConcurrentModificationError` otherwise.
   */
  saveRequest(
    request: OwnerRequest,
    expectedVersion: number | undefined,
    tx?: TransactionContext,
  ): Promise<void>;
  getConversation(tenantId: string, ownerPhone: E164): Promise<OwnerConversation | undefined>;
  /** Records what the owner's next message should resume (replaces any previous wait). */
  setAwaiting(
    tenantId: string,
    ownerPhone: E164,
    awaiting: AwaitingReply,
    tx?: TransactionContext,
  ): Promise<void>;
  /**
   * Removes the wait if it still holds `taskToken` and, in the same transaction, records the token on the
   * inbound message `messageId` that takes it. Returns the wait; undefined when another message took it first.
   * This is what makes a task token single-use on our side.
   */
  takeAwaiting(
    tenantId: string,
    ownerPhone: E164,
    taskToken: string,
    messageId: string,
  ): Promise<AwaitingReply | undefined>;
  /** Forgets the wait and the active request if they belong to `requestId` (decided, expired, failed). */
  release(tenantId: string, ownerPhone: E164, requestId: string): Promise<void>;
  /** Remembers an entry waiting for its amount (replaces an earlier one). */
  setPendingEntry(tenantId: string, ownerPhone: E164, entry: PendingLedgerEntry): Promise<void>;
  /** Takes the waiting entry once, if it has not expired; undefined otherwise. */
  takePendingEntry(tenantId: string, ownerPhone: E164, now: Date): Promise<PendingLedgerEntry | undefined>;
  /** Remembers a numbered choice waiting for its answer (replaces an earlier one). */
  setPendingChoice(tenantId: string, ownerPhone: E164, choice: PendingChoice): Promise<void>;
  /** The waiting choice, if it has not expired (left in place: only an answer that fits takes it). */
  peekPendingChoice(tenantId: string, ownerPhone: E164, now: Date): Promise<PendingChoice | undefined>;
  /** Takes the waiting choice once; false when another message took it first. */
  takePendingChoice(tenantId: string, ownerPhone: E164, messageId: string): Promise<boolean>;
}
