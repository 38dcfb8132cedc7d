import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import { parseMessage } from '#language/parser';

const TODAY = calendarDate('2027-01-05');

describe('owner report intents', () => {
  it.each([
    ['me manda o relatório de novembro', '2026-11'],
    ['Manda o relatorio de dezembro', '2026-12'],
    ['quero o relatório do mês passado', '2026-12'],
    ['gera o relatório desse mês', '2027-01'],
    ['me envia o relatório', null],
  ])('"%s" asks for a month\'s report', (text, month) => {
    expect(parseMessage(text, TODAY)).toMatchObject({
      intent: 'send_report',
      amountCents: null,
      report: { month, cadence: null },
    });
  });

  it.each([
    ['me manda a planilha de dezembro', '2026-12'],
    ['exporta a planilha de novembro', '2026-11'],
    ['quero o csv de outubro', '2026-10'],
  ])('"%s" asks for the ledger spreadsheet', (text, month) => {
    expect(parseMessage(text, TODAY)).toMatchObject({ intent: 'send_spreadsheet', report: { month } });
  });

  it.each([
    ['me manda o resumo toda segunda', 'weekly'],
    ['quero o relatório semanal', 'weekly'],
    ['volta pro mensal', 'monthly'],
    ['manda o resumo todo mês', 'monthly'],
  ])('"%s" changes the cadence', (text, cadence) => {
    expect(parseMessage(text, TODAY)).toMatchObject({ intent: 'report_schedule', report: { cadence } });
  });

  it.each([
    ['gera um boleto mensal de 90 reais pro Caio dia 20', 'create_recurring'],
    ['muda a cobrança do João para mensal', 'amend_boleto'],
    ['como estão as contas?', 'ledger_summary'],
    ['me manda o resumo', 'ledger_summary'],
  ])('"%s" stays what it was', (text, intent) => {
    expect(parseMessage(text, TODAY).intent).not.toMatch(/^(send_report|send_spreadsheet|report_schedule)$/);
    expect(parseMessage(text, TODAY).intent).toBe(intent);
  });
});
