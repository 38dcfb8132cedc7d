import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbBoletoRepository } from '#adapters/dynamodb/dynamodb-boleto-repository';
import { boletoKey } from '#adapters/dynamodb/entities/boleto';
import { BoletoCommandGuardEntity } from '#adapters/dynamodb/entities/boleto-command-guard';
import {
  DuplicateBoletoCommandError,
  DuplicateProviderBoletoError,
} from '#application/ports/boleto-repository';
import { ConcurrentModificationError } from '#application/ports/persistence-errors';
import {
  applyPayment,
  type Boleto,
  type ChangeContext,
  cancelBoleto,
  markSent,
  registerBoleto,
  requestBoleto,
} from '#domain/boleto';
import { type CalendarDate, calendarDate } from '#domain/calendar-date';
import { rawItem, uniqueId, uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '#test/support/record-commands';

const ctx: ChangeContext = { actor: { kind: 'owner', id: 'user-1' }, at: '2026-11-23T12:00:00.000Z' };
const providerRef = (providerId: string) => ({
  providerId,
  digitableLine: '2'.repeat(47),
  barcode: '3'.repeat(44),
});

function newBoleto(
  tenantId: string,
  overrides: { contactId?: string; dueDate?: string; amountCents?: number } = {},
) {
  return requestBoleto(
    {
      id: uniqueId('boleto'),
      tenantId,
      contactId: overrides.contactId ?? uniqueId('contact'),
      amountCents: overrides.amountCents ?? 15_000,
      dueDate: calendarDate(overrides.dueDate ?? '2026-12-10'),
      description: 'Mensalidade dezembro',
      commandKey: uniqueId('command'),
      today: calendarDate('2026-11-23'),
      maxAmountCents: 1_000_000,
    },
    ctx,
  );
}

describe('DynamoDbBoletoRepository', () => {
  let table: TestTable;
  let boletos: DynamoDbBoletoRepository;
  let recorded: string[];

  beforeAll(async () => {
    table = await createTestTable();
    boletos = new DynamoDbBoletoRepository(table.tableName, table.documentClient);
    recorded = recordCommands(table.client);
  });

  beforeEach(() => {
    recorded.length = 0;
  });

  afterAll(async () => {
    await table.drop();
  });

  /** Creates a boleto and registers it at a (pretend) provider: version 2, status registered. */
  async function registered(
    tenantId: string,
    overrides: Parameters<typeof newBoleto>[1] = {},
  ): Promise<Boleto> {
    const requested = newBoleto(tenantId, overrides);
    await boletos.create(requested);
    const change = registerBoleto(requested.boleto, providerRef(uniqueId('billet')), ctx);
    await boletos.update(change, requested.boleto.version);
    return change.boleto;
  }

  it('stores a new boleto with its first event and its command key, and reads it back', async () => {
    const tenantId = uniqueTenantId();
    const change = newBoleto(tenantId);
    await boletos.create(change);
    expect(await boletos.get(tenantId, change.boleto.id)).toEqual(change.boleto);
    expect(await boletos.getWithHistory(tenantId, change.boleto.id)).toEqual({ ...change, activities: [] });
    expect(await boletos.findByCommandKey(tenantId, change.boleto.commandKey)).toEqual(change.boleto);
    expectNoScan(recorded);
  });

  it('refuses a second boleto for the same command key and writes nothing for it', async () => {
    const tenantId = uniqueTenantId();
    const first = newBoleto(tenantId);
    await boletos.create(first);
    const again = requestBoleto(
      {
        ...first.boleto,
        id: uniqueId('boleto'),
        today: calendarDate('2026-11-23'),
        maxAmountCents: 1_000_000,
      },
      ctx,
    );
    await expect(boletos.create(again)).rejects.toBeInstanceOf(DuplicateBoletoCommandError);
    expect(await boletos.getWithHistory(tenantId, again.boleto.id)).toBeUndefined();
    const guard = await rawItem(
      table.documentClient,
      table.tableName,
      BoletoCommandGuardEntity.primary.key({ tenantId, commandKey: first.boleto.commandKey }),
    );
    expect(guard?.boletoId).toBe(first.boleto.id);
  });

  it('lets exactly one of two concurrent writers of the same version win', async () => {
    const tenantId = uniqueTenantId();
    const read = await registered(tenantId);
    const sent = markSent(read, 'whatsapp', ctx);
    const cancelled = cancelBoleto(read, 'pediu para cancelar', ctx);
    const results = await Promise.allSettled([
      boletos.update(sent, read.version),
      boletos.update(cancelled, read.version),
    ]);
    const rejected = results.filter((result) => result.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrentModificationError);
    const winner = results[0]?.status === 'fulfilled' ? sent : cancelled;
    const stored = await boletos.getWithHistory(tenantId, read.id);
    expect(stored?.boleto).toEqual(winner.boleto);
    expect(stored?.events.map((event) => event.type)).toEqual([
      'BoletoRequested',
      'BoletoRegistered',
      winner.events[0]?.type,
    ]);
  });

  it('refuses a write based on a stale version, even when the writers do not overlap', async () => {
    const tenantId = uniqueTenantId();
    const read = await registered(tenantId);
    await boletos.update(markSent(read, 'whatsapp', ctx), read.version);
    const stale = cancelBoleto(read, 'cancelar', ctx);
    await expect(boletos.update(stale, read.version)).rejects.toBeInstanceOf(ConcurrentModificationError);
    expect((await boletos.get(tenantId, read.id))?.status).toBe('sent');
    expect((await boletos.getWithHistory(tenantId, read.id))?.events).toHaveLength(3);
  });

  it('keeps the audit trail append-only and reads it back in order', async () => {
    const tenantId = uniqueTenantId();
    let boleto = await registered(tenantId);
    const steps = [
      (b: Boleto) => markSent(b, 'whatsapp', ctx),
      (b: Boleto) =>
        applyPayment(b, { paymentId: 'p1', amountCents: 5_000, paidOn: calendarDate('2026-12-01') }, ctx),
      (b: Boleto) =>
        applyPayment(b, { paymentId: 'p2', amountCents: 10_000, paidOn: calendarDate('2026-12-09') }, ctx),
    ];
    for (const step of steps) {
      const change = step(boleto);
      await boletos.update(change, boleto.version);
      boleto = change.boleto;
    }
    const history = await boletos.getWithHistory(tenantId, boleto.id);
    expect(history?.boleto.status).toBe('paid');
    expect(history?.events.map((event) => [event.version, event.type])).toEqual([
      [1, 'BoletoRequested'],
      [2, 'BoletoRegistered'],
      [3, 'BoletoSent'],
      [4, 'PaymentApplied'],
      [5, 'PaymentApplied'],
      [5, 'BoletoPaid'],
    ]);
    expect(recorded.filter((name) => name === 'QueryCommand')).toHaveLength(1);
    expectNoScan(recorded);
  });

  it('writes nothing for a replayed change that produced no events', async () => {
    const tenantId = uniqueTenantId();
    const boleto = await registered(tenantId);
    recorded.length = 0;
    const replay = registerBoleto(boleto, boleto.provider ?? providerRef('x'), ctx);
    expect(replay.events).toEqual([]);
    await boletos.update(replay, boleto.version);
    expect(recorded).toEqual([]);
  });

  it('finds a boleto by provider id and refuses to link that provider id to another boleto', async () => {
    const tenantId = uniqueTenantId();
    const boleto = await registered(tenantId);
    const providerId = boleto.provider?.providerId ?? '';
    expect(await boletos.findByProviderId(tenantId, providerId)).toEqual(boleto);
    const other = newBoleto(tenantId);
    await boletos.create(other);
    const clash = registerBoleto(other.boleto, providerRef(providerId), ctx);
    await expect(boletos.update(clash, other.boleto.version)).rejects.toBeInstanceOf(
      DuplicateProviderBoletoError,
    );
    expect(await boletos.get(tenantId, other.boleto.id)).toEqual(other.boleto);
    expect(await boletos.findByProviderId(uniqueTenantId(), providerId)).toBeUndefined();
  });

  it("lists a contact's boletos by due date and never another tenant's", async () => {
    const tenantA = uniqueTenantId('a');
    const tenantB = uniqueTenantId('b');
    const contactId = uniqueId('contact');
    const late = newBoleto(tenantA, { contactId, dueDate: '2027-01-10' });
    const early = newBoleto(tenantA, { contactId, dueDate: '2026-12-05' });
    const otherContact = newBoleto(tenantA, { dueDate: '2026-12-06' });
    const otherTenant = newBoleto(tenantB, { contactId, dueDate: '2026-12-07' });
    for (const change of [late, early, otherContact, otherTenant]) await boletos.create(change);
    expect((await boletos.listByContact(tenantA, contactId)).map((b) => b.id)).toEqual([
      early.boleto.id,
      late.boleto.id,
    ]);
    expect((await boletos.listByContact(tenantB, contactId)).map((b) => b.id)).toEqual([
      otherTenant.boleto.id,
    ]);
    expectNoScan(recorded);
  });

  it('lists only open boletos by due date, within a range, and drops them once settled', async () => {
    const tenantA = uniqueTenantId('a');
    const tenantB = uniqueTenantId('b');
    const dates: CalendarDate[] = ['2026-12-01', '2026-12-10', '2026-12-20'].map((d) => calendarDate(d));
    const [first, second, third] = await Promise.all(
      dates.map((dueDate) => registered(tenantA, { dueDate })),
    );
    await registered(tenantB, { dueDate: '2026-12-10' });
    if (!first || !second || !third) throw new Error('setup failed');
    expect((await boletos.listOpen(tenantA)).map((b) => b.id)).toEqual([first.id, second.id, third.id]);
    expect(
      (await boletos.listOpen(tenantA, { dueFrom: dates[1], dueTo: dates[1] })).map((b) => b.id),
    ).toEqual([second.id]);
    expect((await boletos.listOpen(tenantA, { dueTo: dates[1] })).map((b) => b.id)).toEqual([
      first.id,
      second.id,
    ]);

    await boletos.update(cancelBoleto(first, 'desistiu', ctx), first.version);
    const paid = applyPayment(
      second,
      { paymentId: 'p', amountCents: 15_000, paidOn: dates[0] as CalendarDate },
      ctx,
    );
    await boletos.update(paid, second.version);
    expect((await boletos.listOpen(tenantA)).map((b) => b.id)).toEqual([third.id]);
    const settled = await rawItem(table.documentClient, table.tableName, boletoKey(tenantA, second.id));
    expect(settled).not.toHaveProperty('gsi2pk');
    expect(settled).toHaveProperty('gsi1pk');
    expect((await boletos.listOpen(tenantB)).every((b) => b.tenantId === tenantB)).toBe(true);
    expectNoScan(recorded);
  });
});
