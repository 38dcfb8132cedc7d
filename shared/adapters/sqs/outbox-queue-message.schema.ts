import * as z from 'zod/mini';
import type { OutboxQueueMessage } from '#application/ports/outbox-queue';

/** The body `SqsOutboxPublisher` writes and the delivery functions read: a pointer to the outbox item. */
export const outboxQueueMessageSchema = z.object({
  tenantId: z.string().check(z.minLength(1), z.maxLength(200)),
  outboxId: z.string().check(z.minLength(1), z.maxLength(200)),
  channel: z.enum(['whatsapp', 'email']),
});

/** Throws (the message then fails and, after the queue's max receives, lands in the DLQ) on a bad body. */
export function parseOutboxQueueMessage(body: string): OutboxQueueMessage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new InvalidQueueMessageError('body is not JSON', { cause: error });
  }
  const parsed = outboxQueueMessageSchema.safeParse(json);
  if (!parsed.success) throw new InvalidQueueMessageError(z.prettifyError(parsed.error));
  return parsed.data;
}

export class InvalidQueueMessageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`invalid outbox queue message: ${message}`, options);
    this.name = 'InvalidQueueMessageError';
  }
}
