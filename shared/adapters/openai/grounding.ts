import type { Extraction } from '#application/ports/interpretation.schema';
import { numberExpressions } from '#language/amounts';
import { findDateExpressions } from '#language/date-expressions';
import { fold, tokenise } from '#language/tokenise';

/**
 * A model's answer must come from the message: the amount must be one the message writes (in any form the
 * parser reads: digits, words, "mil", "conto"), every word of the contact must appear in it, and a date needs a
 * date expression or a date word in the text. An answer that fails is treated like invalid output: the adapter
 * falls back to the deterministic parser rather than pass on a value nobody wrote.
 */

export type GroundingProblem = 'ungrounded_amount' | 'ungrounded_contact' | 'ungrounded_date';

const NO_BLOCK: ReadonlySet<number> = new Set();

/** Words that make a date plausible even where the parser found none ("no dia do pagamento", "mês que vem"). */
const DATE_HINT =
  /\b(dia|dias|semana|semanas|mes|meses|vence|vencimento|venc|vcto|prazo|hoje|hj|amanha|ontem|anteontem|segunda|terca|quarta|quinta|sexta|sabado|domingo|janeiro|fevereiro|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)\b/;

function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function groundingProblem(extraction: Extraction, text: string): GroundingProblem | null {
  const tokens = tokenise(text);
  if (extraction.amountCents !== null) {
    const written = numberExpressions(tokens, NO_BLOCK).map((expression) => expression.cents);
    if (!written.includes(extraction.amountCents)) return 'ungrounded_amount';
  }
  if (extraction.contact !== null) {
    const inText = new Set(words(text));
    const contactWords = words(extraction.contact);
    if (contactWords.length === 0 || !contactWords.every((word) => inText.has(word)))
      return 'ungrounded_contact';
  }
  if (extraction.date !== null) {
    const hasDate = findDateExpressions(tokens).length > 0 || DATE_HINT.test(fold(text));
    if (!hasDate) return 'ungrounded_date';
  }
  return null;
}
