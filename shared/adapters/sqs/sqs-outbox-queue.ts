import { randomUUID } from 'node:crypto';
import { ChangeMessageVisibilityCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import {
  type DeliveryQueueControl,
  type OutboxPublisher,
  type OutboxQueueMessage,
  QueueUnavailableError,
} from '#application/ports/outbox-queue';
import type { OutboxChannel } from '#domain/outbox-message';
import { createSqsClient } from './create-sqs-client';

/**
 * The outbox's queues on SQS. Standard queues are the default (see docs/decisions.md); a `.fifo` URL is
 * supported too: the outbox id is then the deduplication id (the relay's retries within 5 minutes collapse)
 * and the message group, so one stuck message never blocks another.
 */
export class SqsOutboxPublisher implements OutboxPublisher {
  private readonly client: SQSClient;

  constructor(
    private readonly queueUrls: Readonly<Record<OutboxChannel, string>>,
    client?: SQSClient,
  ) {
    this.client = client ?? createSqsClient();
  }

  async publish(message: OutboxQueueMessage): Promise<void> {
    const queueUrl = this.queueUrls[message.channel];
    await send(this.client, queueUrl, message, { deduplicationId: message.outboxId });
  }
}

/** The delivery function's own queue: push a message back, or swap it for a fresh delayed copy. */
export class SqsDeliveryQueueControl implements DeliveryQueueControl {
  private readonly client: SQSClient;

  constructor(
    private readonly queueUrl: string,
    client?: SQSClient,
  ) {
    this.client = client ?? createSqsClient();
  }

  async changeVisibility(receiptHandle: string, seconds: number): Promise<void> {
    try {
      await this.client.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: this.queueUrl,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: Math.max(0, Math.min(43_200, Math.round(seconds))),
        }),
      );
    } catch (error) {
      throw new QueueUnavailableError(`ChangeMessageVisibility failed on ${this.queueUrl}`, { cause: error });
    }
  }

  async requeue(message: OutboxQueueMessage, delaySeconds: number): Promise<void> {
    // A re-queued copy must not be swallowed by FIFO deduplication of the original.
    await send(this.client, this.queueUrl, message, {
      deduplicationId: `${message.outboxId}-${randomUUID()}`,
      delaySeconds,
    });
  }
}

async function send(
  client: SQSClient,
  queueUrl: string,
  message: OutboxQueueMessage,
  options: { deduplicationId: string; delaySeconds?: number },
): Promise<void> {
  const fifo = queueUrl.endsWith('.fifo');
  const delay = Math.max(0, Math.min(900, Math.round(options.delaySeconds ?? 0)));
  try {
    await client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify({
          tenantId: message.tenantId,
          outboxId: message.outboxId,
          channel: message.channel,
        }),
        // FIFO queues take no per-message delay: the copy is visible at once and defers itself again.
        ...(fifo
          ? {
              MessageGroupId: message.outboxId,
              MessageDeduplicationId: options.deduplicationId.slice(0, 128),
            }
          : delay > 0
            ? { DelaySeconds: delay }
            : {}),
      }),
    );
  } catch (error) {
    throw new QueueUnavailableError(`SendMessage failed on ${queueUrl}`, { cause: error });
  }
}
