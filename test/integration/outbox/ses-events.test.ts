import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbOutboxRepository } from '#adapters/dynamodb/outbox/dynamodb-outbox-repository';
import { DynamoDbReceivablesRepository } from '#adapters/dynamodb/receivables/dynamodb-receivables-repository';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { systemClock } from '#adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import type { TransactionContext } from '#application/ports/unit-of-work';
import type { CalendarDate } from '#domain/calendar-date';
import { EMPTY_AGING } from '#domain/collections/aging-buckets';
import type { AgingRow } from '#domain/collections/aging-row';
import type { EmailAddress } from '#domain/email-address';
import type { Cents } from '#domain/money';
import type { OutboxMessage } from '#domain/outbox-message';
import { createEmailEventsHandler, type EmailEventsHandler } from '#functions/email-events/create-handler';
import { parseSesEventRequest, sesEventBridgeEvent } from '#infra/local/ses-event-simulator';
import { seedAgingRows } from '#test/support/seed-receivables';
import { type OutboxPipeline, startOutboxPipeline } from './outbox-pipeline';
import { collectionEmail, enqueue, registerContact, registerOwner } from './pipeline-fixtures';

/** The real repository, remembering what was staged with `add` (committed or not: check with `get`). */
class RecordingOutbox extends DynamoDbOutboxRepository {
  readonly added: OutboxMessage[] = [];
  override async add(message: OutboxMessage, tx?: TransactionContext): Promise<void> {
    await super.add(message, tx);
    this.added.push(message);
  }
}

function agingRow(clientId: string, email: string): AgingRow {
  return {
    clientId,
    accountName: `Cliente ${clientId}`,
    contact: { firstName: 'Fin', lastName: 'Anceiro', email: email as EmailAddress, isBilling: true },
    invoiceNumber: `NF-${clientId}`,
    dueDate: '2026-11-01' as CalendarDate,
    invoiceAmountCents: 10_000 as Cents,
    outstandingCents: 10_000 as Cents,
    aging: { ...EMPTY_AGING, days31To60: 10_000 as Cents },
  };
}

