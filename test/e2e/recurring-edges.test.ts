import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { ownerChat } from '#test/support/owner-chat';
import { recurringPlanSchedules } from '#test/support/schedule-group';

/**
 * Recurring charges off the happy path, on the local cloud: a payer who opted out (the confirmation warns, the
 * boleto is not sent to them on WhatsApp), Paytime down at issue time (the one-off outage handling: the owner
 * told once, one boleto once Paytime is back), a stop after a boleto was issued (that boleto stays open), and
 * what is missing said at once with nothing kept.
 */
describe('recurring charges: edges', () => {
  let cloud: LocalCloud;
  const owner = DEMO_TENANT.owner.phone;
  const pedro = DEMO_TENANT.contacts[2];

  const { say, sentTo, textsTo, lastTextTo, confirmLast } = ownerChat(() => cloud, owner);
  const pedroBillets = () =>
    cloud.simulators.paytime.controls
      .boletos()
      .filter((billet) => billet.client.document.replace(/\D/g, '') === pedro.cpf);

  beforeAll(async () => {
    // Tuesday 01/12/2026, 10:00 in São Paulo.
    cloud = await startLocalCloud({
      port: 0,
      clockStart: new Date('2026-12-01T13:00:00Z'),
    });
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('says what is missing, and keeps nothing', { timeout: 120_000 }, async () => {
    await say({ text: 'cobra o João todo mês' });
    expect(lastTextTo(owner)).toMatch(
      /^Para criar uma cobrança mensal preciso de o valor, o dia do vencimento\./,
    );
    await say({ text: 'cobra 100 do Zacarias todo mês dia 10' });
    expect(lastTextTo(owner)).toBe('Não encontrei nenhum contato chamado "Zacarias".');
    await say({ text: 'quais cobranças mensais eu tenho?' });
    expect(lastTextTo(owner)).toMatch(/^Você não tem cobranças mensais ativas\./);
    expect(recurringPlanSchedules(cloud)).toEqual([]);
  });

  it('an opted-out payer: the confirmation warns; Paytime down at issue time: told once, issued once when back', async () => {
    await say({ text: 'PARAR' }, pedro.phone);
    const acceptedToPedro = () => sentTo(pedro.phone).filter((entry) => entry.accepted).length;
    const toPedro = acceptedToPedro();
    await say({ text: 'cobra 70 do Pedro todo mês dia 20' });
    expect(lastTextTo(owner)).toMatch(
      /^Confirma cobrança mensal de R\$ 70,00 para Pedro Álvares, todo dia 20/,
    );
    expect(lastTextTo(owner)).toMatch(/Atenção: Pedro Álvares pediu para não receber mensagens da IRIS/);
    await confirmLast();
    expect(lastTextTo(owner)).toMatch(/O primeiro boleto será emitido em 10\/12\/2026\.$/);
    const before = pedroBillets().length;

    cloud.simulators.paytime.controls.failNext(30, { status: 500, operations: ['create'] });
    await cloud.advance({ days: 8, hours: 23, minutes: 10 }); // 10/12 09:10
    expect(textsTo(owner)).toContain('A Paytime está fora do ar; emito assim que voltar e te aviso.');
    expect(pedroBillets()).toHaveLength(before);
    cloud.simulators.paytime.controls.clearFaults();
    await cloud.advance({ hours: 2 });
    expect(pedroBillets()).toHaveLength(before + 1);
    expect(pedroBillets().at(-1)).toMatchObject({ original_amount: 7000 });
    expect(pedroBillets().at(-1)?.expiration_at.slice(0, 10)).toBe('2026-12-20');
    expect(textsTo(owner).filter((text) => text.startsWith('A Paytime está fora do ar'))).toHaveLength(1);
    // Nothing reached the payer who opted out.
    expect(acceptedToPedro()).toBe(toPedro);
  }, 300_000);

  it('a stop after a boleto was issued deletes the schedule and leaves that boleto open', async () => {
    expect(recurringPlanSchedules(cloud)).toHaveLength(1);
    await say({ text: 'não cobra mais o Pedro todo mês' });
    expect(lastTextTo(owner)).toMatch(/^Encerrar a cobrança mensal de R\$ 70,00 de Pedro Álvares/);
    await confirmLast();
    expect(lastTextTo(owner)).toMatch(/os já emitidos continuam valendo\.$/);
    expect(recurringPlanSchedules(cloud)).toEqual([]);
    expect(pedroBillets().at(-1)?.status).toBe('PENDING');
    const count = pedroBillets().length;
    await cloud.advance({ days: 40 });
    expect(pedroBillets()).toHaveLength(count);
  }, 300_000);
});
