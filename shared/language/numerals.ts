import { canExtendGroup, DIGIT_ONLY_MULTIPLIERS, MULTIPLIERS, numberWordValue } from './number-words';
import type { Token } from './tokenise';
import { CENT_WORDS, CURRENCY_WORDS } from './vocabulary';

/**
 * Reads one money-like number expression starting at a token: digits in Brazilian or plain notation
 * ("1.200,50", "89,9", "1200"), words ("cento e cinquenta", "mil e duzentos"), multipliers ("2 mil", "1,5 mil",
 * "1k", "um milhão"), slang and currency words ("50 conto", "R$ 150"), and centavos
 * ("duzentos e noventa e nove reais e noventa centavos", "vinte e cinco e cinquenta").
 */

export interface NumberExpression {
  cents: number;
  /** First and one-past-last token of the expression, currency words included. */
  start: number;
  end: number;
  /** Index of the last token of the number itself (before any currency word). */
  numberEnd: number;
  hasCurrency: boolean;
  hasMultiplier: boolean;
  hasDecimals: boolean;
  usedDigits: boolean;
  usedWords: boolean;
  /** "um"/"uma" alone: an article far more often than the number one. */
  loneArticle: boolean;
}

const MAX_INTEGER_DIGITS = 10;

/** Digits as centavos: "1.200,50", "1200", "89,9", "89.90", "1,5", "1,500" (thousands); null if malformed. */
export function parseDigits(raw: string): { cents: number; decimals: boolean } | null {
  const lastComma = raw.lastIndexOf(',');
  const lastDot = raw.lastIndexOf('.');
  let integer = raw;
  let fraction = '';
  if (lastComma >= 0 && lastDot >= 0) {
    const decimalAt = Math.max(lastComma, lastDot);
    integer = raw.slice(0, decimalAt);
    fraction = raw.slice(decimalAt + 1);
    if (!/^\d{1,3}([.,]\d{3})*$/.test(integer)) return null;
  } else if (lastComma >= 0 || lastDot >= 0) {
    const separator = lastComma >= 0 ? ',' : '.';
    const parts = raw.split(separator);
    const tail = parts[parts.length - 1] ?? '';
    if (parts.length === 2 && tail.length <= 2) {
      integer = parts[0] ?? '';
      fraction = tail;
    } else if (/^\d{1,3}$/.test(parts[0] ?? '') && parts.slice(1).every((part) => part.length === 3)) {
      integer = parts.join('');
    } else {
      return null;
    }
  }
  const digits = integer.replace(/[.,]/g, '');
  if (digits.length === 0 || digits.length > MAX_INTEGER_DIGITS || fraction.length > 2) return null;
  const cents = Number(digits) * 100 + (fraction ? Number(fraction.padEnd(2, '0')) : 0);
  return { cents, decimals: fraction.length > 0 };
}

interface Reading {
  cents: number;
  end: number;
  hasMultiplier: boolean;
  hasDecimals: boolean;
  usedDigits: boolean;
  usedWords: boolean;
  loneArticle: boolean;
  /** The 0-999 group still open at the end, in reais (for the centavos-after-"e" rule). */
  openGroup: number;
}

function readNumber(tokens: readonly Token[], start: number, blocked: ReadonlySet<number>): Reading | null {
  let total = 0;
  let group = 0; // centavos
  let groupReais = 0; // the word-number group, for grammar checks
  let lastWasDigits = false;
  let afterMultiplier = false;
  const reading = { hasMultiplier: false, hasDecimals: false, usedDigits: false, usedWords: false };
  let onlyArticle = true;
  let j = start;
  let started = false;
  while (j < tokens.length && !blocked.has(j)) {
    const token = tokens[j] as Token;
    if (token.kind === 'number') {
      if (started && !(group === 0 && afterMultiplier)) break;
      const parsed = parseDigits(token.raw);
      if (!parsed) break;
      group = parsed.cents;
      reading.hasDecimals ||= parsed.decimals;
      reading.usedDigits = true;
      lastWasDigits = true;
      onlyArticle = false;
      started = true;
      j++;
      continue;
    }
    if (token.kind !== 'word') break;
    const multiplier = MULTIPLIERS[token.fold];
    if (multiplier !== undefined && (!DIGIT_ONLY_MULTIPLIERS.has(token.fold) || lastWasDigits)) {
      total += (group || 100) * multiplier;
      group = 0;
      groupReais = 0;
      reading.hasMultiplier = true;
      afterMultiplier = true;
      lastWasDigits = false;
      onlyArticle = false;
      started = true;
      j++;
      continue;
    }
    const value = numberWordValue(token.fold);
    if (value !== undefined) {
      if (lastWasDigits || !canExtendGroup(groupReais, value)) break;
      groupReais += value;
      group = groupReais * 100;
      reading.usedWords = true;
      if (token.fold !== 'um' && token.fold !== 'uma') onlyArticle = false;
      started = true;
      j++;
      continue;
    }
    if (token.fold === 'e' && started) {
      const next = tokens[j + 1];
      if (!next || blocked.has(j + 1)) break;
      const nextValue = next.kind === 'word' ? numberWordValue(next.fold) : undefined;
      const continuesWords =
        nextValue !== undefined && !lastWasDigits && canExtendGroup(groupReais, nextValue);
      const digitsAfterMultiplier = next.kind === 'number' && group === 0 && afterMultiplier;
      if (continuesWords || digitsAfterMultiplier) {
        j++;
        continue;
      }
    }
    break;
  }
  if (!started) return null;
  return {
    ...reading,
    cents: total + group,
    end: j,
    loneArticle: onlyArticle && reading.usedWords && !reading.hasMultiplier,
    openGroup: groupReais,
  };
}

