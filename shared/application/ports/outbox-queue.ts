import { DomainError } from '#domain/domain-error';
import type { OutboxChannel } from '#domain/outbox-message';

/**
 * Port: the SQS side of the outbox. The relay publishes a pointer to each new outbox item on its channel's
 * queue; the delivery functions push a message back (visibility) when it must wait, or re-queue a fresh copy.
 *
 * The body is a pointer, not the content: delivery re-reads the item (it has to, to claim it), so the queue
 * never holds personal data or a stale copy.
 */
export interface OutboxQueueMessage {
  tenantId: string;
  outboxId: string;
  channel: OutboxChannel;
}

export interface OutboxPublisher {
  /** Puts the pointer on the channel's queue (twice is harmless: delivery claims each message once). */
  publish(message: OutboxQueueMessage): Promise<void>;
}

/** The queue a delivery function consumes, for the message it is processing. */
export interface DeliveryQueueControl {
  /** The message reappears after `seconds` (0 to 43 200), counting one more receive when it does. */
  changeVisibility(receiptHandle: string, seconds: number): Promise<void>;
  /** Sends a fresh copy (receive count 1) that becomes visible after `delaySeconds` (0 to 900). */
  requeue(message: OutboxQueueMessage, delaySeconds: number): Promise<void>;
}

/** The queue could not take the request (throttled, unavailable, misconfigured). Retrying may help. */
export class QueueUnavailableError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('queue_unavailable', message, options);
    this.name = 'QueueUnavailableError';
  }
}
