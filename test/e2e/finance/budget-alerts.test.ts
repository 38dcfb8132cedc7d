import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { ownerChat } from '#test/support/owner-chat';

/**
 * Issue 15 item 3 on the local cloud: a monthly limit set by message, expenses booked by message, and the
 * WhatsApp alerts at 80% and 100% of the limit, each exactly once in the month, computed by the ledger
 * projector from the stream. Today is 20/12/2026: 12 days left in December, today included.
 */
describe('budgets and alerts', () => {
  let cloud: LocalCloud;
  const chat = ownerChat(() => cloud, DEMO_TENANT.owner.phone);
  const alerts = () =>
    chat.textsTo(DEMO_TENANT.owner.phone).filter((text) => /limite de mercado \(/.test(text));

  beforeAll(async () => {
    cloud = await startLocalCloud({
      port: 0,
      clockStart: new Date('2026-12-20T13:00:00Z'),
    });
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('sets a limit per category and says how much of it this month already used', async () => {
    expect(await chat.ask('meu limite de mercado é 800 por mês')).toBe(
      'Limite criado: mercado (alimentação), R$ 800,00 por mês. Este mês ainda não há gastos nele. Aviso quando passar de 80% e de 100%.',
    );
    expect(await chat.ask('meu limite de gastos é 5 mil por mês')).toMatch(
      /^Limite criado: gastos, R\$ 5\.000,00 por mês\./,
    );
  }, 120_000);

  it('alerts once when an expense crosses 80%, with what remains and the days left', async () => {
    await chat.ask('gastei 500 no mercado');
    await cloud.settle();
    expect(alerts()).toEqual([]);
    await chat.ask('gastei 156 no mercado');
    await cloud.settle();
    expect(alerts()).toEqual([
      '⚠️ Você já usou 82% do limite de mercado (alimentação) (R$ 656,00 de R$ 800,00). Restam R$ 144,00 para 12 dias.',
    ]);
    await chat.ask('gastei 10 no mercado');
    await cloud.settle();
    expect(alerts()).toHaveLength(1);
  }, 120_000);

  it('shows each budget with used / limit / % for the current month (GET /_local/budgets, the console)', async () => {
    const response = await fetch(`${cloud.apiUrl}/_local/budgets`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      month: '2026-12',
      budgets: [
        expect.objectContaining({ category: null, name: 'gastos', limitCents: 500_000, spentCents: 66_600 }),
        {
          category: 'alimentação',
          name: 'mercado (alimentação)',
          limitCents: 80_000,
          spentCents: 66_600,
          percent: 83,
          remainingCents: 13_400,
          overCents: 0,
          daysLeft: 12,
        },
      ],
    });
  }, 120_000);

  it('alerts once at 100%, and not again after a correction brings it back under', async () => {
    await chat.ask('gastei 200 no mercado');
    await cloud.settle();
    expect(alerts()).toEqual([
      '⚠️ Você já usou 82% do limite de mercado (alimentação) (R$ 656,00 de R$ 800,00). Restam R$ 144,00 para 12 dias.',
      '🚨 Você atingiu 108% do limite de mercado (alimentação) (R$ 866,00 de R$ 800,00). Passou R$ 66,00. Faltam 12 dias para o mês acabar.',
    ]);
    expect(await chat.ask('apaga o último gasto')).toMatch(/^Apagar a despesa R\$ 200,00/);
    await chat.tap('Sim');
    await chat.ask('gastei 5 no mercado');
    await cloud.settle();
    expect(alerts()).toHaveLength(2);
  }, 120_000);

  it('lists the limits with this month figures, and removes one', async () => {
    expect(await chat.ask('quais meus limites?')).toBe(
      [
        'Seus limites (este mês):',
        '• gastos: R$ 5.000,00 por mês — usado R$ 671,00 (13%)',
        '• mercado (alimentação): R$ 800,00 por mês — usado R$ 671,00 (83%)',
      ].join('\n'),
    );
    expect(await chat.ask('tira o limite de mercado')).toBe(
      'Pronto, tirei o limite de mercado (alimentação). Não vou mais avisar sobre ele.',
    );
    expect(await chat.ask('quais meus limites?')).toBe(
      ['Seus limites (este mês):', '• gastos: R$ 5.000,00 por mês — usado R$ 671,00 (13%)'].join('\n'),
    );
  }, 120_000);
});
