import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbBoletoActivityLog } from '#adapters/dynamodb/dynamodb-boleto-activity-log';
import { DynamoDbBoletoRepository } from '#adapters/dynamodb/dynamodb-boleto-repository';
import { boletoActivityKey } from '#adapters/dynamodb/entities/boleto-activity';
import { DynamoDbUnitOfWork } from '#adapters/dynamodb/transaction/dynamodb-unit-of-work';
import { PersistenceError } from '#application/ports/persistence-errors';
import { requestBoleto } from '#domain/boleto';
import type { BoletoActivity } from '#domain/boleto-activity';
import { calendarDate } from '#domain/calendar-date';
import { uniqueId, uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '#test/support/record-commands';

const actor = { kind: 'system' as const, id: 'whatsapp-delivery' };

describe('DynamoDbBoletoActivityLog', () => {
  let table: TestTable;
  let boletos: DynamoDbBoletoRepository;
  let log: DynamoDbBoletoActivityLog;
  let unitOfWork: DynamoDbUnitOfWork;
  let recorded: string[];

  beforeAll(async () => {
    table = await createTestTable();
    boletos = new DynamoDbBoletoRepository(table.tableName, table.documentClient);
    log = new DynamoDbBoletoActivityLog(table.tableName, table.documentClient);
    unitOfWork = new DynamoDbUnitOfWork(table.tableName, table.documentClient);
    recorded = recordCommands(table.client);
  });

  afterAll(async () => {
    await table.drop();
  });

  async function aBoleto(tenantId: string) {
    const change = requestBoleto(
      {
        id: uniqueId('boleto'),
        tenantId,
        contactId: uniqueId('contact'),
        amountCents: 15_000,
        dueDate: calendarDate('2026-12-10'),
        description: 'Mensalidade',
        commandKey: uniqueId('command'),
        today: calendarDate('2026-11-23'),
        maxAmountCents: 1_000_000,
      },
      { actor: { kind: 'owner', id: 'user-1' }, at: '2026-11-23T12:00:00.000Z' },
    );
    await boletos.create(change);
    return change.boleto;
  }

  function activity(tenantId: string, boletoId: string, over: Partial<BoletoActivity>): BoletoActivity {
    return {
      tenantId,
      boletoId,
      activityId: 'message_sent:outbox-1',
      kind: 'message_sent',
      at: '2026-11-23T12:05:00.000Z',
      actor,
      boletoVersion: 2,
      detail: { outboxId: 'outbox-1', channel: 'whatsapp' },
      ...over,
    };
  }

  it('returns activities with the boleto history, ordered by time whatever order they were written in', async () => {
    const tenantId = uniqueTenantId();
    const boleto = await aBoleto(tenantId);
    const later = activity(tenantId, boleto.id, {
      activityId: 'message_delivered:outbox-1',
      kind: 'message_delivered',
      at: '2026-11-23T12:06:00.000Z',
    });
    const earlier = activity(tenantId, boleto.id, {});
    recorded.length = 0;
    await log.record(later);
    await log.record(earlier);
    const history = await boletos.getWithHistory(tenantId, boleto.id);
    expect(history?.activities).toEqual([earlier, later]);
    expect(history?.events.map((e) => e.type)).toEqual(['BoletoRequested']);
    expectNoScan(recorded);
  });

  it('records an activity once: a repeat with the same id keeps the first record', async () => {
    const tenantId = uniqueTenantId();
    const boleto = await aBoleto(tenantId);
    const first = activity(tenantId, boleto.id, {});
    await log.record(first);
    await log.record({ ...first, at: '2026-11-23T13:00:00.000Z' });
    expect((await boletos.getWithHistory(tenantId, boleto.id))?.activities).toEqual([first]);
  });

  it('stages into a transaction: written with the other writes, or not at all', async () => {
    const tenantId = uniqueTenantId();
    const boleto = await aBoleto(tenantId);
    const staged = activity(tenantId, boleto.id, {
      activityId: 'message_queued:outbox-9',
      kind: 'message_queued',
    });
    await expect(
      unitOfWork.run(async (tx) => {
        await log.record(staged, tx);
        throw new Error('the use case failed after staging');
      }),
    ).rejects.toThrow('the use case failed');
    expect((await boletos.getWithHistory(tenantId, boleto.id))?.activities).toEqual([]);
    await unitOfWork.run((tx) => log.record(staged, tx));
    expect((await boletos.getWithHistory(tenantId, boleto.id))?.activities).toEqual([staged]);
  });

  it('refuses a malformed stored item with its key instead of returning a wrong activity', async () => {
    const tenantId = uniqueTenantId();
    const boleto = await aBoleto(tenantId);
    const key = boletoActivityKey({ tenantId, boletoId: boleto.id, activityId: 'broken' });
    await table.documentClient.send(
      new (await import('@aws-sdk/lib-dynamodb')).PutCommand({
        TableName: table.tableName,
        Item: { ...key, entity: 'BoletoActivity', kind: 'not_a_kind', at: 5 },
      }),
    );
    await expect(boletos.getWithHistory(tenantId, boleto.id)).rejects.toThrow(PersistenceError);
    await expect(boletos.getWithHistory(tenantId, boleto.id)).rejects.toThrow(/ACTIVITY#broken/);
  });
});
