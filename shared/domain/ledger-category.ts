/**
 * A first category for an income or expense the owner typed ("gastei 45 no mercado" → alimentação), from
 * keywords of the description. Unknown descriptions fall in "outros"; the owner's words are kept as written.
 */
const EXPENSE_CATEGORIES: ReadonlyArray<readonly [string, readonly string[]]> = [
  [
    'alimentação',
    [
      'mercado',
      'mercadinho',
      'supermercado',
      'supermercados',
      'atacadao',
      'hortifruti',
      'sacolao',
      'padaria',
      'restaurante',
      'almoço',
      'almoco',
      'lanche',
      'comida',
      'açougue',
      'acougue',
      'feira',
      'ifood',
    ],
  ],
  [
    'transporte',
    [
      'uber',
      'gasolina',
      'combustível',
      'combustivel',
      'posto',
      'ônibus',
      'onibus',
      'táxi',
      'taxi',
      'estacionamento',
      'pedágio',
      'pedagio',
    ],
  ],
  [
    'fornecedores',
    [
      'fornecedor',
      'material',
      'materiais',
      'estoque',
      'mercadoria',
      'insumo',
      'insumos',
      'embalagem',
      'embalagens',
    ],
  ],
  [
    'contas',
    [
      'luz',
      'energia',
      'água',
      'agua',
      'internet',
      'telefone',
      'celular',
      'aluguel',
      'condomínio',
      'condominio',
    ],
  ],
  ['impostos', ['imposto', 'das', 'mei', 'iss', 'icms', 'taxa', 'tarifa']],
  ['pessoal', ['salário', 'salario', 'funcionário', 'funcionario', 'diária', 'diaria', 'ajudante']],
];

const INCOME_CATEGORIES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['vendas', ['venda', 'vendi', 'vendas', 'pedido', 'encomenda']],
  ['serviços', ['serviço', 'servico', 'conserto', 'manutenção', 'manutencao', 'aula', 'consulta']],
];

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export function ledgerCategoryOf(kind: 'income' | 'expense', description: string): string {
  const words = new Set(
    fold(description)
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
  const table = kind === 'expense' ? EXPENSE_CATEGORIES : INCOME_CATEGORIES;
  for (const [category, keywords] of table) {
    if (keywords.some((keyword) => words.has(fold(keyword)))) return category;
  }
  return 'outros';
}

/** Income from boletos paid (booked by the payment path, not by keywords). */
export const BOLETO_INCOME_CATEGORY = 'boletos';

/** The expense categories of the set (what a budget may limit), "outros" last. */
export function expenseCategoryNames(): string[] {
  return [...EXPENSE_CATEGORIES.map(([name]) => name), 'outros'];
}

/** The default category set (pt-BR): expenses, income, boletos and "outros". */
export function ledgerCategoryNames(): string[] {
  return [
    ...EXPENSE_CATEGORIES.map(([name]) => name),
    ...INCOME_CATEGORIES.map(([name]) => name),
    BOLETO_INCOME_CATEGORY,
    'outros',
  ];
}
