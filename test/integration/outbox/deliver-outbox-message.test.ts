import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbOutboxRepository } from '#adapters/dynamodb/outbox/dynamodb-outbox-repository';
import { createTableRepositories, type TableRepositories } from '#adapters/dynamodb/table-repositories';
import { addToOutbox } from '#application/outbox/add-to-outbox';
import {
  type ChannelDispatcher,
  DeliveryPermanentError,
  DeliveryRetryableError,
  type DispatchResult,
} from '#application/outbox/channel-dispatcher';
import { DeliverOutboxMessage, RetryDeliveryLaterError } from '#application/outbox/deliver-outbox-message';
import type { TransactionContext } from '#application/ports/unit-of-work';
import { DEFAULT_DELIVERY_SETTINGS } from '#config/outbox-config';
import type { NewOutboxMessage, OutboxMessage } from '#domain/outbox-message';
import { normalizePhone } from '#domain/phone-number';
import { parseTaxId } from '#domain/tax-id';
import { uniqueId, uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';

/** The real repository, remembering what was staged with `add` (to find the owner notices afterwards). */
class RecordingOutbox extends DynamoDbOutboxRepository {
  readonly added: OutboxMessage[] = [];

  override async add(message: OutboxMessage, tx?: TransactionContext): Promise<void> {
    this.added.push(message);
    await super.add(message, tx);
  }
}

/** A dispatcher that plays a script: each call takes the next step (a result or an error). */
function scripted(...steps: Array<DispatchResult | Error>) {
  const sent: string[] = [];
  const dispatcher: ChannelDispatcher = {
    channel: 'whatsapp',
    dispatch: async (message: OutboxMessage) => {
      const step = steps.shift() ?? { providerMessageId: `wamid.${message.id}.${sent.length}` };
      if (step instanceof Error) throw step;
      sent.push(message.id);
      return step;
    },
  };
  return { dispatcher, sent };
}

describe('DeliverOutboxMessage on DynamoDB Local', () => {
  let table: TestTable;
  let persistence: TableRepositories;
  let recording: RecordingOutbox;
  let now = new Date('2026-12-09T15:00:00.000Z'); // Wednesday, 12:00 in São Paulo
  const clock = { now: () => now };
  let sequence = 0;
  const ids = { newId: () => `ID${Date.now()}${sequence++}` };
  const owner = normalizePhone('(11) 91111-2222');

  beforeAll(async () => {
    table = await createTestTable('deliver-outbox');
    persistence = createTableRepositories(table.tableName, table.documentClient);
    recording = new RecordingOutbox(table.tableName, table.documentClient);
  });

  /** The owner notices committed about `failed` (staged by the use case, and really in the table). */
  async function noticesAbout(tenantId: string, failed: OutboxMessage) {
    const staged = recording.added.filter(
      (message) =>
        message.tenantId === tenantId &&
        message.correlationId === failed.correlationId &&
        message.kind === 'delivery_failed',
    );
    const stored = await Promise.all(staged.map((message) => persistence.outbox.get(tenantId, message.id)));
    return stored.filter((message) => message !== undefined);
  }

  afterAll(async () => {
    await table.drop();
  });

  async function setUp(tenantId = uniqueTenantId()) {
    await persistence.users.save({
      tenantId,
      phone: owner,
      name: 'Ana',
      role: 'owner',
      createdAt: now.toISOString(),
    });
    const contact = {
      tenantId,
      contactId: uniqueId('contact'),
      name: 'Lucas Prado',
      phone: normalizePhone('(21) 98888-7777'),
      taxId: parseTaxId('123.456.789-09'),
      optedOut: false,
      createdAt: now.toISOString(),
    };
    await persistence.contacts.create(contact);
    return { tenantId, contact };
  }

  function useCase(dispatcher: ChannelDispatcher, overrides: Partial<typeof DEFAULT_DELIVERY_SETTINGS> = {}) {
    return new DeliverOutboxMessage({
      ...persistence,
      outbox: recording,
      dispatcher,
      clock,
      ids,
      settings: {
        ...DEFAULT_DELIVERY_SETTINGS,
        defaultReminderWindow: { startHour: 8, endHour: 20, weekdays: [] },
        ...overrides,
      },
    });
  }

  async function enqueue(tenantId: string, input: NewOutboxMessage) {
    return persistence.unitOfWork.run((tx) =>
      addToOutbox({ outbox: persistence.outbox, ids }, tx, tenantId, input, now),
    );
  }

  const reminder = (phone: string, contactId?: string): NewOutboxMessage => ({
    channel: 'whatsapp',
    kind: 'reminder',
    recipient: phone,
    audience: 'contact',
    ...(contactId ? { contactId } : {}),
    content: { type: 'text', text: 'Seu boleto vence amanhã.' },
    correlationId: 'c',
  });

  it('gives up after the last attempt: failed (retries_exhausted) and the owner told', async () => {
    const { tenantId, contact } = await setUp();
    const message = await enqueue(tenantId, reminder(contact.phone, contact.contactId));
    const { dispatcher } = scripted(new DeliveryRetryableError('500'), new DeliveryRetryableError('500'));
    const deliver = useCase(dispatcher, { maxAttempts: 2 });
    await expect(deliver.execute({ tenantId, outboxId: message.id })).rejects.toBeInstanceOf(
      RetryDeliveryLaterError,
    );
    expect(await persistence.outbox.get(tenantId, message.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: '500',
    });
    await expect(deliver.execute({ tenantId, outboxId: message.id })).resolves.toEqual({
      kind: 'failed',
      reason: 'retries_exhausted',
    });
    expect(await persistence.outbox.get(tenantId, message.id)).toMatchObject({
      status: 'failed',
      attempts: 2,
    });
  });

  it('keeps the claim after an unexpected error, then lets a later attempt take it over once stale', async () => {
    const { tenantId } = await setUp();
    const message = await enqueue(tenantId, { ...reminder(owner), audience: 'owner', kind: 'owner_reply' });
    const { dispatcher, sent } = scripted(new Error('process crashed mid-send'));
    const deliver = useCase(dispatcher);
    await expect(deliver.execute({ tenantId, outboxId: message.id })).rejects.toThrow('process crashed');
    const inFlight = await deliver.execute({ tenantId, outboxId: message.id });
    expect(inFlight.kind).toBe('in_flight');
    now = new Date(now.getTime() + (DEFAULT_DELIVERY_SETTINGS.staleClaimSeconds + 1) * 1000);
    await expect(deliver.execute({ tenantId, outboxId: message.id })).resolves.toMatchObject({
      kind: 'sent',
    });
    expect(sent).toEqual([message.id]);
    expect((await persistence.outbox.get(tenantId, message.id))?.attempts).toBe(2);
  });

  it('refuses a message to an opted-out contact found by phone, without telling the owner again', async () => {
    const { tenantId, contact } = await setUp();
    await persistence.contacts.update({ ...contact, optedOut: true });
    const message = await enqueue(tenantId, reminder(contact.phone));
    const { dispatcher, sent } = scripted();
    await expect(useCase(dispatcher).execute({ tenantId, outboxId: message.id })).resolves.toEqual({
      kind: 'failed',
      reason: 'opted_out',
    });
    expect(sent).toEqual([]);
    expect(await noticesAbout(tenantId, message)).toEqual([]);
  });

  it('defers the fourth message of the day to a contact until the next window', async () => {
    const { tenantId, contact } = await setUp();
    const { dispatcher, sent } = scripted();
    const deliver = useCase(dispatcher);
    const outcomes = [];
    for (let index = 0; index < 4; index++) {
      const message = await enqueue(tenantId, reminder(contact.phone, contact.contactId));
      outcomes.push(await deliver.execute({ tenantId, outboxId: message.id }));
    }
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['sent', 'sent', 'sent', 'deferred']);
    const deferred = outcomes[3];
    expect(deferred?.kind === 'deferred' && deferred.until.toISOString()).toBe(
      new Date('2026-12-10T11:00:00.000Z').toISOString(),
    );
    expect(sent).toHaveLength(3);
  });

  it('fails permanently without retrying and tells every owner in the same transaction', async () => {
    const { tenantId, contact } = await setUp();
    const message = await enqueue(tenantId, reminder(contact.phone, contact.contactId));
    const { dispatcher } = scripted(new DeliveryPermanentError('template_rejected', 'paused template'));
    await expect(useCase(dispatcher).execute({ tenantId, outboxId: message.id })).resolves.toEqual({
      kind: 'failed',
      reason: 'template_rejected',
    });
    const failed = await persistence.outbox.get(tenantId, message.id);
    expect(failed).toMatchObject({ status: 'failed', failureReason: 'template_rejected', attempts: 1 });
    expect(await noticesAbout(tenantId, message)).toHaveLength(1);
  });
});
