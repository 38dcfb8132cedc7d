import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbBoletoRepository } from '#adapters/dynamodb/dynamodb-boleto-repository';
import { DynamoDbContactRepository } from '#adapters/dynamodb/dynamodb-contact-repository';
import { DynamoDbPaymentRepository } from '#adapters/dynamodb/dynamodb-payment-repository';
import { DynamoDbTenantRepository } from '#adapters/dynamodb/dynamodb-tenant-repository';
import { DynamoDbStatementProjection } from '#adapters/dynamodb/statements/dynamodb-statement-projection';
import { statementPartitionKey } from '#adapters/dynamodb/statements/statement-line-entity';
import { InvalidCursorError } from '#application/ports/page';
import { answerStatement } from '#application/statements/answer-statement';
import { refreshStatementSummary } from '#application/statements/project-statement';
import { readStatementPage } from '#application/statements/read-statement';
import { applyPayment, type Boleto, cancelBoleto, registerBoleto, requestBoleto } from '#domain/boleto';
import { calendarDate } from '#domain/calendar-date';
import { type StatementBoletoLine, summarizeStatement } from '#domain/statement';
import { createStatementProjectorHandler } from '#functions/statement-projector/create-handler';
import type { DynamoDbStreamPoller } from '#infra/local/emulators/dynamodb-streams/index';
import { aContact, aPayment, uniqueId, uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '#test/support/record-commands';
import { aStatementBoletoLine } from '#test/support/statement-fixtures';
import { startStatementProjectorPoller } from '#test/support/stream-projector-poller';

const owner = { kind: 'owner' as const, id: 'user-1' };
const provider = { kind: 'provider' as const, id: 'paytime' };
const context = { functionName: 'statement-projector' } as never;

describe('statement projection (table stream → statement-projector → one Query)', () => {
  let table: TestTable;
  let poller: DynamoDbStreamPoller;
  let boletos: DynamoDbBoletoRepository;
  let payments: DynamoDbPaymentRepository;
  let contacts: DynamoDbContactRepository;
  let tenants: DynamoDbTenantRepository;
  let statements: DynamoDbStatementProjection;
  let projected: DynamoDBRecord[] = [];
  let settle: () => Promise<void>;

  beforeAll(async () => {
    table = await createTestTable('iris-test', { stream: true });
    boletos = new DynamoDbBoletoRepository(table.tableName, table.documentClient);
    payments = new DynamoDbPaymentRepository(table.tableName, table.documentClient);
    contacts = new DynamoDbContactRepository(table.tableName, table.documentClient);
    tenants = new DynamoDbTenantRepository(table.tableName, table.documentClient);
    statements = new DynamoDbStatementProjection(table.tableName, table.documentClient);
    const stream = await startStatementProjectorPoller(table, statements);
    poller = stream.poller;
    projected = stream.records;
    settle = stream.settle;
  });

  afterAll(async () => {
    await poller.stop();
    await table.drop();
  });

  async function issue(tenantId: string, contactId: string, amountCents: number, dueDate: string) {
    const requested = requestBoleto(
      {
        id: uniqueId('boleto'),
        tenantId,
        contactId,
        amountCents,
        dueDate: calendarDate(dueDate),
        description: 'Mensalidade',
        commandKey: uniqueId('command'),
        today: calendarDate('2026-11-01'),
        maxAmountCents: 1_000_000,
      },
      { actor: owner, at: '2026-11-01T12:00:00.000Z' },
    );
    await boletos.create(requested);
    const registered = registerBoleto(
      requested.boleto,
      {
        providerId: uniqueId('billet'),
        digitableLine: '2'.repeat(47),
        barcode: '3'.repeat(44),
      },
      { actor: provider, at: '2026-11-01T12:01:00.000Z' },
    );
    await boletos.update(registered, requested.boleto.version);
    return registered.boleto;
  }

  async function pay(boleto: Boleto, amountCents: number, paidOn: string, chargesCents = 0) {
    const paymentId = uniqueId('payment');
    const change = applyPayment(
      boleto,
      { paymentId, amountCents, chargesCents, paidOn: calendarDate(paidOn) },
      { actor: provider, at: `${paidOn}T15:00:00.000Z` },
    );
    await boletos.update(change, boleto.version);
    await payments.record(
      aPayment(boleto.tenantId, {
        paymentId,
        boletoId: boleto.id,
        contactId: boleto.contactId,
        amountCents,
        paidOn: calendarDate(paidOn),
      }),
    );
    return change.boleto;
  }

  it('lists boletos, payments (partial included), charges and the open balance, read with one Query', async () => {
    const tenantId = uniqueTenantId();
    const joao = aContact(tenantId, { name: 'João Silva' });
    await contacts.create(joao);
    await tenants.saveProfile({
      tenantId,
      name: 'Oficina',
      limits: { maxBoletoAmountCents: 1_000_000, maxMessagesPerContactPerDay: 3 },
      interestPolicy: { fineBps: 200, monthlyInterestBps: 100 },
      reminderWindow: { startHour: 8, endHour: 20, weekdays: [1, 2, 3, 4, 5, 6] },
      createdAt: '2026-11-01T12:00:00.000Z',
      updatedAt: '2026-11-01T12:00:00.000Z',
    });
    // Paid late with charges (R$ 100 + R$ 2,00 fine + R$ 0,10 interest), paid short, open and overdue, cancelled.
    const late = await issue(tenantId, joao.contactId, 10_000, '2026-11-10');
    await pay(late, 10_210, '2026-11-13', 210);
    const short = await issue(tenantId, joao.contactId, 20_000, '2026-11-20');
    await pay(short, 5_000, '2026-11-18');
    await issue(tenantId, joao.contactId, 30_000, '2026-11-25');
    const cancelled = await issue(tenantId, joao.contactId, 40_000, '2026-12-20');
    await boletos.update(
      cancelBoleto(cancelled, 'owner asked', { actor: owner, at: '2026-11-02T12:00:00.000Z' }),
      cancelled.version,
    );
    await settle();

    const recorded = recordCommands(table.client);
    const found = await readStatementPage(
      { contacts, tenants, statements },
      { tenantId, contactId: joao.contactId, today: calendarDate('2026-12-05'), page: { limit: 50 } },
    );
    expectNoScan(recorded);
    expect(recorded.filter((command) => command === 'QueryCommand')).toHaveLength(1);
    expect(found?.nextCursor).toBeUndefined();
    expect(
      found?.lines.map((l) =>
        l.kind === 'boleto' ? [l.dueDate, l.status] : [l.paidOn, l.amountCents, l.partial],
      ),
    ).toEqual([
      ['2026-12-20', 'cancelled'],
      ['2026-11-25', 'registered'],
      ['2026-11-20', 'partially_paid'],
      ['2026-11-18', 5_000, true],
      ['2026-11-13', 10_210, false],
      ['2026-11-10', 'paid'],
    ]);
    // Open: R$ 300 overdue since 25/11 (fine R$ 6,00 + 10 days of 1%/30 = R$ 1,00) + R$ 150 left short.
    expect(found?.totals).toEqual({
      boletoCount: 4,
      paymentCount: 2,
      billedCents: 60_000,
      paidCents: 15_210,
      chargesPaidCents: 210,
      chargesDueTodayCents: 700,
      openBalanceCents: 30_700 + 15_000,
    });

    const text = await answerStatement(
      { contacts, tenants, statements },
      { tenantId, contactName: 'joao', today: calendarDate('2026-12-05') },
    );
    expect(text).toContain('Extrato de João Silva');
    expect(text).toContain('R$ 50,00 (parcial)');
    expect(text).toContain('Em aberto hoje: R$ 457,00 (inclui R$ 7,00 de multa e juros)');
  });

  it('keeps the newest version of a line when the stream delivers an older one again', async () => {
    const tenantId = uniqueTenantId();
    const contact = aContact(tenantId);
    await contacts.create(contact);
    const boleto = await issue(tenantId, contact.contactId, 12_345, '2026-12-10');
    await settle();
    const oldRecords = projected.filter(
      (record) => record.dynamodb?.NewImage?.id?.S === boleto.id && record.eventName === 'INSERT',
    );
    expect(oldRecords).toHaveLength(1);
    const handler = createStatementProjectorHandler({ statements });
    const replay = await handler({ Records: oldRecords }, context);
    expect(replay.batchItemFailures).toEqual([]);
    const lines = await statements.readAllLines(tenantId, contact.contactId);
    expect(lines.boletos.map((line) => [line.status, line.version])).toEqual([['registered', 2]]);
    expect(await statements.readSummary(tenantId, contact.contactId)).toMatchObject({
      boletoCount: 1,
      billedCents: 12_345,
    });
  });

  it("recomputes the totals once per contact per batch, after that contact's last line", async () => {
    const tenantId = uniqueTenantId();
    const contact = aContact(tenantId);
    await contacts.create(contact);
    const first = await issue(tenantId, contact.contactId, 10_000, '2026-12-10');
    await pay(first, 10_000, '2026-12-09');
    await issue(tenantId, contact.contactId, 20_000, '2026-12-11');
    await settle();
    const records = projected.filter((record) => record.dynamodb?.NewImage?.tenantId?.S === tenantId);
    expect(records.length).toBeGreaterThan(3);
    let recomputes = 0;
    const counting = Object.assign(Object.create(statements), {
      readAllLines: (t: string, c: string) => {
        recomputes += 1;
        return statements.readAllLines(t, c);
      },
    }) as DynamoDbStatementProjection;
    const replay = await createStatementProjectorHandler({ statements: counting })(
      { Records: records },
      context,
    );
    expect(replay.batchItemFailures).toEqual([]);
    expect(recomputes).toBe(1);
    expect(await statements.readSummary(tenantId, contact.contactId)).toMatchObject({
      boletoCount: 2,
      paymentCount: 1,
      billedCents: 30_000,
      paidCents: 10_000,
    });
  });

  it('never lets an older recompute of the totals overwrite a newer one', async () => {
    const tenantId = uniqueTenantId();
    const contactId = uniqueId('contact');
    const first = aStatementBoletoLine({ boletoId: 'b1', amountCents: 10_000 });
    await projectLine(tenantId, contactId, first);
    const older = await statements.readAllLines(tenantId, contactId);
    // A second line lands (and its own recompute runs) between the first recompute's read and its write.
    await projectLine(tenantId, contactId, aStatementBoletoLine({ boletoId: 'b2', amountCents: 20_000 }));
    expect(
      await statements.putSummary(tenantId, contactId, summarizeStatement(older.boletos, []), older.seq),
    ).toBe('superseded');
    expect(await statements.readSummary(tenantId, contactId)).toMatchObject({
      boletoCount: 2,
      billedCents: 30_000,
    });
    // A replayed line changes nothing (no new seq) and its recompute stores the same summary.
    expect(await statements.putBoleto(tenantId, contactId, first)).toBe('stale');
    expect(await refreshStatementSummary(statements, tenantId, contactId)).toBe('stored');
    expect(await statements.readSummary(tenantId, contactId)).toMatchObject({ boletoCount: 2 });
  });

  it('pages the lines newest first with a cursor, and moves a line whose due date was amended', async () => {
    const tenantId = uniqueTenantId();
    const contact = aContact(tenantId);
    await contacts.create(contact);
    const { contactId } = contact;
    for (let day = 1; day <= 7; day++) {
      await projectLine(
        tenantId,
        contactId,
        aStatementBoletoLine({ boletoId: `b${day}`, dueDate: `2026-12-0${day}` }),
      );
    }
    await projectLine(
      tenantId,
      contactId,
      aStatementBoletoLine({ boletoId: 'b2', dueDate: '2026-12-09', version: 3 }),
    );
    const deps = { contacts, tenants, statements };
    const today = calendarDate('2026-12-01');
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await readStatementPage(deps, {
        tenantId,
        contactId,
        today,
        page: { limit: 3, ...(cursor ? { cursor } : {}) },
      });
      expect(page?.totals.boletoCount).toBe(7);
      expect(page?.lines.length).toBeLessThanOrEqual(3);
      for (const line of page?.lines ?? []) if (line.kind === 'boleto') seen.push(line.boletoId);
      cursor = page?.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['b2', 'b7', 'b6', 'b5', 'b4', 'b3', 'b1']);
    const other = await readStatementPage(deps, {
      tenantId: uniqueTenantId(),
      contactId,
      today,
      page: { limit: 3, cursor: encodeURIComponent('x') },
    }).catch((error: unknown) => error);
    expect(other).toBeInstanceOf(InvalidCursorError);
  });

  it('answers an unknown name with the question back, and an empty statement plainly', async () => {
    const tenantId = uniqueTenantId();
    const contact = aContact(tenantId, { name: 'Pedro Álvares' });
    await contacts.create(contact);
    const deps = { contacts, tenants, statements };
    const today = calendarDate('2026-12-05');
    expect(await answerStatement(deps, { tenantId, contactName: 'Zuleica', today })).toBe(
      'Não encontrei nenhum contato chamado "Zuleica".',
    );
    expect(await answerStatement(deps, { tenantId, contactName: 'Pedro', today })).toBe(
      'Pedro Álvares ainda não tem boletos: o extrato está vazio.',
    );
  });

  it('stores a line as one packed attribute beside its version and index keys, and a totals item', async () => {
    const tenantId = uniqueTenantId();
    const contactId = uniqueId('contact');
    const line = aStatementBoletoLine({
      boletoId: 'packed-1',
      description: 'Parcela "1"; [a]',
      status: 'disputed',
      amountCents: 10_000,
      paidCents: 4_000,
      dueDate: '2026-12-01',
      version: 4,
      paidOn: calendarDate('2026-12-02'),
      disputedFrom: 'partially_paid',
    });
    expect(await statements.putBoleto(tenantId, contactId, line)).toBe('stored');
    const payment = {
      paymentId: 'pay-1',
      boletoId: 'packed-1',
      amountCents: 4_000,
      paidOn: calendarDate('2026-12-02'),
    };
    expect(await statements.putPayment(tenantId, contactId, payment)).toBe('stored');
    expect(await statements.putPayment(tenantId, contactId, payment)).toBe('duplicate');
    const partition = statementPartitionKey(tenantId, contactId);
    const stored = await table.documentClient.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
      }),
    );
    expect(stored.Items?.map((item) => Object.keys(item).sort())).toEqual([
      ['entity', 'gsi1pk', 'gsi1sk', 'line', 'pk', 'sk', 'version'],
      ['entity', 'gsi1pk', 'gsi1sk', 'line', 'pk', 'sk'],
      ['entity', 'pk', 'seq', 'sk'],
    ]);
    expect(stored.Items?.at(-1)?.seq).toBe(2);
    const lines = await statements.readAllLines(tenantId, contactId);
    expect(lines).toEqual({ seq: 2, boletos: [line], payments: [payment] });
    expect(await statements.putBoleto(tenantId, contactId, { ...line, version: 3 })).toBe('stale');
  });

  async function projectLine(tenantId: string, contactId: string, line: StatementBoletoLine) {
    await statements.putBoleto(tenantId, contactId, line);
    await refreshStatementSummary(statements, tenantId, contactId);
  }
});
