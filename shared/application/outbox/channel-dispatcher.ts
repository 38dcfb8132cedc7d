import type { OutboxChannel, OutboxMessage } from '#domain/outbox-message';

/**
 * One channel's way of sending an outbox message (WhatsApp, e-mail). Provider errors are translated into the
 * two errors below, so the delivery use case decides retries the same way for every channel.
 */
export interface DispatchResult {
  providerMessageId: string;
  sentAs?: OutboxMessage['sentAs'];
}

export interface ChannelDispatcher {
  readonly channel: OutboxChannel;
  dispatch(message: OutboxMessage, now: Date): Promise<DispatchResult>;
}

/** Try again later (throttled, provider down, timeout). */
export class DeliveryRetryableError extends Error {
  readonly retryAfterSeconds?: number;
  /** The request may have reached the provider: the message may already be out. */
  readonly outcomeUnknown: boolean;

  constructor(
    message: string,
    details: { retryAfterSeconds?: number; outcomeUnknown?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'DeliveryRetryableError';
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.outcomeUnknown = details.outcomeUnknown ?? false;
  }
}

/** Never going to work as it is: the message ends `failed` with `reason`, and the owner is told. */
export class DeliveryPermanentError extends Error {
  constructor(
    readonly reason: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeliveryPermanentError';
  }
}
