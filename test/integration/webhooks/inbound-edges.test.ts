import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INBOUND_AGE_MS } from '#application/conversation/route-inbound-message';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import {
  createWebhookHarness,
  metaBody,
  metaMessagesPayload,
  seedTenant,
  signedDelivery,
  type WebhookHarness,
} from './webhook-harness';

/** Issue 11's inbound edges: old replays, bursts of taps, strangers who keep writing. */

const TENANT = 'tenant-edges';
const PHONE_NUMBER_ID = '109876543210987';
let sequence = 0;

function delivery(from: string, message: Record<string, unknown>, sentAt = new Date()) {
  sequence += 1;
  const id = `wamid.edge-${sequence}`;
  const payload = metaMessagesPayload(
    PHONE_NUMBER_ID,
    [{ wa_id: from, profile: { name: 'X' } }],
    [{ from, id, timestamp: String(Math.floor(sentAt.getTime() / 1000)), ...message }],
  );
  return { id, event: signedDelivery(metaBody(payload)) };
}

describe('inbound edges', () => {
  let table: TestTable;
  let harness: WebhookHarness;

  beforeAll(async () => {
    table = await createTestTable();
    harness = await createWebhookHarness(table);
    await seedTenant(harness, TENANT, PHONE_NUMBER_ID);
  });
  afterAll(() => table.drop());

  it('acknowledges a message older than Meta’s retry horizon by its own timestamp, and ignores it', async () => {
    const startedBefore = harness.started.length;
    for (const age of [MAX_INBOUND_AGE_MS + 60_000, 31 * 86_400_000, 400 * 86_400_000]) {
      const old = delivery(
        '5511999990001',
        { type: 'text', text: { body: 'cobra 150 do João' } },
        new Date(Date.now() - age),
      );
      const response = await harness.handle(old.event);
      expect(response.statusCode).toBe(200);
      expect(harness.lastSummary()?.messages).toEqual(['stale']);
      const stored = await harness.itemsOf(TENANT, 'INBOUND');
      expect(stored.some((item) => item.messageId === old.id)).toBe(false);
    }
    expect(harness.started.length).toBe(startedBefore);
    // Just inside the horizon, it is still a message to act on.
    const recent = delivery(
      '5511999990001',
      { type: 'text', text: { body: 'quem me deve?' } },
      new Date(Date.now() - MAX_INBOUND_AGE_MS + 60_000),
    );
    await harness.handle(recent.event);
    expect(harness.lastSummary()?.messages).toEqual(['started']);
  });

  it('answers a burst of 20 taps of one decided button once, however many message ids they carry', async () => {
    const startedBefore = harness.started.length;
    const tap = {
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'confirm:req-decided:1', title: 'Sim' } },
    };
    const outcomes: string[] = [];
    const taps = Array.from({ length: 20 }, () => delivery('5511999990001', tap));
    for (const { event } of taps) {
      expect((await harness.handle(event)).statusCode).toBe(200);
      outcomes.push(...(harness.lastSummary()?.messages ?? []));
    }
    expect(outcomes.filter((outcome) => outcome === 'started')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'duplicate_tap')).toHaveLength(19);
    expect(harness.started.length - startedBefore).toBe(1);
    // Meta's retry of the first tap (the same bytes) is a no-op at the webhook: answered, nothing routed.
    const first = taps[0];
    if (!first) throw new Error('no taps');
    expect((await harness.handle(first.event)).statusCode).toBe(200);
    expect(harness.lastRouting()).toBeUndefined();
    // A stream retry of that delivery is still the first tap: a duplicate, not a new tap.
    expect((await harness.route(first.event.body ?? '')).batchItemFailures).toEqual([]);
    expect(harness.lastSummary()?.messages).toEqual(['duplicate']);
    // Another button is another question.
    await harness.handle(
      delivery('5511999990001', {
        ...tap,
        interactive: { type: 'button_reply', button_reply: { id: 'confirm:req-other:1', title: 'Sim' } },
      }).event,
    );
    expect(harness.lastSummary()?.messages).toEqual(['started']);
  });

  it('gives an unknown number the "not registered" answer once a day, however often it writes', async () => {
    const stranger = '5521977776666';
    for (let i = 0; i < 6; i += 1) {
      const { event } = delivery(stranger, { type: 'text', text: { body: `oi ${i}` } });
      expect((await harness.handle(event)).statusCode).toBe(200);
      expect(harness.lastSummary()?.messages).toEqual(['replied']);
    }
    const replies = (await harness.itemsOf(TENANT, 'OUTBOX')).filter(
      (item) => item.recipient === '+5521977776666' && item.kind === 'owner_reply',
    );
    expect(replies).toHaveLength(1);
    expect(
      (await harness.itemsOf(TENANT, 'INBOUND')).filter((item) => item.from === '+5521977776666'),
    ).toHaveLength(6);
  });
});
