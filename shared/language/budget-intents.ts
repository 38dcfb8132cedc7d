import type { Intent } from '#application/ports/interpretation.schema';
import { fold } from './tokenise';

/**
 * Monthly spending limits in the owner's words: "meu limite de mercado é 800 por mês", "meu limite de gastos é
 * 5 mil por mês" (set_budget), "quais meus limites?" (list_budgets), "tira o limite de mercado"
 * (remove_budget), and which limit a message is about. Checked before the ledger rules (`classifyIntent`):
 * "limite de gastos" is a budget, never a question about expenses.
 */

const BUDGET_NOUN = /\b(limites?|orcamentos?|teto)\b/;
const REMOVE =
  /\b(tira|tirar|tire|remove|remover|remova|apaga|apagar|apague|exclui|excluir|exclua|cancela|cancelar|cancele|sem|acaba|acabar|desativa|desativar)\b( \w+){0,3} (limites?|orcamentos?|teto)\b/;
const LIST =
  /\b(quais|qual|lista|listar|liste|mostra|mostrar|mostre|ver|meus|tenho|como estao|como esta)\b.*\b(limites|orcamentos|limite|orcamento)\b/;
/** Words that, after "limite de", mean every expense rather than one category. */
const OVERALL = new Set(['gastos', 'gasto', 'despesas', 'despesa', 'saidas', 'compras', 'tudo', 'geral']);
/** Words between the noun and the category that name neither: amounts, periods, fillers. */
const NOT_A_TARGET = new Set(
  'mil reais real r mes mensal por cada todo o a meu minha um uma ate no maximo de do da com para pra em'.split(
    ' ',
  ),
);
const TARGET_AFTER = /\b(?:de|do|da|dos|das|para|pra|com|no|na|em) ([a-z]{2,})\b/g;

/** The budget intent of a folded message (` words `), or null. */
export function budgetIntent(text: string, signals: { hasAmount: boolean }): Intent | null {
  if (!BUDGET_NOUN.test(text)) return null;
  if (REMOVE.test(text)) return 'remove_budget';
  if (signals.hasAmount) return 'set_budget';
  if (LIST.test(text) || text.includes('?')) return 'list_budgets';
  return null;
}

/** Which limit: the word after "limite de" ("mercado"), or null for the overall one ("limite de gastos"). */
export function budgetWordOf(message: string): string | null {
  const text = ` ${fold(message)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')} `;
  const noun = BUDGET_NOUN.exec(text);
  if (!noun) return null;
  const after = text.slice(noun.index + noun[0].length);
  for (const match of after.matchAll(TARGET_AFTER)) {
    const word = match[1] ?? '';
    if (OVERALL.has(word)) return null;
    if (!NOT_A_TARGET.has(word)) return word;
  }
  return null;
}

/** True when a message is about a limit: the ledger-correction rules ("remove", "tira") must not take it. */
export function isBudgetMessage(folded: string): boolean {
  return BUDGET_NOUN.test(folded);
}
