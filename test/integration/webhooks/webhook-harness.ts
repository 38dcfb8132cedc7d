import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
  DynamoDBBatchResponse,
  DynamoDBRecord,
} from 'aws-lambda';
import { inject, vi } from 'vitest';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { WhatsAppDeliveryEntity } from '#adapters/dynamodb/webhooks/whatsapp-delivery-entity';
import type { OwnerMessageInput, Workflows } from '#application/ports/workflows';
import type { ReceiveSummary } from '#application/webhooks/receive-whatsapp-events';
import { normalizePhone } from '#domain/phone-number';
import { parseTaxId } from '#domain/tax-id';
import { createInboundRouterHandler } from '#functions/inbound-router/create-handler';
import { createWhatsAppWebhookHandler } from '#functions/whatsapp-webhook/create-handler';
import { metaJson } from '#simulators/whatsapp/webhook-payloads';
import type { TestTable } from '#test/support/dynamodb-test-table';
import { metaChangePayload } from '#test/support/meta-webhook-payload';
import { rawBodyOf, signMetaPayload } from '#webhooks/whatsapp/signature';

/**
 * The real WhatsApp webhook handler over DynamoDB Local, fed Meta-style deliveries (compact JSON, non-ASCII
 * escaped, signed with the app secret), followed by the real inbound router invoked with the stream record
 * the webhook's write produces (the INSERT of the stored delivery, as Lambda hands it over; a delivery that
 * was already stored produces no record). Only the workflow port is a recorder: the conversation itself is
 * not what these tests are about (the e2e tests run it for real, through the local cloud's stream).
 */

export const APP_SECRET = 'iris-test-app-secret';
export const OWNER_PHONE = normalizePhone('+5511999990001');
export const OWNER_BSUID = 'BR.1502576394655843';
export const CONTACT_PHONE = normalizePhone('+5511987654321');

export interface WebhookHarness {
  /** The webhook's answer; by the time it resolves, the router has handled the stored delivery, if any. */
  handle(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2>;
  /** The router alone, with the INSERT record of the delivery stored for these exact bytes (a stream retry). */
  route(rawBody: string): Promise<DynamoDBBatchResponse>;
  /** The router with these stream records as one batch. */
  routeRecords(records: DynamoDBRecord[]): Promise<DynamoDBBatchResponse>;
  repositories: ReturnType<typeof createTableRepositories>;
  started: OwnerMessageInput[];
  /** The summary the router logged for the last `handle`'s delivery (undefined: nothing was routed). */
  lastSummary(): ReceiveSummary | undefined;
  /** The router's answer for the last `handle` (undefined: no stream record, e.g. a duplicate POST). */
  lastRouting(): DynamoDBBatchResponse | undefined;
  /** Every item whose key starts `T#<tenant>#<kind>#` (a Scan: test inspection only, never in IRIS's code). */
  itemsOf(tenantId: string, kind: string): Promise<Record<string, unknown>[]>;
}

export function webhookEnvironment(table: TestTable): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoDbEndpoint'),
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    TABLE_NAME: table.tableName,
    CONVERSATION_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:conversation',
    REMINDER_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:reminders',
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'iris-test-verify-token',
    WEBHOOK_MAX_BODY_BYTES: '262144',
  };
}

const LAMBDA_CONTEXT = { functionName: 'inbound-router', awsRequestId: 'test' } as Context;

let sequenceNumber = 1_000_000;
const nextSequenceNumber = () => {
  sequenceNumber += 1;
  return sequenceNumber;
};

/** The record Lambda hands the router for the INSERT of a stored item (NEW_AND_OLD_IMAGES). */
export function insertRecordOf(item: Record<string, unknown>): DynamoDBRecord {
  // A stored delivery holds strings and numbers only.
  const image = Object.fromEntries(
    Object.entries(item).map(([name, value]) => [
      name,
      typeof value === 'number' ? { N: String(value) } : { S: String(value) },
    ]),
  );
  return {
    eventID: createHash('sha256').update(JSON.stringify(image)).digest('hex').slice(0, 32),
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      Keys: { pk: { S: String(item.pk) }, sk: { S: String(item.sk) } },
      NewImage: image,
      SequenceNumber: String(nextSequenceNumber()),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: 'arn:aws:dynamodb:us-east-1:000000000000:table/test/stream/local',
  };
}

