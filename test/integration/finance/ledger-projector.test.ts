import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbContactRepository } from '#adapters/dynamodb/dynamodb-contact-repository';
import { DynamoDbLedgerRepository } from '#adapters/dynamodb/dynamodb-ledger-repository';
import { DynamoDbTenantRepository } from '#adapters/dynamodb/dynamodb-tenant-repository';
import { DynamoDbUserRepository } from '#adapters/dynamodb/dynamodb-user-repository';
import { DynamoDbBudgetRepository } from '#adapters/dynamodb/finance/dynamodb-budget-repository';
import {
  DynamoDbLatePaymentLines,
  DynamoDbLedgerAggregates,
} from '#adapters/dynamodb/finance/dynamodb-ledger-aggregates';
import { LEDGER_STREAM_FILTER_PATTERN } from '#adapters/dynamodb/finance/ledger-stream-filter';
import { DynamoDbOutboxRepository } from '#adapters/dynamodb/outbox/dynamodb-outbox-repository';
import { DynamoDbStatementProjection } from '#adapters/dynamodb/statements/dynamodb-statement-projection';
import { DynamoDbUnitOfWork } from '#adapters/dynamodb/transaction/dynamodb-unit-of-work';
import { answerLedgerQuery } from '#application/ledger/answer-ledger-query';
import type { LedgerEntry } from '#application/ports/ledger-repository';
import { calendarDate } from '#domain/calendar-date';
import type { OutboxMessage } from '#domain/outbox-message';
import type { E164 } from '#domain/phone-number';
import { createLedgerProjectorHandler } from '#functions/ledger-projector/create-handler';
import type { DynamoDbStreamPoller } from '#infra/local/emulators/dynamodb-streams/index';
import { aLedgerEntry, uniqueId, uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '#test/support/record-commands';
import { startProjectorPoller } from '#test/support/stream-projector-poller';

const context = { functionName: 'ledger-projector' } as never;
/** 20/12/2026 in São Paulo: 12 days left in December, today included. */
const clock = { now: () => new Date('2026-12-20T15:00:00Z') };
const OWNER = '+5511999990001' as E164;

describe('ledger projector (table stream → month figures, budget alerts)', () => {
  let table: TestTable;
  let poller: DynamoDbStreamPoller;
  let ledger: DynamoDbLedgerRepository;
  let aggregates: DynamoDbLedgerAggregates;
  let budgets: DynamoDbBudgetRepository;
  let outbox: DynamoDbOutboxRepository;
  let users: DynamoDbUserRepository;
  let handler: ReturnType<typeof createLedgerProjectorHandler>;
  const issuedIds: string[] = [];
  let projected: DynamoDBRecord[] = [];
  let settle: () => Promise<void>;

  beforeAll(async () => {
    table = await createTestTable('iris-test', { stream: true });
    ledger = new DynamoDbLedgerRepository(table.tableName, table.documentClient);
    aggregates = new DynamoDbLedgerAggregates(table.tableName, table.documentClient);
    budgets = new DynamoDbBudgetRepository(table.tableName, table.documentClient);
    outbox = new DynamoDbOutboxRepository(table.tableName, table.documentClient);
    users = new DynamoDbUserRepository(table.tableName, table.documentClient);
    handler = createLedgerProjectorHandler({
      ledger,
      aggregates,
      latePayments: new DynamoDbLatePaymentLines(table.tableName, table.documentClient),
      budgets,
      users,
      outbox,
      unitOfWork: new DynamoDbUnitOfWork(table.tableName, table.documentClient),
      clock,
      ids: {
        newId: () => {
          const id = uniqueId('alert');
          issuedIds.push(id);
          return id;
        },
      },
    });
    const stream = await startProjectorPoller(table, {
      name: 'ledger-projector',
      filterPattern: LEDGER_STREAM_FILTER_PATTERN,
      handler: (event) => handler(event, context),
    });
    poller = stream.poller;
    projected = stream.records;
    settle = stream.settle;
  });

  afterAll(async () => {
    await poller.stop();
    await table.drop();
  });

  function recordsOf(tenantId: string): DynamoDBRecord[] {
    return projected.filter((record) => record.dynamodb?.NewImage?.tenantId?.S === tenantId);
  }

  async function alertsSent(tenantId: string): Promise<OutboxMessage[]> {
    const found = await Promise.all(issuedIds.map((id) => outbox.get(tenantId, id)));
    return found.filter((message): message is OutboxMessage => message?.kind === 'budget_alert');
  }

  /** A tenant with its owner and one monthly budget. */
  async function tenantWithBudget(
    category: string | null,
    label: string,
    limitCents: number,
  ): Promise<string> {
    const tenantId = uniqueTenantId();
    await users.save({
      tenantId,
      phone: OWNER,
      name: 'Dona',
      role: 'owner',
      createdAt: '2026-01-01T00:00:00Z',
    });
    const at = '2026-12-01T00:00:00Z';
    await budgets.put({ tenantId, category, label, limitCents, createdAt: at, updatedAt: at });
    return tenantId;
  }

  function expense(tenantId: string, date: string, cents: number, category: string, description: string) {
    return aLedgerEntry(tenantId, { date: calendarDate(date), amountCents: cents, category, description });
  }

  it('keeps a month figures exact, and replaying every record in reverse order changes nothing', async () => {
    const tenantId = uniqueTenantId();
    const entries: LedgerEntry[] = [
      expense(tenantId, '2026-11-03', 4_500, 'alimentação', 'mercado'),
      expense(tenantId, '2026-11-12', 18_990, 'transporte', 'gasolina'),
      expense(tenantId, '2026-11-28', 7_250, 'alimentação', 'padaria'),
      aLedgerEntry(tenantId, {
        kind: 'income',
        date: calendarDate('2026-11-15'),
        amountCents: 50_000,
        category: 'boletos',
        description: 'boleto pago',
        boletoId: 'b1',
      }),
    ];
    for (const entry of entries) await ledger.add(entry);
    await settle();
    const recorded = recordCommands(table.client);
    const november = await aggregates.month(tenantId, '2026-11');
    expectNoScan(recorded);
    expect(november).toMatchObject({ entryCount: 4, lastDate: '2026-11-28', boletoReceivedCents: 50_000 });
    expect(november?.categories.alimentação?.expense).toMatchObject({ totalCents: 11_750, count: 2 });
    expect(november?.categories.transporte?.expense.largest).toMatchObject({ amountCents: 18_990 });
    const replay = await handler({ Records: [...recordsOf(tenantId)].reverse() }, context);
    expect(replay.batchItemFailures).toEqual([]);
    expect(await aggregates.month(tenantId, '2026-11')).toMatchObject({
      ...november,
      computedAt: expect.any(String),
    });
  });

  it('nets a reversal out and never lets an older recomputation overwrite a newer one', async () => {
    const tenantId = uniqueTenantId();
    const fuel = expense(tenantId, '2026-11-05', 4_500, 'transporte', 'gasolina');
    await ledger.add(fuel);
    await settle();
    const firstRecords = recordsOf(tenantId);
    await ledger.add({
      ...fuel,
      entryId: `rev-${fuel.entryId}`,
      amountCents: -4_500,
      corrects: fuel.entryId,
      correction: 'reversal',
    });
    await settle();
    const after = await aggregates.month(tenantId, '2026-11');
    expect(after?.categories.transporte?.expense).toEqual({ totalCents: 0, count: 0 });
    expect(after?.entryCount).toBe(2);
    // A stale recomputation (one entry) cannot replace the stored one (two).
    if (!after) throw new Error('no figures for November');
    const stale = await aggregates.save({ ...after, entryCount: 1, categories: {} });
    expect(stale).toBe('stale');
    await handler({ Records: firstRecords }, context);
    expect((await aggregates.month(tenantId, '2026-11'))?.categories.transporte?.expense.totalCents).toBe(0);
  });

  it('alerts a budget at 80% and at 100% once each, and a reversal back under does not alert again', async () => {
    const tenantId = await tenantWithBudget('alimentação', 'mercado', 80_000);
    await ledger.add(expense(tenantId, '2026-12-02', 50_000, 'alimentação', 'mercado'));
    await settle();
    expect(await alertsSent(tenantId)).toHaveLength(0);
    await ledger.add(expense(tenantId, '2026-12-10', 15_600, 'alimentação', 'mercado'));
    await settle();
    const [first, ...none] = await alertsSent(tenantId);
    expect(none).toHaveLength(0);
    expect(first?.recipient).toBe(OWNER);
    expect(first?.content).toEqual({
      type: 'text',
      text: '⚠️ Você já usou 82% do limite de mercado (alimentação) (R$ 656,00 de R$ 800,00). Restam R$ 144,00 para 12 dias.',
    });
    // Replays of the whole tenant's records send nothing more.
    await handler({ Records: recordsOf(tenantId) }, context);
    await handler({ Records: [...recordsOf(tenantId)].reverse() }, context);
    expect(await alertsSent(tenantId)).toHaveLength(1);
    const big = expense(tenantId, '2026-12-15', 20_000, 'alimentação', 'atacadão');
    await ledger.add(big);
    await settle();
    const afterLimit = await alertsSent(tenantId);
    expect(afterLimit).toHaveLength(2);
    expect(afterLimit.map((m) => (m.content as { text: string }).text)).toContainEqual(
      '🚨 Você atingiu 107% do limite de mercado (alimentação) (R$ 856,00 de R$ 800,00). Passou R$ 56,00. Faltam 12 dias para o mês acabar.',
    );
    await ledger.add({
      ...big,
      entryId: `rev-${big.entryId}`,
      amountCents: -20_000,
      corrects: big.entryId,
      correction: 'reversal',
    });
    await ledger.add(expense(tenantId, '2026-12-18', 1_000, 'alimentação', 'pão'));
    await settle();
    await handler({ Records: recordsOf(tenantId) }, context);
    expect(await alertsSent(tenantId)).toHaveLength(2);
  });

  it('says only the 100% alert when one expense crosses both thresholds, and ignores closed months', async () => {
    const tenantId = await tenantWithBudget(null, 'gastos', 100_000);
    await ledger.add(expense(tenantId, '2026-11-20', 150_000, 'contas', 'aluguel'));
    await ledger.add(expense(tenantId, '2026-12-03', 120_000, 'contas', 'aluguel'));
    await settle();
    const sent = await alertsSent(tenantId);
    expect(sent.map((m) => (m.content as { text: string }).text)).toEqual([
      '🚨 Você atingiu 120% do limite de gastos (R$ 1.200,00 de R$ 1.000,00). Passou R$ 200,00. Faltam 12 dias para o mês acabar.',
    ]);
    await ledger.add(expense(tenantId, '2026-12-04', 100, 'contas', 'tarifa'));
    await settle();
    expect(await alertsSent(tenantId)).toHaveLength(1);
  });

  it('answers whole months from the stored figures (one Query) and a description filter from the entries', async () => {
    const tenantId = uniqueTenantId();
    const seeds = [
      expense(tenantId, '2026-10-04', 12_000, 'transporte', 'gasolina'),
      expense(tenantId, '2026-11-09', 30_000, 'contas', 'aluguel'),
      expense(tenantId, '2026-11-21', 9_900, 'transporte', 'gasolina'),
    ];
    for (const seed of seeds) await ledger.add(seed);
    await settle();
    const deps = {
      ledger,
      aggregates,
      latePayments: new DynamoDbLatePaymentLines(table.tableName, table.documentClient),
      boletos: { listOpen: async () => [] },
      contacts: new DynamoDbContactRepository(table.tableName, table.documentClient),
      statements: new DynamoDbStatementProjection(table.tableName, table.documentClient),
      tenants: new DynamoDbTenantRepository(table.tableName, table.documentClient),
      clock,
    };
    const period = { from: calendarDate('2026-10-01'), to: calendarDate('2026-11-30') };
    const recorded = recordCommands(table.client);
    const count = await answerLedgerQuery(deps, {
      tenantId,
      query: { period, category: null, side: 'expense', aggregate: 'count' },
    });
    expect(count).toBe('Você teve 3 gastos de 01/10/2026 a 30/11/2026, somando R$ 519,00.');
    expect(recorded).toEqual(['QueryCommand']);
    recorded.length = 0;
    const fuel = await answerLedgerQuery(deps, {
      tenantId,
      query: { period, category: 'gasolina', side: 'expense', aggregate: 'sum' },
    });
    expect(fuel).toBe('Você gastou R$ 219,00 com gasolina de 01/10/2026 a 30/11/2026 (2 gastos).');
    expect(recorded).toEqual(['QueryCommand', 'QueryCommand']);
    expectNoScan(recorded);
  });
});
