import type { OutboxPublisher } from '#application/ports/outbox-queue';
import type { OutboxMessage } from '#domain/outbox-message';

/**
 * The relay's use case: a new outbox item (from the table's stream) becomes a pointer on its channel's queue.
 * Publishing twice is harmless (delivery's claim stops a second send), so the
 * stream's at-least-once retries need no bookkeeping here.
 */
export async function relayOutboxMessage(
  publisher: OutboxPublisher,
  message: Pick<OutboxMessage, 'id' | 'tenantId' | 'channel' | 'status'>,
): Promise<'published' | 'skipped'> {
  if (message.status !== 'pending') return 'skipped';
  await publisher.publish({ tenantId: message.tenantId, outboxId: message.id, channel: message.channel });
  return 'published';
}
