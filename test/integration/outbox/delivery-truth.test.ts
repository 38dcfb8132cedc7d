import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbOutboxRepository } from '#adapters/dynamodb/outbox/dynamodb-outbox-repository';
import { createTableRepositories, type TableRepositories } from '#adapters/dynamodb/table-repositories';
import { boletoToContactMessage } from '#application/boletos/boleto-message-pt-br';
import { markBoletoSent } from '#application/boletos/mark-boleto-sent';
import { addToOutbox } from '#application/outbox/add-to-outbox';
import { type ChannelDispatcher, DeliveryPermanentError } from '#application/outbox/channel-dispatcher';
import { DeliverOutboxMessage } from '#application/outbox/deliver-outbox-message';
import { recordStatusCallback } from '#application/outbox/record-status-callback';
import { cancelledContactNotice } from '#application/payments/payment-notices-pt-br';
import type { TransactionContext } from '#application/ports/unit-of-work';
import { DEFAULT_DELIVERY_SETTINGS } from '#config/outbox-config';
import { applyPayment, type Boleto, cancelBoleto, registerBoleto, requestBoleto } from '#domain/boleto';
import { calendarDate } from '#domain/calendar-date';
import type { NewOutboxMessage, OutboxMessage } from '#domain/outbox-message';
import { normalizePhone } from '#domain/phone-number';
import { parseTaxId } from '#domain/tax-id';
import { uniqueId, uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';

/** The real repository, remembering what was staged with `add` (to find what the owner was told). */
class RecordingOutbox extends DynamoDbOutboxRepository {
  readonly added: OutboxMessage[] = [];
  override async add(message: OutboxMessage, tx?: TransactionContext): Promise<void> {
    await super.add(message, tx);
    this.added.push(message);
  }
}

const SATURDAY_2035 = new Date('2026-12-12T23:35:00Z'); // Saturday 20:35 in São Paulo
const SUNDAY_NOON = new Date('2026-12-13T15:00:00Z');
const MONDAY_0800 = new Date('2026-12-14T11:00:00Z');
const WEDNESDAY_NOON = new Date('2026-12-09T15:00:00Z');
const REFERENCE = {
  providerId: 'pt-1',
  digitableLine: '23793381286000000000300000000400184340000015000',
  barcode: '23791843400000150003381260000000000000000040',
  pdfUrl: 'https://paytime.example/billets/pt-1.pdf',
  pixEmv: '00020126580014br.gov.bcb.pix0136a1b2c3',
};

describe('delivery tells the truth (DynamoDB Local)', () => {
  let table: TestTable;
  let persistence: TableRepositories;
  let recording: RecordingOutbox;
  let now = SATURDAY_2035;
  const clock = { now: () => now };
  let sequence = 0;
  const ids = { newId: () => `ID${Date.now()}${sequence++}` };
  const owner = normalizePhone('(11) 91111-2222');
  const dispatched: string[] = [];
  let nextFailure: Error | undefined;
  const dispatcher: ChannelDispatcher = {
    channel: 'whatsapp',
    dispatch: async (message) => {
      if (nextFailure) {
        const failure = nextFailure;
        nextFailure = undefined;
        throw failure;
      }
      dispatched.push(message.id);
      return { providerMessageId: `wamid.${message.id}`, sentAs: 'template' };
    },
  };

  beforeAll(async () => {
    table = await createTestTable('delivery-truth');
    persistence = createTableRepositories(table.tableName, table.documentClient);
    recording = new RecordingOutbox(table.tableName, table.documentClient);
  });
  afterAll(async () => table.drop());

  const deliver = () =>
    new DeliverOutboxMessage({
      ...persistence,
      outbox: recording,
      dispatcher,
      clock,
      ids,
      settings: { ...DEFAULT_DELIVERY_SETTINGS, defaultMaxMessagesPerContactPerDay: 1 },
      onDelivered: (message) => markBoletoSent({ boletos: persistence.boletos, clock }, message),
    });

  async function setUp(options: { optedOut?: boolean } = {}) {
    const tenantId = uniqueTenantId();
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
      name: 'João Silva',
      phone: normalizePhone('(21) 98888-7777'),
      taxId: parseTaxId('123.456.789-09'),
      optedOut: options.optedOut ?? false,
      createdAt: now.toISOString(),
    };
    await persistence.contacts.create(contact);
    const at = now.toISOString();
    const requested = requestBoleto(
      {
        id: uniqueId('boleto'),
        tenantId,
        contactId: contact.contactId,
        amountCents: 15000,
        dueDate: calendarDate('2026-12-20'),
        description: '',
        commandKey: uniqueId('cmd'),
        today: calendarDate('2026-12-09'),
        maxAmountCents: 1_000_000,
      },
      { actor: { kind: 'owner', id: owner }, at },
    );
    await persistence.boletos.create(requested);
    const registered = registerBoleto(
      requested.boleto,
      { ...REFERENCE, providerId: uniqueId('pt') },
      { actor: { kind: 'provider', id: 'paytime' }, at },
    );
    await persistence.boletos.update(registered, requested.boleto.version);
    const boletoMessage = await enqueue(tenantId, {
      ...boletoToContactMessage({
        boleto: registered.boleto,
        reference: REFERENCE,
        contact,
        businessName: 'Oficina Demo',
        templateName: 'iris_boleto',
        correlationId: uniqueId('req'),
      }),
      reportOutcomeTo: owner,
    });
    return { tenantId, contact, boleto: registered.boleto, boletoMessage };
  }

  function enqueue(tenantId: string, input: NewOutboxMessage) {
    return persistence.unitOfWork.run((tx) =>
      addToOutbox({ outbox: persistence.outbox, ids }, tx, tenantId, input, now),
    );
  }
  const current = async (tenantId: string, boletoId: string) =>
    (await persistence.boletos.get(tenantId, boletoId)) as Boleto;
  const toOwner = (tenantId: string) =>
    recording.added.filter((message) => message.tenantId === tenantId && message.recipient === owner);
  const textsToOwner = (tenantId: string) =>
    toOwner(tenantId).map((message) => (message.content.type === 'text' ? message.content.text : ''));
  const activitiesOf = async (tenantId: string, boletoId: string) =>
    ((await persistence.boletos.getWithHistory(tenantId, boletoId))?.activities ?? []).map((a) => a.kind);

  it('charge Saturday 20:35, paid Sunday: on Monday 08:00 the payer gets nothing and no cap is used', async () => {
    now = SATURDAY_2035;
    const { tenantId, boleto, boletoMessage, contact } = await setUp();
    expect(await deliver().execute({ tenantId, outboxId: boletoMessage.id })).toEqual({
      kind: 'deferred',
      until: MONDAY_0800,
      reason: 'quiet_hours',
    });
    expect(textsToOwner(tenantId)).toEqual([
      expect.stringMatching(
        /: emitido\. Vou enviar para João segunda às 08:00 \(fora do horário de envio\)\./,
      ),
    ]);
    // A redelivery of the same deferred message does not tell the owner again.
    await deliver().execute({ tenantId, outboxId: boletoMessage.id });
    expect(toOwner(tenantId)).toHaveLength(1);

    now = SUNDAY_NOON;
    const latest = await current(tenantId, boleto.id);
    const paid = applyPayment(
      latest,
      { paymentId: 'pay-1', amountCents: 15000, paidOn: calendarDate('2026-12-13') },
      { actor: { kind: 'provider', id: 'paytime' }, at: now.toISOString() },
    );
    await persistence.boletos.update(paid, latest.version);

    now = MONDAY_0800;
    expect(await deliver().execute({ tenantId, outboxId: boletoMessage.id })).toEqual({
      kind: 'superseded',
      reason: 'boleto_paid',
    });
    expect(dispatched).not.toContain(boletoMessage.id);
    expect(await persistence.outbox.get(tenantId, boletoMessage.id)).toMatchObject({
      status: 'superseded',
      supersededReason: 'boleto_paid',
    });
    expect(toOwner(tenantId)).toHaveLength(1);
    expect(await activitiesOf(tenantId, boleto.id)).toEqual(
      expect.arrayContaining(['message_queued', 'message_deferred', 'message_superseded']),
    );
    // Nothing counted against the payer's cap (1 a day here): another message to them still goes out today.
    const probe = await enqueue(tenantId, {
      channel: 'whatsapp',
      kind: 'owner_reply',
      recipient: contact.phone,
      audience: 'contact',
      contactId: contact.contactId,
      content: { type: 'text', text: 'Olá' },
      correlationId: 'c',
    });
    expect((await deliver().execute({ tenantId, outboxId: probe.id })).kind).toBe('sent');
  });

  it('cancelled on Sunday before the payer got it: on Monday neither the boleto nor the notice goes', async () => {
    now = SATURDAY_2035;
    const { tenantId, boleto, boletoMessage, contact } = await setUp();
    await deliver().execute({ tenantId, outboxId: boletoMessage.id });

    now = SUNDAY_NOON;
    const latest = await current(tenantId, boleto.id);
    const cancelled = cancelBoleto(latest, 'owner_request', {
      actor: { kind: 'owner', id: owner },
      at: now.toISOString(),
    });
    let notice: OutboxMessage | undefined;
    await persistence.unitOfWork.run(async (tx) => {
      await persistence.boletos.update(cancelled, latest.version, tx);
      notice = await addToOutbox(
        { outbox: persistence.outbox, ids },
        tx,
        tenantId,
        cancelledContactNotice(contact, 'Oficina Demo', latest),
        now,
      );
    });
    const noticeId = notice?.id ?? 'missing';
    // Sunday is outside the window for the notice too.
    expect((await deliver().execute({ tenantId, outboxId: noticeId })).kind).toBe('superseded');

    now = MONDAY_0800;
    expect(await deliver().execute({ tenantId, outboxId: boletoMessage.id })).toEqual({
      kind: 'superseded',
      reason: 'boleto_cancelled',
    });
    expect(await persistence.outbox.get(tenantId, noticeId)).toMatchObject({
      status: 'superseded',
      supersededReason: 'boleto_never_reached_payer',
    });
    expect(dispatched).not.toContain(boletoMessage.id);
    expect(dispatched).not.toContain(noticeId);
  });

  it('a payer who received the boleto is told it was cancelled', async () => {
    now = WEDNESDAY_NOON;
    const { tenantId, boleto, boletoMessage, contact } = await setUp();
    expect((await deliver().execute({ tenantId, outboxId: boletoMessage.id })).kind).toBe('sent');
    const latest = await current(tenantId, boleto.id);
    expect(latest.status).toBe('sent');
    const cancelled = cancelBoleto(latest, 'owner_request', {
      actor: { kind: 'owner', id: owner },
      at: now.toISOString(),
    });
    await persistence.boletos.update(cancelled, latest.version);
    const notice = await enqueue(tenantId, cancelledContactNotice(contact, 'Oficina Demo', latest));
    // The cap is 1 a day: tomorrow morning.
    now = new Date('2026-12-10T12:00:00Z');
    expect((await deliver().execute({ tenantId, outboxId: notice.id })).kind).toBe('sent');
  });

  it('says "enviado" only once the provider accepted the send, and audits it', async () => {
    now = WEDNESDAY_NOON;
    const { tenantId, boleto, boletoMessage } = await setUp();
    expect(toOwner(tenantId)).toHaveLength(0);
    expect((await deliver().execute({ tenantId, outboxId: boletoMessage.id })).kind).toBe('sent');
    expect(dispatched).toContain(boletoMessage.id);
    expect(textsToOwner(tenantId)).toEqual([
      `✅ Boleto de R$ 150,00 para João Silva, vencimento 20/12/2026: emitido e enviado no WhatsApp de João.\nLinha digitável: ${REFERENCE.digitableLine}`,
    ]);
    const history = await persistence.boletos.getWithHistory(tenantId, boleto.id);
    const sentActivity = history?.activities.find((activity) => activity.kind === 'message_sent');
    expect(sentActivity).toMatchObject({
      activityId: `message_sent:${boletoMessage.id}`,
      actor: { kind: 'system', id: 'whatsapp-delivery' },
      boletoVersion: boleto.version,
      detail: { outboxId: boletoMessage.id, messageKind: 'boleto_to_contact', sentAs: 'template' },
    });
    expect(JSON.stringify(history?.activities)).not.toContain('98888');
  });

  it('an opted-out payer: nothing sent, the owner told once with line, PDF and Pix to forward', async () => {
    now = WEDNESDAY_NOON;
    const { tenantId, boleto, boletoMessage } = await setUp({ optedOut: true });
    expect(await deliver().execute({ tenantId, outboxId: boletoMessage.id })).toEqual({
      kind: 'failed',
      reason: 'opted_out',
    });
    expect(dispatched).not.toContain(boletoMessage.id);
    const texts = textsToOwner(tenantId);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/emitido, mas não enviei para João: a pessoa pediu para não receber mensagens/);
    expect(texts[0]).toContain(`PDF: ${REFERENCE.pdfUrl}`);
    expect(texts[0]).toContain(`Pix copia e cola: ${REFERENCE.pixEmv}`);
    expect(await persistence.outbox.get(tenantId, boletoMessage.id)).toMatchObject({
      status: 'failed',
      outcomeReportedAt: now.toISOString(),
    });
    expect(await activitiesOf(tenantId, boleto.id)).toContain('message_failed');
  });

  it('a deferred send that fails later is told to the owner, with the boleto to forward', async () => {
    now = SATURDAY_2035;
    const { tenantId, boletoMessage } = await setUp();
    await deliver().execute({ tenantId, outboxId: boletoMessage.id });
    now = MONDAY_0800;
    nextFailure = new DeliveryPermanentError('invalid_recipient', '131026');
    expect((await deliver().execute({ tenantId, outboxId: boletoMessage.id })).kind).toBe('failed');
    const texts = textsToOwner(tenantId);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toMatch(
      /^⚠️ Não consegui enviar o boleto de R\$ 150,00 .* esse número não tem WhatsApp\./,
    );
    expect(texts[1]).toContain(`Linha digitável: ${REFERENCE.digitableLine}`);
  });

  it('status callbacks are audited; a sent boleto the provider later reports failed is told with the line', async () => {
    now = WEDNESDAY_NOON;
    const { tenantId, boleto, boletoMessage } = await setUp();
    await deliver().execute({ tenantId, outboxId: boletoMessage.id });
    const callbacks = { ...persistence, outbox: recording, clock, ids };
    const providerMessageId = `wamid.${boletoMessage.id}`;
    await recordStatusCallback(callbacks, { tenantId, providerMessageId, status: 'delivered', at: now });
    await recordStatusCallback(callbacks, { tenantId, providerMessageId, status: 'read', at: now });
    expect(await activitiesOf(tenantId, boleto.id)).toEqual(
      expect.arrayContaining(['message_sent', 'message_delivered', 'message_read']),
    );

    const second = await setUp();
    await deliver().execute({ tenantId: second.tenantId, outboxId: second.boletoMessage.id });
    const failed = await recordStatusCallback(callbacks, {
      tenantId: second.tenantId,
      providerMessageId: `wamid.${second.boletoMessage.id}`,
      status: 'failed',
      at: now,
      reason: 'invalid_recipient',
    });
    expect(failed.outcome).toBe('applied');
    const texts = textsToOwner(second.tenantId);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/emitido e enviado/);
    expect(texts[1]).toMatch(/^⚠️ Não consegui enviar o boleto de R\$ 150,00 .*esse número não tem WhatsApp/);
    expect(texts[1]).toContain(`PDF: ${REFERENCE.pdfUrl}`);
    expect(await activitiesOf(second.tenantId, second.boleto.id)).toContain('message_failed');
  });
});
