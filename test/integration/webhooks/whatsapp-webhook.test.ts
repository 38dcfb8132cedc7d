import { readFileSync } from 'node:fs';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { composeWhatsAppWebhook } from '../../../functions/whatsapp-webhook/composition';
import { createWhatsAppWebhookHandler } from '../../../functions/whatsapp-webhook/create-handler';
import { createTableRepositories } from '../../../shared/adapters/dynamodb/table-repositories';
import { normalizePhone } from '../../../shared/domain/phone-number';
import { signMetaPayload } from '../../../shared/webhooks/whatsapp/signature';
import { createTestTable, type TestTable } from '../../support/dynamodb-test-table';

const APP_SECRET = 'iris-test-app-secret';
const PHONE_NUMBER_ID = '109876543210987';
const TENANT = 'tenant-webhook';

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
      CONVERSATION_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:conversation',
      REMINDER_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:reminders',
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: 'iris-test-verify-token',
      WEBHOOK_MAX_BODY_BYTES: '8192',
    });
    handle = createWhatsAppWebhookHandler(composeWhatsAppWebhook(process.env));
    const repositories = createTableRepositories(table.tableName, table.documentClient);
    await repositories.tenants.routeWhatsAppNumber(PHONE_NUMBER_ID, TENANT);
    await repositories.users.save({
      tenantId: TENANT,
      phone: normalizePhone('+5511999990001'),
      name: 'Dona',
      role: 'owner',
      createdAt: new Date().toISOString(),
    });
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
      const response = await handle(build() as APIGatewayProxyEventV2);
      expect(response.statusCode).toBe(status);
      expect(JSON.parse(response.body ?? '{}').message).toMatch(/\w/);
      expect(await itemCount()).toBe(before);
    });
  });

  it('accepts the exact bytes Meta signed (escaped unicode, emoji, base64) and stores the message once', async () => {
    const before = await itemCount();
    expect((await handle(fixture('text-message'))).statusCode).toBe(200);
    const afterFirst = await itemCount();
    // The sender is not one of the tenant's people: the message is stored and answered, nothing else.
    expect(afterFirst).toBeGreaterThan(before);
    expect((await handle(fixture('text-message-base64'))).statusCode).toBe(200);
    expect(await itemCount()).toBe(afterFirst);
  });

  it('answers 200 and writes nothing for a business number IRIS does not serve', async () => {
    const event = fixture('image-message');
    const body = (event.body ?? '').replace(PHONE_NUMBER_ID, '555555555555555');
    const before = await itemCount();
    expect((await handle(withBody(event, body))).statusCode).toBe(200);
    expect(await itemCount()).toBe(before);
  });
});
