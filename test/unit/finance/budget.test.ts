import { describe, expect, it } from 'vitest';
import { budgetCategoryOf, budgetName } from '#application/budgets/budget-status';
import { budgetAlertText } from '#application/budgets/budget-text-pt-br';
import { assertBudgetLimit, type Budget, budgetUsage, thresholdsReached } from '#domain/budget';
import { calendarDate } from '#domain/calendar-date';

const market: Budget = {
  tenantId: 't1',
  category: 'alimentação',
  label: 'mercado',
  limitCents: 80_000,
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
};

describe('budget usage and thresholds', () => {
  it('reaches 80% at exactly 80% and 100% at the limit, never by rounding', () => {
    expect(thresholdsReached(80_000, 63_999)).toEqual([]);
    expect(thresholdsReached(80_000, 64_000)).toEqual([80]);
    expect(thresholdsReached(80_000, 79_999)).toEqual([80]);
    expect(thresholdsReached(80_000, 80_000)).toEqual([80, 100]);
    expect(budgetUsage(80_000, 79_999, calendarDate('2026-12-05')).percent).toBe(99);
  });

  it('counts the days left with today, and what remains or went over', () => {
    const usage = budgetUsage(80_000, 65_600, calendarDate('2026-12-20'));
    expect(usage).toMatchObject({ percent: 82, remainingCents: 14_400, overCents: 0, daysLeft: 12 });
    expect(budgetUsage(80_000, 85_000, calendarDate('2026-12-31'))).toMatchObject({
      percent: 106,
      remainingCents: 0,
      overCents: 5_000,
      daysLeft: 1,
    });
  });

  it('refuses a limit that is not a positive whole amount', () => {
    expect(() => assertBudgetLimit(0)).toThrow(/budget limit/);
    expect(() => assertBudgetLimit(10.5)).toThrow(/budget limit/);
    expect(assertBudgetLimit(80_000)).toBe(80_000);
  });
});

describe('budget alert text', () => {
  it('says the percent, the figures, what remains and the days left at 80%', () => {
    const usage = budgetUsage(80_000, 65_600, calendarDate('2026-12-20'));
    expect(budgetAlertText(market, usage, 80)).toBe(
      '⚠️ Você já usou 82% do limite de mercado (alimentação) (R$ 656,00 de R$ 800,00). Restam R$ 144,00 para 12 dias.',
    );
  });

  it('says how much went over at 100%', () => {
    const usage = budgetUsage(80_000, 85_000, calendarDate('2026-12-31'));
    expect(budgetAlertText(market, usage, 100)).toBe(
      '🚨 Você atingiu 106% do limite de mercado (alimentação) (R$ 850,00 de R$ 800,00). Passou R$ 50,00. Faltam 1 dia para o mês acabar.',
    );
  });
});

describe('budgetCategoryOf', () => {
  it.each([
    ['mercado', 'alimentação'],
    ['gasolina', 'transporte'],
    ['transporte', 'transporte'],
    ['alimentacao', 'alimentação'],
    ['gastos', null],
    [null, null],
  ])('%s → %s', (word, category) => {
    expect(budgetCategoryOf(word)).toEqual({ category });
  });

  it('knows no category for a word the set does not have', () => {
    // "viagem" is lazer since categories learned leisure words; "astronomia" is in no category.
    expect(budgetCategoryOf('astronomia')).toBeUndefined();
  });

  it('names a budget by the owner word and its category', () => {
    expect(budgetName(market)).toBe('mercado (alimentação)');
    expect(budgetName({ category: 'transporte', label: 'transporte' })).toBe('transporte');
    expect(budgetName({ category: null, label: 'gastos' })).toBe('gastos');
  });
});
