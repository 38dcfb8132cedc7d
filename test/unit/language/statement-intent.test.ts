import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import { parseMessage } from '#language/parser';

const today = calendarDate('2026-11-23');

describe('statement intent ("extrato do João")', () => {
  it.each([
    ['extrato do João', 'João'],
    ['me manda o extrato do João', 'João'],
    ['Extrato da Maria Souza', 'Maria Souza'],
    ['qual o extrato do joão?', 'joão'],
    ['histórico do Pedro', 'Pedro'],
    ['me mostra o histórico de pagamentos da Maria', 'Maria'],
    ['extrato do seu Antônio por favor', 'Antônio'],
    ['conta corrente do Silva', 'Silva'],
    ['manda o extrato do cliente Caio Teixeira', 'Caio Teixeira'],
  ])('%s → statement of %s', (text, contact) => {
    const result = parseMessage(text, today);
    expect({ intent: result.intent, contact: result.contact, amount: result.amountCents }).toEqual({
      intent: 'statement',
      contact,
      amount: null,
    });
  });

  it.each([
    ['meu extrato'],
    ['extrato do mês'],
    ['me manda o extrato de dezembro'],
    ['extrato do mês passado'],
    ['qual o saldo do caixa?'],
    ['extrato geral'],
  ])('%s stays the ledger summary', (text) => {
    expect(parseMessage(text, today).intent).toBe('ledger_summary');
  });

  it.each([
    ['o João já pagou?', 'check_status'],
    ['cobra 150 do João dia 10', 'create_boleto'],
    ['cancela o boleto do João', 'cancel_boleto'],
  ])('%s is not a statement', (text, intent) => {
    expect(parseMessage(text, today).intent).toBe(intent);
  });
});
