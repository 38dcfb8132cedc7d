import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalSqs, SqsEventSource } from '#infra/local/emulators/sqs/index';

describe('SqsEventSource', () => {
  // timeScale 0.05: the 10-second visibility timeouts below last 500 ms.
  const sqs = new LocalSqs({ timeScale: 0.05 });
  const sources: SqsEventSource[] = [];

  afterEach(async () => {
    await Promise.all(sources.splice(0).map((source) => source.stop()));
  });

  const startSource = (
    queue: string,
    handler: (event: SQSEvent) => Promise<SQSBatchResponse | undefined>,
    batchSize = 10,
    maxConcurrency = 5,
  ) => {
    const source = new SqsEventSource({
      sqs,
      queue,
      handler,
      batchSize,
      maxConcurrency,
      onError: () => undefined,
    }).start();
    sources.push(source);
    return source;
  };

  const sendAll = (queueUrl: string, bodies: string[]) => {
    for (const body of bodies) sqs.sendMessage(queueUrl, { body });
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
    sendAll(queueUrl, ['ok-1', 'flaky-1', 'ok-2', 'flaky-2']);
    await source.drain();

    const record = seen.find((candidate) => candidate.body === 'ok-1');
    expect(record).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:whatsapp-delivery',
      awsRegion: 'us-east-1',
      attributes: { ApproximateReceiveCount: '1' },
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
    sendAll(queueUrl, ['poison', 'fine']);
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
    // One invocation at a time, so both messages share the first batch.
    const source = startSource(
      'bad-report',
      async () => {
        calls += 1;
        return calls === 1 ? { batchItemFailures: [{ itemIdentifier: 'not-in-batch' }] } : undefined;
      },
      10,
      1,
    );
    sendAll(queueUrl, ['x', 'y']);
    await source.drain();
    expect(calls).toBe(2);
    expect(source.stats).toMatchObject({ deleted: 2, failed: 2 });
  });

  it('runs batches concurrently, up to maxConcurrency, spreading the visible messages over them', async () => {
    const queueUrl = sqs.createQueue('concurrent', { VisibilityTimeout: '10' });
    let active = 0;
    let mostActive = 0;
    const bodies: string[] = [];
    let openBarrier = () => {};
    const barrier = new Promise<void>((resolve) => {
      openBarrier = resolve;
    });
    // Every invocation waits until five run at once: with batches one at a time this would never finish.
    const source = startSource('concurrent', async (event) => {
      active += 1;
      mostActive = Math.max(mostActive, active);
      if (mostActive === 5) openBarrier();
      await barrier;
      bodies.push(...event.Records.map((record) => record.body));
      active -= 1;
      return { batchItemFailures: [] };
    });
    sendAll(
      queueUrl,
      Array.from({ length: 10 }, (_, index) => `m${index}`),
    );
    await source.drain();
    expect(mostActive).toBe(5);
    expect(source.stats).toMatchObject({ batches: 5, deleted: 10, failed: 0, peakConcurrency: 5 });
    expect(bodies.sort()).toEqual(Array.from({ length: 10 }, (_, index) => `m${index}`).sort());
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
