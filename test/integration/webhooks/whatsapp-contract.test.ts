import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import {
  createWebhookHarness,
  metaBody,
  seedTenant,
  signedDelivery,
  type WebhookHarness,
} from './webhook-harness';

/**
 * The contract suite: every payload shape of `events/whatsapp/contract/` (each file names its source),
 * re-addressed to a tenant of its own, serialised and signed as Meta does, through the real handler.
 * Each must be answered 2xx and have the effect its file declares.
 */

interface ContractFile {
  source: string;
  note: string;
  payload: { entry: Array<{ changes: Array<{ value?: { metadata?: { phone_number_id?: string } } }> }> };
  expect: {
    messages?: string[];
    statuses?: string[];
    identityChanges?: string[];
    ignored?: Record<string, number>;
    storedMessages?: number;
  };
}

const DIR = 'events/whatsapp/contract';
const FILES = readdirSync(DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.replace(/\.json$/, ''));
const SERVED_NUMBER = '109876543210987';

function load(name: string): ContractFile {
  return JSON.parse(readFileSync(`${DIR}/${name}.json`, 'utf8')) as ContractFile;
}

/** Moves every timestamp of the payload to now, keeping its JSON type (string or number). */
function freshTimestamps(value: unknown, nowSeconds: number): unknown {
  if (Array.isArray(value)) return value.map((item) => freshTimestamps(item, nowSeconds));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (key === 'timestamp' && typeof item === 'number') return [key, nowSeconds];
      if (key === 'timestamp' && typeof item === 'string' && /^\d+$/.test(item))
        return [key, String(nowSeconds)];
      return [key, freshTimestamps(item, nowSeconds)];
    }),
  );
}

describe('WhatsApp webhook contract suite', () => {
  let table: TestTable;
  let harness: WebhookHarness;

  beforeAll(async () => {
    table = await createTestTable();
    harness = await createWebhookHarness(table);
  });
  afterAll(() => table.drop());

  it('holds a corpus of every kind, each file naming its source', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(40);
    for (const name of FILES) expect(load(name).source, name).toMatch(/\w{10}/);
  });

  it.each(FILES)('%s: answered 200, with the declared effect', async (name) => {
    const file = load(name);
    const tenantId = `contract-${name}`;
    const phoneNumberId = String(100_000_000_000_000 + FILES.indexOf(name));
    await seedTenant(harness, tenantId, phoneNumberId);
    const body = metaBody(freshTimestamps(file.payload, Math.floor(Date.now() / 1000))).replaceAll(
      SERVED_NUMBER,
      phoneNumberId,
    );
    const startedBefore = harness.started.length;

    const response = await harness.handle(signedDelivery(body));

    expect(response.statusCode).toBe(200);
    const summary = harness.lastSummary();
    expect(summary?.messages ?? []).toEqual(file.expect.messages ?? []);
    expect(summary?.statuses ?? []).toEqual(file.expect.statuses ?? []);
    expect(summary?.identityChanges ?? []).toEqual(file.expect.identityChanges ?? []);
    expect(summary?.ignored ?? {}).toEqual(file.expect.ignored ?? {});

    const messages = file.expect.messages ?? [];
    const stored = await harness.itemsOf(tenantId, 'INBOUND');
    expect(stored).toHaveLength(file.expect.storedMessages ?? messages.length);
    for (const item of stored) {
      const outcome = item.handledBy as string;
      expect(messages).toContain(outcome);
    }
    const started = harness.started.slice(startedBefore);
    expect(started).toHaveLength(messages.filter((outcome) => outcome === 'started').length);
    // IRIS answers (an outbox item) only an owner it replied to, or a contact's message (told to the owner).
    const answers = messages.includes('replied') || messages.includes('contact_message');
    const replies = (await harness.itemsOf(tenantId, 'OUTBOX')).length;
    if (answers) expect(replies).toBeGreaterThan(0);
    if (!answers) expect(replies).toBe(0);
  });

  it('a replay of the whole corpus changes nothing and starts nothing', async () => {
    const startedBefore = harness.started.length;
    for (const name of FILES) {
      const file = load(name);
      const phoneNumberId = String(100_000_000_000_000 + FILES.indexOf(name));
      const body = metaBody(freshTimestamps(file.payload, Math.floor(Date.now() / 1000))).replaceAll(
        SERVED_NUMBER,
        phoneNumberId,
      );
      expect((await harness.handle(signedDelivery(body))).statusCode, name).toBe(200);
    }
    expect(harness.started.length).toBe(startedBefore);
  });
});
