import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactionBuilder } from '#adapters/dynamodb/transaction/transaction-builder';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import type { Contact } from '#application/ports/contact-repository';
import { mapWithConcurrency } from '#application/reconciliation/map-with-concurrency';
import { type Boleto, markSent, registerBoleto, requestBoleto } from '#domain/boleto';
import { addDays, type CalendarDate, saoPauloDateOf } from '#domain/calendar-date';
import {
  type FollowUpFixture,
  OWNER_PHONE,
  WEBHOOK_PASSWORD,
  WEBHOOK_USER,
} from '#test/integration/payments/follow-up-fixture';
import { uniqueId } from '#test/support/dynamodb-fixtures';

/** DynamoDB's limit on one BatchWriteItem. */
const BATCH_SIZE = 25;
/** BatchWriteItem calls in flight: more made DynamoDB Local reset connections on the shared machine. */
const WRITE_CONCURRENCY = 4;
/** Boletos prepared at once (two HTTP calls each to the Paytime simulator). */
const PREPARE_CONCURRENCY = 16;
const MAX_UNPROCESSED_RETRIES = 20;

export interface SeededBoleto {
  boleto: Boleto;
  billetId: string;
}

export interface SeedResult {
  seeded: SeededBoleto[];
  items: number;
  batchWrites: number;
  prepareMs: number;
  writeMs: number;
}

type Item = Record<string, unknown> & { pk: string; sk: string };

/**
 * Seeds `count` boletos in the state the conversation leaves them (created at Paytime, pending there,
 * registered and sent here), like the fixture's `newSentBoleto`, but written in bulk: the domain functions
 * (`requestBoleto`, `registerBoleto`, `markSent`) make the changes, the real repository stages them
 * (`create`, then `update` from version 1, exactly the items and attributes it would write), and the final
 * items go to the table with BatchWriteItem, 25 at a time, a few batches in flight. The table is fresh, so the
 * repository's conditions (no such key, version 1) hold by construction; BatchWriteItem cannot check them.
 * Paytime's webhooks are off while billets are created and completed (the processing-complete notice would
 * only store a provider event that nothing here reads); they are back on when this returns.
 */
export async function seedSentBoletos(
  fx: FollowUpFixture,
  input: { count: number; contact: Contact; dueDateOf: (index: number) => CalendarDate },
): Promise<SeedResult> {
  const ids = new TimeOrderedIdGenerator(fx.clock);
  fx.paytime.controls.setWebhook(undefined);
  const prepareStarted = performance.now();
  let prepared: { seeded: SeededBoleto; items: Item[] }[];
  try {
    prepared = await mapWithConcurrency(
      Array.from({ length: input.count }, (_, i) => i),
      PREPARE_CONCURRENCY,
      (i) => prepareSentBoleto(fx, ids, input.contact, input.dueDateOf(i)),
    );
  } finally {
    fx.paytime.controls.setWebhook({
      url: fx.gateway.url,
      basicUser: WEBHOOK_USER,
      basicPassword: WEBHOOK_PASSWORD,
      retryDelayMs: 20,
    });
  }
  const prepareMs = performance.now() - prepareStarted;
  const items = prepared.flatMap((entry) => entry.items);
  const writeStarted = performance.now();
  const batchWrites = await writeInBulk(fx.table.documentClient, fx.table.tableName, items);
  return {
    seeded: prepared.map((entry) => entry.seeded),
    items: items.length,
    batchWrites,
    prepareMs,
    writeMs: performance.now() - writeStarted,
  };
}

/**
 * Writes items to a fresh table with BatchWriteItem, 25 at a time, a few batches in flight (unprocessed items
 * retried); no conditions are checked. Returns the number of batches.
 */
export async function writeInBulk(
  client: DynamoDBDocumentClient,
  tableName: string,
  items: readonly Item[],
): Promise<number> {
  const batches: Item[][] = [];
  for (let start = 0; start < items.length; start += BATCH_SIZE)
    batches.push(items.slice(start, start + BATCH_SIZE));
  await mapWithConcurrency(batches, WRITE_CONCURRENCY, (batch) => batchWrite(client, tableName, batch));
  return batches.length;
}

/** The same steps and inputs as `newSentBoleto`, staged instead of written. */
async function prepareSentBoleto(
  fx: FollowUpFixture,
  ids: TimeOrderedIdGenerator,
  contact: Contact,
  dueDate: CalendarDate,
): Promise<{ seeded: SeededBoleto; items: Item[] }> {
  const amountCents = 15_000;
  const description = 'Aulas de violão';
  const commandKey = uniqueId('command');
  const now = fx.clock.now();
  const ctx = { actor: { kind: 'owner' as const, id: OWNER_PHONE }, at: now.toISOString() };
  const requested = requestBoleto(
    {
      id: ids.newId(),
      tenantId: fx.tenantId,
      contactId: contact.contactId,
      amountCents,
      dueDate,
      description,
      commandKey,
      today: saoPauloDateOf(now),
      maxAmountCents: 1_000_000,
    },
    ctx,
  );
  const created = await fx.billing.createBoleto({
    commandKey,
    amountCents,
    dueDate,
    paymentLimitDate: addDays(dueDate, 60),
    payer: {
      name: contact.name,
      taxId: contact.taxId,
      email: contact.email ?? 'x@example.com',
      phone: contact.phone,
    },
    description,
    instructions: { fineBps: 200, monthlyInterestBps: 100 },
  });
  fx.paytime.controls.completeProcessing(created.providerId);
  const pending = await fx.billing.getBoleto(created.providerId);
  const registered = registerBoleto(
    requested.boleto,
    {
      providerId: pending.providerId,
      digitableLine: pending.digitableLine ?? '',
      barcode: pending.barcode ?? '',
      ...(pending.pdfUrl ? { pdfUrl: pending.pdfUrl } : {}),
    },
    ctx,
  );
  const sent = markSent(registered.boleto, 'whatsapp', ctx);
  const creation = new TransactionBuilder(fx.table.tableName);
  await fx.deps.boletos.create(requested, creation);
  const update = new TransactionBuilder(fx.table.tableName);
  await fx.deps.boletos.update(
    { boleto: sent.boleto, events: [...registered.events, ...sent.events] },
    1,
    update,
  );
  return {
    seeded: { boleto: sent.boleto, billetId: created.providerId },
    items: finalItems([creation, update]),
  };
}

/** The items the transactions leave in the table, in order: a later Put of the same key replaces the earlier. */
export function finalItems(transactions: readonly TransactionBuilder[]): Item[] {
  const byKey = new Map<string, Item>();
  for (const transaction of transactions) {
    for (const { item } of transaction.staged) {
      if (!item.Put) throw new Error(`seeding expects only Puts, got ${Object.keys(item).join(', ')}`);
      const put = item.Put.Item as Item;
      byKey.set(`${put.pk}\u0000${put.sk}`, put);
    }
  }
  return [...byKey.values()];
}

async function batchWrite(client: DynamoDBDocumentClient, tableName: string, batch: Item[]): Promise<void> {
  let requests = batch.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; requests.length > 0; attempt += 1) {
    if (attempt > MAX_UNPROCESSED_RETRIES)
      throw new Error(`${requests.length} items still unprocessed after ${attempt} BatchWriteItem calls`);
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 25 * 2 ** attempt)));
    const { UnprocessedItems } = await client.send(
      new BatchWriteCommand({ RequestItems: { [tableName]: requests } }),
    );
    requests = (UnprocessedItems?.[tableName] ?? []) as typeof requests;
  }
}
