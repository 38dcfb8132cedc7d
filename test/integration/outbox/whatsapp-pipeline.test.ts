import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToOutbox } from '#application/outbox/add-to-outbox';
import { DuplicateContactPhoneError } from '#application/ports/contact-repository';
import { ownerReply } from '#domain/outbox-message';
import type { E164 } from '#domain/phone-number';
import { type OutboxPipeline, startOutboxPipeline } from './outbox-pipeline';
import {
  acceptedSendsTo,
  aMobile,
  enqueue,
  registerContact,
  registerOwner,
  reminderTo,
  sqsEventFor,
} from './pipeline-fixtures';

const context = { functionName: 'whatsapp-delivery', awsRequestId: 'test' } as Context;

describe('outbox → SQS → WhatsApp delivery (DynamoDB Local stream, local SQS, WhatsApp simulator)', () => {
  let pipeline: OutboxPipeline;
  let owner: E164;

  beforeAll(async () => {
    pipeline = await startOutboxPipeline({ maxReceiveCount: 4 });
    owner = await registerOwner(pipeline);
  });

  afterAll(async () => {
    await pipeline?.stop();
  });

  it("commits a use case's state change and its outbox item together, or neither", async () => {
    const existing = await registerContact(pipeline, 'Bruno Costa');
    const { unitOfWork, contacts, outbox } = pipeline.persistence;
    const ids = { newId: () => `ATOMIC-${Date.now()}` };
    let stagedId = '';
    await expect(
      unitOfWork.run(async (tx) => {
        stagedId = (
          await addToOutbox(
            { outbox, ids },
            tx,
            pipeline.tenantId,
            ownerReply(owner, 'Contato criado', 'c-1'),
            new Date(),
          )
        ).id;
        await contacts.create({ ...existing, contactId: 'another-contact-same-phone' }, tx);
      }),
    ).rejects.toBeInstanceOf(DuplicateContactPhoneError);
    expect(await outbox.get(pipeline.tenantId, stagedId)).toBeUndefined();

    const fresh = { ...existing, contactId: 'contact-carla', name: 'Carla', phone: aMobile() };
    const committed = await unitOfWork.run(async (tx) => {
      await contacts.create(fresh, tx);
      return addToOutbox(
        { outbox, ids: { newId: () => `ATOMIC-OK-${Date.now()}` } },
        tx,
        pipeline.tenantId,
        ownerReply(owner, 'Carla cadastrada ✅', 'c-2'),
        new Date(),
      );
    });
    expect(await contacts.get(pipeline.tenantId, 'contact-carla')).toMatchObject({ name: 'Carla' });
    await pipeline.waitForStatus(committed.id, 'sent', 'delivered', 'read');
    const texts = acceptedSendsTo(pipeline, owner).map((record) => JSON.stringify(record.request));
    expect(texts.filter((text) => text.includes('Contato criado'))).toEqual([]);
    expect(texts.filter((text) => text.includes('Carla cadastrada'))).toHaveLength(1);
  });

  it('delivers every outbox item exactly once', async () => {
    const recipient = aMobile();
    const messages = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        enqueue(pipeline, ownerReply(recipient, `Mensagem ${index + 1}`, `bulk-${index}`)),
      ),
    );
    const delivered = await Promise.all(
      messages.map((message) => pipeline.waitForStatus(message.id, 'sent', 'delivered', 'read')),
    );
    const sends = acceptedSendsTo(pipeline, recipient);
    expect(sends).toHaveLength(12);
    expect(new Set(delivered.map((message) => message.providerMessageId)).size).toBe(12);
    expect(new Set(sends.map((record) => record.messageId))).toEqual(
      new Set(delivered.map((message) => message.providerMessageId)),
    );
  });

  it('sends free-form text inside the 24-hour window and the template outside it', async () => {
    const talking = await registerContact(pipeline, 'Diana Alves');
    const silent = await registerContact(pipeline, 'Eduardo Lima');
    await pipeline.simulator.controls.sendInbound({ from: talking.phone, text: 'Oi, pode mandar o boleto?' });
    await pipeline.waitFor('the window to open', () =>
      pipeline.persistence.customerWindow.lastInboundAt(pipeline.tenantId, talking.phone),
    );

    const inside = await enqueue(pipeline, reminderTo(talking));
    const outside = await enqueue(pipeline, reminderTo(silent));
    expect(await pipeline.waitForStatus(inside.id, 'sent', 'delivered', 'read')).toMatchObject({
      sentAs: 'free_form',
    });
    expect(await pipeline.waitForStatus(outside.id, 'sent', 'delivered', 'read')).toMatchObject({
      sentAs: 'template',
    });
    expect(acceptedSendsTo(pipeline, talking.phone).map((record) => record.type)).toEqual(['text']);
    const [template] = acceptedSendsTo(pipeline, silent.phone);
    expect(template?.type).toBe('template');
    expect(template?.request.template).toMatchObject({ name: 'iris_aviso', language: { code: 'pt_BR' } });
  });

  it('sends once when the same SQS message is delivered three times, one after another or at once', async () => {
    const recipient = aMobile();
    const message = await enqueue(pipeline, ownerReply(recipient, 'Só uma vez', 'dup-1'));
    const event = sqsEventFor(pipeline, message.id, 'same-sqs-message');
    for (let delivery = 0; delivery < 3; delivery++) await pipeline.deliverWhatsApp(event, context);
    await pipeline.waitForStatus(message.id, 'sent', 'delivered', 'read');

    const concurrent = await enqueue(pipeline, ownerReply(recipient, 'Também só uma vez', 'dup-2'));
    const burst = sqsEventFor(pipeline, concurrent.id, 'same-sqs-message-2');
    await Promise.all([1, 2, 3].map(() => pipeline.deliverWhatsApp(burst, context)));
    await pipeline.waitForStatus(concurrent.id, 'sent', 'delivered', 'read');
    await pipeline.sqs.sendMessage(pipeline.queues.whatsapp, {
      body: JSON.stringify({ tenantId: pipeline.tenantId, outboxId: concurrent.id, channel: 'whatsapp' }),
    });
    await pipeline.waitFor(
      'the duplicate to be consumed',
      async () => pipeline.sqs.queue(pipeline.queues.whatsapp).counts().visible === 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));

    const sends = acceptedSendsTo(pipeline, recipient).map((record) => JSON.stringify(record.request));
    expect(sends).toHaveLength(2);
    expect(sends.filter((request) => request.includes('Só uma vez'))).toHaveLength(1);
    expect(sends.filter((request) => request.includes('Também só uma vez'))).toHaveLength(1);
  });

  it("keeps a contact to its daily cap when concurrent invocations deliver the contact's reminders", async () => {
    const contact = await registerContact(pipeline, 'Gilberto Souza');
    const reminders = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        enqueue(pipeline, reminderTo(contact, `Lembrete ${index + 1}`)),
      ),
    );
    // Lambda runs batches at once: one invocation per reminder, all together (the relay's copies race them too).
    await Promise.all(
      reminders.map((reminder, index) =>
        pipeline.deliverWhatsApp(sqsEventFor(pipeline, reminder.id, `cap-${index}`), context),
      ),
    );
    const states = async () =>
      Promise.all(
        reminders.map((reminder) => pipeline.persistence.outbox.get(pipeline.tenantId, reminder.id)),
      );
    await pipeline.waitFor('the cap (3 a day) to be used', async () => {
      const sent = (await states()).filter(
        (item) => item && item.status !== 'pending' && item.status !== 'sending',
      );
      return sent.length >= 3;
    });
    expect((await states()).map((item) => item?.status === 'pending').filter(Boolean)).toHaveLength(3);
    expect(acceptedSendsTo(pipeline, contact.phone)).toHaveLength(3);
  });

  it('retries a 429 twice with backoff and then sends once', async () => {
    const recipient = aMobile();
    pipeline.simulator.controls.failNextSends({ kind: 'rate_limit' }, 2);
    const message = await enqueue(pipeline, ownerReply(recipient, 'Depois do limite', 'rate-1'));
    const sent = await pipeline.waitForStatus(message.id, 'sent', 'delivered', 'read');
    expect(sent.attempts).toBe(3);
    expect(acceptedSendsTo(pipeline, recipient)).toHaveLength(1);
  });

  it('marks a permanent failure failed, tells the owner, and does not retry', async () => {
    const contact = await registerContact(pipeline, 'Fábio Nunes');
    const ownerSendsBefore = acceptedSendsTo(pipeline, owner).length;
    pipeline.simulator.controls.failNextSends({ kind: 'permanent', code: 131026 }, 1);
    const message = await enqueue(pipeline, reminderTo(contact));
    const failed = await pipeline.waitForStatus(message.id, 'failed');
    expect(failed).toMatchObject({ failureReason: 'invalid_recipient', attempts: 1 });
    await pipeline.waitFor(
      'the owner to be told',
      async () => acceptedSendsTo(pipeline, owner).length > ownerSendsBefore,
    );
    const notice = acceptedSendsTo(pipeline, owner).at(-1);
    expect(JSON.stringify(notice?.request)).toContain('Fábio Nunes');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(acceptedSendsTo(pipeline, contact.phone)).toEqual([]);
    expect((await pipeline.persistence.outbox.get(pipeline.tenantId, message.id))?.attempts).toBe(1);
    expect(pipeline.sqs.queue(pipeline.queues.whatsappDlq).counts().visible).toBe(0);
  });

  it('moves a poison message to the DLQ after maxReceiveCount receives', async () => {
    pipeline.sqs.sendMessage(pipeline.queues.whatsapp, { body: '{"not":"an outbox pointer"}' });
    const [dead] = await pipeline.waitFor(
      'the poison message in the DLQ',
      async () => {
        const received = pipeline.sqs.queue(pipeline.queues.whatsappDlq).receive(1, 0);
        return received.length > 0 ? received : undefined;
      },
      15_000,
    );
    expect(dead?.body).toBe('{"not":"an outbox pointer"}');
    expect(Number(dead?.attributes.ApproximateReceiveCount)).toBeGreaterThanOrEqual(4);
  });

  it('moves items forward with status callbacks: delivered, read, and failed (owner told)', async () => {
    const contact = await registerContact(pipeline, 'Gabriela Rocha');
    const first = await enqueue(pipeline, reminderTo(contact, 'Primeiro lembrete'));
    const second = await enqueue(pipeline, reminderTo(contact, 'Segundo lembrete'));
    const firstSent = await pipeline.waitForStatus(first.id, 'sent');
    const secondSent = await pipeline.waitForStatus(second.id, 'sent');
    const { controls } = pipeline.simulator;

    await controls.emitStatus({ messageId: String(firstSent.providerMessageId), status: 'delivered' });
    expect((await pipeline.waitForStatus(first.id, 'delivered')).deliveredAt).toBeDefined();
    await controls.emitStatus({ messageId: String(firstSent.providerMessageId), status: 'read' });
    await pipeline.waitForStatus(first.id, 'read');
    await controls.emitStatus({ messageId: String(firstSent.providerMessageId), status: 'delivered' });
    expect(pipeline.webhook.statuses.at(-1)).toEqual({ outcome: 'stale', outboxId: first.id });
    expect((await pipeline.persistence.outbox.get(pipeline.tenantId, first.id))?.status).toBe('read');

    const ownerSendsBefore = acceptedSendsTo(pipeline, owner).length;
    await controls.emitStatus({
      messageId: String(secondSent.providerMessageId),
      status: 'failed',
      errorCode: 131026,
    });
    expect(await pipeline.waitForStatus(second.id, 'failed')).toMatchObject({
      failureReason: 'invalid_recipient',
    });
    await pipeline.waitFor(
      'the owner to be told',
      async () => acceptedSendsTo(pipeline, owner).length > ownerSendsBefore,
    );
    expect(pipeline.webhook.rejectedSignatures).toBe(0);
  });

  it('opts out a contact who writes PARAR: owner told, confirmation sent, reminders refused', async () => {
    const contact = await registerContact(pipeline, 'Heitor Souza');
    const ownerSendsBefore = acceptedSendsTo(pipeline, owner).length;
    await pipeline.simulator.controls.sendInbound({ from: contact.phone, text: 'Parar' });
    expect(pipeline.webhook.optOuts.at(-1)).toBe('opted_out');
    expect((await pipeline.persistence.contacts.get(pipeline.tenantId, contact.contactId))?.optedOut).toBe(
      true,
    );
    await pipeline.waitFor(
      'the confirmation',
      async () => acceptedSendsTo(pipeline, contact.phone).length === 1,
    );
    await pipeline.waitFor(
      'the owner notice',
      async () => acceptedSendsTo(pipeline, owner).length > ownerSendsBefore,
    );
    expect(JSON.stringify(acceptedSendsTo(pipeline, owner).at(-1)?.request)).toContain('Heitor Souza');

    await pipeline.simulator.controls.sendInbound({ from: contact.phone, text: 'PARAR' });
    expect(pipeline.webhook.optOuts.at(-1)).toBe('already_opted_out');

    const reminder = await enqueue(pipeline, reminderTo(contact));
    expect(await pipeline.waitForStatus(reminder.id, 'failed')).toMatchObject({ failureReason: 'opted_out' });
    expect(acceptedSendsTo(pipeline, contact.phone)).toHaveLength(1);
  });

  it('holds a reminder back during quiet hours without failing it', async () => {
    const contact = await registerContact(pipeline, 'Iara Melo');
    const now = new Date();
    const spHour = Number(
      new Intl.DateTimeFormat('en-US', {
        hour: 'numeric',
        hourCycle: 'h23',
        timeZone: 'America/Sao_Paulo',
      }).format(now),
    );
    const closed = { startHour: (spHour + 2) % 24, endHour: ((spHour + 2) % 24) + 1, weekdays: [] };
    await pipeline.persistence.tenants.saveProfile({
      tenantId: pipeline.tenantId,
      name: 'Padaria da Ana',
      limits: { maxBoletoAmountCents: 1_000_000, maxMessagesPerContactPerDay: 5 },
      interestPolicy: { fineBps: 200, monthlyInterestBps: 100 },
      reminderWindow: closed,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    try {
      const reminder = await enqueue(pipeline, reminderTo(contact));
      await pipeline.waitFor('the reminder to be picked up and pushed back', async () => {
        const { visible, inFlight } = pipeline.sqs.queue(pipeline.queues.whatsapp).counts();
        return visible === 0 && inFlight > 0;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await pipeline.persistence.outbox.get(pipeline.tenantId, reminder.id)).toMatchObject({
        status: 'pending',
        attempts: 0,
      });
      expect(acceptedSendsTo(pipeline, contact.phone)).toEqual([]);
    } finally {
      await pipeline.persistence.tenants.saveProfile({
        tenantId: pipeline.tenantId,
        name: 'Padaria da Ana',
        limits: { maxBoletoAmountCents: 1_000_000, maxMessagesPerContactPerDay: 5 },
        interestPolicy: { fineBps: 200, monthlyInterestBps: 100 },
        reminderWindow: { startHour: 0, endHour: 24, weekdays: [] },
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
    }
  });

  it('left no unexpected errors behind', () => {
    expect(pipeline.webhook.errors).toEqual([]);
  });
});
