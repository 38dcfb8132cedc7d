import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createDeliveryBatchHandler } from '#adapters/sqs/delivery-batch-handler';
import type { DeliveryOutcome } from '#application/outbox/deliver-outbox-message';
import sample from '#events/sqs/whatsapp-delivery-batch.json';

const context = { functionName: 'whatsapp-delivery', awsRequestId: 'req-1' } as Context;

function eventWith(bodies: string[], prefix = 'message'): SQSEvent {
  const template = structuredClone(sample.Records[0]) as SQSRecord;
  return {
    Records: bodies.map((body, index) => ({
      ...structuredClone(template),
      messageId: `${prefix}-${index}`,
      receiptHandle: `receipt-${index}`,
      body,
    })),
  };
}

const pointer = (outboxId: string, channel = 'whatsapp') =>
  JSON.stringify({ tenantId: 'tenant-1', outboxId, channel });

function handlerFailing(failing: Set<string>, gate: Promise<void> = Promise.resolve()) {
  const executed: string[] = [];
  const handler = createDeliveryBatchHandler({
    channel: 'whatsapp',
    deliver: {
      execute: async ({ outboxId }): Promise<DeliveryOutcome> => {
        executed.push(outboxId);
        if (outboxId === 'SLOW') await gate;
        if (failing.has(outboxId)) throw new Error('provider down');
        return { kind: 'sent', providerMessageId: `wamid.${outboxId}`, duplicateSuspected: false };
      },
    },
    queue: { changeVisibility: async () => {}, requeue: async () => {} },
    clock: { now: () => new Date('2026-12-09T14:00:00Z') },
    settings: { backoff: { baseSeconds: 1, maxSeconds: 10 }, maxReceiveCount: 5 },
  });
  return { handler, executed };
}

describe('createDeliveryBatchHandler', () => {
  it('reports only the failed records of a standard-queue batch', async () => {
    const { handler, executed } = handlerFailing(new Set(['B']));
    const response = await handler(eventWith([pointer('A'), pointer('B'), pointer('C')]), context);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'message-1' }]);
    expect(executed).toEqual(['A', 'B', 'C']);
  });

  it('fails a record whose body is not an outbox pointer, and one for another channel', async () => {
    const { handler, executed } = handlerFailing(new Set());
    const response = await handler(eventWith(['not json', pointer('E', 'email'), pointer('A')]), context);
    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: 'message-0' },
      { itemIdentifier: 'message-1' },
    ]);
    expect(executed).toEqual(['A']);
  });

  it('reports every record (without throwing) when the whole batch fails', async () => {
    const { handler } = handlerFailing(new Set(['A', 'B']));
    const response = await handler(eventWith([pointer('A'), pointer('B')]), context);
    expect(response.batchItemFailures).toHaveLength(2);
  });

  it('keeps the reports of two invocations running at once apart (Lambda runs batches concurrently)', async () => {
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const { handler } = handlerFailing(new Set(['B']), gate);
    const first = handler(eventWith([pointer('SLOW'), pointer('B')], 'first'), context);
    const second = await handler(eventWith([pointer('C')], 'second'), context);
    open();
    expect(second.batchItemFailures).toEqual([]);
    expect((await first).batchItemFailures).toEqual([{ itemIdentifier: 'first-1' }]);
  });
});
