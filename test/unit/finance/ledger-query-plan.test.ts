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
});
