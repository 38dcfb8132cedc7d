import { DEFAULT_CATEGORY, descriptionWords, ledgerCategoryOf } from './ledger-category';

/**
 * Categories that learn: a tenant's rules ("gasolina" → transporte, "uber eats" → alimentação), learned from the
 * owner's corrections ("isso é transporte") and statements ("gasolina é transporte"). A rule names a term (the
 * normalised description: folded, without articles and prepositions, at most three words) and applies to any
 * description holding all of its words; the longest matching term wins, and any rule wins over the keyword
 * rules of the default set. The description itself is never changed.
 */

export interface CategoryRule {
  tenantId: string;
  /** The normalised description term ("gasolina", "uber eats"). */
  term: string;
  kind: 'income' | 'expense';
  category: string;
  /** A correction of a booked entry, or the owner's own statement ("gasolina é transporte"). */
  learnedFrom: 'correction' | 'statement';
  /** The member who taught it, when one did. */
  taughtBy?: string;
  updatedAt: string;
}

export interface Categorisation {
  category: string;
  /** Which rule decided: the tenant's learned rule, a keyword of the set, the model (validated), or nothing. */
  source: 'learned' | 'keyword' | 'model' | 'default';
  /** The learned rule's term, when one decided. */
  term?: string;
}

/**
 * Words that never make a term: articles, prepositions and fillers ("a conta de luz" → "conta luz"), and the
 * placeholders an entry gets when the owner named nothing ("despesa", "recebimento", "comprovante"): an entry
 * without a description teaches no rule and makes no subscription.
 */
const NOT_A_TERM_WORD = new Set(
  `a o as os um uma uns umas de do da dos das no na nos nas em pra pro para por com e ou meu minha meus minhas
   despesa recebimento comprovante`.split(/\s+/),
);
const MAX_TERM_WORDS = 3;

/** The normalised term of a description; empty when it has no significant word. */
export function categoryTermOf(description: string): string {
  return descriptionWords(description)
    .filter((word) => !NOT_A_TERM_WORD.has(word))
    .slice(0, MAX_TERM_WORDS)
    .join(' ');
}

/** The learned rule for a description: the longest term whose words all appear in it, of the same kind. */
export function learnedRuleFor(
  rules: readonly CategoryRule[],
  kind: 'income' | 'expense',
  description: string,
): CategoryRule | undefined {
  const words = new Set(descriptionWords(description));
  const matching = rules.filter(
    (rule) => rule.kind === kind && rule.term.split(' ').every((word) => words.has(word)),
  );
  return matching.sort(
    (a, b) => b.term.split(' ').length - a.term.split(' ').length || b.updatedAt.localeCompare(a.updatedAt),
  )[0];
}

/** The category of a new entry: the tenant's learned rule, else the keyword rules, else "outros". */
export function categorise(
  rules: readonly CategoryRule[],
  kind: 'income' | 'expense',
  description: string,
): Categorisation {
  const learned = learnedRuleFor(rules, kind, description);
  if (learned) return { category: learned.category, source: 'learned', term: learned.term };
  const category = ledgerCategoryOf(kind, description);
  return { category, source: category === DEFAULT_CATEGORY ? 'default' : 'keyword' };
}
