import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processProviderEvent } from '#application/payments/process-provider-event';
import { receiveProviderEvent } from '#application/payments/receive-provider-event';
import { calendarDate } from '#domain/calendar-date';
import { expectNoScan } from '#test/support/record-commands';
import {
  type FollowUpFixture,
  OWNER_PHONE,
  startFollowUpFixture,
  textOf,
  WEBHOOK_PASSWORD,
  WEBHOOK_USER,
} from './follow-up-fixture';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

function webhookBody(billetId: string, status: string, eventDate = '2026-12-08T17:42:03.551Z'): string {
  return JSON.stringify({
    event: 'updated-billet-status',
    event_date: eventDate,
    data: { _id: billetId, status },
  });
}

describe('Paytime webhook → stored event → processor', () => {
  let fx: FollowUpFixture;

  beforeAll(async () => {
    fx = await startFollowUpFixture({ start: new Date('2026-12-01T15:00:00.000Z') });
  });

  afterAll(async () => {
    expectNoScan(fx.recorded);
    await fx.close();
  });

  const post = (body: string, authorization?: string) =>
    fetch(fx.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body,
    });

  it('marks the boleto paid with the payment, the ledger entry and the owner message in one go, and stops the loop', async () => {
    const { boleto, billetId, contact } = await fx.newSentBoleto({ dueDate: calendarDate('2026-12-10') });
    fx.paytime.controls.pay(billetId);
    await fx.drain();

    const after = await fx.deps.boletos.get(fx.tenantId, boleto.id);
    expect(after).toMatchObject({ status: 'paid', paidCents: 15_000, paidOn: '2026-12-01' });
    const payments = await fx.deps.payments.listByBoleto(fx.tenantId, boleto.id);
    expect(payments).toEqual([
      expect.objectContaining({
        amountCents: 15_000,
        providerPaymentKey: `${billetId}:paid`,
        contactId: contact.contactId,
      }),
    ]);
    const ledger = await fx.deps.ledger.listByMonth(fx.tenantId, '2026-12');
    expect(ledger.filter((entry) => entry.boletoId === boleto.id)).toEqual([
      expect.objectContaining({ kind: 'income', amountCents: 15_000, paymentId: payments[0]?.paymentId }),
    ]);
    const notices = await fx.itemsOf(
      'OutboxMessage',
      (item) => item.boletoId === boleto.id && item.kind === 'payment_received',
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ recipient: OWNER_PHONE, audience: 'owner' });
    expect(textOf(notices[0])).toBe(
      '💰 João da Silva pagou R$ 150,00 em 01/12/2026 (Aulas de violão, vencimento 10/12/2026).',
    );
    const history = await fx.deps.boletos.getWithHistory(fx.tenantId, boleto.id);
    expect(history?.events.map((event) => event.type).slice(-2)).toEqual(['PaymentApplied', 'BoletoPaid']);
    expect(fx.stoppedLoops).toContain(boleto.id);
  });

  it('keeps one payment, one ledger entry and one owner message from 50 concurrent duplicate paid webhooks', async () => {
    const { boleto, billetId } = await fx.newSentBoleto({ dueDate: calendarDate('2026-12-10') });
    fx.paytime.controls.dropNextWebhooks(1);
    fx.paytime.controls.pay(billetId);
    await fx.drain();
    const body = webhookBody(billetId, 'PAID');
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => post(body, basic(WEBHOOK_USER, WEBHOOK_PASSWORD))),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(200));
    const bodies = await Promise.all(
      answers.map((answer) => answer.json() as Promise<{ duplicate: boolean }>),
    );
    expect(bodies.filter((answer) => !answer.duplicate)).toHaveLength(1);
    // The stream may deliver more than once, and Paytime's retries may differ in event_date: 50 processors
    // racing on the same billet still leave one effect.
    await fx.drain();
    const events = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        receiveProviderEvent(
          { events: fx.storedEvents, clock: fx.clock, providerName: 'paytime' },
          fx.tenantId,
          {
            eventType: 'updated-billet-status',
            providerId: billetId,
            claimedStatus: 'PAID',
            eventDate: `2026-12-01T15:00:${String(index).padStart(2, '0')}.000Z`,
          },
        ),
      ),
    );
    const outcomes = await Promise.all(
      events.map((event) =>
        processProviderEvent(
          { ...fx.deps, events: fx.storedEvents },
          { tenantId: fx.tenantId, eventId: event.eventId, providerId: billetId, claimedStatus: 'PAID' },
        ),
      ),
    );
    expect(outcomes.filter((result) => result.outcome === 'paid')).toHaveLength(0); // the webhook got there first
    expect(new Set(outcomes.map((result) => result.outcome))).toEqual(new Set(['already_applied']));
    expect(await fx.deps.payments.listByBoleto(fx.tenantId, boleto.id)).toHaveLength(1);
    expect(await fx.itemsOf('LedgerEntry', (item) => item.boletoId === boleto.id)).toHaveLength(1);
    expect(
      await fx.itemsOf(
        'OutboxMessage',
        (item) => item.boletoId === boleto.id && item.kind === 'payment_received',
      ),
    ).toHaveLength(1);
    expect(await fx.deps.boletos.get(fx.tenantId, boleto.id)).toMatchObject({
      status: 'paid',
      paidCents: 15_000,
    });
  });

  it('settles once when 50 processors race on a payment nobody recorded yet', async () => {
    const { boleto, billetId } = await fx.newSentBoleto({ dueDate: calendarDate('2026-12-10') });
    fx.paytime.controls.dropNextWebhooks(1);
    fx.paytime.controls.pay(billetId);
    await fx.drain();
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        processProviderEvent(
          { ...fx.deps, events: fx.storedEvents },
          { tenantId: fx.tenantId, eventId: `race-${index}`, providerId: billetId, claimedStatus: 'PAID' },
        ).catch((error: unknown) => ({ outcome: `error:${(error as Error).name}` })),
      ),
    );
    expect(outcomes.filter((result) => result.outcome.startsWith('error'))).toEqual([]);
    expect(outcomes.filter((result) => result.outcome === 'paid')).toHaveLength(1);
    expect(
      outcomes.filter((result) => result.outcome !== 'paid').every((r) => r.outcome === 'already_applied'),
    ).toBe(true);
    expect(await fx.deps.payments.listByBoleto(fx.tenantId, boleto.id)).toHaveLength(1);
    expect(await fx.itemsOf('LedgerEntry', (item) => item.boletoId === boleto.id)).toHaveLength(1);
    expect(
      await fx.itemsOf(
        'OutboxMessage',
        (item) => item.boletoId === boleto.id && item.kind === 'payment_received',
      ),
    ).toHaveLength(1);
  });

  it('answers 401 and writes nothing when the Basic credentials are missing or wrong', async () => {
    const before = (await fx.itemsOf('ProviderEvent')).length;
    const body = webhookBody('6923a1f0c2b4e81a9d3f5e71', 'PAID', '2026-12-01T10:00:00.000Z');
    const missing = await post(body);
    const wrong = await post(body, basic(WEBHOOK_USER, 'adivinha'));
    const wrongUser = await post(body, basic('admin', WEBHOOK_PASSWORD));
    const garbage = await post(body, 'Basic !!!');
    for (const answer of [missing, wrong, wrongUser, garbage]) expect(answer.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Basic realm="paytime-webhook"');
    expect((await fx.itemsOf('ProviderEvent')).length).toBe(before);
  });

  it('changes nothing when a webhook claims a status Paytime does not confirm', async () => {
    const { boleto, billetId } = await fx.newSentBoleto({ dueDate: calendarDate('2026-12-10') });
    const answer = await post(
      webhookBody(billetId, 'PAID', '2026-12-01T11:00:00.000Z'),
      basic(WEBHOOK_USER, WEBHOOK_PASSWORD),
    );
    expect(answer.status).toBe(200);
    await fx.drain();
    expect(await fx.deps.boletos.get(fx.tenantId, boleto.id)).toEqual(boleto);
    expect(await fx.deps.payments.listByBoleto(fx.tenantId, boleto.id)).toEqual([]);
    const stored = await fx.itemsOf(
      'ProviderEvent',
      (item) => item.providerId === billetId && item.claimedStatus === 'PAID',
    );
    expect(stored).toEqual([expect.objectContaining({ outcome: 'unchanged' })]);
  });

  it('refuses a body that is not a Paytime webhook, and acknowledges events it does not act on', async () => {
    const auth = basic(WEBHOOK_USER, WEBHOOK_PASSWORD);
    expect((await post('not json', auth)).status).toBe(400);
    expect((await post(JSON.stringify({ data: { _id: 'abc' } }), auth)).status).toBe(400);
    const unreadable = await post(JSON.stringify({ event: 'updated-billet-status', data: {} }), auth);
    expect(unreadable.status).toBe(200);
    expect(await unreadable.json()).toEqual({ received: true, ignored: true });
    const other = await post(
      JSON.stringify({ event: 'new-billet', data: { _id: 'abc', status: 'PENDING' } }),
      auth,
    );
    expect(other.status).toBe(200);
    expect(await other.json()).toEqual({ received: true, ignored: true });
  });

  it('records a partial payment with the remainder and tells the owner what is missing', async () => {
    const { boleto, billetId } = await fx.newSentBoleto({ dueDate: calendarDate('2026-12-10') });
    fx.paytime.controls.pay(billetId, 10_000);
    await fx.drain();
    expect(await fx.deps.boletos.get(fx.tenantId, boleto.id)).toMatchObject({
      status: 'partially_paid',
      paidCents: 10_000,
    });
    const [notice] = await fx.itemsOf(
      'OutboxMessage',
      (item) =>
        item.boletoId === boleto.id && item.kind === 'payment_received' && item.recipient === OWNER_PHONE,
    );
    expect(textOf(notice)).toContain('pagou R$ 100,00 do boleto de R$ 150,00');
    expect(textOf(notice)).toContain('Faltam R$ 50,00');
  });

  it('applies out-of-order events by what Paytime says now: PENDING after PAID, CANCELED claimed after PAID', async () => {
    const { boleto, billetId } = await fx.newSentBoleto({ dueDate: calendarDate('2026-12-10') });
    fx.paytime.controls.pay(billetId);
    await fx.drain();
    const auth = basic(WEBHOOK_USER, WEBHOOK_PASSWORD);
    await post(webhookBody(billetId, 'PENDING', '2026-11-30T09:00:00.000Z'), auth);
    await post(webhookBody(billetId, 'CANCELED', '2026-12-01T16:00:00.000Z'), auth);
    await fx.drain();
    const after = await fx.deps.boletos.get(fx.tenantId, boleto.id);
    expect(after?.status).toBe('paid');
    expect(await fx.deps.payments.listByBoleto(fx.tenantId, boleto.id)).toHaveLength(1);
    const outcomes = (await fx.itemsOf('ProviderEvent', (item) => item.providerId === billetId)).map(
      (i) => i.outcome,
    );
    // The PENDING of the creation arrived before our registration (unknown then); the rest converge on PAID.
    expect(outcomes.sort()).toEqual(['already_applied', 'already_applied', 'paid', 'unknown_boleto']);
  });

  it('writes the boleto off when Paytime expires it, and tells the owner', async () => {
    const { boleto, billetId } = await fx.newSentBoleto({ dueDate: calendarDate('2026-12-10') });
    fx.paytime.controls.expire(billetId);
    await fx.drain();
    expect(await fx.deps.boletos.get(fx.tenantId, boleto.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'provider_expired',
    });
    const notices = await fx.itemsOf(
      'OutboxMessage',
      (item) => item.boletoId === boleto.id && item.audience === 'owner',
    );
    expect(textOf(notices[0])).toContain('expirou sem pagamento');
  });
});
