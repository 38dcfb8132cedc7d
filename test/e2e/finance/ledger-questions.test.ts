import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import type { LedgerEntry } from '#application/ports/ledger-repository';
import type { CalendarDate } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { createLocalDynamoDbClient } from '#test/support/dynamodb-test-table';

/**
 * Ten ledger questions of different shapes on the local cloud (real webhook, parser, workflow, DynamoDB Local),
 * each answered with figures the test computes on its own from the entries it created. Today is 05/12/2026.
 */
describe('questions over the ledger', () => {
  let cloud: LocalCloud;
  const owner = DEMO_TENANT.owner.phone;
  const tenantId = DEMO_TENANT.tenantId;

  type Seed = [
    date: string,
    kind: 'income' | 'expense',
    cents: number,
    category: string,
    description: string,
  ];
  const seeds: Seed[] = [
    ['2026-09-10', 'expense', 25_000, 'transporte', 'gasolina'],
    ['2026-10-03', 'expense', 18_050, 'transporte', 'gasolina'],
    ['2026-10-15', 'expense', 92_000, 'fornecedores', 'material'],
    ['2026-10-20', 'expense', 4_500, 'alimentação', 'mercado'],
    ['2026-10-28', 'income', 150_000, 'boletos', 'boleto João Silva'],
    ['2026-11-02', 'expense', 21_010, 'transporte', 'gasolina'],
    ['2026-11-05', 'expense', 3_000, 'transporte', 'uber'],
    ['2026-11-11', 'income', 80_000, 'vendas', 'venda balcão'],
    ['2026-11-30', 'expense', 60_000, 'contas', 'aluguel'],
    ['2026-12-01', 'income', 45_000, 'boletos', 'boleto Maria Souza'],
    ['2026-12-04', 'expense', 7_990, 'alimentação', 'mercado'],
    ['2026-02-14', 'income', 30_000, 'serviços', 'conserto'],
  ];
  const entries = seeds.map(([date, kind, amountCents, category, description], index) => ({
    date,
    kind,
    amountCents,
    category,
    description,
    entryId: `seed-${index}`,
  }));
  const within = (from: string, to: string) => entries.filter((e) => e.date >= from && e.date <= to);
  const total = (list: typeof entries) => formatBrl(list.reduce((sum, e) => sum + e.amountCents, 0));
  const expenses = (list: typeof entries) => list.filter((e) => e.kind === 'expense');
  const incomes = (list: typeof entries) => list.filter((e) => e.kind === 'income');

  const ask = async (text: string): Promise<string> => {
    const response = await fetch(`${cloud.apiUrl}/_sim/whatsapp/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: owner, text }),
    });
    expect(response.status).toBe(200);
    await cloud.settle();
    const last = cloud.simulators.whatsapp.controls.outboundTo(owner).at(-1)?.request as {
      text?: { body: string };
    };
    return last?.text?.body ?? '';
  };

  beforeAll(async () => {
    cloud = await startLocalCloud({
      port: 0,
      dynamoDbEndpoint: inject('dynamoDbEndpoint'),
      clockStart: new Date('2026-12-05T13:00:00Z'),
    });
    const { ledger } = createTableRepositories(
      cloud.tableName,
      createDocumentClient(createLocalDynamoDbClient()),
    );
    for (const entry of entries) {
      await ledger.add({
        ...entry,
        tenantId,
        date: entry.date as CalendarDate,
        createdAt: '2026-12-05T13:00:00.000Z',
      } satisfies LedgerEntry);
    }
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('sums a keyword over the last three months', async () => {
    const gasolina = expenses(within('2026-10-01', '2026-12-05')).filter((e) => e.description === 'gasolina');
    expect(await ask('quanto gastei com gasolina nos últimos 3 meses?')).toBe(
      `Você gastou ${total(gasolina)} com gasolina de 01/10/2026 a 05/12/2026 (${gasolina.length} gastos).`,
    );
  });

  it('finds the largest expense of a named month', async () => {
    const october = expenses(within('2026-10-01', '2026-10-31')).sort(
      (a, b) => b.amountCents - a.amountCents,
    );
    expect(await ask('qual foi meu maior gasto em outubro?')).toBe(
      `Seu maior gasto em outubro de 2026 foi ${formatBrl(october[0]?.amountCents ?? 0)} (material, fornecedores) em 15/10/2026.`,
    );
  });

  it('sums boleto income over this year', async () => {
    const boletos = incomes(within('2026-01-01', '2026-12-05')).filter((e) => e.category === 'boletos');
    expect(await ask('quanto recebi de boletos esse ano?')).toBe(
      `Você recebeu ${total(boletos)} com boletos em 2026 (${boletos.length} recebimentos).`,
    );
  });

  it('sums last month’s expenses with a keyword', async () => {
    const november = expenses(within('2026-11-01', '2026-11-30')).filter((e) => e.description === 'gasolina');
    expect(await ask('quanto gastei mês passado com gasolina')).toBe(
      `Você gastou ${total(november)} com gasolina em novembro de 2026 (1 gasto).`,
    );
  });

  it('sums a category over a range of months', async () => {
    const transport = expenses(within('2026-09-01', '2026-11-30')).filter((e) => e.category === 'transporte');
    expect(await ask('quanto gastei com transporte de setembro a novembro?')).toBe(
      `Você gastou ${total(transport)} com transporte de 01/09/2026 a 30/11/2026 (${transport.length} gastos).`,
    );
  });

  it('answers yesterday’s expenses', async () => {
    expect(await ask('quanto gastei ontem?')).toBe(
      `Você gastou ${total(expenses(within('2026-12-04', '2026-12-04')))} ontem (04/12/2026) (1 gasto).`,
    );
  });

  it('counts the expenses of a month', async () => {
    const october = expenses(within('2026-10-01', '2026-10-31'));
    expect(await ask('quantas despesas tive em outubro?')).toBe(
      `Você teve ${october.length} gastos em outubro de 2026, somando ${total(october)}.`,
    );
  });

  it('lists where the money went in a month, largest first', async () => {
    const november = expenses(within('2026-11-01', '2026-11-30'));
    const byCategory = new Map<string, number>();
    for (const e of november) byCategory.set(e.category, (byCategory.get(e.category) ?? 0) + e.amountCents);
    const lines = [...byCategory]
      .sort((a, b) => b[1] - a[1])
      .map(([c, cents]) => `• ${c}: ${formatBrl(cents)}`);
    expect(await ask('onde mais gastei em novembro?')).toBe(
      ['Onde você mais gastou em novembro de 2026:', ...lines].join('\n'),
    );
  });

  it('summarises a named month with income, expenses and balance', async () => {
    const october = within('2026-10-01', '2026-10-31');
    const balance =
      incomes(october).reduce((s, e) => s + e.amountCents, 0) -
      expenses(october).reduce((s, e) => s + e.amountCents, 0);
    const answer = await ask('como foram minhas contas em outubro?');
    expect(answer).toContain('Resumo em outubro de 2026:');
    expect(answer).toContain(`Entradas: ${total(incomes(october))}`);
    expect(answer).toContain(`Saídas: ${total(expenses(october))}`);
    expect(answer).toContain(`Saldo: ${formatBrl(balance)}`);
  });

  it('sums income of a month named in another year', async () => {
    const february = incomes(within('2026-02-01', '2026-02-28'));
    expect(await ask('quanto recebi em fevereiro?')).toBe(
      `Você recebeu ${total(february)} em fevereiro de 2026 (1 recebimento).`,
    );
  });
});
