import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import { parseMessage } from '#language/parser';
import { recurrenceTerms } from '#language/recurring';

const TODAY = calendarDate('2026-12-05');

describe('recurring intents', () => {
  it.each([
    ['cobra 100 do João todo mês dia 10', 10_000, 'João'],
    ['cobra 100 do João todo dia 10', 10_000, 'João'],
    ['Cobra R$ 250,00 da Maria Souza todos os meses no dia 5', 25_000, 'Maria Souza'],
    ['mensalidade de 300 do Pedro dia 15', 30_000, 'Pedro'],
    ['gera um boleto mensal de 90 reais pro Caio dia 20', 9_000, 'Caio'],
    ['todo mês cobra 80 do Pedro no dia 31 por 6 meses', 8_000, 'Pedro'],
    ['cobrar 120 do João mensalmente dia 8 até junho', 12_000, 'João'],
    ['cobra cento e cinquenta do joão todo mês dia dez', 15_000, 'joão'],
  ])('"%s" is a plan, not one boleto', (text, amountCents, contact) => {
    expect(parseMessage(text, TODAY)).toMatchObject({ intent: 'create_recurring', amountCents, contact });
  });

  it.each([
    'quais cobranças mensais eu tenho?',
    'quais são minhas mensalidades?',
    'lista as cobranças recorrentes',
    'me mostra as mensalidades',
    'tenho alguma cobrança mensal?',
  ])('"%s" lists the plans', (text) => {
    expect(parseMessage(text, TODAY)).toMatchObject({ intent: 'list_recurring', amountCents: null });
  });

  it.each([
    ['para a mensalidade do João', 'João'],
    ['cancela a mensalidade da Maria', 'Maria'],
    ['encerra a cobrança mensal do Pedro', 'Pedro'],
    ['não cobra mais o Pedro todo mês', 'Pedro'],
    ['pode parar a cobrança mensal do João', 'João'],
  ])('"%s" stops a plan', (text, contact) => {
    expect(parseMessage(text, TODAY)).toMatchObject({ intent: 'stop_recurring', contact });
  });

  it.each([
    ['cobra 150 do João dia 10', 'create_boleto'],
    ['cancela o boleto do Pedro', 'cancel_boleto'],
    ['quem está devendo?', 'list_receivables'],
    ['gastei 45 no mercado', 'record_expense'],
    ['sim', 'confirm'],
    ['paguei a mensalidade da academia 120', 'record_expense'],
    ['recebi 300 da mensalidade do Pedro', 'record_income'],
    ['o João já pagou a mensalidade?', 'check_status'],
  ])('"%s" stays what it was (%s)', (text, intent) => {
    expect(parseMessage(text, TODAY).intent).toBe(intent);
  });
});

describe('recurrence terms', () => {
  it.each([
    ['cobra 100 do João todo mês dia 10', { dayOfMonth: 10 }],
    ['cobra 100 do João todo dia dez até junho', { dayOfMonth: 10, end: { untilMonth: 6 } }],
    ['cobra 100 do João no dia 31 por 6 meses', { dayOfMonth: 31, end: { months: 6 } }],
    ['cobra 100 do João dia vinte e cinco durante três meses', { dayOfMonth: 25, end: { months: 3 } }],
    ['mensalidade de 100 do João dia primeiro até o fim de março', { dayOfMonth: 1, end: { untilMonth: 3 } }],
    ['cobra 100 do João todo mês', {}],
    ['cobra 100 do João todo mês dia 32', {}],
  ])('"%s"', (text, terms) => {
    expect(recurrenceTerms(text)).toEqual(terms);
  });
});
