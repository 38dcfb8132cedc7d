import { describe, expect, it } from 'vitest';
import { type DeliveryOutcome, RetryDeliveryLaterError } from '#application/outbox/deliver-outbox-message';
import { DeliveryPostponedError, processQueuedDelivery } from '#application/outbox/process-queued-delivery';
import type { DeliveryQueueControl, OutboxQueueMessage } from '#application/ports/outbox-queue';

const NOW = new Date('2026-12-09T14:00:00Z');
const message: OutboxQueueMessage = { tenantId: 'tenant-1', outboxId: 'OUTBOX1', channel: 'whatsapp' };

function recordingQueue() {
  const calls: string[] = [];
  const queue: DeliveryQueueControl = {
    changeVisibility: async (receiptHandle, seconds) => {
      calls.push(`visibility ${receiptHandle} ${seconds}`);
    },
    requeue: async (queued, delaySeconds) => {
      calls.push(`requeue ${queued.outboxId} ${delaySeconds}`);
    },
  };
  return { queue, calls };
}

function run(result: DeliveryOutcome | Error, receiveCount = 1) {
  const { queue, calls } = recordingQueue();
  const promise = processQueuedDelivery(
    {
      deliver: {
        execute: async () => {
          if (result instanceof Error) throw result;
          return result;
        },
      },
      queue,
      clock: { now: () => NOW },
      settings: { backoff: { baseSeconds: 30, maxSeconds: 3_600 }, maxReceiveCount: 8 },
      random: () => 1,
    },
    { message, receiptHandle: 'receipt-1', receiveCount },
  );
  return { promise, calls };
}

describe('processQueuedDelivery', () => {
  it('lets a sent message be deleted without touching the queue', async () => {
    const { promise, calls } = run({ kind: 'sent', providerMessageId: 'wamid.1', duplicateSuspected: false });
    await expect(promise).resolves.toMatchObject({ kind: 'sent' });
    expect(calls).toEqual([]);
  });

  it('lets a superseded (stale) message be deleted: it is never retried', async () => {
    const { promise, calls } = run({ kind: 'superseded', reason: 'boleto_paid' });
    await expect(promise).resolves.toEqual({ kind: 'superseded', reason: 'boleto_paid' });
    expect(calls).toEqual([]);
  });

  it('lets a duplicate of an already sent message be deleted', async () => {
    const { promise, calls } = run({ kind: 'already_done', status: 'sent' });
    await expect(promise).resolves.toMatchObject({ kind: 'already_done' });
    expect(calls).toEqual([]);
  });

  it('pushes a deferred message back until the window opens and keeps it (reported as failed)', async () => {
    const until = new Date(NOW.getTime() + 3_600_000);
    const { promise, calls } = run({ kind: 'deferred', until, reason: 'quiet_hours' });
    await expect(promise).rejects.toBeInstanceOf(DeliveryPostponedError);
    expect(calls).toEqual(['visibility receipt-1 3600']);
  });

  it('caps a long deferral at what one visibility change allows', async () => {
    const until = new Date(NOW.getTime() + 60 * 3_600_000);
    const { promise, calls } = run({ kind: 'deferred', until, reason: 'quiet_hours' });
    await expect(promise).rejects.toBeInstanceOf(DeliveryPostponedError);
    expect(calls).toEqual(['visibility receipt-1 43000']);
  });

  it('swaps a deferred message for a fresh copy when few receives are left before the DLQ', async () => {
    const until = new Date(NOW.getTime() + 3_600_000);
    const { promise, calls } = run({ kind: 'deferred', until, reason: 'rate_limited' }, 6);
    await expect(promise).resolves.toMatchObject({ kind: 'deferred' });
    expect(calls).toEqual(['requeue OUTBOX1 900']);
  });

  it('waits out another worker claim', async () => {
    const { promise, calls } = run({ kind: 'in_flight', retryAt: new Date(NOW.getTime() + 45_000) });
    await expect(promise).rejects.toBeInstanceOf(DeliveryPostponedError);
    expect(calls).toEqual(['visibility receipt-1 45']);
  });

  it('backs off exponentially by receive count on a retryable failure and rethrows', async () => {
    const { promise, calls } = run(new RetryDeliveryLaterError('429'), 3);
    await expect(promise).rejects.toBeInstanceOf(RetryDeliveryLaterError);
    expect(calls).toEqual(['visibility receipt-1 120']);
  });

  it("honours the provider's Retry-After when it is longer", async () => {
    const { promise, calls } = run(new RetryDeliveryLaterError('429', { retryAfterSeconds: 600 }), 1);
    await expect(promise).rejects.toBeInstanceOf(RetryDeliveryLaterError);
    expect(calls).toEqual(['visibility receipt-1 600']);
  });
});
