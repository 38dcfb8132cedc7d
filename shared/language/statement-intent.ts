import type { IntentSignals } from './intent-signals';

/**
 * "extrato do João", "me manda o histórico da Maria", "conta corrente do Silva": a payer's account statement
 * (intent `statement`). The owner's own "extrato" ("meu extrato", "extrato do mês", "extrato de dezembro")
 * stays a ledger summary: a statement needs a person after the noun, not a period.
 */

const STATEMENT_NOUN = /\b(extrato|historico|conta corrente|movimentacao)\b/;
/** The noun followed by "do/da/de" and a word that is not a period or the owner's own ledger. */
const OF_SOMEONE =
  /\b(extrato|historico|conta corrente|movimentacao) (do|da|de|dos|das|pro|pra) (?!(mes|semana|ano|dia|hoje|ontem|caixa|janeiro|fevereiro|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|periodo|trimestre|semestre|empresa|negocio|loja|oficina|mim|gastos|despesas|receitas|vendas)\b)[a-z]/;
const OWN_LEDGER = /\b(meu|minha|nosso|nossa|geral|financeiro|do mes|deste mes|desse mes|mes passado)\b/;

/** `text` is the folded message with a space at each end, as `classifyIntent` builds it. */
export function isStatementRequest(text: string, signals: IntentSignals): boolean {
  if (!STATEMENT_NOUN.test(text) || OWN_LEDGER.test(text) || signals.hasAmount) return false;
  return OF_SOMEONE.test(text) || signals.hasContact;
}
