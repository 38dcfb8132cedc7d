import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saoPauloDateOf } from '#domain/calendar-date';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { stateMachineArn } from '#infra/local/local-cloud-names';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { ownerChat } from '#test/support/owner-chat';
import { recurringPlanSchedules } from '#test/support/schedule-group';

/**
 * Issue 12 item 5 on the local cloud, with the virtual clock driven across months: a plan confirmed once, one
 * EventBridge Scheduler schedule per plan, each month's boleto issued ten days before its due date by the
 * one-off create path (Paytime, the payer's message, the owner told), exactly once even when a firing is
 * replayed; day 31 in shorter months; the list; a stop that deletes the schedule and keeps issued boletos.
 */
describe('recurring charges', () => {
  let cloud: LocalCloud;
  const owner = DEMO_TENANT.owner.phone;
  const [joao, maria, pedro] = DEMO_TENANT.contacts;

  const { say, sentTo, textsTo, lastTextTo, confirmLast } = ownerChat(() => cloud, owner);
  /** Paytime's billets of one payer: [due date, São Paulo issue day]. */
  const billetsOf = (taxId: string) =>
    cloud.simulators.paytime.controls
      .boletos()
      .filter((billet) => billet.client.document.replace(/\D/g, '') === taxId.replace(/\D/g, ''))
      .map((billet) => [billet.expiration_at.slice(0, 10), saoPauloDateOf(new Date(billet.created_at))]);
  const plans = () => recurringPlanSchedules(cloud);

  beforeAll(async () => {
    // Tuesday 01/12/2026, 10:00 in São Paulo.
    cloud = await startLocalCloud({
      port: 0,
      clockStart: new Date('2026-12-01T13:00:00Z'),
    });
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('"cobra 100 do João todo mês dia 10 até março": confirmed once, the first boleto within a minute (due in 9 days)', async () => {
    await say({ text: 'cobra 100 do João todo mês dia 10 até março' });
    expect(lastTextTo(owner)).toBe(
      'Confirma cobrança mensal de R$ 100,00 para João Silva, todo dia 10, de 10/12/2026 a 10/03/2027 (4 boletos)? Cada boleto é emitido 10 dias antes do vencimento e enviado ao contato.',
    );
    expect(billetsOf(joao.cpf)).toEqual([]);
    await confirmLast();
    const texts = textsTo(owner);
    expect(texts).toContain(
      'Pronto: cobrança mensal de R$ 100,00 para João Silva, todo dia 10, de 10/12/2026 a 10/03/2027 (4 boletos). Vou emitir o primeiro boleto em instantes e te aviso quando ele for enviado.',
    );
    expect(billetsOf(joao.cpf)).toEqual([]);
    await cloud.advance({ minutes: 2 }); // the plan's schedule, armed for the next minute
    expect(billetsOf(joao.cpf)).toEqual([['2026-12-10', '2026-12-01']]);
    expect(sentTo(joao.phone).length).toBeGreaterThan(0);
    expect(plans()).toEqual([
      expect.objectContaining({
        ScheduleExpression: 'at(2026-12-31T09:00:00)',
        ScheduleExpressionTimezone: 'America/Sao_Paulo',
        Target: expect.objectContaining({ Arn: stateMachineArn('conversation') }),
      }),
    ]);
  });

  it("a plan due later is scheduled, day 31 falls on the month's last day, and the list shows both", async () => {
    await say({ text: 'cobra 80 do Pedro todo mês dia 31 por 3 meses' });
    expect(lastTextTo(owner)).toMatch(
      /^Confirma cobrança mensal de R\$ 80,00 para Pedro Álvares, todo dia 31 \(ou o último dia do mês\), de 31\/12\/2026 a 28\/02\/2027 \(3 boletos\)\?/,
    );
    await confirmLast();
    expect(lastTextTo(owner)).toMatch(/O primeiro boleto será emitido em 21\/12\/2026\.$/);
    expect(billetsOf(pedro.cpf)).toEqual([]);
    await say({ text: 'quais cobranças mensais eu tenho?' });
    expect(lastTextTo(owner)).toBe(
      'Suas cobranças mensais:\n• João Silva: R$ 100,00 todo dia 10, de 10/12/2026 a 10/03/2027 (4 boletos)\n• Pedro Álvares: R$ 80,00 todo dia 31 (ou o último dia do mês), de 31/12/2026 a 28/02/2027 (3 boletos)',
    );
  });

  it('"para a mensalidade da Maria" after confirming stops a plan before its first boleto; nothing is issued', async () => {
    await say({ text: 'mensalidade de 50 da Maria todo dia 25' });
    await confirmLast();
    expect(plans()).toHaveLength(3);
    await say({ text: 'para a mensalidade da Maria' });
    expect(lastTextTo(owner)).toBe(
      'Encerrar a cobrança mensal de R$ 50,00 de Maria Souza (todo dia 25)? Os boletos já emitidos continuam valendo.',
    );
    await confirmLast();
    expect(lastTextTo(owner)).toBe(
      'Pronto: a cobrança mensal de R$ 50,00 de Maria Souza foi encerrada. Nenhum boleto novo será emitido; os já emitidos continuam valendo.',
    );
    expect(plans()).toHaveLength(2);
  });

  it('across months, each boleto appears on its issue day, exactly once; a replayed firing creates nothing', async () => {
    await cloud.advance({ days: 19, hours: 23 }); // 21/12 09:00 comes
    expect(billetsOf(pedro.cpf)).toEqual([['2026-12-31', '2026-12-21']]);
    await cloud.advance({ days: 11 }); // past 31/12 09:00
    expect(billetsOf(joao.cpf)).toEqual([
      ['2026-12-10', '2026-12-01'],
      ['2027-01-10', '2026-12-31'],
    ]);
    // The schedule fires the same input again (at-least-once delivery): no second January boleto.
    const firing = cloud.scheduler.firings.find((entry) => JSON.stringify(entry.input).includes('2027-01'));
    expect(firing).toBeDefined();
    cloud.sfn.startExecution({
      stateMachineArn: stateMachineArn('conversation'),
      input: JSON.stringify(firing?.input),
    });
    await cloud.settle();
    expect(billetsOf(joao.cpf)).toHaveLength(2);
    await cloud.advance({ days: 62 }); // to early March
    expect(billetsOf(joao.cpf)).toEqual([
      ['2026-12-10', '2026-12-01'],
      ['2027-01-10', '2026-12-31'],
      ['2027-02-10', '2027-01-31'],
      ['2027-03-10', '2027-02-28'],
    ]);
    expect(billetsOf(pedro.cpf)).toEqual([
      ['2026-12-31', '2026-12-21'],
      ['2027-01-31', '2027-01-21'],
      ['2027-02-28', '2027-02-18'],
    ]);
    expect(billetsOf(maria.cpf).filter(([due]) => due?.endsWith('-25'))).toEqual([]);
    // Both plans reached their last month: their schedules are gone, and nothing more is issued.
    expect(plans()).toEqual([]);
    await cloud.advance({ days: 40 });
    expect(billetsOf(joao.cpf)).toHaveLength(4);
    expect(billetsOf(pedro.cpf)).toHaveLength(3);
  }, 600_000);
});
