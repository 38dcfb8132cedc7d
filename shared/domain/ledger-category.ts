/**
 * The ledger's default category set (pt-BR) and the keyword rules that give an income or expense typed by the
 * owner its first category ("gastei 45 no mercado" → alimentação). Unknown descriptions fall in "outros"; the
 * owner's words are kept as written in the description. The names already stored on entries (alimentação,
 * pessoal, contas…) are kept as they were: the set only grew (see docs/categories.md). A tenant's learned rules
 * (`category-rules.ts`) win over these keywords.
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
      'etanol',
      'diesel',
      'posto',
      'ônibus',
      'onibus',
      'metrô',
      'metro',
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
      'peça',
      'peca',
      'peças',
      'pecas',
    ],
  ],
  ['moradia', ['aluguel', 'condomínio', 'condominio', 'iptu']],
  ['contas', ['luz', 'energia', 'água', 'agua', 'internet', 'telefone', 'celular', 'gás', 'gas']],
  [
    'saúde',
    ['farmácia', 'farmacia', 'remédio', 'remedio', 'médico', 'medico', 'dentista', 'exame', 'hospital'],
  ],
  ['impostos', ['imposto', 'das', 'mei', 'iss', 'icms', 'taxa', 'tarifa']],
  [
    'pessoal',
    [
      'salário',
      'salario',
      'salários',
      'salarios',
      'funcionário',
      'funcionario',
      'diária',
      'diaria',
      'ajudante',
    ],
  ],
  [
    'marketing',
    [
      'anúncio',
      'anuncio',
      'anúncios',
      'anuncios',
      'propaganda',
      'panfleto',
      'panfletos',
      'impulsionamento',
      'marketing',
    ],
  ],
  ['serviços', ['contador', 'contabilidade', 'advogado', 'software', 'sistema']],
  ['lazer', ['cinema', 'netflix', 'spotify', 'streaming', 'viagem', 'show']],
];

const INCOME_CATEGORIES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['vendas', ['venda', 'vendi', 'vendas', 'pedido', 'encomenda']],
  ['serviços', ['serviço', 'servico', 'conserto', 'manutenção', 'manutencao', 'aula', 'consulta']],
];

/** Income from boletos paid (booked by the payment path, not by keywords). */
export const BOLETO_INCOME_CATEGORY = 'boletos';

export const DEFAULT_CATEGORY = 'outros';

/**
 * Words the owner uses for a category ("muda pra mercado", "isso é salário"), folded, beyond the names
 * themselves: each names one category of the set.
 */
const CATEGORY_ALIASES: Readonly<Record<string, string>> = {
  mercado: 'alimentação',
  supermercado: 'alimentação',
  comida: 'alimentação',
  alimentos: 'alimentação',
  combustivel: 'transporte',
  fornecedor: 'fornecedores',
  aluguel: 'moradia',
  casa: 'moradia',
  conta: 'contas',
  saude: 'saúde',
  farmacia: 'saúde',
  imposto: 'impostos',
  salario: 'pessoal',
  salarios: 'pessoal',
  funcionarios: 'pessoal',
  folha: 'pessoal',
  propaganda: 'marketing',
  anuncios: 'marketing',
  servico: 'serviços',
  venda: 'vendas',
  assinatura: 'lazer',
};

export function foldCategoryText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** The folded words of a description ("Gasolina do carro" → gasolina, do, carro). */
export function descriptionWords(description: string): string[] {
  return foldCategoryText(description)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The first category from the keyword rules; "outros" when no keyword matches. */
export function ledgerCategoryOf(kind: 'income' | 'expense', description: string): string {
  const words = new Set(descriptionWords(description));
  const table = kind === 'expense' ? EXPENSE_CATEGORIES : INCOME_CATEGORIES;
  for (const [category, keywords] of table) {
    if (keywords.some((keyword) => words.has(foldCategoryText(keyword)))) return category;
  }
  return DEFAULT_CATEGORY;
}

/** The expense categories of the set (what a budget may limit), "outros" last. */
export function expenseCategoryNames(): string[] {
  return [...EXPENSE_CATEGORIES.map(([name]) => name), 'outros'];
}

/**
 * The categories a model may propose for a new entry of `kind`: the set's names for that side, never
 * "boletos" (booked by the payment path) nor "outros" (what is left when nobody knows).
 */
export function proposableCategoryNames(kind: 'income' | 'expense'): string[] {
  return (kind === 'expense' ? EXPENSE_CATEGORIES : INCOME_CATEGORIES).map(([name]) => name);
}

/** The default category set (pt-BR): expenses, income, boletos and "outros". */
export function ledgerCategoryNames(): string[] {
  return [
    ...new Set([
      ...EXPENSE_CATEGORIES.map(([name]) => name),
      ...INCOME_CATEGORIES.map(([name]) => name),
      BOLETO_INCOME_CATEGORY,
      DEFAULT_CATEGORY,
    ]),
  ];
}

/** Whether a category belongs to the income side of the set (vendas, boletos). */
export function isIncomeCategory(category: string): boolean {
  return category === BOLETO_INCOME_CATEGORY || category === 'vendas';
}

/**
 * The category of the set the owner's word names ("mercado" → alimentação, "Saúde" → saúde, "salário" →
 * pessoal); undefined when the word names none.
 */
export function categoryNamed(word: string): string | undefined {
  const folded = foldCategoryText(word.trim());
  const byName = ledgerCategoryNames().find((name) => foldCategoryText(name) === folded);
  return byName ?? CATEGORY_ALIASES[folded];
}

/** Every folded word that names a category (names and aliases), for the parser's rules. */
export function categoryWords(): string[] {
  return [...new Set([...ledgerCategoryNames().map(foldCategoryText), ...Object.keys(CATEGORY_ALIASES)])];
}
