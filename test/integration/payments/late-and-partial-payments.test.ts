import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerPaymentStatus } from '#application/owner-queries/answer-payment-status';
import { listReceivables } from '#application/owner-queries/list-receivables';
import type { TenantProfile } from '#application/ports/tenant-repository';
import { calendarDate } from '#domain/calendar-date';
import { expectNoScan } from '#test/support/record-commands';
import { type FollowUpFixture, OWNER_PHONE, startFollowUpFixture, textOf } from './follow-up-fixture';

describe('late and partial payments: the state, the messages and "quem me deve" agree', () => {
  let fx: FollowUpFixture;

  beforeAll(async () => {
    // Tuesday 1 December 2026, 10:00 in São Paulo.
    fx = await startFollowUpFixture({ start: new Date('2026-12-01T13:00:00.000Z') });
  });
  afterAll(async () => {
    expectNoScan(fx.recorded);
    await fx.close();
  });

  const queries = () => ({ boletos: fx.deps.boletos, contacts: fx.deps.contacts, tenants: fx.deps.tenants });
  const noticeOf = async (boletoId: string, recipient = OWNER_PHONE) =>
    (
      await fx.itemsOf(
        'OutboxMessage',
        (item) =>
          item.boletoId === boletoId && item.kind === 'payment_received' && item.recipient === recipient,
      )
    )[0];

  it('a partial payment: partially paid, a fixed balance apart from what is due today, the payer told, no charges growing', async () => {
    const contact = await fx.newContact({ name: 'Paula Nogueira' });
    const { boleto, billetId } = await fx.newSentBoleto({ contact, dueDate: calendarDate('2026-12-10') });
    fx.paytime.controls.pay(billetId, 10_000);
    await fx.drain();
    expect(await fx.deps.boletos.get(fx.tenantId, boleto.id)).toMatchObject({
      status: 'partially_paid',
      paidCents: 10_000,
    });

    const owner = await noticeOf(boleto.id);
    expect(textOf(owner)).toBe(
      '💰 Paula Nogueira pagou R$ 100,00 do boleto de R$ 150,00 (Aulas de violão, vencimento 10/12/2026) em 01/12/2026. ' +
        'Faltam R$ 50,00: o banco baixou esse boleto e ele não aceita outro pagamento, então parei os lembretes. ' +
        'Vou avisar Paula Nogueira do valor que falta. Quer cobrar R$ 50,00 num boleto novo?',
    );
    expect((owner?.content as { buttons?: unknown[] } | undefined)?.buttons).toEqual([
      { id: `difference:charge:${boleto.id}:5000`, title: 'Cobrar R$ 50,00' },
      { id: `difference:waive:${boleto.id}:5000`, title: 'Não cobrar' },
    ]);
    expect(textOf(await noticeOf(boleto.id, contact.phone))).toBe(
      'Olá, Paula! Recebemos R$ 100,00 do boleto de R$ 150,00 (Aulas de violão, vencimento 10/12/2026). ' +
        'Ficaram faltando R$ 50,00. Esse boleto foi baixado e não aceita outro pagamento: fale com Escola Harmonia para combinar o restante.',
    );

    // Two months later the balance is still R$ 50,00, and it is not an amount "due today".
    const later = calendarDate('2027-02-10');
    const list = await listReceivables(queries(), { tenantId: fx.tenantId, today: later });
    expect(list.overdue.concat(list.upcoming).map((item) => item.boletoId)).not.toContain(boleto.id);
    expect(list.balances).toEqual([expect.objectContaining({ boletoId: boleto.id, balanceCents: 5_000 })]);
    expect(list.text).toContain(
      '• Paula Nogueira: R$ 50,00 a cobrar (pagou R$ 100,00 de R$ 150,00, vencimento 10/12/2026; boleto baixado: precisa de um boleto novo)',
    );
    const status = await answerPaymentStatus(queries(), {
      tenantId: fx.tenantId,
      contactName: 'Paula',
      today: later,
    });
    expect(status.kind).toBe('owing');
    expect(status.open).toEqual([]);
    expect(status.text).toContain('💼 Paula Nogueira pagou em parte:');

    const history = await fx.deps.boletos.getWithHistory(fx.tenantId, boleto.id);
    expect(history?.activities.find((activity) => activity.kind === 'owner_notified')?.detail).toMatchObject({
      notice: 'payment_received',
      paidCents: 10_000,
      remainingCents: 5_000,
      payerTold: true,
    });
  });

  it('the face value paid late: paid, and the owner hears the uncollected charges with a one-tap offer', async () => {
    const { boleto, billetId } = await fx.newSentBoleto({
      contact: await fx.newContact({ name: 'Rafael Tavares' }),
      dueDate: calendarDate('2026-12-02'),
    });
    await fx.clock.advance({ days: 5 }); // Sunday 6 December: 4 days late.
    fx.paytime.controls.pay(billetId, 15_000);
    await fx.drain();
    expect((await fx.deps.boletos.get(fx.tenantId, boleto.id))?.status).toBe('paid');
    const owner = await noticeOf(boleto.id);
    expect(textOf(owner)).toBe(
      '💰 Rafael Tavares pagou R$ 150,00 em 06/12/2026 (Aulas de violão, vencimento 02/12/2026). ' +
        'O pagamento foi depois do vencimento e não incluiu R$ 3,20 de multa e juros. Quer cobrar R$ 3,20 num boleto novo?',
    );
    const buttons = (owner?.content as { buttons?: Array<{ id: string }> } | undefined)?.buttons;
    expect(buttons?.[0]?.id).toBe(`difference:charge:${boleto.id}:320`);
    expect(
      await fx.itemsOf(
        'OutboxMessage',
        (item) =>
          item.boletoId === boleto.id && item.audience === 'contact' && item.kind === 'payment_received',
      ),
    ).toEqual([]);
  });

  it('with the tenant’s waive policy the owner is told the charges are waived, and gets no button', async () => {
    const profile = (await fx.deps.tenants.getProfile(fx.tenantId)) as TenantProfile;
    await fx.deps.tenants.saveProfile({ ...profile, uncollectedLateCharges: 'waive' } as TenantProfile);
    const { boleto, billetId } = await fx.newSentBoleto({
      contact: await fx.newContact({ name: 'Sara Vieira' }),
      dueDate: calendarDate('2026-12-07'),
    });
    await fx.clock.advance({ days: 3 });
    fx.paytime.controls.pay(billetId, 15_000);
    await fx.drain();
    const owner = await noticeOf(boleto.id);
    expect(owner?.content).toMatchObject({ type: 'text' });
    expect(textOf(owner)).toContain('Pela configuração da empresa, não cobro multa e juros em atraso.');
    await fx.deps.tenants.saveProfile(profile);
  });

  it('an expired boleto shows no amount due and is not in "quem me deve"', async () => {
    const { boleto, billetId } = await fx.newSentBoleto({
      contact: await fx.newContact({ name: 'Tiago Lopes' }),
      dueDate: calendarDate('2026-12-20'),
    });
    fx.paytime.controls.expire(billetId);
    await fx.drain();
    expect((await fx.deps.boletos.get(fx.tenantId, boleto.id))?.status).toBe('cancelled');
    const list = await listReceivables(queries(), {
      tenantId: fx.tenantId,
      today: calendarDate('2026-12-20'),
    });
    expect([...list.overdue, ...list.upcoming, ...list.balances].map((item) => item.boletoId)).not.toContain(
      boleto.id,
    );
  });
});
