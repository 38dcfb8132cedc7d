import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbCustomerWindowStore } from '#adapters/dynamodb/outbox/dynamodb-customer-window-store';
import { DynamoDbOutboxRepository } from '#adapters/dynamodb/outbox/dynamodb-outbox-repository';
import { DynamoDbUnitOfWork } from '#adapters/dynamodb/transaction/dynamodb-unit-of-work';
import { OutboxTransitionRejectedError } from '#application/ports/outbox-repository';
import { newOutboxMessage, ownerReply } from '#domain/outbox-message';
import { normalizePhone } from '#domain/phone-number';
import { uniqueId, uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '#test/support/record-commands';

const T0 = new Date('2026-12-09T14:00:00.000Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('DynamoDbOutboxRepository', () => {
  let table: TestTable;
  let outbox: DynamoDbOutboxRepository;
  let recorded: string[];

  beforeAll(async () => {
    table = await createTestTable('outbox-repo');
    outbox = new DynamoDbOutboxRepository(table.tableName, table.documentClient);
    recorded = recordCommands(table.client);
  });

  beforeEach(() => {
    recorded.length = 0;
  });

  afterAll(async () => {
    expectNoScan(recorded);
    await table.drop();
  });

  async function aPendingMessage(tenantId = uniqueTenantId()) {
    const message = newOutboxMessage(ownerReply('+5511912345678', 'Oi!', uniqueId('corr')), {
      id: uniqueId('out'),
      tenantId,
      now: T0,
    });
    await outbox.add(message);
    return message;
  }

  it('adds an item once: the same id again fails', async () => {
    const message = await aPendingMessage();
    await expect(outbox.add(message)).rejects.toThrow();
    expect(await outbox.get(message.tenantId, message.id)).toEqual(message);
  });

  it('lets exactly one of several concurrent claims win', async () => {
    const message = await aPendingMessage();
    const claims = await Promise.all(
      ['a', 'b', 'c'].map((token) =>
        outbox.claim({
          tenantId: message.tenantId,
          outboxId: message.id,
          claimToken: token,
          now: T0,
          staleBefore: later(-60),
        }),
      ),
    );
    expect(claims.filter((claim) => claim.claimed)).toHaveLength(1);
    const stored = await outbox.get(message.tenantId, message.id);
    expect(stored).toMatchObject({ status: 'sending', attempts: 1, claimedAt: T0.toISOString() });
  });

  it('takes over a stale claim, but not a fresh one', async () => {
    const message = await aPendingMessage();
    const base = { tenantId: message.tenantId, outboxId: message.id };
    expect(
      (await outbox.claim({ ...base, claimToken: 'first', now: T0, staleBefore: later(-60) })).claimed,
    ).toBe(true);
    const fresh = await outbox.claim({
      ...base,
      claimToken: 'second',
      now: later(30),
      staleBefore: later(-30),
    });
    expect(fresh).toEqual({ claimed: false, reason: 'not_claimable' });
    const stale = await outbox.claim({
      ...base,
      claimToken: 'third',
      now: later(90),
      staleBefore: later(30),
    });
    expect(stale.claimed && stale.message.attempts).toBe(2);
  });

  it('records sent with the provider id and finds the item by that id', async () => {
    const message = await aPendingMessage();
    await outbox.claim({
      tenantId: message.tenantId,
      outboxId: message.id,
      claimToken: 't',
      now: T0,
      staleBefore: later(-60),
    });
    const result = await outbox.markSent({
      tenantId: message.tenantId,
      outboxId: message.id,
      providerMessageId: 'wamid.HBgM123=',
      sentAs: 'free_form',
      at: later(1),
    });
    expect(result).toEqual({ recorded: true });
    const found = await outbox.findByProviderMessageId(message.tenantId, 'wamid.HBgM123=');
    expect(found).toMatchObject({
      id: message.id,
      status: 'sent',
      sentAs: 'free_form',
      providerMessageId: 'wamid.HBgM123=',
    });
    expect(await outbox.findByProviderMessageId(uniqueTenantId(), 'wamid.HBgM123=')).toBeUndefined();
    const again = await outbox.claim({
      tenantId: message.tenantId,
      outboxId: message.id,
      claimToken: 'u',
      now: later(500),
      staleBefore: later(400),
    });
    expect(again.claimed).toBe(false);
  });

  it('applies status callbacks only forward', async () => {
    const message = await aPendingMessage();
    const base = { tenantId: message.tenantId, outboxId: message.id };
    await outbox.claim({ ...base, claimToken: 't', now: T0, staleBefore: later(-60) });
    await outbox.markSent({ ...base, providerMessageId: `wamid.${message.id}`, at: later(1) });
    await outbox.applyCallbackStatus({ ...base, status: 'read', at: later(5) });
    await expect(
      outbox.applyCallbackStatus({ ...base, status: 'delivered', at: later(3) }),
    ).rejects.toBeInstanceOf(OutboxTransitionRejectedError);
    await expect(
      outbox.applyCallbackStatus({ ...base, status: 'failed', at: later(6) }),
    ).rejects.toBeInstanceOf(OutboxTransitionRejectedError);
    expect(await outbox.get(message.tenantId, message.id)).toMatchObject({
      status: 'read',
      readAt: later(5).toISOString(),
      deliveredAt: later(5).toISOString(),
    });
  });

  it('fails and releases only with the claim token that holds the item', async () => {
    const message = await aPendingMessage();
    const base = { tenantId: message.tenantId, outboxId: message.id };
    await outbox.claim({ ...base, claimToken: 'holder', now: T0, staleBefore: later(-60) });
    await outbox.release({ ...base, claimToken: 'someone-else', error: 'x', at: later(1) });
    expect((await outbox.get(message.tenantId, message.id))?.status).toBe('sending');
    await expect(
      outbox.markFailed({ ...base, claimToken: 'someone-else', reason: 'x', at: later(1) }),
    ).rejects.toBeInstanceOf(OutboxTransitionRejectedError);
    await outbox.release({ ...base, claimToken: 'holder', error: '429', at: later(2) });
    expect(await outbox.get(message.tenantId, message.id)).toMatchObject({
      status: 'pending',
      lastError: '429',
    });
    await outbox.claim({ ...base, claimToken: 'next', now: later(3), staleBefore: later(-57) });
    await outbox.markFailed({ ...base, claimToken: 'next', reason: 'invalid_recipient', at: later(4) });
    expect(await outbox.get(message.tenantId, message.id)).toMatchObject({
      status: 'failed',
      failureReason: 'invalid_recipient',
      attempts: 2,
    });
  });

  it('refuses a claim over a full daily counter, counting a retried message once', async () => {
    const tenantId = uniqueTenantId();
    const charge = { scope: 'contact' as const, recipient: '+5511987654321', day: '2026-12-09', limit: 2 };
    const [a, b, c] = [
      await aPendingMessage(tenantId),
      await aPendingMessage(tenantId),
      await aPendingMessage(tenantId),
    ];
    if (!a || !b || !c) throw new Error('fixtures');
    const claim = (id: string, token: string, at: Date) =>
      outbox.claim({
        tenantId,
        outboxId: id,
        claimToken: token,
        now: at,
        staleBefore: new Date(at.getTime() - 60_000),
        rateCharges: [charge],
      });
    expect((await claim(a.id, 'a1', T0)).claimed).toBe(true);
    await outbox.release({ tenantId, outboxId: a.id, claimToken: 'a1', error: 'retry', at: later(1) });
    expect((await claim(a.id, 'a2', later(2))).claimed).toBe(true);
    expect((await claim(b.id, 'b1', later(3))).claimed).toBe(true);
    expect(await claim(c.id, 'c1', later(4))).toEqual({
      claimed: false,
      reason: 'rate_limited',
      scope: 'contact',
    });
    expect((await outbox.get(tenantId, c.id))?.status).toBe('pending');
  });

  it('commits a failure and the owner notice together, or neither', async () => {
    const unitOfWork = new DynamoDbUnitOfWork(table.tableName, table.documentClient);
    const message = await aPendingMessage();
    const notice = newOutboxMessage(ownerReply('+5511912345678', 'falhou', 'c'), {
      id: uniqueId('notice'),
      tenantId: message.tenantId,
      now: T0,
    });
    await expect(
      unitOfWork.run(async (tx) => {
        await outbox.markFailed(
          {
            tenantId: message.tenantId,
            outboxId: message.id,
            claimToken: 'not-claimed',
            reason: 'x',
            at: T0,
          },
          tx,
        );
        await outbox.add(notice, tx);
      }),
    ).rejects.toBeInstanceOf(OutboxTransitionRejectedError);
    expect(await outbox.get(message.tenantId, notice.id)).toBeUndefined();
  });
});

describe('DynamoDbCustomerWindowStore', () => {
  let table: TestTable;

  beforeAll(async () => {
    table = await createTestTable('outbox-window');
  });

  afterAll(async () => {
    await table.drop();
  });

  it('remembers when a person last wrote, per tenant', async () => {
    const store = new DynamoDbCustomerWindowStore(table.tableName, table.documentClient);
    const tenantId = uniqueTenantId();
    const phone = normalizePhone('(11) 98765-4321');
    expect(await store.lastInboundAt(tenantId, phone)).toBeUndefined();
    await store.recordInbound(tenantId, phone, T0);
    await store.recordInbound(tenantId, phone, later(60));
    expect(await store.lastInboundAt(tenantId, phone)).toEqual(later(60));
    expect(await store.lastInboundAt(uniqueTenantId(), phone)).toBeUndefined();
  });
});
