import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoDbStreamPoller } from '#infra/local/emulators/dynamodb-streams/index';

const OUTBOX_INSERTS = JSON.stringify({
  eventName: ['INSERT'],
  dynamodb: { NewImage: { pk: { S: [{ prefix: 'T#' }] }, entity: { S: ['OUTBOX'] } } },
});

describe('DynamoDbStreamPoller', () => {
  const endpoint = inject('dynamoDbEndpoint');
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials });
  const tableName = `stream-test-${randomUUID()}`;
  let poller: DynamoDbStreamPoller;
  const relayed: DynamoDBRecord[] = [];
  const everything: DynamoDBRecord[] = [];
  const skipped: DynamoDBRecord[] = [];
  const handledDespitePoison: string[] = [];
  let flakyFailures = 0;

  const put = (pk: string, sk: string, entity: string, extra: Record<string, { S: string }> = {}) =>
    client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: { pk: { S: pk }, sk: { S: sk }, entity: { S: entity }, ...extra },
      }),
    );

  beforeAll(async () => {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    poller = new DynamoDbStreamPoller({ tableName, endpoint, credentials, pollIntervalMs: 50 });
    await poller.subscribe({
      name: 'outbox-relay',
      filterPatterns: [OUTBOX_INSERTS],
      handler: async (event) => {
        relayed.push(...event.Records);
      },
    });
    await poller.subscribe({
      name: 'audit-everything',
      batchSize: 2,
      handler: async (event) => {
        const flaky = event.Records.find((record) => record.dynamodb?.Keys?.sk?.S === 'flaky');
        if (flaky && flakyFailures === 0) {
          flakyFailures += 1;
          everything.push(...event.Records.slice(0, event.Records.indexOf(flaky)));
          return { batchItemFailures: [{ itemIdentifier: flaky.dynamodb?.SequenceNumber ?? '' }] };
        }
        everything.push(...event.Records);
        return { batchItemFailures: [] };
      },
    });
    await poller.subscribe({
      name: 'poison-sensitive',
      batchSize: 10,
      maximumRetryAttempts: 1,
      retryDelayMs: 1,
      onRecordSkipped: (record) => skipped.push(record),
      handler: async (event) => {
        if (event.Records.some((record) => record.dynamodb?.Keys?.sk?.S === 'poison')) {
          throw new Error('cannot relay this one');
        }
        handledDespitePoison.push(...event.Records.map((record) => record.dynamodb?.Keys?.sk?.S ?? ''));
      },
    });
    await poller.start();
  });

  afterAll(async () => {
    await poller.stop();
    await client.send(new DeleteTableCommand({ TableName: tableName }));
    client.destroy();
  });

  it('delivers only the records matching a consumer filter, in Lambda DynamoDB stream shape', async () => {
    await put('T#t1', 'OUTBOX#o1', 'OUTBOX', { channel: { S: 'whatsapp' } });
    await put('T#t1', 'BOLETO#b1', 'BOLETO');
    await put('X#other', 'OUTBOX#o2', 'OUTBOX');
    await client.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: { pk: { S: 'T#t1' }, sk: { S: 'OUTBOX#o1' } },
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': { S: 'sent' } },
      }),
    );
    await client.send(
      new DeleteItemCommand({ TableName: tableName, Key: { pk: { S: 'T#t1' }, sk: { S: 'BOLETO#b1' } } }),
    );
    await poller.idle();

    expect(relayed).toHaveLength(1);
    const [record] = relayed;
    expect(record).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      eventSourceARN: poller.eventSourceArn,
      dynamodb: {
        Keys: { pk: { S: 'T#t1' }, sk: { S: 'OUTBOX#o1' } },
        NewImage: { entity: { S: 'OUTBOX' }, channel: { S: 'whatsapp' } },
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
    expect(record?.dynamodb?.SequenceNumber).toEqual(expect.any(String));
    expect(record?.dynamodb?.ApproximateCreationDateTime).toEqual(expect.any(Number));
    expect(record?.dynamodb?.OldImage).toBeUndefined();

    const events = everything.map((entry) => entry.eventName);
    expect(events).toEqual(['INSERT', 'INSERT', 'INSERT', 'MODIFY', 'REMOVE']);
    const modify = everything[3];
    expect(modify?.dynamodb?.OldImage?.status).toBeUndefined();
    expect(modify?.dynamodb?.NewImage?.status).toEqual({ S: 'sent' });
  });

  it('retries from the record reported in batchItemFailures, after the ones before it', async () => {
    const before = everything.length;
    await put('T#t2', 'a', 'NOTE');
    await put('T#t2', 'flaky', 'NOTE');
    await put('T#t2', 'c', 'NOTE');
    await poller.idle();
    expect(flakyFailures).toBe(1);
    expect(everything.slice(before).map((record) => record.dynamodb?.Keys?.sk?.S)).toEqual([
      'a',
      'flaky',
      'c',
    ]);
  });

  it('skips a record that keeps failing after bisecting, and goes on with the others', async () => {
    await put('T#t3', 'good-1', 'NOTE');
    await put('T#t3', 'poison', 'NOTE');
    await put('T#t3', 'good-2', 'NOTE');
    await poller.idle();
    expect(skipped.map((record) => record.dynamodb?.Keys?.sk?.S)).toEqual(['poison']);
    expect(handledDespitePoison.filter((sk) => sk.startsWith('good'))).toEqual(['good-1', 'good-2']);
  });
  it('reads each shard once per cycle for all its consumers, and idle() does not wait out the poll interval', async () => {
    const streams = new DynamoDBStreamsClient({ endpoint, region: 'us-east-1', credentials });
    let getRecords = 0;
    streams.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'GetRecordsCommand') getRecords += 1;
        return next(args);
      },
      { step: 'initialize' },
    );
    // A minute between polls: an idle() that waited for the next timed cycle would outlast the test.
    const shared = new DynamoDbStreamPoller({
      tableName,
      endpoint,
      credentials,
      streamsClient: streams,
      pollIntervalMs: 60_000,
    });
    const seen: Record<string, string[]> = { first: [], second: [], third: [] };
    for (const name of Object.keys(seen)) {
      await shared.subscribe({
        name,
        startingPosition: 'LATEST',
        handler: async (event) => {
          seen[name]?.push(...event.Records.map((record) => record.dynamodb?.Keys?.sk?.S ?? ''));
        },
      });
    }
    await shared.start();
    try {
      await shared.idle();
      await put('T#t4', 'shared-1', 'NOTE');
      const before = getRecords;
      await shared.idle();
      expect(Object.values(seen)).toEqual([['shared-1'], ['shared-1'], ['shared-1']]);
      // One open shard here: one read for the cycle that found the record and one for the quiet cycle after
      // it (three consumers reading separately would make six).
      expect(getRecords - before).toBeLessThanOrEqual(2);
    } finally {
      await shared.stop();
      streams.destroy();
    }
  });
});
