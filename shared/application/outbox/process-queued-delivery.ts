import type { Clock } from '#application/ports/clock';
import type { DeliveryQueueControl, OutboxQueueMessage } from '#application/ports/outbox-queue';
import type { DeliverOutboxMessage, DeliveryOutcome } from './deliver-outbox-message';
import { RetryDeliveryLaterError } from './deliver-outbox-message';
import type { OutboxLogger } from './outbox-logger';
import { type BackoffSettings, retryDelaySeconds } from './retry-backoff';

/**
 * The queue side of delivering one SQS message: run the delivery use case, then tell SQS what happens to the
 * message. Success or a settled outcome → return (the batch processor deletes it). A deferral → push the
 * message back (visibility) and throw `DeliveryPostponedError` so it is reported as a batch item failure and
 * NOT deleted. A failure → back off (visibility grows with the receive count) and rethrow; after
 * `maxReceiveCount` receives SQS moves it to the DLQ.
 */
export interface QueuedDelivery {
  message: OutboxQueueMessage;
  receiptHandle: string;
  /** SQS `ApproximateReceiveCount` (1 on the first delivery). */
  receiveCount: number;
}

export interface DeliveryQueueSettings {
  backoff: BackoffSettings;
  /** The queue's redrive `maxReceiveCount`: deferrals must not walk a healthy message into the DLQ. */
  maxReceiveCount: number;
}

export interface ProcessQueuedDeliveryDeps {
  deliver: Pick<DeliverOutboxMessage, 'execute'>;
  queue: DeliveryQueueControl;
  clock: Clock;
  settings: DeliveryQueueSettings;
  logger?: OutboxLogger;
  random?: () => number;
}

/** Receives kept free for real attempts after a deferral; below that a deferral re-queues a fresh copy. */
const DEFERRAL_HEADROOM = 2;
/** A little under SQS's 12-hour maximum, which counts from the receive. */
const MAX_DEFERRAL_VISIBILITY_SECONDS = 43_000;
/** SQS's maximum per-message delay. */
const MAX_DELAY_SECONDS = 900;

/** Not a failure: the message was pushed back on purpose (quiet hours, daily cap, another worker's claim). */
export class DeliveryPostponedError extends Error {
  constructor(
    readonly outboxId: string,
    readonly seconds: number,
  ) {
    super(`outbox ${outboxId} postponed by ${seconds}s`);
    this.name = 'DeliveryPostponedError';
  }
}

export async function processQueuedDelivery(
  deps: ProcessQueuedDeliveryDeps,
  delivery: QueuedDelivery,
): Promise<DeliveryOutcome> {
  let outcome: DeliveryOutcome;
  try {
    outcome = await deps.deliver.execute({
      tenantId: delivery.message.tenantId,
      outboxId: delivery.message.outboxId,
    });
  } catch (error) {
    const seconds = retryDelaySeconds(delivery.receiveCount, deps.settings.backoff, {
      ...(error instanceof RetryDeliveryLaterError && error.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: error.retryAfterSeconds }
        : {}),
      ...(deps.random ? { random: deps.random } : {}),
    });
    await changeVisibilityQuietly(deps, delivery, seconds);
    throw error;
  }
  if (outcome.kind === 'deferred') await postpone(deps, delivery, outcome.until);
  if (outcome.kind === 'in_flight') await postpone(deps, delivery, outcome.retryAt);
  return outcome;
}

async function postpone(
  deps: ProcessQueuedDeliveryDeps,
  delivery: QueuedDelivery,
  until: Date,
): Promise<void> {
  const seconds = Math.max(1, Math.ceil((until.getTime() - deps.clock.now().getTime()) / 1000));
  if (delivery.receiveCount + DEFERRAL_HEADROOM < deps.settings.maxReceiveCount) {
    const visibility = Math.min(seconds, MAX_DEFERRAL_VISIBILITY_SECONDS);
    await deps.queue.changeVisibility(delivery.receiptHandle, visibility);
    throw new DeliveryPostponedError(delivery.message.outboxId, visibility);
  }
  // Few receives left before the DLQ: swap this message for a fresh copy (receive count 1); this one is deleted.
  await deps.queue.requeue(delivery.message, Math.min(seconds, MAX_DELAY_SECONDS));
  deps.logger?.info('outbox delivery re-queued to keep its receive budget', {
    outboxId: delivery.message.outboxId,
    receiveCount: delivery.receiveCount,
  });
}

async function changeVisibilityQuietly(
  deps: ProcessQueuedDeliveryDeps,
  delivery: QueuedDelivery,
  seconds: number,
): Promise<void> {
  try {
    await deps.queue.changeVisibility(delivery.receiptHandle, seconds);
  } catch (error) {
    // The queue's default visibility timeout applies instead: still a retry, just not the planned delay.
    deps.logger?.warn('could not set the retry delay of an outbox delivery', {
      outboxId: delivery.message.outboxId,
      error,
    });
  }
}
