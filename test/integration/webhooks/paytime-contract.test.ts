import { readdirSync, readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { DynamoDbProviderEventStore } from '#adapters/dynamodb/payments/dynamodb-provider-event-store';
import { systemClock } from '#adapters/system/system-clock';
import { createPaytimeWebhookHandler } from '#functions/paytime-webhook/create-handler';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';

/**
 * Paytime's contract suite: every event shape of `events/paytime-webhook/contract/` (each file names its
 * source), with valid Basic credentials, through the real handler: billet status events are stored once,
 * everything else authentic is acknowledged and counted as ignored.
 */

const DIR = 'events/paytime-webhook/contract';
const FILES = readdirSync(DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.replace(/\.json$/, ''));
const CREDENTIAL = { user: 'paytime', password: 's3nh@:forte' };
const AUTH = `Basic ${Buffer.from(`${CREDENTIAL.user}:${CREDENTIAL.password}`).toString('base64')}`;

function request(body: string, authorization = AUTH): APIGatewayProxyEventV2 {
  return {
    body,
    isBase64Encoded: false,
    headers: { authorization, 'content-type': 'application/json' },
    requestContext: { http: { method: 'POST' } },
  } as unknown as APIGatewayProxyEventV2;
}

describe('Paytime webhook contract suite', () => {
  let table: TestTable;
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  let handle: ReturnType<typeof createPaytimeWebhookHandler>;
  /** DynamoDB requests the handler sent: at most one (the conditional put) per delivery, before its 200. */
  const requests: string[] = [];
  const storedEvents = async () =>
    (
      await table.documentClient.send(
        new ScanCommand({
          TableName: table.tableName,
          FilterExpression: 'entity = :entity',
          ExpressionAttributeValues: { ':entity': 'ProviderEvent' },
        }),
      )
    ).Items ?? [];

  beforeAll(async () => {
    table = await createTestTable();
    const client = new DynamoDBClient({
      endpoint: inject('dynamoDbEndpoint'),
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    client.middlewareStack.add(
      (next, context) => async (args) => {
        requests.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize' },
    );
    handle = createPaytimeWebhookHandler({
      tenantId: 'tenant-paytime-contract',
      events: new DynamoDbProviderEventStore(table.tableName, createDocumentClient(client)),
      clock: systemClock,
      providerName: 'paytime',
      credentials: async () => [CREDENTIAL],
      maxBodyBytes: 65_536,
      logger,
    });
  });
  afterAll(() => table.drop());

  it.each(FILES)('%s: 2xx with the declared effect, once however often it is sent', async (name) => {
    const file = JSON.parse(readFileSync(`${DIR}/${name}.json`, 'utf8')) as {
      source: string;
      payload: unknown;
      expect: 'stored' | 'ignored';
    };
    expect(file.source).toMatch(/\w{10}/);
    const before = (await storedEvents()).length;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      requests.length = 0;
      const response = await handle(request(JSON.stringify(file.payload)));
      expect(response.statusCode).toBe(200);
      expect(requests).toEqual(file.expect === 'stored' ? ['PutItemCommand'] : []);
      expect(JSON.parse(response.body ?? '{}').ignored === true).toBe(file.expect === 'ignored');
    }
    expect((await storedEvents()).length - before).toBe(file.expect === 'stored' ? 1 : 0);
    if (file.expect === 'ignored') {
      expect(logger.info.mock.calls.length + logger.warn.mock.calls.length).toBeGreaterThan(0);
    }
  });

  it('still refuses what is not authentic or not a Paytime envelope, writing nothing', async () => {
    const before = (await storedEvents()).length;
    const paid = readFileSync(`${DIR}/updated-billet-status-paid.json`, 'utf8');
    const body = JSON.stringify((JSON.parse(paid) as { payload: unknown }).payload);
    expect((await handle(request(body, 'Basic bm9wZTpub3Bl'))).statusCode).toBe(401);
    expect((await handle(request('{"event":'))).statusCode).toBe(400);
    expect((await handle(request('[]'))).statusCode).toBe(400);
    expect((await handle(request(JSON.stringify({ data: { _id: 'x' } })))).statusCode).toBe(400);
    expect((await handle(request(`{"event":"x","pad":"${'x'.repeat(70_000)}"}`))).statusCode).toBe(413);
    expect((await storedEvents()).length).toBe(before);
  });
});
