import type { SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalSqs, SqsEventSource, VirtualClock } from '#infra/local/emulators/index';

describe('LocalSqs on the virtual clock', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function setUp() {
    const clock = new VirtualClock({ start: new Date('2026-12-01T23:00:00.000Z') });
    const sqs = new LocalSqs({ clock });
    sqs.createQueue('deliveries');
    cleanups.push(
      () => sqs.dispose(),
      () => clock.dispose(),
    );
    return { clock, sqs, queue: sqs.queue('deliveries') };
  }

  it('keeps a deferred message invisible until the virtual clock reaches its instant', async () => {
    const { clock, queue } = setUp();
    queue.send({ body: 'boleto' });
    const [received] = queue.receive(1);
    if (!received) throw new Error('nothing received');
    queue.changeVisibility(received.receiptHandle, 7_200);

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(queue.counts()).toMatchObject({ visible: 0, inFlight: 1 });

    await clock.advance({ hours: 1 });
    expect(queue.counts().visible).toBe(0);
    await clock.advance({ hours: 1, minutes: 1 });
    expect(queue.counts().visible).toBe(1);
  });

  it('delivers a deferred message at its instant when an advance jumps past it', async () => {
    const { clock, sqs, queue } = setUp();
    const deliveredAt: Date[] = [];
    let deferred = false;
    const source = new SqsEventSource({
      sqs,
      queue: 'deliveries',
      handler: async (event: SQSEvent) => {
        const record = event.Records[0];
        if (!record) return;
        if (!deferred) {
          deferred = true;
          // What a delivery outside the reminder window does: come back in 10 hours, report the item as failed.
          queue.changeVisibility(record.receiptHandle, 36_000);
          return { batchItemFailures: [{ itemIdentifier: record.messageId }] };
        }
        deliveredAt.push(clock.now());
        return { batchItemFailures: [] };
      },
    }).start();
    cleanups.push(() => source.stop());
    clock.addIdleHook(() => source.idle());
    const start = clock.nowMs();

    queue.send({ body: 'reminder' });
    await source.idle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(deferred).toBe(true);
    expect(deliveredAt).toHaveLength(0);

    await clock.advance({ days: 1 });
    await source.drain();

    expect(deliveredAt).toHaveLength(1);
    const delay = (deliveredAt[0]?.getTime() ?? 0) - start;
    // At the deferred instant (10 h later), not at the end of the one-day advance.
    expect(delay).toBeGreaterThanOrEqual(36_000_000);
    expect(delay).toBeLessThan(36_000_000 + 5_000);
  });
});
