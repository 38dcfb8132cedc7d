import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateBr, saoPauloDateOf } from '#domain/calendar-date';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { ownerChat } from '#test/support/owner-chat';

/**
 * Issue 15 items 2 and 5 on the local cloud: a confirmed category correction (and the owner's own rule)
 * changes how the next expense is categorised; three monthly "netflix 59,90" across virtual months bring the
 * offer; after "sim", a month without it is pointed out once by the daily check on the virtual clock, until
 * the owner stops tracking it.
 */
describe('categories that learn and subscriptions', () => {
  let cloud: LocalCloud;
  const chat = ownerChat(() => cloud, DEMO_TENANT.owner.phone);
  const today = () => formatDateBr(saoPauloDateOf(cloud.clock.now()));

  beforeAll(async () => {
    cloud = await startLocalCloud({
      port: 0,
      clockStart: new Date('2026-10-05T14:00:00Z'),
    });
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('a correction changes the next categorisation; "gasolina é transporte"-style rules too', async () => {
    expect(await chat.ask('gastei 32 no uber eats')).toBe(
      `Anotado! Despesa de R$ 32,00 (uber eats, transporte) em ${today()}.`,
    );
    expect(await chat.ask('isso é alimentação')).toBe(
      `Mudar a despesa R$ 32,00 (uber eats, transporte) de ${today()} de transporte para alimentação?`,
    );
    await chat.tap('Sim');
    expect(chat.lastText()).toBe(`Pronto! A despesa de uber eats (${today()}) agora está em alimentação.`);
    expect(await chat.ask('gastei 41 no uber eats')).toBe(
      `Anotado! Despesa de R$ 41,00 (uber eats, alimentação) em ${today()}.`,
    );
    expect(await chat.ask('ração é fornecedores')).toMatch(
      /^Combinado! Daqui pra frente, ração entra em fornecedores\./,
    );
    expect(await chat.ask('comprei ração, 89,90')).toBe(
      `Anotado! Despesa de R$ 89,90 (ração, fornecedores) em ${today()}.`,
    );
  }, 120_000);

  it('three monthly netflix expenses bring one offer; after "sim" a missing month is pointed out once', async () => {
    expect(await chat.ask('paguei 59,90 netflix')).not.toMatch(/assinatura/);
    await cloud.advance({ days: 31 }); // 05/11
    expect(await chat.ask('paguei 59,90 netflix')).not.toMatch(/assinatura/);
    await cloud.advance({ days: 30 }); // 05/12
    expect(await chat.ask('paguei 59,90 netflix')).toBe(
      `Anotado! Despesa de R$ 59,90 (netflix, lazer) em ${today()}.\n\nParece uma assinatura de R$ 59,90 todo dia 5 (netflix) — quer que eu acompanhe? Responda sim ou não.`,
    );
    expect(await chat.ask('sim')).toBe(
      'Combinado! Vou acompanhar netflix: R$ 59,90 todo dia 5. Se não aparecer ou vier mais caro, eu aviso.',
    );
    const missing = 'Não anotei netflix de janeiro (R$ 59,90, costuma ser todo dia 5).';
    const pointedOut = () => chat.textsTo(DEMO_TENANT.owner.phone).filter((text) => text.includes(missing));
    await cloud.advance({ days: 35 }); // 09/01, 11:00 São Paulo: four days after the 5th, not yet
    expect(saoPauloDateOf(cloud.clock.now())).toBe('2027-01-09');
    expect(pointedOut()).toHaveLength(0);
    await cloud.advance({ days: 1 }); // the check of 10/01 at 08:00
    expect(pointedOut()).toHaveLength(1);
    await cloud.advance({ days: 2 });
    expect(pointedOut()).toHaveLength(1);
    expect(await chat.ask('para de acompanhar a netflix')).toBe(
      'Pronto, parei de acompanhar netflix. Não vou mais avisar se não aparecer.',
    );
    await cloud.advance({ days: 30 }); // 11/02: past February's 10th, nothing expected any more
    expect(
      chat.textsTo(DEMO_TENANT.owner.phone).filter((text) => text.includes('Não anotei netflix')),
    ).toHaveLength(1);
  }, 400_000);
});
