import type { Intent } from '#application/ports/interpretation.schema';
import { categoryNamed } from '#domain/ledger-category';
import { fold } from './tokenise';

/**
 * Categories that learn, in the owner's words: "gasolina é transporte", "uber eats é sempre alimentação",
 * "coloca netflix em lazer", "sempre que for farmácia, coloca em saúde" (set_category_rule): a rule for the
 * next entries, never a change of the booked ones ("isso é transporte", "muda a categoria da última despesa
 * pra mercado" correct an entry: `amend-rules.ts`, checked first). The message is a term, a linking word and a
 * category word of the set, and nothing else: no amount, no question.
 */

const LEADS = [
  'a partir de agora',
  'daqui pra frente',
  'daqui para frente',
  'de agora em diante',
  'sempre que for',
  'sempre que tiver',
  'quando for',
  'toda vez que for',
  'coloca',
  'coloque',
  'poe',
  'bota',
  'lanca',
  'joga',
  'o',
  'a',
  'os',
  'as',
];
/** Between the term and the category: "é", "vai em", "entra como", "fica na categoria", "coloca em". */
const LINKS = new Set(
  'e eh sao vai vao entra entram fica ficam conta contam coloca poe bota lanca joga sempre em na no'.split(
    ' ',
  ),
);
const FILLERS = new Set(
  'e eh sempre como em na no de da do pra para categoria entra vai fica conta coloca poe bota'.split(' '),
);
/**
 * A term never names the ledger, a boleto or "this" (those messages are corrections or charges), nor is it a
 * verb of money moving: "gastei no mercado" is an expense without its amount, not a rule for "gastei".
 */
const NOT_A_TERM =
  /\b(isso|isto|esse|essa|este|esta|ultim[oa]|gastos?|despesas?|entradas?|lancamentos?|boletos?|cobrancas?|categoria|eu|voce|gastei|gastou|gastamos|gastaram|paguei|pagou|pagamos|pagaram|comprei|comprou|compramos|compraram|recebi|recebeu|recebemos|receberam|vendi|vendeu|vendemos|ganhei|ganhou|ganhamos|torrei|fui|foi|fomos)\b/;
const MAX_TERM_WORDS = 3;

export interface CategoryRuleStatement {
  /** The words of the description the rule is for, as the owner wrote them ("farmácia", "Uber Eats"). */
  term: string;
  /** A category name of the set. */
  category: string;
}

/** The message's words as written, each with its folded form (what the rules compare). */
function wordsOf(message: string): Array<{ raw: string; fold: string }> {
  return message
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((raw) => ({ raw, fold: fold(raw) }));
}

/** The rule a message states, or null: "gasolina é transporte" → { term: "gasolina", category: "transporte" }. */
export function categoryRuleOf(message: string): CategoryRuleStatement | null {
  if (message.includes('?')) return null;
  const written = wordsOf(message);
  let words = written.map((word) => word.fold);
  const category = categoryNamed(words[words.length - 1] ?? '');
  if (!category || words.some((word) => /\d/.test(word))) return null;
  let start = 0;
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const lead of LEADS) {
      const leadWords = lead.split(' ');
      if (leadWords.every((word, at) => words[at] === word) && words.length > leadWords.length + 2) {
        words = words.slice(leadWords.length);
        start += leadWords.length;
        stripped = true;
      }
    }
  }
  const link = words.findIndex((word, at) => at > 0 && LINKS.has(word));
  if (link < 1 || link > MAX_TERM_WORDS) return null;
  const between = words.slice(link, -1);
  if (!between.every((word) => FILLERS.has(word))) return null;
  if (NOT_A_TERM.test(words.slice(0, link).join(' '))) return null;
  const term = written
    .slice(start, start + link)
    .map((word) => word.raw)
    .join(' ');
  return { term, category };
}

/** set_category_rule for a message that states a rule; null otherwise. */
export function categoryRuleIntent(message: string, signals: { hasAmount: boolean }): Intent | null {
  return !signals.hasAmount && categoryRuleOf(message) ? 'set_category_rule' : null;
}

/** The interpretation's `categoryRule` for a set_category_rule message. */
export function categoryRuleEntities(message: string): { categoryRule?: CategoryRuleStatement } {
  const rule = categoryRuleOf(message);
  return rule ? { categoryRule: rule } : {};
}
