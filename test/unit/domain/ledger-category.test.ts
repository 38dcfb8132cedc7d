import { describe, expect, it } from 'vitest';
import { ledgerCategoryOf } from '#domain/ledger-category';

describe('ledgerCategoryOf', () => {
  it.each([
    ['expense', 'mercado', 'alimentação'],
    ['expense', 'Gasolina do carro', 'transporte'],
    ['expense', 'conta de luz', 'contas'],
    ['expense', 'presente de aniversário', 'outros'],
    ['income', 'venda de bolos', 'vendas'],
    ['income', 'conserto da geladeira', 'serviços'],
  ] as const)('puts a %s "%s" in %s', (kind, description, category) => {
    expect(ledgerCategoryOf(kind, description)).toBe(category);
  });
});
