import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '#domain/domain-error';
import {
  applyRateBps,
  assertCents,
  assertPositiveCents,
  divideRounded,
  formatBrl,
  formatBrlNumber,
  mulDivCents,
  parseBrl,
  sumCents,
} from '#domain/money';

describe('parseBrl', () => {
  it.each([
    ['R$ 1.234,56', 123456],
    ['R$1.234,56', 123456],
    ['r$ 1234,56', 123456],
    ['1234,56', 123456],
    ['1.234', 123400],
    ['150', 15000],
    ['89,9', 8990],
    ['89.90', 8990],
    ['89.9', 8990],
    ['0,01', 1],
    ['R$ 0,01', 1],
    ['999.999,99', 99999999],
    ['R$ 999.999,99', 99999999],
    ['1.234.567,89', 123456789],
    [' R$\u00a0150,00 ', 15000],
    ['0', 0],
  ])('reads %s as %i centavos', (text, cents) => {
    expect(parseBrl(text)).toBe(cents);
  });

  it.each([
    '',
    'R$',
    'abc',
    '12,345',
    '1.23,45',
    '1.2345',
    '1,2,3',
    ',50',
    '150,',
    '1e3',
    '12.34.56',
    'R$ 12 reais',
  ])('rejects %j with an InvalidInputError', (text) => {
    expect(() => parseBrl(text)).toThrow(InvalidInputError);
  });

  it('rejects negative amounts unless allowed', () => {
    expect(() => parseBrl('-R$ 5,00')).toThrow(/negative/);
    expect(() => parseBrl('R$ -5,00')).toThrow(/negative/);
    expect(parseBrl('-R$ 5,00', { allowNegative: true })).toBe(-500);
    expect(parseBrl('R$ -5,00', { allowNegative: true })).toBe(-500);
    expect(Object.is(parseBrl('-0,00', { allowNegative: true }), 0)).toBe(true);
  });

  it('rejects amounts beyond safe-integer centavos', () => {
    expect(() => parseBrl('90.071.992.547.409,92')).toThrow(/too large/);
    expect(parseBrl('90.071.992.547.409,91')).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('formatBrl', () => {
  it('formats with thousands dots, decimal comma and a plain space', () => {
    expect(formatBrl(123456)).toBe('R$ 1.234,56');
    expect(formatBrl(1)).toBe('R$ 0,01');
    expect(formatBrl(0)).toBe('R$ 0,00');
    expect(formatBrl(99999999)).toBe('R$ 999.999,99');
    expect(formatBrl(15000)).toBe('R$ 150,00');
    expect(formatBrl(100000000)).toBe('R$ 1.000.000,00');
    expect(formatBrl(-500)).toBe('-R$ 5,00');
    expect(formatBrlNumber(123456)).toBe('1.234,56');
  });

  it('is exact at the edge of safe integers', () => {
    expect(formatBrl(Number.MAX_SAFE_INTEGER)).toBe('R$ 90.071.992.547.409,91');
    expect(formatBrl(Number.MAX_SAFE_INTEGER - 92)).toBe('R$ 90.071.992.547.408,99');
  });

  it('refuses non-integer centavos', () => {
    expect(() => formatBrl(1.5)).toThrow(InvalidInputError);
    expect(() => formatBrl(Number.NaN)).toThrow(InvalidInputError);
  });
});

describe('money properties', () => {
  const cents = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

  it('parses back exactly what it formats', () => {
    fc.assert(fc.property(cents, (value) => parseBrl(formatBrl(value)) === value));
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: 0 }), (value) => {
        return parseBrl(formatBrl(value), { allowNegative: true }) === value;
      }),
    );
  });

  it('never formats a float, an exponent or more than two decimals', () => {
    fc.assert(
      fc.property(cents, (value) => {
        expect(formatBrl(value)).toMatch(/^R\$ \d{1,3}(\.\d{3})*,\d{2}$/);
      }),
    );
  });

  it('parses unformatted digits with a comma the same as the formatted amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (value) => {
        const digits = String(value).padStart(3, '0');
        return parseBrl(`${digits.slice(0, -2)},${digits.slice(-2)}`) === value;
      }),
    );
  });
});

describe('assertCents', () => {
  it('accepts safe integers and rejects everything else', () => {
    expect(assertCents(0)).toBe(0);
    expect(assertCents(-3)).toBe(-3);
    expect(() => assertCents(0.1)).toThrow(/safe integer/);
    expect(() => assertCents(Number.MAX_SAFE_INTEGER + 1)).toThrow(/safe integer/);
    expect(() => assertPositiveCents(0, 'payment')).toThrow(/payment must be greater than zero/);
  });

  it('sums without losing precision', () => {
    expect(sumCents([1, 2, 3])).toBe(6);
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(/overflow/);
  });
});

describe('rate arithmetic', () => {
  it('applies basis points exactly', () => {
    expect(applyRateBps(15000, 200, 'floor')).toBe(300);
    expect(applyRateBps(1, 200, 'floor')).toBe(0);
    expect(applyRateBps(1, 200, 'ceil')).toBe(1);
    expect(applyRateBps(99999999, 10_000, 'floor')).toBe(99999999);
  });

  it('rounds each mode as documented', () => {
    const cases: Array<[bigint, bigint, Record<string, bigint>]> = [
      [5n, 2n, { floor: 2n, ceil: 3n, 'half-up': 3n, 'half-down': 2n, 'half-even': 2n }],
      [7n, 2n, { floor: 3n, ceil: 4n, 'half-up': 4n, 'half-down': 3n, 'half-even': 4n }],
      [-5n, 2n, { floor: -3n, ceil: -2n, 'half-up': -3n, 'half-down': -2n, 'half-even': -2n }],
      [7n, 3n, { floor: 2n, ceil: 3n, 'half-up': 2n, 'half-down': 2n, 'half-even': 2n }],
      [8n, 3n, { floor: 2n, ceil: 3n, 'half-up': 3n, 'half-down': 3n, 'half-even': 3n }],
      [6n, 3n, { floor: 2n, ceil: 2n, 'half-up': 2n, 'half-down': 2n, 'half-even': 2n }],
    ];
    for (const [numerator, denominator, expected] of cases) {
      for (const [mode, value] of Object.entries(expected)) {
        expect(divideRounded(numerator, denominator, mode as 'floor')).toBe(value);
      }
    }
  });

  it('computes a product of rates once, without intermediate rounding', () => {
    // R$ 150,00 × 1% a month ÷ 30 days × 5 days = exactly R$ 0,25
    expect(mulDivCents(15000, 100 * 5, 10_000 * 30, 'floor')).toBe(25);
    expect(() => mulDivCents(100, 1, 0, 'floor')).toThrow(/denominator/);
    expect(() => mulDivCents(100, 0.5, 1, 'floor')).toThrow(/numerator/);
  });

  it('floor never exceeds the exact value and ceil never falls below it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (value, bps) => {
          const floor = applyRateBps(value, bps, 'floor');
          const ceil = applyRateBps(value, bps, 'ceil');
          const exact = BigInt(value) * BigInt(bps);
          return (
            BigInt(floor) * 10_000n <= exact &&
            BigInt(ceil) * 10_000n >= exact &&
            ceil - floor <= 1 &&
            Number.isSafeInteger(floor)
          );
        },
      ),
    );
  });
});
