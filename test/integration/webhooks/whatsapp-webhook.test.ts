import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { DynamoDbWebhookDeliveryStore } from '#adapters/dynamodb/webhooks/dynamodb-webhook-delivery-store';
import {
  WHATSAPP_DELIVERY_TTL_SECONDS,
  WhatsAppDeliveryEntity,
} from '#adapters/dynamodb/webhooks/whatsapp-delivery-entity';
import { systemClock } from '#adapters/system/system-clock';
import { createWhatsAppWebhookHandler } from '#functions/whatsapp-webhook/create-handler';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { rawBodyOf, signMetaPayload } from '#webhooks/whatsapp/signature';

const APP_SECRET = 'iris-test-app-secret';
const PHONE_NUMBER_ID = '109876543210987';

function fixture(name: string): APIGatewayProxyEventV2 {
  return structuredClone(JSON.parse(readFileSync(`events/whatsapp/${name}.json`, 'utf8')));
}

function withBody(event: APIGatewayProxyEventV2, body: string, secret = APP_SECRET): APIGatewayProxyEventV2 {
  return {
    ...event,
    body,
    isBase64Encoded: false,
    headers: { ...event.headers, 'x-hub-signature-256': signMetaPayload(body, secret) },
  };
}

describe('whatsapp-webhook', () => {
  let table: TestTable;
  let handle: ReturnType<typeof createWhatsAppWebhookHandler>;
  /** DynamoDB requests the handler sent (every command through its client). */
  const requests: string[] = [];

  const itemCount = async () =>
    (await table.client.send(new ScanCommand({ TableName: table.tableName, Select: 'COUNT' }))).Count ?? 0;

  beforeAll(async () => {
    table = await createTestTable();
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoDbEndpoint'),
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      TABLE_NAME: table.tableName,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: 'iris-test-verify-token',
      WEBHOOK_MAX_BODY_BYTES: '8192',
    });
    // The composition reads the environment when first imported, as at cold start.
    const { deps } = await import('#functions/whatsapp-webhook/composition');
    // The composed handler, its store given a client that records every request it sends.
    const client = new DynamoDBClient({});
    client.middlewareStack.add(
      (next, context) => async (args) => {
        requests.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize' },
    );
    const deliveries = new DynamoDbWebhookDeliveryStore(table.tableName, createDocumentClient(client));
    handle = createWhatsAppWebhookHandler({ ...deps, store: { deliveries, clock: systemClock } });
  });
  afterAll(() => table.drop());

  it('answers Meta’s verification handshake, and refuses a wrong token', async () => {
    const get = fixture('verification-get');
    expect(await handle(get)).toMatchObject({
      statusCode: 200,
      body: get.queryStringParameters?.['hub.challenge'],
    });
    const wrong = {
      ...get,
      queryStringParameters: { ...get.queryStringParameters, 'hub.verify_token': 'nope' },
    };
    expect((await handle(wrong)).statusCode).toBe(403);
  });

  describe('rejects, writing nothing', () => {
    const text = () => fixture('text-message');
    it.each([
      [
        'a missing signature',
        () => ({ ...text(), headers: { ...text().headers, 'x-hub-signature-256': undefined } }),
        401,
      ],
      [
        'an invalid signature',
        () => ({ ...text(), headers: { ...text().headers, 'x-hub-signature-256': 'sha256=00' } }),
        401,
      ],
      ['the wrong secret', () => withBody(text(), text().body ?? '', 'another-secret'), 401],
      [
        'a body changed by one byte',
        () => ({ ...text(), body: (text().body ?? '').replace('150,00', '151,00') }),
        401,
      ],
      [
        'a body re-serialised from parsed JSON (accents and emoji no longer escaped)',
        () => ({ ...text(), body: JSON.stringify(JSON.parse(text().body ?? '')) }),
        401,
      ],
      [
        'malformed JSON, correctly signed',
        () => withBody(text(), '{"object": "whatsapp_business_account",'),
        400,
      ],
      ['an unknown payload shape, correctly signed', () => withBody(text(), '{"hello":"world"}'), 400],
      ['a body over the size limit', () => withBody(text(), `{"pad":"${'x'.repeat(9000)}"}`), 413],
    ] as const)('%s', async (_label, build, status) => {
      const before = await itemCount();
      requests.length = 0;
      const response = await handle(build() as APIGatewayProxyEventV2);
      expect(response.statusCode).toBe(status);
      expect(JSON.parse(response.body ?? '{}').message).toMatch(/\w/);
      expect(requests).toEqual([]);
      expect(await itemCount()).toBe(before);
    });
  });

  it('stores the exact bytes Meta signed (escaped unicode, emoji, base64) once, in one PutItem, and answers 200', async () => {
    const before = await itemCount();
    requests.length = 0;
    const event = fixture('text-message');
    expect((await handle(event)).statusCode).toBe(200);
    expect(requests).toEqual(['PutItemCommand']);
    expect(await itemCount()).toBe(before + 1);
    const raw = rawBodyOf(event);
    const deliveryId = createHash('sha256').update(raw).digest('hex');
    const { Item } = await table.documentClient.send(
      new GetCommand({ TableName: table.tableName, Key: WhatsAppDeliveryEntity.primary.key({ deliveryId }) }),
    );
    expect(Item).toMatchObject({ entity: 'WhatsAppDelivery', deliveryId, body: raw.toString('utf8') });
    const receivedAt = Date.parse(String(Item?.receivedAt));
    expect(Item?.expiresAt).toBe(Math.floor(receivedAt / 1000) + WHATSAPP_DELIVERY_TTL_SECONDS);
    // The same bytes again (here base64-encoded by API Gateway): one conditional PutItem, refused, 200.
    requests.length = 0;
    expect((await handle(fixture('text-message-base64'))).statusCode).toBe(200);
    expect(requests).toEqual(['PutItemCommand']);
    expect(await itemCount()).toBe(before + 1);
  });

  it('looks nothing up before answering: a business number IRIS does not serve is stored for the router too', async () => {
    const event = fixture('image-message');
    const body = (event.body ?? '').replace(PHONE_NUMBER_ID, '555555555555555');
    const before = await itemCount();
    requests.length = 0;
    expect((await handle(withBody(event, body))).statusCode).toBe(200);
    expect(requests).toEqual(['PutItemCommand']);
    expect(await itemCount()).toBe(before + 1);
  });

  it('answers 500 when the delivery cannot be stored, so Meta retries', async () => {
    const failing = createWhatsAppWebhookHandler({
      ...(await import('#functions/whatsapp-webhook/composition')).deps,
      store: {
        deliveries: new DynamoDbWebhookDeliveryStore('no-such-table', table.documentClient),
        clock: systemClock,
      },
    });
    expect((await failing(fixture('text-message'))).statusCode).toBe(500);
  });
});
