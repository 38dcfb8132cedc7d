import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbBoletoRepository } from '#adapters/dynamodb/dynamodb-boleto-repository';
import { DynamoDbContactRepository } from '#adapters/dynamodb/dynamodb-contact-repository';
import { DynamoDbPaymentRepository } from '#adapters/dynamodb/dynamodb-payment-repository';
import { DynamoDbTenantRepository } from '#adapters/dynamodb/dynamodb-tenant-repository';
import {
  DynamoDbLatePaymentLines,
  DynamoDbLedgerAggregates,
} from '#adapters/dynamodb/finance/dynamodb-ledger-aggregates';
import { DynamoDbStatementProjection } from '#adapters/dynamodb/statements/dynamodb-statement-projection';
import { answerLedgerQuery, type LedgerQueryDependencies } from '#application/ledger/answer-ledger-query';
import { calendarDate } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import { normalizePhone } from '#domain/phone-number';
import type { DynamoDbStreamPoller } from '#infra/local/emulators/dynamodb-streams/index';
import { parseMessage } from '#language/parser';
import { seedBoletoWithPayments } from '#test/support/boleto-payment-seed';
import { aContact, uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '#test/support/record-commands';
import { startStatementProjectorPoller } from '#test/support/stream-projector-poller';

/** 05/12/2026 in São Paulo. */
const clock = { now: () => new Date('2026-12-05T15:00:00Z') };
const today = calendarDate('2026-12-05');
const phone = (end: string) => normalizePhone(`(11) 97777-${end}`);

/** A payer's boletos: [amount, due date, payments as [amount, paid on]]. */
type Seed = [number, string, Array<[number, string]>];
const joaoBoletos: Seed[] = [
  [60_000, '2025-12-10', [[60_000, '2025-12-28']]], // outside 2026
  [45_000, '2026-10-10', [[45_000, '2026-10-09']]],
  [30_000, '2026-11-10', [[12_000, '2026-11-12']]], // partial: R$ 180,00 still open
  [50_000, '2026-12-01', [[50_000, '2026-11-28']]], // paid early, in November
  [20_000, '2026-12-20', []], // open
];

describe('ledger questions about a payer (statement projection, one Query on its date index)', () => {
  let table: TestTable;
  let poller: DynamoDbStreamPoller;
  let deps: LedgerQueryDependencies;
  let settle: () => Promise<void>;
  let paymentRepository: DynamoDbPaymentRepository;
  const tenantId = uniqueTenantId();
  const otherTenantId = uniqueTenantId();

  const payments = joaoBoletos.flatMap(([, , paid]) => paid);
  const within = (from: string, to: string) => payments.filter(([, on]) => on >= from && on <= to);
  const sum = (list: Array<[number, string]>) => list.reduce((total, [cents]) => total + cents, 0);
  const openCents = joaoBoletos.reduce((open, [amount, , paid]) => open + amount - sum(paid), 0);

  async function seed(tenant: string, contactId: string, [amount, dueDate, paid]: Seed): Promise<void> {
    await seedBoletoWithPayments(
      { boletos: deps.boletos as DynamoDbBoletoRepository, payments: paymentRepository },
      { tenantId: tenant, contactId, amountCents: amount, dueDate, payments: paid, issuedOn: '2025-11-01' },
    );
  }

  beforeAll(async () => {
    table = await createTestTable('iris-test', { stream: true });
    paymentRepository = new DynamoDbPaymentRepository(table.tableName, table.documentClient);
    const statements = new DynamoDbStatementProjection(table.tableName, table.documentClient);
    const stream = await startStatementProjectorPoller(table, statements);
    poller = stream.poller;
    settle = stream.settle;
    deps = {
      ledger: {} as never, // questions about a payer never read the ledger entries
      aggregates: new DynamoDbLedgerAggregates(table.tableName, table.documentClient),
      latePayments: new DynamoDbLatePaymentLines(table.tableName, table.documentClient),
      boletos: new DynamoDbBoletoRepository(table.tableName, table.documentClient),
      contacts: new DynamoDbContactRepository(table.tableName, table.documentClient),
      tenants: new DynamoDbTenantRepository(table.tableName, table.documentClient),
      statements,
      clock,
    };
    const joao = aContact(tenantId, { name: 'João Silva', aliases: ['joaozinho'], phone: phone('0001') });
    const maria = aContact(tenantId, { name: 'Maria Souza', phone: phone('0002') });
    await deps.contacts.create(joao);
    await deps.contacts.create(maria);
    for (const boleto of joaoBoletos) await seed(tenantId, joao.contactId, boleto);
    await seed(tenantId, maria.contactId, [99_000, '2026-11-05', [[99_000, '2026-11-05']]]);
    await deps.contacts.create(aContact(otherTenantId, { name: 'João Silva', phone: phone('0003') }));
    await deps.contacts.create(aContact(otherTenantId, { name: 'João Souza', phone: phone('0004') }));
    await settle();
  }, 60_000);

  afterAll(async () => {
    await poller.stop();
    await table.drop();
  });

  const ask = async (text: string, tenant = tenantId) => {
    const query = parseMessage(text, today).ledgerQuery;
    expect(query?.contact).toBeTruthy();
    return answerLedgerQuery(deps, { tenantId: tenant, query: query ?? ({} as never) });
  };

  it('sums what a payer paid this year, a partial payment by its amount, a payment of last year left out', async () => {
    const year = within('2026-01-01', '2026-12-05');
    const recorded = recordCommands(table.client);
    expect(await ask('quanto recebi do João esse ano?')).toBe(
      `Você recebeu ${formatBrl(sum(year))} de João Silva em 2026 (${year.length} pagamentos, 1 parcial).\n` +
        `Em aberto hoje: ${formatBrl(openCents)}.`,
    );
    // Contacts, tenant profile and statement summary (GetItem), then the period's lines: one Query each.
    expectNoScan(recorded);
    expect(recorded.filter((command) => command === 'QueryCommand')).toHaveLength(2);
  });

  it('sums a named month, by the date the money came in', async () => {
    const november = within('2026-11-01', '2026-11-30');
    expect(await ask('quanto o João me pagou em novembro?')).toBe(
      `Você recebeu ${formatBrl(sum(november))} de João Silva em novembro de 2026 (${november.length} pagamentos, 1 parcial).\n` +
        `Em aberto hoje: ${formatBrl(openCents)}.`,
    );
  });

  it('counts the boletos a payer paid this year, the partial one said', async () => {
    const year = within('2026-01-01', '2026-12-05');
    expect(await ask('quantos boletos o Joãozinho pagou esse ano?')).toBe(
      `João Silva pagou ${year.length} boletos (1 em parte) em 2026, somando ${formatBrl(sum(year))}.\n` +
        `Em aberto hoje: ${formatBrl(openCents)}.`,
    );
  });

  it('finds the largest payment of the whole history, and of a year', async () => {
    const [largest] = [...payments].sort((a, b) => b[0] - a[0]);
    const [largestThisYear] = within('2026-01-01', '2026-12-31').sort((a, b) => b[0] - a[0]);
    const day = (date: string) => date.split('-').reverse().join('/');
    expect(await ask('qual o maior pagamento do João?')).toBe(
      `O maior pagamento de João Silva até hoje foi ${formatBrl(largest?.[0] ?? 0)}, em ${day(largest?.[1] ?? '')}.`,
    );
    expect(await ask('qual o maior pagamento do João em 2026?')).toBe(
      `O maior pagamento de João Silva em 2026 foi ${formatBrl(largestThisYear?.[0] ?? 0)}, em ${day(largestThisYear?.[1] ?? '')}.`,
    );
  });

  it('says when a payer paid nothing in the period', async () => {
    expect(await ask('quanto a Maria me pagou em outubro?')).toBe(
      'Você não recebeu pagamento de Maria Souza em outubro de 2026.',
    );
  });

  it('says so for an unknown name and asks which one for an ambiguous one, never guessing', async () => {
    expect(await ask('quanto recebi do Pedro esse ano?')).toBe(
      'Não encontrei nenhum contato chamado "Pedro".',
    );
    const which = await ask('quanto recebi do João esse ano?', otherTenantId);
    expect(which).toMatch(
      /^Encontrei mais de um contato parecido com "João": João S\w+, João S\w+\. De qual deles\?$/,
    );
    expect(which).toContain('João Silva');
    expect(which).toContain('João Souza');
  });
});
