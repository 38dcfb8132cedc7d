import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdempotentRunner, type IdempotentRunner } from '#functions/tenant-api/idempotency';
import type { RouteResult } from '#functions/tenant-api/route-table';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';

/** Powertools idempotency on the stack's table (DynamoDB Local), as the tenant API's POST routes use it. */
describe('Idempotency-Key runner', () => {
  let table: TestTable;
  let runner: IdempotentRunner;
  let calls = 0;
  const work = async (): Promise<RouteResult> => {
    calls += 1;
    return { status: 201, body: { call: calls }, headers: {} };
  };
  const request = (key: string, body: unknown) => ({ key, method: 'POST', path: '/v1/ledger', body });

  beforeAll(async () => {
    table = await createTestTable();
    runner = createIdempotentRunner({ tableName: table.tableName, tenantId: 'acme', client: table.client });
  });
  afterAll(async () => {
    await table?.drop();
  });

  it('replays the first response for the same key and body, without running the work again', async () => {
    const first = await runner(request('key-1', { amountCents: 100 }), work);
    const again = await runner(request('key-1', { amountCents: 100 }), work);
    expect(first).toEqual({ kind: 'done', result: { status: 201, body: { call: 1 }, headers: {} } });
    expect(again).toEqual({
      kind: 'done',
      result: { status: 201, body: { call: 1 }, headers: { 'idempotent-replayed': 'true' } },
    });
    expect(calls).toBe(1);
  });

  it('refuses the same key with another body and runs nothing', async () => {
    const before = calls;
    expect(await runner(request('key-1', { amountCents: 999 }), work)).toEqual({ kind: 'body_mismatch' });
    expect(calls).toBe(before);
  });

  it('answers in progress while the first request with the key is still running', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const first = runner(request('key-2', { amountCents: 5 }), async () => {
      started();
      await held;
      return { status: 201, body: { slow: true } };
    });
    await running;
    expect(await runner(request('key-2', { amountCents: 5 }), work)).toEqual({ kind: 'in_progress' });
    release();
    expect(await first).toMatchObject({ kind: 'done', result: { status: 201, body: { slow: true } } });
  });

  it('forgets a request whose work failed, so the same key can be retried', async () => {
    await expect(
      runner(request('key-3', {}), async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await runner(request('key-3', {}), work)).toMatchObject({ kind: 'done', result: { status: 201 } });
  });

  it('keeps its records in the tenant idempotency partition, with a TTL', async () => {
    const { Items = [] } = await table.documentClient.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'T#acme#IDEMPOTENCY' },
      }),
    );
    expect(Items.length).toBeGreaterThanOrEqual(3);
    for (const item of Items) expect(typeof item.expiresAt).toBe('number');
  });
});
