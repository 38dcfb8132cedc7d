import { describe, expect, it } from 'vitest';
import { type CategoryRule, categorise, categoryTermOf } from '#domain/category-rules';
import { categoryNamed, ledgerCategoryNames, ledgerCategoryOf } from '#domain/ledger-category';
import { parseMessage } from '#language/parser';

const rule = (term: string, category: string, kind: 'income' | 'expense' = 'expense'): CategoryRule => ({
  tenantId: 't1',
  term,
  kind,
  category,
  learnedFrom: 'correction',
  updatedAt: '2026-12-01T12:00:00.000Z',
});

describe('the default category set', () => {
  it('keeps the names stored entries already carry and adds the documented ones', () => {
    expect(ledgerCategoryNames()).toEqual(
      expect.arrayContaining([
        'alimentação',
        'transporte',
        'fornecedores',
        'contas',
        'impostos',
        'pessoal',
        'vendas',
        'serviços',
        'boletos',
        'outros',
        'moradia',
        'saúde',
        'marketing',
        'lazer',
      ]),
    );
  });

  it.each([
    ['aluguel da loja', 'moradia'],
    ['farmácia', 'saúde'],
    ['anúncio no instagram', 'marketing'],
    ['netflix', 'lazer'],
    ['peça', 'fornecedores'],
    ['presente', 'outros'],
  ])('puts an expense "%s" in %s by keyword', (description, category) => {
    expect(ledgerCategoryOf('expense', description)).toBe(category);
  });

  it.each([
    ['mercado', 'alimentação'],
    ['Saúde', 'saúde'],
    ['salário', 'pessoal'],
    ['transporte', 'transporte'],
  ])('reads the owner\'s word "%s" as %s', (word, category) => {
    expect(categoryNamed(word)).toBe(category);
  });

  it('names no category for a word outside the set', () => {
    expect(categoryNamed('gasolina')).toBeUndefined();
  });
});

describe('categoryTermOf', () => {
  it.each([
    ['Gasolina', 'gasolina'],
    ['a conta de luz', 'conta luz'],
    ['Uber Eats do almoço', 'uber eats almoco'],
    ['de', ''],
    ['despesa', ''],
  ])('normalises "%s" to "%s"', (description, term) => {
    expect(categoryTermOf(description)).toBe(term);
  });
});

describe('categorise', () => {
  it('lets a learned rule win over the keyword rules', () => {
    expect(categorise([], 'expense', 'uber eats')).toEqual({ category: 'transporte', source: 'keyword' });
    expect(categorise([rule('uber eats', 'alimentação')], 'expense', 'Uber Eats sexta')).toEqual({
      category: 'alimentação',
      source: 'learned',
      term: 'uber eats',
    });
  });

  it('applies the longest matching term, and only to its own kind', () => {
    const rules = [
      rule('uber', 'serviços'),
      rule('uber eats', 'alimentação'),
      rule('uber', 'vendas', 'income'),
    ];
    expect(categorise(rules, 'expense', 'uber eats').category).toBe('alimentação');
    expect(categorise(rules, 'expense', 'uber pro aeroporto').category).toBe('serviços');
    expect(categorise(rules, 'income', 'uber').category).toBe('vendas');
  });

  it('falls back to "outros" when nothing matches', () => {
    expect(categorise([rule('gasolina', 'transporte')], 'expense', 'presente')).toEqual({
      category: 'outros',
      source: 'default',
    });
  });
});

describe('the owner teaching categories', () => {
  const today = '2026-12-05' as Parameters<typeof parseMessage>[1];

  it.each([
    ['gasolina é transporte', 'gasolina', 'transporte'],
    ['a gasolina é de transporte', 'gasolina', 'transporte'],
    ['uber eats é alimentação', 'uber eats', 'alimentação'],
    ['coloca netflix sempre em lazer', 'netflix', 'lazer'],
    ['sempre que for farmácia, coloca em saúde', 'farmácia', 'saúde'],
  ])('"%s" is a rule: %s → %s', (text, term, category) => {
    expect(parseMessage(text, today)).toMatchObject({
      intent: 'set_category_rule',
      categoryRule: { term, category },
    });
  });

  it.each([
    ['isso é transporte', 'transporte'],
    ['muda a categoria da última despesa pra mercado', 'alimentação'],
    ['isso é mercado', 'alimentação'],
  ])('"%s" corrects the latest entry (to %s), not a rule', (text, category) => {
    expect(parseMessage(text, today)).toMatchObject({
      intent: 'correct_ledger',
      correction: { action: 'category', latest: true, category },
    });
  });

  it.each([
    ['gastei no mercado', 'record_expense'],
    ['paguei na farmácia', 'record_expense'],
    ['comprei no mercado', 'record_expense'],
    ['recebi em vendas', 'record_income'],
  ])('"%s" is an entry without its amount (%s), not a rule', (text, intent) => {
    expect(parseMessage(text, today)).toMatchObject({ intent });
  });

  it('keeps "mercado" as the entry a deletion names', () => {
    expect(parseMessage('apaga a despesa do mercado', today)).toMatchObject({
      intent: 'correct_ledger',
      description: 'mercado',
    });
  });

  it('keeps what was bought: "comprei peça, 89,90" is an expense of peça', () => {
    expect(parseMessage('comprei peça, 89,90', today)).toMatchObject({
      intent: 'record_expense',
      amountCents: 8990,
      description: 'peça',
    });
    expect(ledgerCategoryOf('expense', 'peça')).toBe('fornecedores');
  });

  it('leaves a question or an amount out of the rules', () => {
    expect(parseMessage('gasolina é transporte?', today).intent).not.toBe('set_category_rule');
    expect(parseMessage('gasolina 50 é transporte', today).intent).not.toBe('set_category_rule');
  });
});
