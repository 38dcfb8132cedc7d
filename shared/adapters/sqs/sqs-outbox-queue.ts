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
 * The outbox's queues on SQS: standard queues (see docs/decisions.md); a message published twice is harmless,
 * delivery's claim stops a second send.
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
    await send(this.client, queueUrl, message);
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
    await send(this.client, this.queueUrl, message, delaySeconds);
  }
}

async function send(
  client: SQSClient,
  queueUrl: string,
  message: OutboxQueueMessage,
  delaySeconds = 0,
): Promise<void> {
  const delay = Math.max(0, Math.min(900, Math.round(delaySeconds)));
  try {
    await client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify({
          tenantId: message.tenantId,
          outboxId: message.outboxId,
          channel: message.channel,
        }),
        ...(delay > 0 ? { DelaySeconds: delay } : {}),
      }),
    );
  } catch (error) {
    throw new QueueUnavailableError(`SendMessage failed on ${queueUrl}`, { cause: error });
  }
}
