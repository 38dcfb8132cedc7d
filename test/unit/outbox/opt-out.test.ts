import { describe, expect, it } from 'vitest';
import { isOptOutRequest, normalizeOptOutText } from '#domain/opt-out';

describe('isOptOutRequest', () => {
  it.each([
    'PARAR',
    'parar',
    'Parar.',
    '  pare!! ',
    'SAIR',
    'stop',
    'Descadastrar',
    'descadastre-me',
    'Cancelar mensagens',
    'Não quero mais mensagens',
    'nao quero mais mensagens 🙏',
    'PARAR AS MENSAGENS',
  ])('recognises %j as an opt-out', (text) => {
    expect(isOptOutRequest(text)).toBe(true);
  });

  it.each([
    'cancelar',
    'quero cancelar o boleto',
    'pare de me cobrar, já paguei',
    'vou parar no banco amanhã',
    'stop the reminders please',
  ])('does not treat %j as an opt-out', (text) => {
    expect(isOptOutRequest(text)).toBe(false);
  });

  it('ignores very long messages even when they end in an opt-out word', () => {
    expect(isOptOutRequest(`${'bla '.repeat(30)}parar`)).toBe(false);
  });
});

describe('normalizeOptOutText', () => {
  it('removes accents, case, punctuation and extra spaces', () => {
    expect(normalizeOptOutText('  Não   quero mais... mensagens!! ')).toBe('NAO QUERO MAIS MENSAGENS');
  });
});
