import { isNumberWord } from './number-words';
import { isWord, type Token } from './tokenise';
import {
  CENT_WORDS,
  CURRENCY_WORDS,
  DATE_WORDS,
  FUNCTION_WORD_SET,
  HONORIFICS,
  QUANTITY_UNITS,
  VERB_SET,
} from './vocabulary';

/**
 * What an expense or income was for: the first run of content words left once the verb, the amount, the date
 * and the person are taken out ("gastei 45 no mercado" → "mercado", "paguei a conta de luz" → "conta de luz").
 */

const NOISE = new Set(
  `gasto gastos despesa despesas entrada entradas receita receitas saida saidas compra valor total boleto pix
   pagamento dinheiro especie cartao credito debito transferencia ted doc`.split(/\s+/),
);
const JOINERS = new Set(['de', 'do', 'da', 'dos', 'das', 'e']);
const MAX_WORDS = 6;

/** A quantity unit is a unit only after a number ("3 peças"); alone it is what was bought ("comprei peça"). */
function isUnit(word: string, previous: Token | undefined): boolean {
  return (
    QUANTITY_UNITS.has(word) &&
    previous !== undefined &&
    (previous.kind === 'number' || isNumberWord(previous.fold))
  );
}

function isContent(token: Token | undefined, previous: Token | undefined): boolean {
  if (!isWord(token)) return false;
  const word = token.fold;
  return !(
    FUNCTION_WORD_SET.has(word) ||
    VERB_SET.has(word) ||
    DATE_WORDS.has(word) ||
    CURRENCY_WORDS.has(word) ||
    CENT_WORDS.has(word) ||
    HONORIFICS.has(word) ||
    NOISE.has(word) ||
    isUnit(word, previous) ||
    isNumberWord(word)
  );
}

export function findDescription(tokens: readonly Token[], used: ReadonlySet<number>): string | null {
  for (let index = 0; index < tokens.length; index++) {
    if (used.has(index) || !isContent(tokens[index], tokens[index - 1])) continue;
    const run: Token[] = [tokens[index] as Token];
    let next = index + 1;
    while (run.length < MAX_WORDS && next < tokens.length && !used.has(next)) {
      const token = tokens[next];
      if (token && isContent(token, tokens[next - 1])) {
        run.push(token);
        next++;
      } else if (
        isWord(token) &&
        JOINERS.has(token.fold) &&
        isContent(tokens[next + 1], token) &&
        !used.has(next + 1)
      ) {
        run.push(token, tokens[next + 1] as Token);
        next += 2;
      } else {
        break;
      }
    }
    return run.map((token) => token.raw).join(' ');
  }
  return null;
}
