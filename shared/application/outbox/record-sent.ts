import type { Clock } from '#application/ports/clock';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import type { OutboxMessage } from '#domain/outbox-message';
import type { DispatchResult } from './channel-dispatcher';
import type { OutboxLogger } from './outbox-logger';

const MARK_SENT_TRIES = 3;

/**
 * The one step whose loss causes a duplicate (the provider accepted, we did not record it): retried here,
 * in-process, before giving up and letting the claim go stale. `false` when the item was already final.
 */
export async function recordSent(
  deps: { outbox: OutboxRepository; clock: Clock; logger?: OutboxLogger },
  message: OutboxMessage,
  result: DispatchResult,
): Promise<boolean> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= MARK_SENT_TRIES; attempt++) {
    try {
      const { recorded } = await deps.outbox.markSent({
        tenantId: message.tenantId,
        outboxId: message.id,
        providerMessageId: result.providerMessageId,
        ...(result.sentAs ? { sentAs: result.sentAs } : {}),
        at: deps.clock.now(),
      });
      return recorded;
    } catch (error) {
      lastError = error;
      deps.logger?.error('recording a sent outbox message failed', {
        outboxId: message.id,
        providerMessageId: result.providerMessageId,
        attempt,
        error,
      });
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  throw lastError;
}