describe('SES events: recorded once, bounced addresses invalid, complained addresses suppressed', () => {
  let pipeline: OutboxPipeline;
  let handler: EmailEventsHandler;
  let outbox: RecordingOutbox;
  let receivables: DynamoDbReceivablesRepository;
  const table = () => new TableAccess(pipeline.table.tableName, pipeline.table.documentClient);
  let owner: string;
  let minute = 0;

  /** Sends an e-mail through the real outbox → SQS → SES path and returns it as SES stored it. */
  async function send(to: string, subject: string, contactId?: string) {
    const message = await enqueue(pipeline, collectionEmail(to, subject, contactId ? { contactId } : {}));
    const sent = await pipeline.waitForStatus(message.id, 'sent', 'failed');
    const email = (await pipeline.ses.emails()).find((stored) => stored.messageId === sent.providerMessageId);
    return { sent, email };
  }

  /** What SES would publish for the last e-mail to `to`, at a new instant each call unless `at` is given. */
  async function sesEvent(
    type: 'Bounce' | 'Complaint' | 'Delivery',
    to: string,
    extra: { bounceType?: string; at?: Date } = {},
  ) {
    const email = (await pipeline.ses.emails()).findLast((stored) => stored.destination.to.includes(to));
    if (!email) throw new Error(`nothing sent to ${to}`);
    const request = parseSesEventRequest({
      type,
      to,
      ...(extra.bounceType ? { bounceType: extra.bounceType } : {}),
    });
    minute += 1;
    const at = extra.at ?? new Date(Date.UTC(2026, 11, 10, 13, minute));
    return sesEventBridgeEvent({ request, email, tenantId: pipeline.tenantId, at });
  }

  /** Owner notices that were committed (a transaction refused on the address guard staged one in vain). */
  async function ownerNotices() {
    const committed = await Promise.all(
      outbox.added.map((message) => outbox.get(message.tenantId, message.id)),
    );
    return committed.filter((message) => message?.recipient === owner);
  }

  beforeAll(async () => {
    pipeline = await startOutboxPipeline();
    owner = await registerOwner(pipeline);
    outbox = new RecordingOutbox(pipeline.table.tableName, pipeline.table.documentClient);
    receivables = new DynamoDbReceivablesRepository(
      new TableAccess(pipeline.table.tableName, pipeline.table.documentClient),
    );
    handler = createEmailEventsHandler({
      ...pipeline.persistence,
      tenantId: pipeline.tenantId,
      events: pipeline.persistence.emailEvents,
      outbox,
      receivables,
      clock: systemClock,
      ids: new TimeOrderedIdGenerator(systemClock),
    });
  });

  afterAll(async () => {
    await pipeline?.stop();
  });

  it('a hard bounce marks every contact with the address invalid and tells the owner once, however often it comes', async () => {
    const address = 'financeiro@inexistente.test';
    await seedAgingRows(table(), pipeline.tenantId, '2026-12-05', [agingRow('C1', address)], 'imp-1');
    await seedAgingRows(table(), pipeline.tenantId, '2026-12-05', [agingRow('C2', address)], 'imp-1');
    const payer = await registerContact(pipeline, 'Bruno Bounce');
    await pipeline.persistence.contacts.update({ ...payer, email: address });
    const { sent } = await send(address, 'Fatura C1', payer.contactId);

    const bounce = await sesEvent('Bounce', address);
    const first = await handler(bounce);
    expect(first).toEqual({
      outcome: 'recorded',
      sesMessageId: sent.providerMessageId,
      recipients: [{ recipient: address, record: 'recorded', addressMarked: 'invalid' }],
    });
    // The same event again, and a second bounce of the same address: recorded once each, the owner told once.
    expect(await handler(structuredClone(bounce))).toMatchObject({ recipients: [{ record: 'duplicate' }] });
    expect(await handler(await sesEvent('Bounce', address))).toEqual(
      expect.objectContaining({ recipients: [{ recipient: address, record: 'recorded' }] }),
    );

    const notices = await ownerNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]?.content).toEqual({
      type: 'text',
      text: expect.stringContaining(`O e-mail ${address} voltou (endereço inválido).`),
    });
    for (const clientId of ['C1', 'C2']) {
      expect(await receivables.contactsOf(pipeline.tenantId, clientId)).toEqual([
        expect.objectContaining({ email: address, emailStatus: 'invalid' }),
      ]);
    }
    expect(await pipeline.persistence.contacts.get(pipeline.tenantId, payer.contactId)).toMatchObject({
      emailStatus: 'invalid',
    });
    const events = await pipeline.persistence.emailEvents.eventsOf(
      pipeline.tenantId,
      sent.providerMessageId ?? '',
    );
    expect(events.map((event) => [event.type, event.bounceKind, event.outboxId])).toEqual([
      ['bounce', 'hard', sent.id],
      ['bounce', 'hard', sent.id],
    ]);
    // A re-import of the same contact keeps the status.
    await seedAgingRows(table(), pipeline.tenantId, '2026-12-05', [agingRow('C1', address)], 'imp-2');
    expect((await receivables.contactsOf(pipeline.tenantId, 'C1'))[0]?.emailStatus).toBe('invalid');
  });

  it('a complaint suppresses the address: the next e-mail to it ends failed, unsent', async () => {
    const address = 'joao@reclamou.test';
    await seedAgingRows(table(), pipeline.tenantId, '2026-12-05', [agingRow('C3', address)], 'imp-1');
    await send(address, 'Fatura C3');
    expect(await handler(await sesEvent('Complaint', address))).toMatchObject({
      recipients: [{ record: 'recorded', addressMarked: 'suppressed' }],
    });
    expect((await receivables.contactsOf(pipeline.tenantId, 'C3'))[0]?.emailStatus).toBe('suppressed');
    expect(await pipeline.persistence.emailEvents.addressState(pipeline.tenantId, address)).toMatchObject({
      status: 'suppressed',
    });

    const { sent: refused, email } = await send(address, 'Fatura C3 de novo');
    expect(refused).toMatchObject({ status: 'failed', failureReason: 'email_suppressed' });
    expect(refused.providerMessageId).toBeUndefined();
    expect(email).toBeUndefined();
    const toAddress = (await pipeline.ses.emails()).filter((stored) =>
      stored.destination.to.includes(address),
    );
    expect(toAddress.map((stored) => stored.subject)).toEqual(['Fatura C3']);
  });

  it('a complaint after a hard bounce upgrades the address to suppressed (told once more); never the reverse', async () => {
    const address = 'financeiro@inexistente.test';
    const before = (await ownerNotices()).length;
    await handler(await sesEvent('Complaint', address));
    await handler(await sesEvent('Bounce', address));
    expect((await receivables.contactsOf(pipeline.tenantId, 'C2'))[0]?.emailStatus).toBe('suppressed');
    const notices = await ownerNotices();
    expect(notices).toHaveLength(before + 1);
    expect(notices.at(-1)?.content).toMatchObject({ text: expect.stringContaining('marcou um e-mail') });
  });

  it('a soft bounce and a delivery are recorded only: the address stays usable', async () => {
    const address = 'cheia@caixa.test';
    await seedAgingRows(table(), pipeline.tenantId, '2026-12-05', [agingRow('C4', address)], 'imp-1');
    const { sent } = await send(address, 'Fatura C4');
    expect(await handler(await sesEvent('Delivery', address))).toMatchObject({
      recipients: [{ record: 'recorded' }],
    });
    const soft = await handler(await sesEvent('Bounce', address, { bounceType: 'Transient' }));
    expect(soft).toEqual(
      expect.objectContaining({ recipients: [{ recipient: address, record: 'recorded' }] }),
    );
    expect(await pipeline.persistence.emailEvents.addressState(pipeline.tenantId, address)).toBeUndefined();
    expect((await receivables.contactsOf(pipeline.tenantId, 'C4'))[0]).not.toHaveProperty('emailStatus');
    const events = await pipeline.persistence.emailEvents.eventsOf(
      pipeline.tenantId,
      sent.providerMessageId ?? '',
    );
    expect(events.map((event) => event.type)).toEqual(['delivery', 'bounce']);
    expect((await send(address, 'Fatura C4 de novo')).sent.status).toBe('sent');
  });

  it('refuses a malformed event with a clear error and writes nothing', async () => {
    const event = (await sesEvent('Bounce', 'cheia@caixa.test')) as { detail: Record<string, unknown> };
    delete event.detail.bounce;
    await expect(handler(event)).rejects.toThrow('SES event: Bounce event without "bounce"');
    await expect(handler({ source: 'aws.ses', detail: {} })).rejects.toThrow(/^SES event: /);
    expect(
      await pipeline.persistence.emailEvents.addressState(pipeline.tenantId, 'cheia@caixa.test'),
    ).toBeUndefined();
  });
});
