import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '#domain/calendar-date';
import { parseMessage } from '#language/parser';

const today = '2026-12-05' as CalendarDate; // a Saturday

describe('amending a boleto (amend_boleto)', () => {
  it.each([
    [
      'muda o vencimento do boleto do João pra dia 30',
      { contact: 'João', date: '2026-12-30', amountCents: null },
    ],
    ['muda o valor do boleto do João de 150 pra 200', { contact: 'João', amountCents: 20000, date: null }],
    ['troca o valor da cobrança do Pedro para 200 reais', { contact: 'Pedro', amountCents: 20000 }],
    ['adia o boleto da Maria pra sexta', { contact: 'Maria', date: '2026-12-11' }],
    ['prorroga o vencimento do boleto do João para 20/12', { contact: 'João', date: '2026-12-20' }],
    ['altera a data do boleto do Pedro pra dia 28', { contact: 'Pedro', date: '2026-12-28' }],
    ['passa o vencimento do João pro dia 15', { contact: 'João', date: '2026-12-15' }],
    ['remarca a cobrança da Maria pra 10/01', { contact: 'Maria', date: '2027-01-10' }],
  ])('"%s"', (text, expected) => {
    const parsed = parseMessage(text, today);
    expect(parsed.intent).toBe('amend_boleto');
    expect(parsed).toMatchObject(expected);
  });

  it.each([
    'cobra 150 do João dia 10',
    'cancela o boleto do João',
    'o João já pagou o boleto?',
    'quem está devendo?',
  ])('"%s" is not an amendment', (text) => {
    expect(parseMessage(text, today).intent).not.toBe('amend_boleto');
  });
});

describe('correcting the ledger (correct_ledger)', () => {
  it.each([
    ['apaga o último gasto', { action: 'reverse', latest: true, kind: 'expense' }, null, null],
    ['apaga a despesa da gasolina', { action: 'reverse', latest: false, kind: 'expense' }, 'gasolina', null],
    ['exclui a entrada de 200', { action: 'reverse', kind: 'income' }, null, 20000],
    ['cancela o lançamento do mercado', { action: 'reverse' }, 'mercado', null],
    ['a gasolina foi 54, não 45', { action: 'amount', wrongAmountCents: 4500 }, 'gasolina', 5400],
    ['o mercado foi 120 e não 210', { action: 'amount', wrongAmountCents: 21000 }, 'mercado', 12000],
    ['corrige o último gasto pra 54', { action: 'amount', latest: true }, null, 5400],
    ['isso era transporte', { action: 'category', latest: true, category: 'transporte' }, null, null],
    ['a gasolina era transporte', { action: 'category', category: 'transporte' }, 'gasolina', null],
    [
      'muda a categoria da gasolina pra transporte',
      { action: 'category', category: 'transporte' },
      'gasolina',
      null,
    ],
    ['esse gasto é de alimentação', { action: 'category', category: 'alimentação' }, null, null],
  ])('"%s"', (text, correction, description, amountCents) => {
    const parsed = parseMessage(text, today);
    expect(parsed.intent).toBe('correct_ledger');
    expect(parsed.correction).toMatchObject(correction);
    expect(parsed.description).toBe(description);
    expect(parsed.amountCents).toBe(amountCents);
  });

  it('a dated correction reads the date as the day the money moved', () => {
    expect(parseMessage('apaga o lançamento do mercado de ontem', today)).toMatchObject({
      intent: 'correct_ledger',
      date: '2026-12-04',
      description: 'mercado',
    });
  });

  it.each([
    ['gastei 45 de gasolina', 'record_expense'],
    ['recebi 200 do João', 'record_income'],
    ['isso mesmo', 'confirm'],
    ['isso', 'confirm'],
    ['como estão as contas?', 'ledger_summary'],
  ])('"%s" stays %s', (text, intent) => {
    expect(parseMessage(text, today).intent).toBe(intent);
  });

  it('"isso era transporte" is never a yes', () => {
    expect(parseMessage('isso era transporte', today).intent).not.toBe('confirm');
  });
});
