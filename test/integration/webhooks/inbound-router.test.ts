import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  toWhatsAppDeliveryItem,
  WhatsAppDeliveryEntity,
} from '#adapters/dynamodb/webhooks/whatsapp-delivery-entity';
import { WHATSAPP_DELIVERY_STREAM_FILTER_PATTERN } from '#adapters/dynamodb/webhooks/whatsapp-delivery-stream-filter';
import { matchesAnyFilter } from '#infra/local/emulators/index';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import {
  createWebhookHarness,
  insertRecordOf,
  metaBody,
  metaMessagesPayload,
  OWNER_PHONE,
  seedTenant,
  signedDelivery,
  type WebhookHarness,
} from './webhook-harness';

/** The inbound router on its own: what the table's stream hands it, and what it does with a bad record. */

const TENANT = 'tenant-router';
const PHONE_NUMBER_ID = '109876543210987';
let sequence = 0;

function ownerText(text: string, phoneNumberId = PHONE_NUMBER_ID) {
  sequence += 1;
  const from = OWNER_PHONE.replace('+', '');
  return metaBody(
    metaMessagesPayload(
      phoneNumberId,
      [{ wa_id: from, profile: { name: 'Dona' } }],
      [
        {
          from,
          id: `wamid.router-${sequence}`,
          timestamp: String(Math.floor(Date.now() / 1000)),
          type: 'text',
          text: { body: text },
        },
      ],
    ),
  );
}

const storedItem = (body: string, deliveryId: string) =>
  toWhatsAppDeliveryItem({ deliveryId, body, receivedAt: new Date().toISOString() });

describe('inbound router', () => {
  let table: TestTable;
  let harness: WebhookHarness;

  beforeAll(async () => {
    table = await createTestTable();
    harness = await createWebhookHarness(table);
    await seedTenant(harness, TENANT, PHONE_NUMBER_ID);
  });
  afterAll(() => table.drop());

  it('is fed only the INSERT of a stored delivery (its TTL deletion and other entities are filtered out)', () => {
    const record = insertRecordOf(storedItem('{}', 'd1'));
    expect(matchesAnyFilter(record, [WHATSAPP_DELIVERY_STREAM_FILTER_PATTERN])).toBe(true);
    expect(
      matchesAnyFilter({ ...record, eventName: 'REMOVE' }, [WHATSAPP_DELIVERY_STREAM_FILTER_PATTERN]),
    ).toBe(false);
    const other = insertRecordOf({ ...storedItem('{}', 'd2'), entity: 'InboundMessage' });
    expect(matchesAnyFilter(other, [WHATSAPP_DELIVERY_STREAM_FILTER_PATTERN])).toBe(false);
    expect(WhatsAppDeliveryEntity.primary.key({ deliveryId: 'd1' })).toEqual({
      pk: 'WA_DELIVERY#d1',
      sk: 'DELIVERY',
    });
  });

  it('routes a stored owner message once, however often the stream hands it over', async () => {
    const body = ownerText('quem me deve?');
    const startedBefore = harness.started.length;
    expect((await harness.handle(signedDelivery(body))).statusCode).toBe(200);
    expect(harness.lastRouting()).toEqual({ batchItemFailures: [] });
    expect(harness.lastSummary()?.messages).toEqual(['started']);
    for (let retry = 0; retry < 3; retry += 1) {
      expect(await harness.route(body)).toEqual({ batchItemFailures: [] });
      expect(harness.lastSummary()?.messages).toEqual(['duplicate']);
    }
    expect(harness.started.length - startedBefore).toBe(1);
  });

  it('writes nothing for a business number IRIS does not serve', async () => {
    const body = ownerText('oi', '555555555555555');
    const before = (await harness.itemsOf(TENANT, 'INBOUND')).length;
    expect((await harness.handle(signedDelivery(body))).statusCode).toBe(200);
    expect(harness.lastSummary()?.ignored).toEqual({ unknown_business_number: 1 });
    expect((await harness.itemsOf(TENANT, 'INBOUND')).length).toBe(before);
  });

  it('reports a poison record alone and still routes the others of its batch', async () => {
    const good = ownerText('cobra 150 do João dia 20');
    const poison = insertRecordOf(storedItem('{"object": "whatsapp_business_account",', 'poison'));
    const missingBody = insertRecordOf({ ...storedItem('x', 'nobody'), body: '' });
    const response = await harness.routeRecords([
      poison,
      insertRecordOf(storedItem(good, 'good')),
      missingBody,
    ]);
    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier).sort()).toEqual(
      [poison.dynamodb?.SequenceNumber, missingBody.dynamodb?.SequenceNumber].sort(),
    );
    const stored = await harness.itemsOf(TENANT, 'INBOUND');
    expect(stored.some((item) => item.messageId === `wamid.router-${sequence}`)).toBe(true);
  });
});
