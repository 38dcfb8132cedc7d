import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import { parseMessage } from '#language/parser';

const today = calendarDate('2026-12-05');

describe('budget intents', () => {
  it.each([
    ['meu limite de mercado é 800 por mês', 'set_budget', 80_000, 'mercado'],
    ['meu limite de gastos é 5 mil por mês', 'set_budget', 500_000, null],
    ['limite de gasolina 300', 'set_budget', 30_000, 'gasolina'],
    ['quero um orçamento de 1200 para transporte', 'set_budget', 120_000, 'transporte'],
  ])('%s → %s', (text, intent, amountCents, word) => {
    const parsed = parseMessage(text, today);
    expect(parsed.intent).toBe(intent);
    expect(parsed.amountCents).toBe(amountCents);
    expect(parsed.budgetTarget).toEqual({ word });
  });

  it.each([
    ['quais meus limites?', 'list_budgets'],
    ['mostra meus limites', 'list_budgets'],
    ['tira o limite de mercado', 'remove_budget'],
    ['remove o limite de gastos', 'remove_budget'],
  ])('%s → %s', (text, intent) => {
    expect(parseMessage(text, today).intent).toBe(intent);
  });

  it('reads which limit a removal is about', () => {
    expect(parseMessage('tira o limite de mercado', today).budgetTarget).toEqual({ word: 'mercado' });
  });
});

describe('ledger questions: comparisons and late payers', () => {
  it('compares two named months in the order said', () => {
    const parsed = parseMessage('compara outubro com novembro', today);
    expect(parsed.intent).toBe('ledger_question');
    expect(parsed.ledgerQuery).toMatchObject({
      aggregate: 'compare',
      period: { from: '2026-10-01', to: '2026-10-31' },
      comparedWith: { from: '2026-11-01', to: '2026-11-30' },
    });
  });

  it('compares this month with last month', () => {
    expect(parseMessage('compara os gastos desse mês com o mês passado', today).ledgerQuery).toMatchObject({
      aggregate: 'compare',
      side: 'expense',
      period: { from: '2026-12-01', to: '2026-12-05' },
      comparedWith: { from: '2026-11-01', to: '2026-11-30' },
    });
  });

  it.each(['quem mais atrasa?', 'quem atrasa mais?', 'quais os piores pagadores?'])(
    '%s → late payers',
    (text) => {
      const parsed = parseMessage(text, today);
      expect(parsed.intent).toBe('ledger_question');
      expect(parsed.ledgerQuery?.aggregate).toBe('late_payers');
    },
  );

  it('keeps "quem está atrasado?" a list of who owes now', () => {
    expect(parseMessage('quem está atrasado?', today).intent).toBe('list_receivables');
  });

  it('reads boletos received this year as the boletos category', () => {
    expect(parseMessage('quanto recebi de boletos esse ano?', today).ledgerQuery).toMatchObject({
      category: 'boletos',
      side: 'income',
      aggregate: 'sum',
      period: { from: '2026-01-01', to: '2026-12-05' },
    });
  });
});

describe('ledger questions about a payer', () => {
  const year = { from: '2026-01-01', to: '2026-12-05' };
  const november = { from: '2026-11-01', to: '2026-11-30' };
  it.each([
    ['quanto recebi do João esse ano?', 'ledger_summary', 'João', 'sum', year],
    ['quanto o João me pagou em novembro?', 'ledger_question', 'João', 'sum', november],
    ['quantos boletos a Maria pagou esse ano?', 'ledger_question', 'Maria', 'count', year],
    ['qual o maior pagamento do Pedro?', 'ledger_question', 'Pedro', 'max', null],
    ['quanto a Maria já pagou?', 'ledger_question', 'Maria', 'sum', null],
    [
      'quanto recebi da Maria Souza em 2026?',
      'ledger_summary',
      'Maria Souza',
      'sum',
      { from: '2026-01-01', to: '2026-12-31' },
    ],
    ['qual foi o maior pagamento do João em novembro?', 'ledger_question', 'João', 'max', november],
  ])('%s → %s about %s (%s)', (text, intent, contact, aggregate, period) => {
    const parsed = parseMessage(text, today);
    expect(parsed.intent).toBe(intent);
    expect(parsed.contact).toBe(contact);
    expect(parsed.ledgerQuery).toEqual({ period, category: null, side: 'income', aggregate, contact });
  });

  it.each([
    ['quanto falta o João pagar?', 'check_status'],
    ['o João já pagou?', 'check_status'],
    ['quanto o João ainda me deve?', 'check_status'],
    ['recebi do Marcos 350', 'record_income'],
  ])('keeps "%s" a %s', (text, intent) => {
    expect(parseMessage(text, today).intent).toBe(intent);
  });

  it('keeps an expense question about a word, never a payer', () => {
    expect(parseMessage('quanto gastei com Uber esse mês?', today).ledgerQuery).toMatchObject({
      category: 'uber',
      side: 'expense',
    });
    expect(parseMessage('quanto gastei com Uber esse mês?', today).ledgerQuery?.contact).toBeUndefined();
  });
});
