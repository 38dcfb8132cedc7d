import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import { parseMessage } from '#language/parser';
import { ALL_EXAMPLES } from './examples';

const DEFAULT_TODAY = '2026-11-23';

describe('parseMessage on our own examples', () => {
  for (const [group, examples] of Object.entries(ALL_EXAMPLES)) {
    describe(group, () => {
      it.each(examples)('$text', (example) => {
        const result = parseMessage(example.text, calendarDate(example.today ?? DEFAULT_TODAY));
        expect({
          intent: result.intent,
          amount: result.amountCents,
          contact: result.contact,
          date: result.date,
        }).toEqual({
          intent: example.intent,
          amount: example.amount,
          contact: example.contact,
          date: example.date,
        });
      });
    });
  }

  it('has at least 150 examples', () => {
    const count = Object.values(ALL_EXAMPLES).reduce((sum, examples) => sum + examples.length, 0);
    expect(count).toBeGreaterThanOrEqual(150);
  });
});

describe('parseMessage descriptions of expenses and income', () => {
  it.each([
    ['gastei 45 reais no mercado', 'mercado'],
    ['paguei a conta de luz, 230,47', 'conta de luz'],
    ['comprei material de escritório por R$ 120', 'material de escritório'],
    ['ontem gastei 32 reais de uber', 'uber'],
    ['comprei 2 kg de carne por 80', 'carne'],
    ['despesa de 45 com material de limpeza', 'material de limpeza'],
    ['recebi R$ 1.200 da Dona Cida pelo bolo', 'bolo'],
    ['recebi 500 do cliente Paulo em dinheiro', null],
  ])('"%s" is for %s', (text, description) => {
    expect(parseMessage(text, calendarDate(DEFAULT_TODAY)).description).toBe(description);
  });

  it('gives no description to other intents', () => {
    expect(
      parseMessage('cobra 150 do João pelo conserto', calendarDate(DEFAULT_TODAY)).description,
    ).toBeNull();
  });
});