/** Once per test file: the functions' compositions read the environment when first imported, as at cold start. */
export async function createWebhookHarness(table: TestTable): Promise<WebhookHarness> {
  Object.assign(process.env, webhookEnvironment(table));
  const webhook = createWhatsAppWebhookHandler(
    (await import('#functions/whatsapp-webhook/composition')).deps,
  );
  const { deps } = await import('#functions/inbound-router/composition');
  const router = createInboundRouterHandler(deps);
  const started: OwnerMessageInput[] = [];
  const workflows: Workflows = {
    startConversation: async (input) => {
      started.push(input.message);
    },
    resumeConversation: async () => true,
    startReminderLoop: async () => {},
    stopReminderLoop: async () => {},
  };
  deps.receive.route.workflows = workflows;
  const info = vi.spyOn(deps.logger, 'info');
  const repositories = createTableRepositories(table.tableName, table.documentClient);
  const routed = new Set<string>();
  let lastSummary: ReceiveSummary | undefined;
  let lastRouting: DynamoDBBatchResponse | undefined;
  const storedDelivery = async (raw: Buffer) => {
    const deliveryId = createHash('sha256').update(raw).digest('hex');
    const { Item } = await table.documentClient.send(
      new GetCommand({
        TableName: table.tableName,
        Key: WhatsAppDeliveryEntity.primary.key({ deliveryId }),
        ConsistentRead: true,
      }),
    );
    return Item;
  };
  const route = async (item: Record<string, unknown>) => {
    const before = info.mock.calls.length;
    const response = await router({ Records: [insertRecordOf(item)] }, LAMBDA_CONTEXT);
    const handled = info.mock.calls.slice(before).filter(([message]) => message === 'webhook handled');
    lastSummary = (handled.at(-1)?.[1] as { summary?: ReceiveSummary } | undefined)?.summary;
    return response;
  };
  return {
    handle: async (event) => {
      lastSummary = undefined;
      lastRouting = undefined;
      const response = await webhook(event);
      if (response.statusCode !== 200 || event.requestContext?.http?.method === 'GET') return response;
      const item = await storedDelivery(rawBodyOf(event));
      // The stream carries one INSERT per stored delivery: a POST of bytes already stored produces none.
      if (item && !routed.has(String(item.deliveryId))) {
        routed.add(String(item.deliveryId));
        lastRouting = await route(item);
      }
      return response;
    },
    route: async (rawBody) => {
      const item = await storedDelivery(Buffer.from(rawBody, 'utf8'));
      if (!item) throw new Error('no delivery stored for these bytes');
      return route(item);
    },
    routeRecords: (records) => router({ Records: records }, LAMBDA_CONTEXT),
    repositories,
    started,
    lastSummary: () => lastSummary,
    lastRouting: () => lastRouting,
    itemsOf: async (tenantId, kind) => {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await table.documentClient.send(
          new ScanCommand({
            TableName: table.tableName,
            FilterExpression: 'begins_with(pk, :prefix)',
            ExpressionAttributeValues: { ':prefix': `T#${tenantId}#${kind}#` },
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },
  };
}

/** A tenant with its own business number, an owner (BSUID linked) and a contact. */
export async function seedTenant(harness: WebhookHarness, tenantId: string, phoneNumberId: string) {
  const { repositories } = harness;
  await repositories.tenants.routeWhatsAppNumber(phoneNumberId, tenantId);
  const now = new Date().toISOString();
  await repositories.users.save({
    tenantId,
    phone: OWNER_PHONE,
    name: 'Dona',
    role: 'owner',
    createdAt: now,
  });
  await repositories.users.linkWhatsAppUserId(tenantId, OWNER_PHONE, OWNER_BSUID);
  await repositories.contacts.create({
    tenantId,
    contactId: `contact-${tenantId}`,
    name: 'João',
    phone: CONTACT_PHONE,
    taxId: parseTaxId('52998224725'),
    optedOut: false,
    createdAt: now,
  });
}

const TEMPLATE = JSON.parse(
  readFileSync('events/whatsapp/text-message.json', 'utf8'),
) as APIGatewayProxyEventV2;

/** An API Gateway event carrying `body` exactly, signed as Meta signs it. */
export function signedDelivery(body: string, secret = APP_SECRET): APIGatewayProxyEventV2 {
  return {
    ...structuredClone(TEMPLATE),
    body,
    isBase64Encoded: false,
    headers: {
      ...TEMPLATE.headers,
      'content-length': String(Buffer.byteLength(body)),
      'x-hub-signature-256': signMetaPayload(body, secret),
    },
  };
}

/** Meta's serialisation of a payload object. */
export function metaBody(payload: unknown): string {
  return metaJson(payload);
}

/** Meta's envelope around one `messages` change for `phoneNumberId`, carrying `contacts` and `messages`. */
export function metaMessagesPayload(phoneNumberId: string, contacts: unknown[], messages: unknown[]) {
  return metaChangePayload(phoneNumberId, { contacts, messages });
}
