import { describe, expect, it } from 'vitest';
import { parseDigits, readNumberExpression } from '#language/numerals';
import { tokenise } from '#language/tokenise';

function read(text: string) {
  return readNumberExpression(tokenise(text), 0, new Set());
}

describe('parseDigits', () => {
  it.each([
    ['150', 15000],
    ['1200', 120000],
    ['1.200', 120000],
    ['1.200,50', 120050],
    ['89,90', 8990],
    ['89,9', 8990],
    ['89.90', 8990],
    ['1,5', 150],
    ['1,500', 150000],
    ['1.000.000', 100000000],
    ['1,200.50', 120050],
    ['0,01', 1],
  ])('reads %s as %i centavos', (raw, cents) => {
    expect(parseDigits(raw)?.cents).toBe(cents);
  });

  it.each(['1.23,45', '12345678901', '1,2345'])('refuses the malformed or id-like %s', (raw) => {
    expect(parseDigits(raw)).toBeNull();
  });
});

describe('readNumberExpression', () => {
  it.each([
    ['cento e cinquenta', 15000],
    ['mil e duzentos', 120000],
    ['duzentos e noventa e nove reais e noventa centavos', 29990],
    ['dois mil e quinhentos', 250000],
    ['um mil', 100000],
    ['quinhentos', 50000],
    ['cem', 10000],
    ['vinte e cinco e cinquenta', 2550],
    ['dois e cinquenta', 250],
    ['noventa centavos', 90],
    ['2 mil', 200000],
    ['2 mil e 500', 250000],
    ['1,5 mil', 150000],
    ['1k', 100000],
    ['1,5k', 150000],
    ['um milhão', 100000000],
    ['1 milhão', 100000000],
    ['dois milhões e trezentos mil', 230000000],
    ['50 conto', 5000],
    ['30 pila', 3000],
    ['150 reais e 50 centavos', 15050],
    ['catorze', 1400],
    ['dezesseis reais', 1600],
  ])('reads "%s" as %i centavos', (text, cents) => {
    expect(read(text)?.cents).toBe(cents);
  });

  it('flags a lone "um" as an article, not money', () => {
    expect(read('um boleto')?.loneArticle).toBe(true);
    expect(read('um real')?.loneArticle).toBe(false);
  });

  it('marks currency words and multipliers', () => {
    expect(read('45 reais')).toMatchObject({ hasCurrency: true, hasMultiplier: false });
    expect(read('2 mil')).toMatchObject({ hasCurrency: false, hasMultiplier: true });
  });
});
