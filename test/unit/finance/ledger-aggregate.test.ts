import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import {
  type AggregatedEntry,
  figuresOf,
  mergeFigures,
  monthAggregateOf,
  rankCategories,
  sideFigures,
} from '#domain/ledger-aggregate';

let sequence = 0;
function entry(overrides: Partial<AggregatedEntry>): AggregatedEntry {
  sequence += 1;
  return {
    entryId: `e${String(sequence).padStart(3, '0')}`,
    kind: 'expense',
    date: calendarDate('2026-11-10'),
    amountCents: 1_000,
    category: 'alimentação',
    description: 'mercado',
    ...overrides,
  };
}

describe('figuresOf', () => {
  it('sums per category and side, counts live entries and keeps the largest', () => {
    const figures = figuresOf([
      entry({ amountCents: 4_500, description: 'mercado' }),
      entry({ amountCents: 12_000, description: 'feira', date: calendarDate('2026-11-20') }),
      entry({ amountCents: 8_000, category: 'transporte', description: 'gasolina' }),
      entry({
        kind: 'income',
        amountCents: 50_000,
        category: 'boletos',
        boletoId: 'b1',
        description: 'boleto',
      }),
    ]);
    expect(sideFigures(figures, 'expense')).toMatchObject({ totalCents: 24_500, count: 3 });
    expect(sideFigures(figures, 'expense').largest).toMatchObject({
      amountCents: 12_000,
      description: 'feira',
    });
    expect(sideFigures(figures, 'expense', 'transporte')).toMatchObject({ totalCents: 8_000, count: 1 });
    expect(sideFigures(figures, 'income')).toMatchObject({ totalCents: 50_000, count: 1 });
    expect(figures.boletoReceivedCents).toBe(50_000);
    expect(figures.boletoPaymentCount).toBe(1);
    expect(rankCategories(figures, 'expense')).toEqual([
      ['alimentação', 16_500],
      ['transporte', 8_000],
    ]);
  });

  it('nets a reversal out of the total and leaves both entries out of counts and the largest', () => {
    const big = entry({ amountCents: 90_000, description: 'geladeira' });
    const reversal = entry({
      amountCents: -90_000,
      description: 'geladeira',
      corrects: big.entryId,
      correction: 'reversal',
    });
    const small = entry({ amountCents: 3_000 });
    const expense = sideFigures(figuresOf([big, reversal, small]), 'expense');
    expect(expense).toMatchObject({ totalCents: 3_000, count: 1 });
    expect(expense.largest?.entryId).toBe(small.entryId);
  });

  it('counts a replacement as the live entry, its original reversed', () => {
    const original = entry({ amountCents: 4_500, description: 'gasolina', category: 'transporte' });
    const reversal = entry({
      amountCents: -4_500,
      category: 'transporte',
      corrects: original.entryId,
      correction: 'reversal',
    });
    const replacement = entry({
      amountCents: 5_400,
      category: 'transporte',
      corrects: original.entryId,
      correction: 'replacement',
    });
    const transport = sideFigures(figuresOf([replacement, reversal, original]), 'expense', 'transporte');
    expect(transport).toMatchObject({ totalCents: 5_400, count: 1 });
    expect(transport.largest?.entryId).toBe(replacement.entryId);
  });

  it('gives the same figures whatever the order of the entries, and merging months is order-free', () => {
    const entries = [
      entry({ amountCents: 700 }),
      entry({ amountCents: 700, date: calendarDate('2026-11-11') }),
      entry({ amountCents: 300, category: 'contas' }),
      entry({ kind: 'income', amountCents: 900, category: 'vendas' }),
    ];
    const forward = figuresOf(entries);
    expect(figuresOf([...entries].reverse())).toEqual(forward);
    const [a, b] = [figuresOf(entries.slice(0, 2)), figuresOf(entries.slice(2))];
    expect(mergeFigures([a, b])).toEqual(mergeFigures([b, a]));
    expect(sideFigures(mergeFigures([a, b]), 'expense')).toEqual(sideFigures(forward, 'expense'));
  });
});

describe('monthAggregateOf', () => {
  it('versions the month by the entries read and keeps the latest date', () => {
    const aggregate = monthAggregateOf(
      { tenantId: 't1', month: '2026-11', computedAt: '2026-11-30T12:00:00Z' },
      [
        entry({ date: calendarDate('2026-11-03') }),
        entry({ date: calendarDate('2026-11-28') }),
        entry({ date: calendarDate('2026-11-15') }),
      ],
    );
    expect(aggregate.entryCount).toBe(3);
    expect(aggregate.lastDate).toBe('2026-11-28');
    expect(monthAggregateOf({ tenantId: 't1', month: '2026-12', computedAt: 'x' }, []).lastDate).toBeNull();
  });
});
