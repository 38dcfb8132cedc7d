import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import type { LedgerEntry } from '#application/ports/ledger-repository';
import { type CalendarDate, formatDateBr, saoPauloDateOf } from '#domain/calendar-date';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { createLocalDynamoDbClient } from '#test/support/dynamodb-test-table';
import { ownerChat } from '#test/support/owner-chat';

/**
 * Issue 12 item 6 on the local cloud: corrections of the append-only ledger by message, each after the owner's
 * confirmation, booked as a reversal (and a replacement) that the summary and every total net out.
 */
describe('correcting the ledger', () => {
  let cloud: LocalCloud;
  let repositories: ReturnType<typeof createTableRepositories>;
  let today: CalendarDate;
  const chat = ownerChat(() => cloud, DEMO_TENANT.owner.phone);
  const entries = (): Promise<LedgerEntry[]> =>
    repositories.ledger.listByMonth(DEMO_TENANT.tenantId, today.slice(0, 7));
  const total = (list: LedgerEntry[], category?: string) =>
    list
      .filter((entry) => entry.kind === 'expense' && (!category || entry.category === category))
      .reduce((sum, entry) => sum + entry.amountCents, 0);

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    repositories = createTableRepositories(
      cloud.tableName,
      createDocumentClient(createLocalDynamoDbClient(cloud.urls.dynamoDb)),
    );
    today = saoPauloDateOf(cloud.clock.now());
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('"a gasolina foi 54, não 45" corrects the amount after a yes; the summary nets it out', async () => {
    expect(await chat.ask('gastei 45 de gasolina')).toMatch(/^Anotado! Despesa de R\$ 45,00/);
    expect(await chat.ask('gastei 30 no mercado')).toMatch(/^Anotado! Despesa de R\$ 30,00/);
    expect(await chat.ask('a gasolina foi 54, não 45')).toBe(
      `Corrigir a despesa R$ 45,00 (gasolina, transporte) de ${formatDateBr(today)} para R$ 54,00?`,
    );
    expect(total(await entries())).toBe(7500); // nothing booked before the yes
    await chat.tap('Sim');
    expect(chat.lastText()).toBe(
      `Pronto! A despesa de gasolina (${formatDateBr(today)}) agora é de R$ 54,00.`,
    );
    const booked = await entries();
    const corrections = booked.filter((entry) => entry.corrects);
    expect(corrections).toHaveLength(2);
    expect(corrections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ correction: 'reversal', amountCents: -4500, recordedBy: 'ana' }),
        expect.objectContaining({ correction: 'replacement', amountCents: 5400, recordedBy: 'ana' }),
      ]),
    );
    expect(total(booked)).toBe(8400);
    expect(await chat.ask('como estão as contas?')).toMatch(/Saídas: R\$ 84,00/);
  }, 120_000);

  it('"apaga a despesa da gasolina" reverses it (never a second expense), and only once', async () => {
    expect(await chat.ask('apaga a despesa da gasolina')).toBe(
      `Apagar a despesa R$ 54,00 (gasolina, transporte) de ${formatDateBr(today)}? Ela sai do resumo e dos totais.`,
    );
    await chat.tap('Sim');
    expect(chat.lastText()).toMatch(/^Pronto! Apaguei a despesa R\$ 54,00 \(gasolina/);
    const afterReversal = await entries();
    expect(total(afterReversal)).toBe(3000);
    expect(total(afterReversal, 'transporte')).toBe(0);
    expect(await chat.ask('apaga a despesa da gasolina')).toMatch(
      /^Não encontrei nenhum lançamento de "gasolina"/,
    );
    expect(await entries()).toHaveLength(afterReversal.length);
    expect(await chat.ask('como estão as contas?')).not.toMatch(/transporte/);
  }, 120_000);

  it('an ambiguous target is asked about (numbered); "não" books nothing', async () => {
    await chat.ask('gastei 20 no mercado');
    expect(await chat.ask('apaga a despesa do mercado')).toMatch(
      /^Encontrei 2 lançamentos:\n1\) Despesa R\$ 20,00 \(mercado, alimentação\).*\n2\) Despesa R\$ 30,00 \(mercado, alimentação\).*\nQual deles\?/,
    );
    expect(await chat.ask('2')).toMatch(/^Apagar a despesa R\$ 30,00 \(mercado/);
    const before = await entries();
    await chat.tap('Não');
    expect(chat.lastText()).toBe('Tudo bem, não mudei nada no seu caixa.');
    expect(await entries()).toHaveLength(before.length);
  }, 120_000);

  it('"apaga o último gasto" and "isso era transporte" act on the latest entry', async () => {
    expect(await chat.ask('apaga o último gasto')).toMatch(/^Apagar a despesa R\$ 20,00 \(mercado/);
    await chat.tap('Sim');
    expect(total(await entries())).toBe(3000);

    await chat.ask('gastei 25 no lava rápido');
    expect(await chat.ask('isso era transporte')).toMatch(
      /^Mudar a despesa R\$ 25,00 \(lava rápido, outros\) de .* de outros para transporte\?$/,
    );
    await chat.tap('Sim');
    const booked = await entries();
    expect(total(booked, 'transporte')).toBe(2500);
    expect(total(booked, 'outros')).toBe(0);
    expect(total(booked)).toBe(5500);
  }, 120_000);
});
