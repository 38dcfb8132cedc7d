import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import {
  createWebhookHarness,
  metaBody,
  OWNER_PHONE,
  seedTenant,
  signedDelivery,
  type WebhookHarness,
} from './webhook-harness';

/**
 * Parse leniently, act strictly: any JSON object with the envelope's top-level shape is acknowledged (2xx),
 * whatever it carries, and writes nothing but what its readable messages call for.
 */

const TENANT = 'tenant-property';
const PHONE_NUMBER_ID = '109876543210987';

/** Keys IRIS reads somewhere in a delivery: an extra field is anything else. */
const READ_KEYS = new Set(
  'object entry id changes field value messaging_product metadata contacts messages statuses errors from from_user_id timestamp type text context system'.split(
    ' ',
  ),
);

/** Extra fields Meta might add one day: any other key, any JSON value. */
const extraFields = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !READ_KEYS.has(key) && key !== '__proto__'),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 4 },
);

const withExtras = <T extends Record<string, unknown>>(base: fc.Arbitrary<T>) =>
  fc.tuple(extraFields, base).map(([extras, value]) => ({ ...extras, ...value }));

describe('any WhatsApp envelope', () => {
  let table: TestTable;
  let harness: WebhookHarness;
  /** Items written by routing: everything but the webhook's stored deliveries (`WA_DELIVERY#…`). */
  const itemCount = async () =>
    (
      await table.documentClient.send(
        new ScanCommand({
          TableName: table.tableName,
          Select: 'COUNT',
          FilterExpression: 'NOT begins_with(pk, :delivery)',
          ExpressionAttributeValues: { ':delivery': 'WA_DELIVERY#' },
        }),
      )
    ).Count ?? 0;

  beforeAll(async () => {
    table = await createTestTable();
    harness = await createWebhookHarness(table);
    await seedTenant(harness, TENANT, PHONE_NUMBER_ID);
  });
  afterAll(() => table.drop());

  it('is answered 2xx and writes nothing when nothing in it is a readable message', async () => {
    const junkEntry = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      withExtras(
        fc.record({ id: fc.string(), changes: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }) }),
      ),
      withExtras(
        fc.record({
          id: fc.string(),
          changes: fc.array(
            withExtras(
              fc.record({
                field: fc.constantFrom('messages', 'account_update', 'statuses', 'x'),
                value: withExtras(
                  fc.record({
                    messaging_product: fc.constantFrom('whatsapp', 'sms'),
                    metadata: fc.record({ phone_number_id: fc.constantFrom(PHONE_NUMBER_ID, '1') }),
                    messages: fc.array(withExtras(fc.record({ id: fc.string(), type: fc.string() })), {
                      maxLength: 2,
                    }),
                  }),
                ),
              }),
            ),
            { maxLength: 3 },
          ),
        }),
      ),
    );
    const envelope = withExtras(
      fc.record({
        object: fc.constant('whatsapp_business_account'),
        entry: fc.array(junkEntry, { maxLength: 3 }),
      }),
    );
    const before = await itemCount();
    await fc.assert(
      fc.asyncProperty(envelope, async (payload) => {
        const response = await harness.handle(signedDelivery(metaBody(payload)));
        expect(response.statusCode).toBe(200);
      }),
      { numRuns: 60 },
    );
    // Messages without a timestamp or sender are unreadable: the router may have written nothing.
    expect(await itemCount()).toBe(before);
  });

  it('stores and hands on exactly the readable message, whatever extra fields surround it', async () => {
    let sequence = 0;
    await fc.assert(
      fc.asyncProperty(
        extraFields,
        extraFields,
        extraFields,
        extraFields,
        extraFields,
        async (e1, e2, e3, e4, e5) => {
          sequence += 1;
          const messageId = `wamid.property-${sequence}`;
          const payload = {
            ...e1,
            object: 'whatsapp_business_account',
            entry: [
              {
                ...e2,
                id: '102290129340398',
                changes: [
                  {
                    ...e3,
                    field: 'messages',
                    value: {
                      ...e4,
                      messaging_product: 'whatsapp',
                      metadata: { display_phone_number: '551140028922', phone_number_id: PHONE_NUMBER_ID },
                      contacts: [{ wa_id: '5511999990001', profile: { name: 'Dona' } }],
                      messages: [
                        {
                          ...e5,
                          from: '5511999990001',
                          id: messageId,
                          timestamp: String(Math.floor(Date.now() / 1000)),
                          type: 'text',
                          text: { body: 'quem me deve?' },
                        },
                      ],
                    },
                  },
                ],
              },
            ],
          };
          const startedBefore = harness.started.length;
          const response = await harness.handle(signedDelivery(metaBody(payload)));
          expect(response.statusCode).toBe(200);
          const started = harness.started.slice(startedBefore);
          expect(started).toEqual([expect.objectContaining({ messageId, from: OWNER_PHONE })]);
          const stored = await harness.itemsOf(TENANT, 'INBOUND');
          expect(stored.filter((item) => item.messageId === messageId)).toHaveLength(1);
        },
      ),
      { numRuns: 25 },
    );
  });
});
