import { describe, expect, it } from 'vitest';
import { parseLedgerQuery } from '#application/ports/ledger-query.schema';

describe('ledger plans are checked before they run', () => {
  it('refuses a period that ends before it starts, an unknown aggregate and any extra field', () => {
    const plan = {
      period: { from: '2026-10-01', to: '2026-10-31' },
      category: null,
      side: 'expense',
      aggregate: 'sum',
    };
    expect(parseLedgerQuery(plan)).toEqual(plan);
    expect(parseLedgerQuery({ ...plan, period: { from: '2026-10-31', to: '2026-10-01' } })).toBeUndefined();
    expect(parseLedgerQuery({ ...plan, period: { from: '2026-02-30', to: '2026-03-01' } })).toBeUndefined();
    expect(parseLedgerQuery({ ...plan, aggregate: 'average' })).toBeUndefined();
    expect(parseLedgerQuery({ ...plan, totalCents: 100 })).toBeUndefined();
  });

  it('accepts a payer only as a name, in a sum, max or count of what was received from them', () => {
    const plan = { period: null, category: null, side: 'income', aggregate: 'max', contact: 'João' };
    expect(parseLedgerQuery(plan)).toEqual(plan);
    expect(parseLedgerQuery({ ...plan, contact: '  João ' })).toEqual(plan);
    expect(parseLedgerQuery({ ...plan, contact: ' ' })).toBeUndefined();
    expect(parseLedgerQuery({ ...plan, contact: 'x'.repeat(81) })).toBeUndefined();
    expect(parseLedgerQuery({ ...plan, aggregate: 'top' })).toBeUndefined();
    expect(parseLedgerQuery({ ...plan, side: 'expense' })).toBeUndefined();
    expect(parseLedgerQuery({ ...plan, category: 'mercado' })).toBeUndefined();
    expect(parseLedgerQuery({ ...plan, contact: null, aggregate: 'top' })).toMatchObject({
      aggregate: 'top',
    });
  });
});
