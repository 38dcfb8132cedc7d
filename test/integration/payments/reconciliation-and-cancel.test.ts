import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelBoletoForOwner } from '#application/payments/cancel-boleto';
import { settleWithProvider } from '#application/payments/settle-with-provider';
import type { BillingProvider, ProviderBoleto } from '#application/ports/billing-provider';
import { reconcileOpenBoletos } from '#application/reconciliation/reconcile-open-boletos';
import { registerBoleto } from '#domain/boleto';
import { calendarDate } from '#domain/calendar-date';
import { InvalidInputError } from '#domain/domain-error';
import { createReconciliationHandler } from '#functions/reconciliation/create-handler';
import { expectNoScan } from '#test/support/record-commands';
import { type FollowUpFixture, OWNER_PHONE, startFollowUpFixture, textOf } from './follow-up-fixture';

describe('daily reconciliation', () => {
  let fx: FollowUpFixture;

  beforeAll(async () => {
    fx = await startFollowUpFixture({ start: new Date('2026-12-02T13:00:00.000Z') });
  });

  afterAll(async () => {
    expectNoScan(fx.recorded);
    await fx.close();
  });

  const reconcileDeps = () => ({
    ...fx.deps,
    runs: fx.runs,
    ids: fx.ids,
    boletoActivity: fx.reminderDeps.boletoActivity,
  });

  it('heals a boleto whose paid webhook the simulator dropped, and records the run', async () => {
    const dropped = await fx.newSentBoleto({ dueDate: calendarDate('2026-12-10') });
    const untouched = await fx.newSentBoleto({ dueDate: calendarDate('2026-12-15') });
    fx.paytime.controls.dropNextWebhooks(1);
    fx.paytime.controls.pay(dropped.billetId);
    await fx.drain();
    expect(fx.paytime.controls.webhookDeliveries().at(-1)).toMatchObject({
      billetId: dropped.billetId,
      outcome: 'dropped',
    });
    expect(await fx.deps.boletos.get(fx.tenantId, dropped.boleto.id)).toMatchObject({ status: 'sent' });

    const handler = createReconciliationHandler({
      reconcile: reconcileDeps(),
      tenantId: fx.tenantId,
      concurrency: 5,
    });
    const run = await handler({ source: 'iris.reconciliation', tenantId: fx.tenantId });

    expect(run).toMatchObject({ checked: 2, healed: 1, failed: 0, outcomes: { paid: 1, unchanged: 1 } });
    expect(await fx.deps.boletos.get(fx.tenantId, dropped.boleto.id)).toMatchObject({ status: 'paid' });
    expect(await fx.deps.boletos.get(fx.tenantId, untouched.boleto.id)).toMatchObject({ status: 'sent' });
    expect(await fx.deps.payments.listByBoleto(fx.tenantId, dropped.boleto.id)).toHaveLength(1);
    expect(fx.stoppedLoops).toContain(dropped.boleto.id);
    expect(await fx.runs.listRecent(fx.tenantId, 5)).toEqual([
      expect.objectContaining({ runId: run.runId, healed: 1 }),
    ]);

    const again = await reconcileOpenBoletos(reconcileDeps(), { tenantId: fx.tenantId });
    expect(again).toMatchObject({ checked: 1, healed: 0 });
    expect(await fx.deps.payments.listByBoleto(fx.tenantId, dropped.boleto.id)).toHaveLength(1);
    await cancelBoletoForOwner(fx.deps, {
      tenantId: fx.tenantId,
      boletoId: untouched.boleto.id,
      requestedBy: 'test',
    });
  });

  it('counts a boleto Paytime cannot be asked about as failed and goes on with the others', async () => {
    const first = await fx.newSentBoleto({ dueDate: calendarDate('2026-12-11') });
    const second = await fx.newSentBoleto({ dueDate: calendarDate('2026-12-12') });
    fx.paytime.controls.dropNextWebhooks(1);
    fx.paytime.controls.pay(second.billetId);
    await fx.drain();
    fx.paytime.controls.failNext(4, { status: 503, operations: ['get'] }); // the adapter's 1 + 3 retries
    const run = await reconcileOpenBoletos(reconcileDeps(), { tenantId: fx.tenantId, concurrency: 1 });
    expect(run).toMatchObject({ checked: 2, healed: 1, failed: 1 });
    expect(run.failures).toEqual([expect.objectContaining({ boletoId: first.boleto.id })]);
    expect(await fx.deps.boletos.get(fx.tenantId, second.boleto.id)).toMatchObject({ status: 'paid' });
    await cancelBoletoForOwner(fx.deps, {
      tenantId: fx.tenantId,
      boletoId: first.boleto.id,
      requestedBy: 'test',
    });
  });

  it('settles a boleto paid before our registration was recorded: the webhook finds nothing, reconciliation registers and pays it once', async () => {
    const { boleto, billetId } = await fx.newSentBoleto({
      dueDate: calendarDate('2026-12-10'),
      stage: 'requested',
    });
    fx.paytime.controls.pay(billetId);
    await fx.drain();
    expect(await fx.deps.boletos.get(fx.tenantId, boleto.id)).toMatchObject({ status: 'requested' });
    const events = await fx.itemsOf('ProviderEvent', (item) => item.providerId === billetId);
    expect(events.map((event) => event.outcome)).toEqual(['unknown_boleto', 'unknown_boleto']);

    await fx.clock.advance({ hours: 2 });
    const run = await reconcileOpenBoletos(reconcileDeps(), { tenantId: fx.tenantId });
    expect(run.outcomes).toMatchObject({ paid: 1 });
    const after = await fx.deps.boletos.get(fx.tenantId, boleto.id);
    expect(after).toMatchObject({ status: 'paid', provider: { providerId: billetId } });
    expect(await fx.deps.payments.listByBoleto(fx.tenantId, boleto.id)).toHaveLength(1);
    // The conversation finishing late registers the same billet again: a no-op, not a second state.
    if (!after) throw new Error('boleto vanished');
    const late = registerBoleto(
      after,
      { providerId: billetId, digitableLine: '1'.repeat(47), barcode: '1'.repeat(44) },
      {
        actor: { kind: 'system', id: 'conversation' },
        at: fx.clock.now().toISOString(),
      },
    );
    expect(late.events).toEqual([]);
    // And a replayed webhook now finds the boleto and the payment already there.
    const replay = await settleWithProvider(fx.deps, { tenantId: fx.tenantId, providerId: billetId });
    expect(replay.outcome).toBe('already_applied');
  });

  it('refuses a schedule for another tenant', async () => {
    const handler = createReconciliationHandler({
      reconcile: reconcileDeps(),
      tenantId: fx.tenantId,
      concurrency: 5,
    });
    await expect(handler({ tenantId: 'someone-else' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(handler({})).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe('owner cancels a boleto', () => {
  let fx: FollowUpFixture;

  beforeAll(async () => {
    fx = await startFollowUpFixture({ start: new Date('2026-12-02T13:00:00.000Z') });
  });

  afterAll(async () => {
    expectNoScan(fx.recorded);
    await fx.close();
  });

  it('cancels at Paytime and here, answers the owner, tells the contact and stops the loop', async () => {
    const { boleto, billetId } = await fx.newSentBoleto({ dueDate: calendarDate('2026-12-10') });
    const result = await cancelBoletoForOwner(fx.deps, {
      tenantId: fx.tenantId,
      boletoId: boleto.id,
      requestedBy: OWNER_PHONE,
      replyTo: { phone: OWNER_PHONE, correlationId: 'wamid.cancel-1' },
    });
    await fx.drain();
    expect(result).toEqual({
      outcome: 'cancelled',
      replyText:
        '✅ Cancelei o boleto de João da Silva de R$ 150,00 (Aulas de violão, vencimento 10/12/2026). Vou avisar João da Silva pelo WhatsApp.',
      contactNotified: true,
    });
    expect(fx.paytime.controls.boleto(billetId)?.status).toBe('CANCELED');
    expect(await fx.deps.boletos.get(fx.tenantId, boleto.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'owner_request',
    });
    const messages = await fx.itemsOf('OutboxMessage', (item) => item.boletoId === boleto.id);
    expect(messages.map((message) => message.audience).sort()).toEqual(['contact', 'owner']);
    expect(fx.stoppedLoops).toContain(boleto.id);

    const again = await cancelBoletoForOwner(fx.deps, {
      tenantId: fx.tenantId,
      boletoId: boleto.id,
      requestedBy: OWNER_PHONE,
    });
    expect(again.outcome).toBe('already_cancelled');
  });

  it('does not cancel a boleto the payer has just paid: records the payment and says so', async () => {
    const { boleto, billetId } = await fx.newSentBoleto({ dueDate: calendarDate('2026-12-10') });
    fx.paytime.controls.dropNextWebhooks(1);
    fx.paytime.controls.pay(billetId);
    await fx.drain();
    const result = await cancelBoletoForOwner(fx.deps, {
      tenantId: fx.tenantId,
      boletoId: boleto.id,
      requestedBy: OWNER_PHONE,
      notifyContact: false,
    });
    expect(result.outcome).toBe('already_paid');
    expect(result.replyText).toContain('já pagou');
    expect(await fx.deps.boletos.get(fx.tenantId, boleto.id)).toMatchObject({ status: 'paid' });
    expect(await fx.deps.payments.listByBoleto(fx.tenantId, boleto.id)).toHaveLength(1);
  });

  it('keeps a paid boleto paid when the provider later calls it cancelled, and records a payment for a boleto cancelled here', async () => {
    const { boleto } = await fx.newSentBoleto({ dueDate: calendarDate('2026-12-10') });
    const fake = (remote: Partial<ProviderBoleto>): BillingProvider => ({
      ...fx.deps.billing,
      getBoleto: async (providerId) => ({
        providerId,
        status: 'pending',
        amountCents: 15_000,
        dueDate: calendarDate('2026-12-10'),
        ...remote,
      }),
    });
    const cancelled = await cancelBoletoForOwner(fx.deps, {
      tenantId: fx.tenantId,
      boletoId: boleto.id,
      requestedBy: OWNER_PHONE,
    });
    expect(cancelled.outcome).toBe('cancelled');
    const paidLate = await settleWithProvider(
      {
        ...fx.deps,
        billing: fake({ status: 'paid', paidAmountCents: 15_000, paidAt: '2026-12-02T14:00:00.000Z' }),
      },
      { tenantId: fx.tenantId, boletoId: boleto.id },
    );
    expect(paidLate.outcome).toBe('payment_on_cancelled_boleto');
    expect(await fx.deps.boletos.get(fx.tenantId, boleto.id)).toMatchObject({ status: 'cancelled' });
    expect(await fx.deps.payments.listByBoleto(fx.tenantId, boleto.id)).toHaveLength(1);
    const alerts = await fx.itemsOf(
      'OutboxMessage',
      (item) => item.boletoId === boleto.id && item.kind === 'payment_received',
    );
    expect(textOf(alerts[0])).toContain('estava cancelado');
    const replay = await settleWithProvider(
      { ...fx.deps, billing: fake({ status: 'paid', paidAmountCents: 15_000 }) },
      { tenantId: fx.tenantId, boletoId: boleto.id },
    );
    expect(replay.outcome).toBe('already_applied');

    const other = await fx.newSentBoleto({ dueDate: calendarDate('2026-12-10') });
    fx.paytime.controls.pay(other.billetId);
    await fx.drain();
    const conflict = await settleWithProvider(
      { ...fx.deps, billing: fake({ status: 'cancelled' }) },
      { tenantId: fx.tenantId, boletoId: other.boleto.id },
    );
    expect(conflict.outcome).toBe('conflict');
    expect(await fx.deps.boletos.get(fx.tenantId, other.boleto.id)).toMatchObject({ status: 'paid' });
  });
});
