import { isKnownNamePart } from './first-names';
import type { Token } from './tokenise';
import { NOT_A_NAME } from './vocabulary';

/**
 * One slip of the thumb in a keyword ("cobar", "bolet", "gastie", "recbi", "cancla", "reias") is read as the
 * keyword: a word one edit (insert, delete, substitute, swap two neighbours) away from one of the few words that
 * decide a request. A word that is itself known (a keyword, a function word, a first name or surname), a short
 * word, or a capitalised word in mid-sentence (a name: "Pedor") is left as written. Only the folded form
 * changes; `raw` keeps what the owner wrote.
 */

const KEYWORDS = [
  'cobra',
  'cobrar',
  'boleto',
  'cobranca',
  'gastei',
  'paguei',
  'recebi',
  'cancela',
  'cancelar',
  'reais',
  'quem',
  'pagou',
  'devendo',
];

/** Real words one edit from a keyword: never "corrected". */
const REAL_WORDS = new Set(
  `cobras cobram cobrou cobri cobre cobro cobrir pagos pagas pago paga pagar pagam pague pagos pagou pagaram
   recebe receba recebo cancelo cancele cancelei quer quem que bolo bolos boletos gasta gaste gasto pague
   reis real reals reaes devendo vendo`.split(/\s+/),
);

/** Optimal string alignment distance, capped: only "0, 1 or more" matters here. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = 0; i < rows; i++) (d[i] as number[])[0] = i;
  for (let j = 0; j < cols; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      let best = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return ((d[rows - 1] as number[])[cols - 1] as number) <= 1;
}

function correction(token: Token): string | undefined {
  const word = token.fold;
  if (token.kind !== 'word' || word.length < 3) return undefined;
  if (token.capitalised && !token.sentenceStart) return undefined;
  if (REAL_WORDS.has(word) || NOT_A_NAME.has(word) || isKnownNamePart(word)) return undefined;
  return KEYWORDS.find((keyword) => keyword !== word && withinOneEdit(word, keyword));
}

/** The tokens with their folded keywords' typos corrected. */
export function correctTypos(tokens: readonly Token[]): Token[] {
  return tokens.map((token) => {
    const fixed = correction(token);
    return fixed ? { ...token, fold: fixed } : token;
  });
}
