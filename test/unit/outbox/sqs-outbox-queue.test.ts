import { ChangeMessageVisibilityCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SqsDeliveryQueueControl, SqsOutboxPublisher } from '#adapters/sqs/sqs-outbox-queue';
import { QueueUnavailableError } from '#application/ports/outbox-queue';

const sqs = mockClient(SQSClient);
const client = () => new SQSClient({ region: 'us-east-1' });
const STANDARD = 'https://sqs.us-east-1.amazonaws.com/123456789012/iris-whatsapp-delivery';
const EMAIL = 'https://sqs.us-east-1.amazonaws.com/123456789012/iris-email-delivery';
const pointer = { tenantId: 'tenant-1', outboxId: '01JOUTBOX', channel: 'whatsapp' as const };

describe('SqsOutboxPublisher', () => {
  beforeEach(() => sqs.reset());

  it("puts a pointer to the outbox item on its channel's queue", async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
    await new SqsOutboxPublisher({ whatsapp: STANDARD, email: EMAIL }, client()).publish(pointer);
    expect(sqs.commandCalls(SendMessageCommand)[0]?.args[0].input).toEqual({
      QueueUrl: STANDARD,
      MessageBody: JSON.stringify(pointer),
    });
  });

  it('puts an e-mail pointer on the e-mail queue', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
    await new SqsOutboxPublisher({ whatsapp: STANDARD, email: EMAIL }, client()).publish({
      ...pointer,
      channel: 'email',
    });
    expect(sqs.commandCalls(SendMessageCommand)[0]?.args[0].input).toEqual({
      QueueUrl: EMAIL,
      MessageBody: JSON.stringify({ ...pointer, channel: 'email' }),
    });
  });

  it('turns SDK failures into QueueUnavailableError', async () => {
    sqs.on(SendMessageCommand).rejects(new Error('throttled'));
    await expect(
      new SqsOutboxPublisher({ whatsapp: STANDARD, email: EMAIL }, client()).publish(pointer),
    ).rejects.toBeInstanceOf(QueueUnavailableError);
  });
});

describe('SqsDeliveryQueueControl', () => {
  beforeEach(() => sqs.reset());

  it('changes the visibility of the message being processed, within SQS limits', async () => {
    sqs.on(ChangeMessageVisibilityCommand).resolves({});
    await new SqsDeliveryQueueControl(STANDARD, client()).changeVisibility('receipt-1', 90_000);
    expect(sqs.commandCalls(ChangeMessageVisibilityCommand)[0]?.args[0].input).toEqual({
      QueueUrl: STANDARD,
      ReceiptHandle: 'receipt-1',
      VisibilityTimeout: 43_200,
    });
  });

  it('re-queues a fresh copy with a delay of at most 15 minutes', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm-2' });
    await new SqsDeliveryQueueControl(STANDARD, client()).requeue(pointer, 5_000);
    expect(sqs.commandCalls(SendMessageCommand)[0]?.args[0].input).toMatchObject({ DelaySeconds: 900 });
  });

  it('turns SDK failures into QueueUnavailableError', async () => {
    sqs.on(ChangeMessageVisibilityCommand).rejects(new Error('ReceiptHandleIsInvalid'));
    await expect(
      new SqsDeliveryQueueControl(STANDARD, client()).changeVisibility('bad', 10),
    ).rejects.toBeInstanceOf(QueueUnavailableError);
  });
});
