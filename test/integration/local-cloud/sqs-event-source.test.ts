import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalHttpServer } from '#infra/local/emulators/aws-json-http-server';
import { createSqsHttpServer, LocalSqs, SqsEventSource } from '#infra/local/emulators/sqs/index';

describe('SqsEventSource', () => {
  // timeScale 0.05: the 10-second visibility timeouts below last 500 ms.
  const sqs = new LocalSqs({ timeScale: 0.05 });
  let server: LocalHttpServer;
  let client: SQSClient;
  const sources: SqsEventSource[] = [];

  beforeAll(async () => {
    server = await createSqsHttpServer(sqs);
    client = new SQSClient({
      endpoint: server.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterEach(async () => {
    await Promise.all(sources.splice(0).map((source) => source.stop()));
  });

  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  const startSource = (
    queue: string,
    handler: (event: SQSEvent) => Promise<SQSBatchResponse | undefined>,
    batchSize = 10,
  ) => {
    const source = new SqsEventSource({ sqs, queue, handler, batchSize, onError: () => undefined }).start();
    sources.push(source);
    return source;
  };

  const sendAll = async (queueUrl: string, bodies: string[], group?: string) => {
    await client.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: bodies.map((body, index) => ({
          Id: `m${index}`,
          MessageBody: body,
          MessageAttributes: { kind: { DataType: 'String', StringValue: 'reminder' } },
          ...(group && { MessageGroupId: group, MessageDeduplicationId: body }),
        })),
      }),
    );
  };

  it('delivers Lambda-shaped records and retries only the items reported in batchItemFailures', async () => {
    const queueUrl = sqs.createQueue('whatsapp-delivery', { VisibilityTimeout: '10' });
    const seen: SQSRecord[] = [];
    const failedOnce = new Set<string>();
    const source = startSource('whatsapp-delivery', async (event) => {
      seen.push(...event.Records);
      const failures = event.Records.filter(
        (record) => record.body.startsWith('flaky') && !failedOnce.has(record.body),
      );
      for (const record of failures) failedOnce.add(record.body);
      return { batchItemFailures: failures.map((record) => ({ itemIdentifier: record.messageId })) };
    });
    await sendAll(queueUrl, ['ok-1', 'flaky-1', 'ok-2', 'flaky-2']);
    await source.drain();

    const record = seen.find((candidate) => candidate.body === 'ok-1');
    expect(record).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:whatsapp-delivery',
      awsRegion: 'us-east-1',
      attributes: { ApproximateReceiveCount: '1' },
      messageAttributes: { kind: { stringValue: 'reminder', dataType: 'String' } },
    });
    expect(record?.receiptHandle).toEqual(expect.any(String));
    expect(record?.md5OfBody).toMatch(/^[0-9a-f]{32}$/);
    const deliveries = (body: string) => seen.filter((candidate) => candidate.body === body).length;
    expect([deliveries('ok-1'), deliveries('ok-2'), deliveries('flaky-1'), deliveries('flaky-2')]).toEqual([
      1, 1, 2, 2,
    ]);
    const retried = seen.filter((candidate) => candidate.body === 'flaky-1').at(-1);
    expect(retried?.attributes.ApproximateReceiveCount).toBe('2');
    expect(source.stats).toMatchObject({ deleted: 4, failed: 2 });
  });

  it('retries the whole batch when the handler throws, and redrives a poison message to the DLQ', async () => {
    sqs.createQueue('email-delivery-dlq');
    const queueUrl = sqs.createQueue('email-delivery', {
      VisibilityTimeout: '10',
      RedrivePolicy: JSON.stringify({
        deadLetterTargetArn: sqs.queueArn('email-delivery-dlq'),
        maxReceiveCount: 3,
      }),
    });
    const attempts = new Map<string, number>();
    const source = startSource(
      'email-delivery',
      async (event) => {
        for (const record of event.Records) attempts.set(record.body, (attempts.get(record.body) ?? 0) + 1);
        if (event.Records.some((record) => record.body === 'poison')) throw new Error('cannot render e-mail');
        return undefined;
      },
      1,
    );
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'poison' }));
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'fine' }));
    await source.drain();
    expect(attempts.get('poison')).toBe(3);
    expect(attempts.get('fine')).toBe(1);
    const [dead] = sqs.queue('email-delivery-dlq').receive(10);
    expect(dead?.body).toBe('poison');
    expect(dead?.attributes.DeadLetterQueueSourceArn).toBe(sqs.queueArn('email-delivery'));
  });

  it('fails the whole batch when an itemIdentifier names no message of the batch', async () => {
    const queueUrl = sqs.createQueue('bad-report', { VisibilityTimeout: '10' });
    let calls = 0;
    const source = startSource('bad-report', async () => {
      calls += 1;
      return calls === 1 ? { batchItemFailures: [{ itemIdentifier: 'not-in-batch' }] } : undefined;
    });
    await sendAll(queueUrl, ['x', 'y']);
    await source.drain();
    expect(calls).toBe(2);
    expect(source.stats).toMatchObject({ deleted: 2, failed: 2 });
  });

  it('on a FIFO queue, holds back the rest of a group after its first failure, keeping order', async () => {
    const queueUrl = sqs.createQueue('inbound.fifo', { FifoQueue: 'true', VisibilityTimeout: '10' });
    const completed: string[] = [];
    let failedFirst = false;
    const source = startSource('inbound.fifo', async (event) => {
      const failures: { itemIdentifier: string }[] = [];
      for (const record of event.Records) {
        if (record.body === 'a1' && !failedFirst) {
          failedFirst = true;
          failures.push({ itemIdentifier: record.messageId });
          continue;
        }
        // a2 is not reported as failed, but must not be deleted while a1 is pending.
        completed.push(record.body);
      }
      return { batchItemFailures: failures };
    });
    await sendAll(queueUrl, ['a1', 'a2', 'a3'], 'owner-a');
    await sendAll(queueUrl, ['b1'], 'owner-b');
    await source.drain();
    const ownerA = completed.filter((body) => body.startsWith('a'));
    // First batch: a2 and a3 ran but were held (not deleted), so they come again after a1.
    expect(ownerA.slice(-3)).toEqual(['a1', 'a2', 'a3']);
    expect(completed.filter((body) => body === 'b1')).toHaveLength(1);
  });

  it('is idle when nothing is visible and no batch runs', async () => {
    sqs.createQueue('quiet');
    const source = startSource('quiet', async () => undefined);
    await source.idle();
    sqs.sendMessage('quiet', { body: 'hello' });
    await source.idle();
    expect(sqs.queue('quiet').counts()).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });
});
