import { InvalidInputError } from './domain-error';

/**
 * Money in IRIS is a plain `number` of centavos that is always a safe integer (R$ 1.234,56 is `123456`).
 * No floating-point arithmetic is ever done on money: rates are integer basis points and every product or
 * quotient goes through BigInt with an explicit rounding mode.
 */
export type Cents = number;

/** 1 basis point = 0.01%; 10 000 bps = 100%. */
export const BPS_PER_UNIT = 10_000;

/** How a quotient that is not a whole centavo becomes one. `floor`/`ceil` round towards -∞/+∞. */
export type Rounding = 'floor' | 'ceil' | 'half-up' | 'half-down' | 'half-even';

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Returns `value` if it is a safe integer number of centavos, else throws InvalidInputError. */
export function assertCents(value: number, label = 'amount'): Cents {
  if (!isCents(value)) throw new InvalidInputError(`${label} must be a safe integer of centavos: ${value}`);
  return value;
}

/** Returns `value` if it is a whole, non-negative number of centavos. */
export function assertNonNegativeCents(value: number, label = 'amount'): Cents {
  assertCents(value, label);
  if (value < 0) throw new InvalidInputError(`${label} must not be negative: ${value}`);
  return value;
}

/** Returns `value` if it is a whole number of centavos greater than zero. */
export function assertPositiveCents(value: number, label = 'amount'): Cents {
  assertCents(value, label);
  if (value <= 0) throw new InvalidInputError(`${label} must be greater than zero: ${value}`);
  return value;
}

function checkedResult(value: bigint, label: string): Cents {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new InvalidInputError(`${label} overflows safe integer centavos`);
  return result;
}

/** Sum of centavo amounts; throws instead of silently losing precision. */
export function sumCents(values: readonly Cents[]): Cents {
  let total = 0n;
  for (const value of values) total += BigInt(assertCents(value));
  return checkedResult(total, 'sum');
}

/** Divides `numerator` by a positive `denominator`, rounding the exact quotient once with `rounding`. */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (denominator <= 0n) throw new InvalidInputError('denominator must be positive');
  const truncated = numerator / denominator; // BigInt division truncates towards zero
  const remainder = numerator % denominator; // same sign as the numerator
  if (remainder === 0n) return truncated;
  const negative = numerator < 0n;
  const floor = negative ? truncated - 1n : truncated;
  const ceil = floor + 1n;
  if (rounding === 'floor') return floor;
  if (rounding === 'ceil') return ceil;
  // Compare the distance to floor (fraction = (numerator - floor*d)/d) with one half.
  const twiceFraction = 2n * (numerator - floor * denominator);
  if (twiceFraction < denominator) return floor;
  if (twiceFraction > denominator) return ceil;
  if (rounding === 'half-up') return negative ? floor : ceil; // half away from zero
  if (rounding === 'half-down') return negative ? ceil : floor; // half towards zero
  return floor % 2n === 0n ? floor : ceil; // half-even
}

/**
 * `cents × numerator ÷ denominator`, computed exactly in BigInt and rounded once. This is the one primitive
 * behind every percentage in IRIS, so a chain of rates never accumulates rounding error.
 */
export function mulDivCents(cents: Cents, numerator: number, denominator: number, rounding: Rounding): Cents {
  assertCents(cents);
  if (!Number.isSafeInteger(numerator))
    throw new InvalidInputError(`numerator must be an integer: ${numerator}`);
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new InvalidInputError(`denominator must be a positive integer: ${denominator}`);
  }
  const result = divideRounded(BigInt(cents) * BigInt(numerator), BigInt(denominator), rounding);
  return checkedResult(result, 'result');
}

/** `cents × bps / 10 000`, e.g. 2% (200 bps) of R$ 150,00 is R$ 3,00. */
export function applyRateBps(cents: Cents, bps: number, rounding: Rounding): Cents {
  return mulDivCents(cents, bps, BPS_PER_UNIT, rounding);
}

const SPACES = /[\s\u00a0\u202f]+/g;
// Integer part either plain digits or 1-3 digits followed by dot-separated groups of exactly three.
const BRAZILIAN = /^(\d+|\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$/;
// A single dot followed by one or two digits and no comma: "89.90" read as a decimal point.
const DOT_DECIMAL = /^(\d+)\.(\d{1,2})$/;

export interface ParseBrlOptions {
  /** Accept a leading minus (`-R$ 5,00`, `R$ -5,00`). Off by default: amounts a person types are never negative. */
  allowNegative?: boolean;
}

/**
 * Parses a Brazilian real amount into centavos.
 *
 * Accepted: `R$ 1.234,56`, `R$1234,56`, `1234,56`, `1.234` (one thousand two hundred thirty-four reais),
 * `150`, `89,9` (R$ 89,90), `89.90` (a lone dot followed by one or two digits is a decimal point), `0,01`.
 * Rejected: empty text, letters, more than two decimal places (`1,234`), malformed grouping (`1.23,45`),
 * negative amounts unless `allowNegative`, values beyond safe-integer centavos.
 */
export function parseBrl(text: string, options: ParseBrlOptions = {}): Cents {
  let rest = text.replace(SPACES, '');
  let negative = false;
  if (rest.startsWith('-')) {
    negative = true;
    rest = rest.slice(1);
  }
  if (/^r\$/i.test(rest)) rest = rest.slice(2);
  if (!negative && rest.startsWith('-')) {
    negative = true;
    rest = rest.slice(1);
  }
  let reais: string;
  let fraction: string;
  const brazilian = BRAZILIAN.exec(rest);
  const dotDecimal = brazilian ? null : DOT_DECIMAL.exec(rest);
  if (brazilian) {
    reais = (brazilian[1] ?? '').replaceAll('.', '');
    fraction = brazilian[2] ?? '';
  } else if (dotDecimal) {
    reais = dotDecimal[1] ?? '';
    fraction = dotDecimal[2] ?? '';
  } else {
    throw new InvalidInputError(`not a BRL amount (expected like "R$ 1.234,56"): "${text}"`);
  }
  if (negative && !options.allowNegative)
    throw new InvalidInputError(`amount must not be negative: "${text}"`);
  const cents = BigInt(reais) * 100n + BigInt(fraction.padEnd(2, '0'));
  const result = Number(negative ? -cents : cents);
  if (!Number.isSafeInteger(result)) throw new InvalidInputError(`amount too large: "${text}"`);
  return result === 0 ? 0 : result; // never -0
}

/** `1.234,56`: the amount without the currency symbol, for templates that print `R$` themselves. */
export function formatBrlNumber(cents: Cents): string {
  assertCents(cents);
  // Split the decimal digits as text: no division, so no floating point even near 2^53.
  const digits = String(Math.abs(cents)).padStart(3, '0');
  const grouped = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, '.');
  return `${cents < 0 ? '-' : ''}${grouped},${digits.slice(-2)}`;
}

/** `R$ 1.234,56` (plain ASCII space, not Intl's NBSP), negative as `-R$ 5,00`. */
export function formatBrl(cents: Cents): string {
  const number = formatBrlNumber(Math.abs(cents));
  return `${cents < 0 ? '-' : ''}R$ ${number}`;
}
