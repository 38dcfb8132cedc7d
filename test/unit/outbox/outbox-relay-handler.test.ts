import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { OUTBOX_STREAM_FILTER_PATTERN } from '#adapters/dynamodb/outbox/outbox-stream-filter';
import type { OutboxQueueMessage } from '#application/ports/outbox-queue';
import sample from '#events/sqs/outbox-relay-stream-batch.json';
import { createOutboxRelayHandler } from '#functions/outbox-relay/create-handler';

const context = { functionName: 'outbox-relay', awsRequestId: 'req-1' } as Context;

function insert(outboxId: string, sequence: string, changes: (record: DynamoDBRecord) => void = () => {}) {
  const record = structuredClone(sample.Records[0]) as DynamoDBRecord;
  const image = record.dynamodb?.NewImage;
  if (!image || !record.dynamodb) throw new Error('sample has no NewImage');
  image.id = { S: outboxId };
  record.dynamodb.SequenceNumber = sequence;
  changes(record);
  return record;
}

function relayTo(published: OutboxQueueMessage[], failFor = new Set<string>()) {
  return createOutboxRelayHandler({
    publisher: {
      publish: async (message) => {
        if (failFor.has(message.outboxId)) throw new Error('queue unavailable');
        published.push(message);
      },
    },
  });
}

describe('outbox relay handler', () => {
  it("puts each outbox INSERT on its channel's queue as a pointer", async () => {
    const published: OutboxQueueMessage[] = [];
    const event: DynamoDBStreamEvent = {
      Records: [
        insert('A', '1'),
        insert('B', '2', (record) => {
          if (record.dynamodb?.NewImage) record.dynamodb.NewImage.channel = { S: 'email' };
        }),
      ],
    };
    const response = await relayTo(published)(event, context);
    expect(response.batchItemFailures).toEqual([]);
    expect(published).toEqual([
      { tenantId: 'demo', outboxId: 'A', channel: 'whatsapp' },
      { tenantId: 'demo', outboxId: 'B', channel: 'email' },
    ]);
  });

  it('reports a record that could not be published by its sequence number', async () => {
    const published: OutboxQueueMessage[] = [];
    const event = { Records: [insert('A', '1'), insert('B', '2'), insert('C', '3')] };
    const response = await relayTo(published, new Set(['B']))(event, context);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '2' }]);
    expect(published.map((message) => message.outboxId)).toEqual(['A', 'C']);
  });

  it('fails a malformed outbox item instead of dropping it', async () => {
    const event = {
      Records: [
        insert('A', '1', (record) => {
          if (record.dynamodb?.NewImage) record.dynamodb.NewImage.channel = { S: 'sms' };
        }),
      ],
    };
    const response = await relayTo([])(event, context);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '1' }]);
  });

  it('ignores records that are not outbox inserts (in case the filter is missing)', async () => {
    const published: OutboxQueueMessage[] = [];
    const modify = insert('A', '1', (record) => {
      record.eventName = 'MODIFY';
    });
    const other = insert('B', '2', (record) => {
      if (record.dynamodb?.NewImage) record.dynamodb.NewImage.entity = { S: 'Contact' };
    });
    const response = await relayTo(published)({ Records: [modify, other] }, context);
    expect(response.batchItemFailures).toEqual([]);
    expect(published).toEqual([]);
  });
});

describe('OUTBOX_STREAM_FILTER_PATTERN', () => {
  it('selects inserts of the outbox entity, in the shape Lambda filters match', () => {
    const record = insert('A', '1');
    expect(OUTBOX_STREAM_FILTER_PATTERN.eventName).toContain(record.eventName);
    expect(OUTBOX_STREAM_FILTER_PATTERN.dynamodb.NewImage.entity.S).toContain(
      record.dynamodb?.NewImage?.entity?.S,
    );
  });
});
