import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalHttpServer } from '#infra/local/emulators/aws-json-http-server';
import { createSqsHttpServer, LocalSqs } from '#infra/local/emulators/sqs/index';

describe('LocalSqs over the SQS JSON protocol', () => {
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

  const createQueue = async (name: string, attributes: Record<string, string> = {}) => {
    const { QueueUrl } = await client.send(
      new CreateQueueCommand({ QueueName: name, Attributes: attributes }),
    );
    return QueueUrl ?? '';
  };

  const receive = (queueUrl: string, extra: { max?: number; visibility?: number; wait?: number } = {}) =>
    client
      .send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: extra.max ?? 10,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
          ...(extra.visibility !== undefined && { VisibilityTimeout: extra.visibility }),
          WaitTimeSeconds: extra.wait ?? 0,
        }),
      )
      .then((output) => output.Messages ?? []);

  it('sends, receives with attributes, hides a received message for its visibility timeout and deletes it', async () => {
    const queueUrl = await createQueue('deliveries', { VisibilityTimeout: '10' });
    expect(queueUrl).toBe(`${server.endpoint}/000000000000/deliveries`);
    expect((await client.send(new GetQueueUrlCommand({ QueueName: 'deliveries' }))).QueueUrl).toBe(queueUrl);
    await client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: '{"outboxId":"o-1","texto":"Olá, João"}',
        MessageAttributes: { tenant: { DataType: 'String', StringValue: 't-1' } },
      }),
    );
    const [first] = await receive(queueUrl);
    expect(first?.Body).toBe('{"outboxId":"o-1","texto":"Olá, João"}');
    expect(first?.MessageAttributes?.tenant?.StringValue).toBe('t-1');
    expect(first?.Attributes?.ApproximateReceiveCount).toBe('1');
    expect(await receive(queueUrl)).toHaveLength(0);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const [again] = await receive(queueUrl);
    expect(again?.MessageId).toBe(first?.MessageId);
    expect(again?.Attributes?.ApproximateReceiveCount).toBe('2');
    await expect(
      client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: 'garbage' })),
    ).rejects.toMatchObject({ name: 'ReceiptHandleIsInvalid' });

    await client.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: queueUrl,
        ReceiptHandle: again?.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    const [third] = await receive(queueUrl);
    expect(third?.Attributes?.ApproximateReceiveCount).toBe('3');
    // The receipt handle of an earlier receive no longer deletes the message, as in SQS.
    await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: again?.ReceiptHandle }));
    let attributes = await client.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }),
    );
    expect(attributes.Attributes?.ApproximateNumberOfMessagesNotVisible).toBe('1');
    await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: third?.ReceiptHandle }));
    attributes = await client.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }),
    );
    expect(attributes.Attributes).toMatchObject({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
    });
  });

  it('moves a message to the dead-letter queue once it has been received maxReceiveCount times', async () => {
    const dlqUrl = await createQueue('poison-dlq');
    const dlqArn = sqs.queueArn('poison-dlq');
    const queueUrl = await createQueue('poison', {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 }),
    });
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'poison' }));
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const [message] = await receive(queueUrl, { visibility: 0 });
      expect(message?.Attributes?.ApproximateReceiveCount).toBe(String(attempt));
    }
    expect(await receive(queueUrl, { visibility: 0 })).toHaveLength(0);
    const [dead] = await receive(dlqUrl);
    expect(dead?.Body).toBe('poison');
    expect(dead?.Attributes?.DeadLetterQueueSourceArn).toBe(sqs.queueArn('poison'));
  });

  it('long-polls until a message arrives', async () => {
    const queueUrl = await createQueue('long-poll');
    const started = Date.now();
    setTimeout(() => sqs.sendMessage('long-poll', { body: 'late' }), 150);
    const messages = await receive(queueUrl, { wait: 5 });
    expect(messages.map((message) => message.Body)).toEqual(['late']);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('delays a message by DelaySeconds', async () => {
    const queueUrl = await createQueue('delayed');
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'later', DelaySeconds: 8 }));
    expect(await receive(queueUrl)).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect((await receive(queueUrl)).map((message) => message.Body)).toEqual(['later']);
  });

  it('keeps FIFO order per message group, blocks a group while a message is in flight, and de-duplicates', async () => {
    const queueUrl = await createQueue('conversation.fifo', {
      FifoQueue: 'true',
      ContentBasedDeduplication: 'true',
    });
    const send = (group: string, body: string, dedup?: string) =>
      client.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: body,
          MessageGroupId: group,
          ...(dedup && { MessageDeduplicationId: dedup }),
        }),
      );
    const a1 = await send('owner-a', 'a1', 'wamid-a1');
    await send('owner-a', 'a2');
    await send('owner-b', 'b1');
    await send('owner-a', 'a3');
    const duplicate = await send('owner-a', 'a1 again', 'wamid-a1');
    expect(duplicate.MessageId).toBe(a1.MessageId);
    expect(a1.SequenceNumber).toMatch(/^\d{20,}$/);

    const [head] = await receive(queueUrl, { max: 1 });
    expect(head?.Body).toBe('a1');
    expect(head?.Attributes?.MessageGroupId).toBe('owner-a');
    expect((await receive(queueUrl)).map((message) => message.Body)).toEqual(['b1']);
    await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: head?.ReceiptHandle }));
    expect((await receive(queueUrl)).map((message) => message.Body)).toEqual(['a2', 'a3']);

    const batch = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: [
          { Id: 'ok', MessageBody: 'c1', MessageGroupId: 'owner-c' },
          { Id: 'no-group', MessageBody: 'c2' },
        ],
      }),
    );
    expect(batch.Successful?.map((entry) => entry.Id)).toEqual(['ok']);
    expect(batch.Failed?.map((entry) => [entry.Id, entry.Code])).toEqual([['no-group', 'MissingParameter']]);
  });

  it('answers an unknown queue with QueueDoesNotExist', async () => {
    await expect(client.send(new GetQueueUrlCommand({ QueueName: 'nope' }))).rejects.toMatchObject({
      name: 'QueueDoesNotExist',
    });
  });
});
