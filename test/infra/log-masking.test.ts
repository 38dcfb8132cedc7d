import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { WhatsAppDeliveryEntity } from '#adapters/dynamodb/webhooks/whatsapp-delivery-entity';
import { insertRecordOf } from '#test/integration/webhooks/webhook-harness';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { signMetaPayload } from '#webhooks/whatsapp/signature';

/**
 * Runs the two public entry points (the webhooks) as Lambda runs them (middy + Powertools logger, with
 * POWERTOOLS_LOGGER_LOG_EVENT on, so every event is logged whole) on real-shaped events full of personal data,
 * captures every line the functions write, and looks for that data in clear.
 */

const APP_SECRET = 'iris-test-app-secret';
const PHONE_NUMBER_ID = '109876543210987';
const TENANT = 'tenant-log-masking';

/** Personal data in the events below, in the forms a careless log would print them. */
const PERSONAL_DATA = [
  '529.982.247-25',
  '52998224725',
  '11.222.333/0001-81',
  '11222333000181',
  'joao.silva@example.com',
  'maria.souza@example.com',
  '98888-0001',
  '988880001',
  '11987654321',
  '551187654321',
  '5511988880001',
];

const lines: string[] = [];
let table: TestTable;

function fixture<T>(path: string): T {
  return structuredClone(JSON.parse(readFileSync(path, 'utf8')));
}

function lambdaContext(functionName: string): Context {
  return {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: `req-${functionName}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'test',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** A signed WhatsApp text from an unknown sender that quotes a CPF, a CNPJ, an e-mail and a phone number. */
function whatsAppTextWithPersonalData(): APIGatewayProxyEventV2 {
  const event = fixture<APIGatewayProxyEventV2>('events/whatsapp/text-message.json');
  const payload = JSON.parse(event.body ?? '{}');
  const value = payload.entry[0].changes[0].value;
  value.contacts[0].profile.name = 'Maria Souza';
  value.contacts[0].wa_id = '5511988880001';
  value.messages[0].from = '5511988880001';
  value.messages[0].text.body =
    'Boleto de 150 pro João, CPF 529.982.247-25, empresa 11.222.333/0001-81, ' +
    'email joao.silva@example.com, fone (11) 98888-0001, cópia pra maria.souza@example.com';
  const body = JSON.stringify(payload);
  return {
    ...event,
    body,
    isBase64Encoded: false,
    headers: { ...event.headers, 'x-hub-signature-256': signMetaPayload(body, APP_SECRET) },
  };
}

beforeAll(async () => {
  table = await createTestTable('iris-log-masking');
  vi.stubEnv('POWERTOOLS_LOGGER_LOG_EVENT', 'true');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'DEBUG');
  vi.stubEnv('POWERTOOLS_DEV', '');
  vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', inject('dynamoDbEndpoint'));
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
  const capture = (chunk: unknown) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  await createTableRepositories(table.tableName, table.documentClient).tenants.routeWhatsAppNumber(
    PHONE_NUMBER_ID,
    TENANT,
  );
});

afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await table.drop();
});

describe('function logs', () => {
  it('carry no CPF, CNPJ, phone or e-mail in clear from a WhatsApp webhook', async () => {
    vi.stubEnv('TABLE_NAME', table.tableName);
    vi.stubEnv('WHATSAPP_APP_SECRET', APP_SECRET);
    vi.stubEnv('WHATSAPP_VERIFY_TOKEN', 'iris-test-verify-token');
    // The composition reads the environment when first imported, as at cold start.
    const { deps } = await import('#functions/whatsapp-webhook/composition');
    const { handler } = await import('#functions/whatsapp-webhook/handler');
    const before = lines.length;

    const response = await handler(whatsAppTextWithPersonalData(), lambdaContext('whatsapp-webhook'));
    // A careless line in a handler: the logger itself must still mask.
    deps.logger.error('unexpected', { error: new Error('payer joao.silva@example.com CPF 52998224725') });

    expect(response).toMatchObject({ statusCode: 200 });
    const written = lines.slice(before);
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written.join('\n')).toContain('whatsapp-webhook');
    for (const value of PERSONAL_DATA) expect(written.join('\n')).not.toContain(value);
  });

  it('carry no CPF, CNPJ, phone or e-mail in clear from the inbound router routing that delivery', async () => {
    const event = whatsAppTextWithPersonalData();
    const deliveryId = createHash('sha256')
      .update(event.body ?? '')
      .digest('hex');
    const { Item } = await table.documentClient.send(
      new GetCommand({ TableName: table.tableName, Key: WhatsAppDeliveryEntity.primary.key({ deliveryId }) }),
    );
    if (!Item) throw new Error('the webhook test stores this delivery first');
    vi.stubEnv(
      'CONVERSATION_STATE_MACHINE_ARN',
      'arn:aws:states:us-east-1:000000000000:stateMachine:conversation',
    );
    vi.stubEnv('REMINDER_STATE_MACHINE_ARN', 'arn:aws:states:us-east-1:000000000000:stateMachine:reminders');
    const { handler } = await import('#functions/inbound-router/handler');
    const before = lines.length;

    const response = await handler({ Records: [insertRecordOf(Item)] }, lambdaContext('inbound-router'));

    expect(response).toEqual({ batchItemFailures: [] });
    const written = lines.slice(before).join('\n');
    expect(written).toContain('webhook handled');
    // The stream record (the stored body, personal data and all) was logged whole and still shows nothing.
    expect(written).toContain('Lambda invocation event');
    for (const value of PERSONAL_DATA) expect(written).not.toContain(value);
  });

  it('carry no CPF, CNPJ, phone or e-mail in clear from a Paytime webhook', async () => {
    vi.stubEnv('IRIS_TENANT_ID', TENANT);
    vi.stubEnv('PAYTIME_WEBHOOK_CREDENTIALS', 'paytime:s3nh@:forte');
    const { handler } = await import('#functions/paytime-webhook/handler');
    const before = lines.length;

    const response = await handler(
      fixture<APIGatewayProxyEventV2>('events/paytime-webhook/paid-plain-body.json'),
      lambdaContext('paytime-webhook'),
    );

    expect(response).toMatchObject({ statusCode: 200 });
    const written = lines.slice(before).join('\n');
    expect(written).toContain('paytime webhook stored');
    // The event was logged whole (POWERTOOLS_LOGGER_LOG_EVENT) and still shows nothing personal.
    expect(written).toContain('Lambda invocation event');
    for (const value of PERSONAL_DATA) expect(written).not.toContain(value);
  });
});
