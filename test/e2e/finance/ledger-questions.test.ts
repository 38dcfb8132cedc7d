import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import type { LedgerEntry } from '#application/ports/ledger-repository';
import type { CalendarDate } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import { normalizePhone } from '#domain/phone-number';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { seedBoletoWithPayments } from '#test/support/boleto-payment-seed';
import { aContact } from '#test/support/dynamodb-fixtures';
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

  let repositories: ReturnType<typeof createTableRepositories>;
  /** Payers and their boletos of R$ 150,00: [due date, paid on | null (still open)]. */
  const payers: Array<[string, string, Array<[string, string | null]>]> = [
    [
      'Joana Prado',
      '(11) 97777-0001',
      [
        ['2026-10-10', '2026-10-25'],
        ['2026-11-10', null],
      ],
    ],
    [
      'Marcos Lima',
      '(11) 97777-0002',
      [
        ['2026-11-01', '2026-11-04'],
        ['2026-11-20', '2026-11-18'],
      ],
    ],
    ['Paula Reis', '(11) 97777-0003', [['2026-12-10', null]]],
  ];
  const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

  async function seedBoleto(contactId: string, dueDate: string, paidOn: string | null): Promise<void> {
    await seedBoletoWithPayments(repositories, {
      tenantId,
      contactId,
      amountCents: 15_000,
      dueDate,
      payments: paidOn ? [[15_000, paidOn]] : [],
      issuedOn: '2026-09-01',
    });
  }

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
      clockStart: new Date('2026-12-05T13:00:00Z'),
    });
    repositories = createTableRepositories(
      cloud.tableName,
      createDocumentClient(createLocalDynamoDbClient(cloud.urls.dynamoDb)),
    );
    const { ledger } = repositories;
    for (const entry of entries) {
      await ledger.add({
        ...entry,
        tenantId,
        date: entry.date as CalendarDate,
        createdAt: '2026-12-05T13:00:00.000Z',
      } satisfies LedgerEntry);
    }
    for (const [name, phone, boletos] of payers) {
      const contact = aContact(tenantId, { name, phone: normalizePhone(phone) });
      await repositories.contacts.create(contact);
      for (const [dueDate, paidOn] of boletos) await seedBoleto(contact.contactId, dueDate, paidOn);
    }
    // The stream's projector catches up (month figures, late-payment lines) before the first question.
    await cloud.settle();
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

  it('compares two months side by side with the difference', async () => {
    const spent = (from: string, to: string) =>
      expenses(within(from, to)).reduce((sum, e) => sum + e.amountCents, 0);
    const [october, november] = [spent('2026-10-01', '2026-10-31'), spent('2026-11-01', '2026-11-30')];
    const delta = november - october;
    const percent = Math.round((Math.abs(delta) * 100) / october);
    expect(await ask('compara meus gastos de outubro com novembro')).toBe(
      [
        'Comparando outubro de 2026 com novembro de 2026:',
        `Saídas: ${formatBrl(october)} → ${formatBrl(november)} (${delta < 0 ? '−' : '+'}${formatBrl(Math.abs(delta))} (${delta < 0 ? '−' : '+'}${percent}%))`,
      ].join('\n'),
    );
  });

  it('ranks payers by days late over boletos paid late and still overdue', async () => {
    const today = '2026-12-05';
    const ranked = payers
      .map(([name, , boletos]) => {
        const late = boletos.map(([due, paid]) => days(due, paid ?? today)).filter((d) => d > 0);
        const open = boletos.filter(([due, paid]) => paid === null && days(due, today) > 0).length;
        return { name, days: late.reduce((a, b) => a + b, 0), count: late.length, open };
      })
      .filter((p) => p.count > 0)
      .sort((a, b) => b.days - a.days);
    const lines = ranked.map((p, i) => {
      const overdue = p.open > 0 ? `; ${p.open} vencido em aberto, ${formatBrl(15_000 * p.open)}` : '';
      return `${i + 1}. ${p.name}: ${p.days} dias de atraso em ${p.count} ${p.count === 1 ? 'boleto' : 'boletos'}${overdue}`;
    });
    expect(await ask('quem mais atrasa?')).toBe(
      ['Quem mais atrasa (dias de atraso somados, pagos com atraso e vencidos):', ...lines].join('\n'),
    );
  });

  it('answers what one payer paid in a month from the payments, and nothing for a month without any', async () => {
    const [name, , boletos] = payers.find(([payer]) => payer === 'Marcos Lima') ?? ['', '', []];
    const november = boletos.filter(([, paid]) => paid?.startsWith('2026-11'));
    expect(await ask('quanto o Marcos me pagou em novembro?')).toBe(
      `Você recebeu ${formatBrl(15_000 * november.length)} de ${name} em novembro de 2026 (${november.length} pagamentos).`,
    );
    expect(await ask('quanto recebi do Marcos em outubro?')).toBe(
      `Você não recebeu pagamento de ${name} em outubro de 2026.`,
    );
  });

  it('keeps each month figures in the stream projection, equal to the entries', async () => {
    for (const month of ['2026-10', '2026-11']) {
      const figures = await repositories.ledgerAggregates.month(tenantId, month);
      const inMonth = entries.filter((e) => e.date.startsWith(month));
      expect(figures?.entryCount).toBe(inMonth.length);
      for (const e of expenses(inMonth)) {
        const expected = expenses(inMonth)
          .filter((x) => x.category === e.category)
          .reduce((sum, x) => sum + x.amountCents, 0);
        expect(figures?.categories[e.category]?.expense.totalCents).toBe(expected);
      }
    }
  });
});
