import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { ownerEntryBooking } from '#application/ledger/record-owner-entry';
import type { ReceiptProposal } from '#application/ports/receipt-proposal-repository';
import { decideReceipt } from '#application/receipts/decide-receipt';
import type { CalendarDate } from '#domain/calendar-date';
import type { E164 } from '#domain/phone-number';
import { uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';

/** Sim / Não to a receipt proposal against DynamoDB Local: one entry per receipt, whatever is replayed. */
describe('receipt decisions', () => {
  let table: TestTable;
  let repositories: ReturnType<typeof createTableRepositories>;
  const clock = { now: () => new Date('2026-12-05T13:00:00Z') };
  const ownerPhone = '+5511999990001' as E164;

  beforeAll(async () => {
    table = await createTestTable();
    repositories = createTableRepositories(table.tableName, table.documentClient);
  });
  afterAll(() => table.drop());

  const proposalFor = (tenantId: string, id: string): ReceiptProposal => ({
    tenantId,
    ownerPhone,
    proposalId: id,
    sourceMessageId: `wamid.receipt-${id}`,
    amountCents: 8740,
    date: '2026-12-03' as CalendarDate,
    merchant: 'Mercadinho São Jorge',
    cnpj: '11222333000181',
    paymentMethod: 'cartão de débito',
    category: 'alimentação',
    description: 'Mercadinho São Jorge',
    createdAt: clock.now().toISOString(),
    answerBy: new Date(clock.now().getTime() + 3_600_000).toISOString(),
  });
  const deps = () => ({
    ...repositories,
    ...ownerEntryBooking({ ...repositories, clock }),
    proposals: repositories.receiptProposals,
  });

  it('books the waiting proposal once on confirm, then finds nothing waiting', async () => {
    const tenantId = uniqueTenantId();
    await repositories.receiptProposals.save(proposalFor(tenantId, 'p1'));
    expect(await repositories.receiptProposals.waiting(tenantId, ownerPhone, clock.now())).toMatchObject({
      proposalId: 'p1',
    });
    const answer = {
      tenantId,
      ownerPhone,
      decision: 'confirm' as const,
      proposalId: 'p1',
      memberId: 'bruno',
    };
    expect(await decideReceipt(deps(), { ...answer, messageId: 'wamid.tap-1' })).toBe(true);
    expect(await decideReceipt(deps(), { ...answer, messageId: 'wamid.tap-1' })).toBe(true);
    expect(await decideReceipt(deps(), { ...answer, messageId: 'wamid.tap-2' })).toBe(true);
    const entries = await repositories.ledger.listByMonth(tenantId, '2026-12');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      amountCents: 8740,
      date: '2026-12-03',
      category: 'alimentação',
      recordedBy: 'bruno',
    });
    expect(await repositories.receiptProposals.waiting(tenantId, ownerPhone, clock.now())).toBeUndefined();
    expect(
      await decideReceipt(deps(), { tenantId, ownerPhone, decision: 'confirm', messageId: 'wamid.sim' }),
    ).toBe(false);
  });

  it('books nothing on deny, nor for an expired or replaced proposal', async () => {
    const tenantId = uniqueTenantId();
    await repositories.receiptProposals.save(proposalFor(tenantId, 'old'));
    await repositories.receiptProposals.save(proposalFor(tenantId, 'new'));
    const tap = { tenantId, ownerPhone, decision: 'confirm' as const };
    await decideReceipt(deps(), { ...tap, proposalId: 'old', messageId: 'wamid.a' });
    expect(await repositories.ledger.listByMonth(tenantId, '2026-12')).toHaveLength(0);
    await decideReceipt(deps(), { ...tap, decision: 'deny', messageId: 'wamid.b' });
    expect(await repositories.receiptProposals.waiting(tenantId, ownerPhone, clock.now())).toBeUndefined();
    await repositories.receiptProposals.save(proposalFor(tenantId, 'late'));
    const later = { now: () => new Date('2026-12-05T15:00:00Z') };
    expect(await decideReceipt({ ...deps(), clock: later }, { ...tap, messageId: 'wamid.c' })).toBe(false);
    expect(await repositories.ledger.listByMonth(tenantId, '2026-12')).toHaveLength(0);
  });
});
