import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { deterministicId } from '#application/conversation/deterministic-id';
import { learnCategoryRule } from '#application/ledger/categorise-entry';
import { ownerEntryBooking, recordOwnerEntry } from '#application/ledger/record-owner-entry';
import { checkRecurringExpenses } from '#application/subscriptions/check-recurring-expenses';
import { decideRecurringExpense } from '#application/subscriptions/decide-recurring-expense';
import { stopTrackingExpense } from '#application/subscriptions/stop-tracking-expense';
import type { CalendarDate } from '#domain/calendar-date';
import type { E164 } from '#domain/phone-number';
import { createLogger } from '#logging/create-logger';
import { uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';

/** Categories that learn and subscriptions, against DynamoDB Local (month partitions read by Query). */
describe('learned categories and recurring expenses', () => {
  let table: TestTable;
  let repositories: ReturnType<typeof createTableRepositories>;
  let now = new Date('2026-12-05T15:00:00Z');
  const clock = { now: () => now };
  const ownerPhone = '+5511999990001' as E164;
  const logger = createLogger('recurring-expenses-test');

  beforeAll(async () => {
    table = await createTestTable();
    repositories = createTableRepositories(table.tableName, table.documentClient);
  });
  afterAll(() => table.drop());

  const book = (tenantId: string, date: string, amountCents: number, description: string, id: string) =>
    recordOwnerEntry(ownerEntryBooking({ ...repositories, clock }), {
      tenantId,
      kind: 'expense',
      amountCents,
      date: date as CalendarDate,
      description,
      messageId: `wamid.${id}`,
      ownerPhone,
    });
  const answer = (tenantId: string, decision: 'confirm' | 'deny', id: string) =>
    decideRecurringExpense(
      { ...repositories, clock },
      { tenantId, ownerPhone, messageId: `wamid.${id}`, decision },
    );

  it('books the next expense in the category the owner taught, over the keyword rules', async () => {
    const tenantId = uniqueTenantId();
    expect(await book(tenantId, '2026-12-01', 3200, 'uber eats', 'u1')).toContain('(uber eats, transporte)');
    await learnCategoryRule(
      { ...repositories, clock },
      {
        tenantId,
        kind: 'expense',
        description: 'Uber Eats',
        category: 'alimentação',
        learnedFrom: 'correction',
      },
    );
    expect(await book(tenantId, '2026-12-02', 4100, 'uber eats do almoço', 'u2')).toContain(
      '(uber eats do almoço, alimentação)',
    );
    expect(await book(tenantId, '2026-12-02', 2500, 'uber', 'u3')).toContain('(uber, transporte)');
  });

  it('offers a subscription once after the third month, and tracks it on "sim"', async () => {
    const tenantId = uniqueTenantId();
    expect(await book(tenantId, '2026-10-05', 5990, 'netflix', 'n1')).not.toMatch(/assinatura/);
    expect(await book(tenantId, '2026-11-04', 5990, 'Netflix', 'n2')).not.toMatch(/assinatura/);
    const third = await book(tenantId, '2026-12-05', 5990, 'netflix', 'n3');
    expect(third).toBe(
      'Anotado! Despesa de R$ 59,90 (netflix, lazer) em 05/12/2026.\n\nParece uma assinatura de R$ 59,90 todo dia 5 (netflix) — quer que eu acompanhe? Responda sim ou não.',
    );
    expect(await answer(tenantId, 'confirm', 'yes-1')).toBe(true);
    expect(await repositories.recurringExpenses.get(tenantId, 'netflix')).toMatchObject({
      status: 'tracking',
      amountCents: 5990,
      dayOfMonth: 5,
      ownerPhone,
    });
    expect(await answer(tenantId, 'confirm', 'yes-2')).toBe(false); // nothing waits any more
    const reply = await repositories.outbox.get(
      tenantId,
      deterministicId(tenantId, 'wamid.yes-1', 'recurring-expense-decision'),
    );
    expect(reply?.content).toEqual({
      type: 'text',
      text: 'Combinado! Vou acompanhar netflix: R$ 59,90 todo dia 5. Se não aparecer ou vier mais caro, eu aviso.',
    });
  });

  it('remembers a "não": the pattern is never offered again', async () => {
    const tenantId = uniqueTenantId();
    await book(tenantId, '2026-10-10', 2190, 'spotify', 's1');
    await book(tenantId, '2026-11-10', 2190, 'spotify', 's2');
    expect(await book(tenantId, '2026-12-09', 2190, 'spotify', 's3')).toMatch(
      /Parece uma assinatura de R\$ 21,90 todo dia 9/,
    );
    expect(await answer(tenantId, 'deny', 'no-1')).toBe(true);
    now = new Date('2027-01-10T15:00:00Z');
    expect(await book(tenantId, '2027-01-10', 2190, 'spotify', 's4')).not.toMatch(/assinatura/);
    expect(await repositories.recurringExpenses.get(tenantId, 'spotify')).toMatchObject({
      status: 'declined',
    });
    now = new Date('2026-12-05T15:00:00Z');
  });

  it('points out a larger one once a month, and a missing one once, on the daily check', async () => {
    const tenantId = uniqueTenantId();
    await book(tenantId, '2026-10-05', 5990, 'netflix', 'm1');
    await book(tenantId, '2026-11-05', 5990, 'netflix', 'm2');
    await book(tenantId, '2026-12-05', 5990, 'netflix', 'm3');
    await answer(tenantId, 'confirm', 'm-yes');
    now = new Date('2027-01-06T15:00:00Z');
    expect(await book(tenantId, '2027-01-06', 6990, 'netflix', 'm4')).toMatch(
      /Atenção: netflix veio R\$ 69,90, acima dos R\$ 59,90 de sempre\.$/,
    );
    expect(await book(tenantId, '2027-01-07', 6990, 'netflix', 'm5')).not.toMatch(/Atenção/);
    const deps = { ...repositories, clock, logger };
    now = new Date('2027-02-09T12:00:00Z');
    expect(await checkRecurringExpenses(deps, { tenantId })).toEqual({ tracked: 1, pointedOut: [] });
    now = new Date('2027-02-10T12:00:00Z');
    expect(await checkRecurringExpenses(deps, { tenantId })).toEqual({ tracked: 1, pointedOut: ['netflix'] });
    expect(await checkRecurringExpenses(deps, { tenantId })).toEqual({ tracked: 1, pointedOut: [] });
    const notice = await repositories.outbox.get(
      tenantId,
      deterministicId(tenantId, 'netflix', '2027-02', 'recurring-expense-missing'),
    );
    expect(notice).toMatchObject({
      recipient: ownerPhone,
      content: {
        type: 'text',
        text: 'Não anotei netflix de fevereiro (R$ 59,90, costuma ser todo dia 5). Se já pagou, me manda "paguei 59,90 netflix".',
      },
    });
    now = new Date('2026-12-05T15:00:00Z');
  });

  it('stops expecting a subscription the owner stops tracking; an unknown name is said so', async () => {
    const tenantId = uniqueTenantId();
    await book(tenantId, '2026-10-05', 5990, 'netflix', 'x1');
    await book(tenantId, '2026-11-05', 5990, 'netflix', 'x2');
    await book(tenantId, '2026-12-05', 5990, 'netflix', 'x3');
    await answer(tenantId, 'confirm', 'x-yes');
    const deps = { ...repositories, clock };
    expect(await stopTrackingExpense(deps, { tenantId, name: 'spotify' })).toBe(
      'Não estou acompanhando nenhuma assinatura de "spotify".',
    );
    expect(await stopTrackingExpense(deps, { tenantId, name: 'Netflix', memberId: 'ana' })).toBe(
      'Pronto, parei de acompanhar netflix. Não vou mais avisar se não aparecer.',
    );
    expect(await repositories.recurringExpenses.get(tenantId, 'netflix')).toMatchObject({
      status: 'declined',
      decidedBy: 'ana',
    });
    now = new Date('2027-01-20T12:00:00Z');
    expect(await checkRecurringExpenses({ ...deps, logger }, { tenantId })).toEqual({
      tracked: 0,
      pointedOut: [],
    });
    now = new Date('2026-12-05T15:00:00Z');
  });
});
