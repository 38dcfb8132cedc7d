import { ChangeMessageVisibilityCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalHttpServer } from '#infra/local/emulators/aws-json-http-server';
import { createSqsHttpServer, LocalSqs } from '#infra/local/emulators/sqs/index';

describe('LocalSqs', () => {
  // timeScale 0.1: a 10-second visibility timeout lasts 1 s.
  const sqs = new LocalSqs({ timeScale: 0.1 });
  let server: LocalHttpServer;
  let client: SQSClient;

  beforeAll(async () => {
    server = await createSqsHttpServer(sqs);
    client = new SQSClient({
      endpoint: server.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  it('takes SendMessage over the SQS JSON protocol (the SDK checks the body digest) and hides a received message for its visibility timeout', async () => {
    const queueUrl = sqs.createQueue('deliveries', { VisibilityTimeout: '10' });
    expect(queueUrl).toBe(`${server.endpoint}/000000000000/deliveries`);
    const sent = await client.send(
      new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: '{"outboxId":"o-1","texto":"Olá, João"}' }),
    );
    const queue = sqs.queue(queueUrl);
    const [first] = queue.receive(10);
    expect(first?.messageId).toBe(sent.MessageId);
    expect(first?.body).toBe('{"outboxId":"o-1","texto":"Olá, João"}');
    expect(first?.attributes.ApproximateReceiveCount).toBe('1');
    expect(queue.receive(10)).toHaveLength(0);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const [again] = queue.receive(10);
    expect(again?.messageId).toBe(first?.messageId);
    expect(again?.attributes.ApproximateReceiveCount).toBe('2');
    expect(() => queue.delete('garbage')).toThrow(
      expect.objectContaining({ code: 'ReceiptHandleIsInvalid' }),
    );

    await client.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: queueUrl,
        ReceiptHandle: again?.receiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    const [third] = queue.receive(10);
    expect(third?.attributes.ApproximateReceiveCount).toBe('3');
    // The receipt handle of an earlier receive no longer deletes the message, as in SQS.
    queue.delete(again?.receiptHandle ?? '');
    expect(queue.counts()).toEqual({ visible: 0, inFlight: 1, delayed: 0 });
    queue.delete(third?.receiptHandle ?? '');
    expect(queue.counts()).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('refuses ChangeMessageVisibility for a message no longer in flight', async () => {
    const queueUrl = sqs.createQueue('visibility');
    sqs.sendMessage(queueUrl, { body: 'x' });
    const [message] = sqs.queue(queueUrl).receive(1, 0);
    await expect(
      client.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: message?.receiptHandle,
          VisibilityTimeout: 30,
        }),
      ),
    ).rejects.toMatchObject({ name: 'MessageNotInflight' });
  });

  it('moves a message to the dead-letter queue once it has been received maxReceiveCount times', () => {
    sqs.createQueue('poison-dlq');
    const queueUrl = sqs.createQueue('poison', {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: sqs.queueArn('poison-dlq'), maxReceiveCount: 3 }),
    });
    sqs.sendMessage(queueUrl, { body: 'poison' });
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const [message] = sqs.queue(queueUrl).receive(10, 0);
      expect(message?.attributes.ApproximateReceiveCount).toBe(String(attempt));
    }
    expect(sqs.queue(queueUrl).receive(10, 0)).toHaveLength(0);
    const [dead] = sqs.queue('poison-dlq').receive(10);
    expect(dead?.body).toBe('poison');
    expect(dead?.attributes.DeadLetterQueueSourceArn).toBe(sqs.queueArn('poison'));
  });

  it('delays a message by DelaySeconds', async () => {
    const queueUrl = sqs.createQueue('delayed');
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'later', DelaySeconds: 8 }));
    expect(sqs.queue(queueUrl).counts()).toEqual({ visible: 0, inFlight: 0, delayed: 1 });
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(
      sqs
        .queue(queueUrl)
        .receive(10)
        .map((message) => message.body),
    ).toEqual(['later']);
  });

  it('answers an unknown queue with QueueDoesNotExist and refuses attributes it does not implement', async () => {
    await expect(
      client.send(
        new SendMessageCommand({ QueueUrl: `${server.endpoint}/000000000000/nope`, MessageBody: 'x' }),
      ),
    ).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
    expect(() => sqs.createQueue('inbound.fifo', { FifoQueue: 'true' })).toThrow(
      expect.objectContaining({ code: 'InvalidParameterValue' }),
    );
    expect(() => sqs.createQueue('slow', { ReceiveMessageWaitTimeSeconds: '20' })).toThrow(
      expect.objectContaining({ code: 'InvalidAttributeName' }),
    );
  });
});