/** A small number (1-99) at `index`, in words or digits, for centavos; with the index after it. */
function readSmall(tokens: readonly Token[], index: number, blocked: ReadonlySet<number>) {
  const reading = readNumber(tokens, index, blocked);
  if (!reading || reading.hasMultiplier || reading.hasDecimals) return null;
  const value = reading.cents / 100;
  return Number.isInteger(value) && value >= 1 && value <= 99 ? { value, end: reading.end } : null;
}

function foldAt(tokens: readonly Token[], index: number): string | undefined {
  return tokens[index]?.fold;
}

export function readNumberExpression(
  tokens: readonly Token[],
  start: number,
  blocked: ReadonlySet<number>,
): NumberExpression | null {
  const reading = readNumber(tokens, start, blocked);
  if (!reading) return null;
  let { cents } = reading;
  let end = reading.end;
  const before = tokens[start - 1];
  let hasCurrency = before?.kind === 'currency' || before?.fold === 'rs';
  let hasDecimals = reading.hasDecimals;
  const at = (index: number) => (blocked.has(index) ? undefined : foldAt(tokens, index));

  if (CENT_WORDS.has(at(end) ?? '') && !reading.hasMultiplier && !reading.hasDecimals && cents < 10_000) {
    // "noventa centavos": the whole number was centavos.
    return {
      ...reading,
      cents: cents / 100,
      start,
      end: end + 1,
      numberEnd: end - 1,
      hasCurrency: true,
      hasDecimals: true,
      loneArticle: false,
    };
  }
  if (CURRENCY_WORDS.has(at(end) ?? '') || tokens[end]?.kind === 'currency') {
    hasCurrency = true;
    end++;
  }
  if (at(end) === 'e' && !hasDecimals) {
    const small = readSmall(tokens, end + 1, blocked);
    if (small && CENT_WORDS.has(at(small.end) ?? '')) {
      // "… reais e noventa centavos", "150 e 50 centavos"
      cents += small.value;
      hasDecimals = true;
      hasCurrency = true;
      end = small.end + 1;
    } else if (
      small &&
      reading.usedWords &&
      !reading.usedDigits &&
      reading.openGroup > 0 &&
      !canExtendGroup(reading.openGroup, small.value)
    ) {
      // "vinte e cinco e cinquenta", "dois e cinquenta": reais and centavos said in one breath.
      cents += small.value;
      hasDecimals = true;
      end = small.end;
      if (CURRENCY_WORDS.has(at(end) ?? '')) end++;
    }
  }
  return {
    cents,
    start,
    end,
    numberEnd: reading.end - 1,
    hasCurrency,
    hasMultiplier: reading.hasMultiplier,
    hasDecimals,
    usedDigits: reading.usedDigits,
    usedWords: reading.usedWords,
    loneArticle: reading.loneArticle && !hasCurrency,
  };
}

/** True when a number expression may start at this token. */
export function startsNumber(token: Token): boolean {
  if (token.kind === 'number') return true;
  if (token.kind !== 'word') return false;
  return (
    numberWordValue(token.fold) !== undefined ||
    (token.fold in MULTIPLIERS && !DIGIT_ONLY_MULTIPLIERS.has(token.fold))
  );
}
