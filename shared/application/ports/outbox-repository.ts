import { DomainError } from '#domain/domain-error';
import type { OutboxMessage, OutboxStatus, SupersededReason } from '#domain/outbox-message';
import type { TransactionContext } from './unit-of-work';

/**
 * Port: the outbox items in the table. A use case adds its item to its own transaction (`add(message, tx)`),
 * the relay reads nothing (the stream carries the item), the delivery functions claim, record and fail items
 * with conditional writes, and the WhatsApp webhook records status callbacks by the provider's message id.
 */

/** A daily counter charged when a message is claimed; the claim fails (nothing written) if it is full. */
export type RateCharge =
  /** Messages to one recipient (phone or e-mail address) per São Paulo day. */
  | { scope: 'contact'; recipient: string; day: string; limit: number }
  /** Messages to contacts per tenant per São Paulo day. */
  | { scope: 'tenant'; day: string; limit: number };

export interface ClaimInput {
  tenantId: string;
  outboxId: string;
  /** New random token: only the holder of the claim may record `sent` or release it. */
  claimToken: string;
  now: Date;
  /** A `sending` claim taken before this instant is stale (its worker crashed) and may be taken over. */
  staleBefore: Date;
  /** Counters charged in the same transaction as the claim; charging the same message twice counts once. */
  rateCharges?: RateCharge[];
}

export type ClaimResult =
  | { claimed: true; message: OutboxMessage }
  /** The item is not pending nor stale-sending (already sent, failed, or claimed by another worker). */
  | { claimed: false; reason: 'not_claimable' }
  /** A rate counter is full: nothing was written, not even the claim. */
  | { claimed: false; reason: 'rate_limited'; scope: RateCharge['scope'] };

/** Statuses a status callback from the provider may move an item to. */
export type CallbackStatus = Extract<OutboxStatus, 'sent' | 'delivered' | 'read' | 'failed'>;

/** The item is not in a status the requested transition may leave (e.g. `read` → `delivered`). Nothing was written. */
export class OutboxTransitionRejectedError extends DomainError {
  constructor(
    readonly outboxId: string,
    readonly transition: string,
    options?: { cause?: unknown },
  ) {
    super(
      'outbox_transition_rejected',
      `outbox ${outboxId}: ${transition} rejected by its current status`,
      options,
    );
    this.name = 'OutboxTransitionRejectedError';
  }
}

export interface OutboxRepository {
  /** Stages the new item into `tx` (or writes it alone). Fails the transaction if the id already exists. */
  add(message: OutboxMessage, tx?: TransactionContext): Promise<void>;
  /** Strongly consistent read. */
  get(tenantId: string, outboxId: string): Promise<OutboxMessage | undefined>;
  /**
   * Rewrites a message nobody has claimed yet (still `pending`: e.g. a scheduled forward gaining a held text),
   * or adds it when absent. Throws `ConcurrentModificationError` (at commit) if delivery claimed it meanwhile.
   */
  putPending(message: OutboxMessage, tx?: TransactionContext): Promise<void>;
  /** pending → superseded, unsent (a later message carries what it said). `ConcurrentModificationError` if claimed. */
  supersedePending(
    input: { tenantId: string; outboxId: string; reason: SupersededReason; at: Date },
    tx?: TransactionContext,
  ): Promise<void>;
  /** pending | stale sending → sending, attempts + 1, with the rate charges, all in one transaction. */
  claim(input: ClaimInput): Promise<ClaimResult>;
  /**
   * sending (or pending) → sent, with the provider's id and the provider-id → outbox-id lookup written in the
   * same transaction. `recorded: false` when the item was already terminal (another worker sent it too).
   */
  markSent(input: {
    tenantId: string;
    outboxId: string;
    providerMessageId: string;
    sentAs?: OutboxMessage['sentAs'];
    at: Date;
  }): Promise<{ recorded: boolean }>;
  /** sending (held by `claimToken`) → pending after a retryable failure, so the next attempt need not wait for staleness. */
  release(input: {
    tenantId: string;
    outboxId: string;
    claimToken: string;
    error: string;
    at: Date;
  }): Promise<void>;
  /**
   * sending (held by `claimToken`) → failed. Staged into `tx` when given, so the owner's notification commits
   * with it. Throws `OutboxTransitionRejectedError` (at commit) if the claim was lost.
   */
  markFailed(
    input: {
      tenantId: string;
      outboxId: string;
      claimToken: string;
      reason: string;
      error?: string;
      at: Date;
      /** The owner is told this failure as the send's first outcome: record it (see `markOutcomeReported`). */
      outcomeReported?: boolean;
    },
    tx?: TransactionContext,
  ): Promise<void>;
  /**
   * sending (held by `claimToken`) → superseded: dropped unsent because it is no longer true. Staged into
   * `tx` when given (with its audit record). Throws `OutboxTransitionRejectedError` (at commit) if the claim was lost.
   */
  markSuperseded(
    input: { tenantId: string; outboxId: string; claimToken: string; reason: SupersededReason; at: Date },
    tx?: TransactionContext,
  ): Promise<void>;
  /**
   * Records that the owner was told this send's first outcome, staged with that statement into `tx`: throws
   * `OutboxTransitionRejectedError` (at commit) if it was already recorded, so the owner is told once.
   */
  markOutcomeReported(
    input: { tenantId: string; outboxId: string; at: Date },
    tx?: TransactionContext,
  ): Promise<void>;
  /** The item a provider message id belongs to (GetItem on the lookup, then on the item). */
  findByProviderMessageId(tenantId: string, providerMessageId: string): Promise<OutboxMessage | undefined>;
  /**
   * A provider status callback, applied only forward (sent → delivered → read; sent/delivered → failed).
   * Throws `OutboxTransitionRejectedError` (at commit) when the item is already at or past `status`.
   */
  applyCallbackStatus(
    input: {
      tenantId: string;
      outboxId: string;
      status: CallbackStatus;
      at: Date;
      reason?: string;
      error?: string;
      /** The owner is told this status (a failure) as the send's first outcome: record it if not yet recorded. */
      outcomeReported?: boolean;
    },
    tx?: TransactionContext,
  ): Promise<void>;
}
