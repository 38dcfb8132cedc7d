import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerPaymentStatus } from '#application/owner-queries/answer-payment-status';
import { listReceivables } from '#application/owner-queries/list-receivables';
import { calendarDate } from '#domain/calendar-date';
import { expectNoScan } from '#test/support/record-commands';
import { type FollowUpFixture, startFollowUpFixture } from './follow-up-fixture';

describe('owner questions answered from the table', () => {
  let fx: FollowUpFixture;
  const today = calendarDate('2026-12-15');

  beforeAll(async () => {
    fx = await startFollowUpFixture({ start: new Date('2026-12-01T13:00:00.000Z') });
    const joao = await fx.newContact({ name: 'João da Silva' });
    const maria = await fx.newContact({ name: 'Maria Souza' });
    const pedro = await fx.newContact({ name: 'Pedro Alves' });
    await fx.newContact({ name: 'João Pereira' });
    await fx.newSentBoleto({
      contact: joao,
      dueDate: calendarDate('2026-12-10'),
      description: 'Aulas de violão',
    });
    await fx.newSentBoleto({
      contact: maria,
      dueDate: calendarDate('2026-12-20'),
      amountCents: 20_000,
      description: 'Mensalidade',
    });
    const paid = await fx.newSentBoleto({
      contact: pedro,
      dueDate: calendarDate('2026-12-05'),
      description: 'Material',
    });
    fx.paytime.controls.pay(paid.billetId);
    await fx.drain();
  });

  afterAll(async () => {
    expectNoScan(fx.recorded);
    await fx.close();
  });

  const deps = () => ({ boletos: fx.deps.boletos, contacts: fx.deps.contacts, tenants: fx.deps.tenants });

  it('"quem está devendo?": overdue first with what is due today, then upcoming', async () => {
    const answer = await listReceivables(deps(), { tenantId: fx.tenantId, today });
    expect(answer.totalDueTodayCents).toBe(15_325 + 20_000);
    expect(answer.text).toBe(
      [
        '📋 Em aberto: 2 boletos, R$ 353,25 se pagos hoje.',
        '',
        '⚠️ Vencidos (1):',
        '• João da Silva: R$ 153,25 (venceu 10/12, há 5 dias; R$ 150,00 + R$ 3,25 de multa e juros)',
        '',
        '📅 A vencer (1):',
        '• Maria Souza: R$ 200,00 (vence 20/12, em 5 dias)',
      ].join('\n'),
    );
  });

  it('"o Pedro já pagou?": yes, with the date', async () => {
    const answer = await answerPaymentStatus(deps(), { tenantId: fx.tenantId, contactName: 'pedro', today });
    expect(answer.kind).toBe('paid');
    expect(answer.text).toBe(
      '✅ Sim! Pedro Alves pagou o boleto de R$ 150,00 (Material) em 01/12/2026 e não tem boletos em aberto.',
    );
  });

  it('"a Maria já pagou?": not yet, with the amount and the due date', async () => {
    const answer = await answerPaymentStatus(deps(), { tenantId: fx.tenantId, contactName: 'Maria', today });
    expect(answer.kind).toBe('owing');
    expect(answer.text).toBe(
      '⏳ Maria Souza ainda não pagou este boleto:\n• Mensalidade: R$ 200,00 (vence 20/12, em 5 dias)',
    );
  });

  it('asks back when the name is ambiguous or unknown', async () => {
    const ambiguous = await answerPaymentStatus(deps(), {
      tenantId: fx.tenantId,
      contactName: 'João',
      today,
    });
    expect(ambiguous.kind).toBe('contact_uncertain');
    expect(ambiguous.text).toContain('João da Silva');
    expect(ambiguous.text).toContain('João Pereira');
    const unknown = await answerPaymentStatus(deps(), {
      tenantId: fx.tenantId,
      contactName: 'Zuleica',
      today,
    });
    expect(unknown).toMatchObject({
      kind: 'contact_not_found',
      text: 'Não encontrei nenhum contato chamado "Zuleica".',
    });
    const exact = await answerPaymentStatus(deps(), {
      tenantId: fx.tenantId,
      contactName: 'joao da silva',
      today,
    });
    expect(exact.kind).toBe('owing');
    expect(exact.open[0]).toMatchObject({ daysOverdue: 5, dueTodayCents: 15_325 });
  });
});
