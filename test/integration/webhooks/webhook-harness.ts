import { readFileSync } from 'node:fs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { inject, vi } from 'vitest';
import { composeWhatsAppWebhook } from '../../../functions/whatsapp-webhook/composition';
import { createWhatsAppWebhookHandler } from '../../../functions/whatsapp-webhook/create-handler';
import { createTableRepositories } from '../../../shared/adapters/dynamodb/table-repositories';
import type { OwnerMessageInput, Workflows } from '../../../shared/application/ports/workflows';
import type { ReceiveSummary } from '../../../shared/application/webhooks/receive-whatsapp-events';
import { normalizePhone } from '../../../shared/domain/phone-number';
import { parseTaxId } from '../../../shared/domain/tax-id';
import { metaJson } from '../../../shared/simulators/whatsapp/webhook-payloads';
import { signMetaPayload } from '../../../shared/webhooks/whatsapp/signature';
import type { TestTable } from '../../support/dynamodb-test-table';

/**
 * The real WhatsApp webhook handler over DynamoDB Local, fed Meta-style deliveries (compact JSON, non-ASCII
 * escaped, signed with the app secret). Only the workflow port is a recorder: the conversation itself is
 * not what these tests are about (the e2e tests run it for real).
 */

export const APP_SECRET = 'iris-test-app-secret';
export const OWNER_PHONE = normalizePhone('+5511999990001');
export const OWNER_BSUID = 'BR.1502576394655843';
export const CONTACT_PHONE = normalizePhone('+5511987654321');

export interface WebhookHarness {
  handle: ReturnType<typeof createWhatsAppWebhookHandler>;
  repositories: ReturnType<typeof createTableRepositories>;
  started: OwnerMessageInput[];
  /** The summary the handler logged for its last delivery. */
  lastSummary(): ReceiveSummary | undefined;
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

export function createWebhookHarness(table: TestTable): WebhookHarness {
  const env = webhookEnvironment(table);
  Object.assign(process.env, env);
  const deps = composeWhatsAppWebhook({ ...process.env, ...env });
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
  return {
    handle: createWhatsAppWebhookHandler(deps),
    repositories,
    started,
    lastSummary: () => {
      const calls = info.mock.calls.filter(([message]) => message === 'webhook handled');
      const last = calls.at(-1)?.[1] as { summary?: ReceiveSummary } | undefined;
      return last?.summary;
    },
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
