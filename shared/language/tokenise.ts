/**
 * Splits a WhatsApp message into tokens that keep their original text (names are returned as written) and a
 * folded form (lowercase, no accents) that every keyword rule matches against.
 */

export type TokenKind = 'word' | 'number' | 'slash_date' | 'currency' | 'punct' | 'symbol';

export interface Token {
  kind: TokenKind;
  /** Exactly as written. */
  raw: string;
  /** Lowercase, accents removed, `-feira` dropped from weekdays: what rules compare. */
  fold: string;
  /** Position in the token list. */
  index: number;
  /** Character offsets in the original text. */
  start: number;
  end: number;
  /** True when the token follows the previous one with no space ("1k", "R$150", "150reais"). */
  attached: boolean;
  /** Starts with a capital letter, in a message that is not written all in capitals. */
  capitalised: boolean;
  /** First word of the message or of a sentence (after . ! ?), where a capital says nothing about names. */
  sentenceStart: boolean;
}

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const TOKEN =
  /(r\$)|(\d{1,2}\/\d{1,2}(?:\/\d{2,4})?(?!\d)|\d{1,2}-\d{1,2}-(?:\d{4}|\d{2})(?!\d)|\d{1,2}\.\d{1,2}\.\d{4}(?!\d))|(\d+(?:[.,]\d+)*)|(\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*)|([.,;:!?()%/+\-ºª°#$@&*="'])|(\S)/giu;

const SENTENCE_END = new Set(['.', '!', '?']);
const FEIRA = /-feira$/;

function kindOf(match: RegExpExecArray): TokenKind {
  if (match[1]) return 'currency';
  if (match[2]) return 'slash_date';
  if (match[3]) return 'number';
  if (match[4]) return 'word';
  if (match[5]) return 'punct';
  return 'symbol';
}

function isAllCaps(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length >= 4 && letters.every((letter) => letter === letter.toUpperCase());
}

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  const allCaps = isAllCaps(text);
  let sentenceStart = true;
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index ?? 0;
    const kind = kindOf(match);
    const previous = tokens[tokens.length - 1];
    const first = raw.charAt(0);
    const token: Token = {
      kind,
      raw,
      fold: kind === 'word' ? fold(raw).replace(FEIRA, '').replace(/’/g, "'") : fold(raw),
      index: tokens.length,
      start,
      end: start + raw.length,
      attached: previous !== undefined && previous.end === start,
      capitalised: kind === 'word' && !allCaps && first !== first.toLowerCase(),
      sentenceStart: kind === 'word' && sentenceStart,
    };
    tokens.push(token);
    if (kind === 'word' || kind === 'number' || kind === 'slash_date' || kind === 'currency') {
      sentenceStart = false;
    } else if (kind === 'punct' && SENTENCE_END.has(raw) && !isAbbreviationDot(tokens)) {
      sentenceStart = true;
    }
  }
  return tokens;
}

const ABBREVIATIONS = new Set(['sr', 'sra', 'srta', 'dr', 'dra', 'prof', 'venc', 'vcto', 'd', 'n', 'no']);

/** "sr. João" and "venc. 10/01": a dot after an abbreviation does not end the sentence. */
function isAbbreviationDot(tokens: Token[]): boolean {
  const dot = tokens[tokens.length - 1];
  const before = tokens[tokens.length - 2];
  return dot?.raw === '.' && before?.kind === 'word' && dot.attached && ABBREVIATIONS.has(before.fold);
}

/** True for word tokens (the only kind names and keywords are made of). */
export function isWord(token: Token | undefined): token is Token {
  return token?.kind === 'word';
}
