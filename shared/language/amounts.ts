import { isKnownNamePart } from './first-names';
import { type NumberExpression, readNumberExpression, startsNumber } from './numerals';
import type { Token } from './tokenise';
import { DATE_WORDS, FUNCTION_WORD_SET, IDENTIFIER_CUES, QUANTITY_UNITS, VERB_SET } from './vocabulary';

/**
 * Finds the amount of money in a message. Every number expression is a candidate unless it is a date (already
 * blocked by dates.ts), a time, a percentage, an identifier ("nota 123") or a quantity ("3 bolos", "2 kg",
 * "3x"); the candidate with the strongest money cues wins (R$, reais, conto, mil, centavos), the first on a tie.
 */

export interface AmountMatch {
  cents: number;
  start: number;
  end: number;
  score: number;
}

const BEFORE_MONEY = new Set(['de', 'por', 'valor', 'total', 'custou', 'custa', 'preco', 'r$']);

/** Verbs whose object is the money itself: "recebi 200", "gastei 45", "cobra 150". */
const MONEY_VERBS = new Set(
  `recebi recebemos ganhei faturei entrou caiu gastei gastamos paguei pagamos comprei cobra cobrar cobre
   custou deu`.split(/\s+/),
);

/** "a 40 cada", "40 por unidade": a unit price, not the total. */
const UNIT_PRICE = new Set(['cada', 'unidade', 'un', 'und']);

type Reading = 'money' | 'weak_quantity' | 'excluded';

function isNeutralWord(folded: string): boolean {
  return FUNCTION_WORD_SET.has(folded) || VERB_SET.has(folded) || DATE_WORDS.has(folded);
}

/** What the token right after a bare number says about it. */
function readFollower(expression: NumberExpression, tokens: readonly Token[], blocked: ReadonlySet<number>) {
  const next = tokens[expression.end];
  if (!next || blocked.has(expression.end)) return 'money';
  if (next.raw === '%' || (next.raw === ':' && tokens[expression.end + 1]?.kind === 'number'))
    return 'excluded';
  if (next.raw === 'º' || next.raw === 'ª' || next.raw === '°') return 'excluded';
  if (next.kind !== 'word') return 'money';
  if (UNIT_PRICE.has(next.fold)) return 'weak_quantity';
  if (QUANTITY_UNITS.has(next.fold)) return 'excluded';
  if (next.capitalised || isNeutralWord(next.fold) || isKnownNamePart(next.fold)) return 'money';
  const plural = next.fold.length > 3 && next.fold.endsWith('s');
  return plural && expression.cents !== 100 ? 'excluded' : 'weak_quantity';
}

function readExpression(
  expression: NumberExpression,
  tokens: readonly Token[],
  blocked: ReadonlySet<number>,
): Reading {
  if (expression.loneArticle) return 'excluded';
  const before = tokens[expression.start - 1];
  if (before && (IDENTIFIER_CUES.has(before.fold) || before.raw === '#')) return 'excluded';
  if (expression.hasCurrency || expression.hasMultiplier) return 'money';
  return readFollower(expression, tokens, blocked);
}

function scoreOf(expression: NumberExpression, tokens: readonly Token[], reading: Reading): number {
  let score = 1;
  if (expression.hasCurrency) score += 4;
  if (expression.hasMultiplier) score += 2;
  if (expression.hasDecimals) score += 2;
  const before = tokens[expression.start - 1];
  if (before && (BEFORE_MONEY.has(before.fold) || MONEY_VERBS.has(before.fold))) score += 1;
  if (reading === 'weak_quantity') score -= 2;
  return score;
}

/** Every number expression in the message, money or not (the OpenAI adapter checks its answer against these). */
export function numberExpressions(
  tokens: readonly Token[],
  blocked: ReadonlySet<number>,
): NumberExpression[] {
  const found: NumberExpression[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (blocked.has(index) || !startsNumber(token)) continue;
    const expression = readNumberExpression(tokens, index, blocked);
    if (!expression) continue;
    found.push(expression);
    index = expression.end - 1;
  }
  return found;
}

/** Every expression that may be money (not a date, time, percentage, identifier or quantity), in order. */
export function moneyCandidates(tokens: readonly Token[], blocked: ReadonlySet<number>): AmountMatch[] {
  const found: AmountMatch[] = [];
  for (const expression of numberExpressions(tokens, blocked)) {
    const reading = readExpression(expression, tokens, blocked);
    if (reading === 'excluded' || expression.cents <= 0) continue;
    const score = scoreOf(expression, tokens, reading);
    found.push({ cents: expression.cents, start: expression.start, end: expression.end, score });
  }
  return found;
}

export function findAmount(tokens: readonly Token[], blocked: ReadonlySet<number>): AmountMatch | null {
  let best: AmountMatch | null = null;
  for (const candidate of moneyCandidates(tokens, blocked))
    if (!best || candidate.score > best.score) best = candidate;
  return best;
}
