import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '#domain/domain-error';
import { formatTaxId, isValidTaxId, maskTaxId, parseTaxId, taxIdKind, tryParseTaxId } from '#domain/tax-id';

/** Reference CPF check digits (Receita Federal's mod-11 rule), written independently of the library. */
function cpfWithCheckDigits(base: string): string {
  const digit = (digits: string) => {
    const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (digits.length + 1 - i), 0);
    const rest = 11 - (sum % 11);
    return rest >= 10 ? '0' : String(rest);
  };
  const first = digit(base);
  return base + first + digit(base + first);
}

describe('parseTaxId', () => {
  it('accepts CPFs with or without punctuation', () => {
    expect(parseTaxId('123.456.789-09')).toBe('12345678909');
    expect(parseTaxId(' 529 982 247 25 ')).toBe('52998224725');
    expect(taxIdKind(parseTaxId('12345678909'))).toBe('cpf');
  });

  it('accepts numeric and alphanumeric CNPJs, upper-casing letters', () => {
    expect(parseTaxId('11.222.333/0001-81')).toBe('11222333000181');
    expect(parseTaxId('12.abc.345/01de-35')).toBe('12ABC34501DE35');
    expect(taxIdKind(parseTaxId('11222333000181'))).toBe('cnpj');
  });

  it('rejects wrong check digits naming the kind, without echoing the full number', () => {
    expect(() => parseTaxId('123.456.789-00')).toThrow(InvalidInputError);
    expect(() => parseTaxId('123.456.789-00')).toThrow(
      /CPF check digits do not match: "\*\*\*\.456\.789-\*\*"/,
    );
    expect(() => parseTaxId('11.222.333/0001-80')).toThrow(/CNPJ check digits/);
    expect(() => parseTaxId('111.111.111-11')).toThrow(/CPF check digits/);
  });

  it('rejects anything not shaped like a CPF or CNPJ', () => {
    for (const text of ['', '1234567890', '123456789012', 'abc.def.ghi-jk', '11.222.333/0001-8A']) {
      expect(() => parseTaxId(text)).toThrow(/not a CPF \(11 digits\) or CNPJ \(14 characters\)/);
    }
    expect(tryParseTaxId('nope')).toBeUndefined();
    expect(isValidTaxId('123.456.789-09')).toBe(true);
    expect(isValidTaxId('123.456.789-08')).toBe(false);
  });

  it('agrees with the reference check-digit rule for every CPF base', () => {
    const base = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
      .map((digits) => digits.join(''))
      .filter((digits) => !/^(\d)\1{8}$/.test(digits));
    fc.assert(
      fc.property(base, fc.integer({ min: 1, max: 9 }), (digits, shift) => {
        const cpf = cpfWithCheckDigits(digits);
        const wrongLast = cpf.slice(0, 10) + String((Number(cpf[10]) + shift) % 10);
        return parseTaxId(cpf) === cpf && tryParseTaxId(wrongLast) === undefined;
      }),
    );
  });
});

describe('formatTaxId', () => {
  it('formats CPF and CNPJ the Brazilian way', () => {
    expect(formatTaxId(parseTaxId('12345678909'))).toBe('123.456.789-09');
    expect(formatTaxId(parseTaxId('11222333000181'))).toBe('11.222.333/0001-81');
    expect(formatTaxId(parseTaxId('12ABC34501DE35'))).toBe('12.ABC.345/01DE-35');
  });
});

describe('maskTaxId', () => {
  it('hides the leading and check digits for logs', () => {
    expect(maskTaxId('12345678909')).toBe('***.456.789-**');
    expect(maskTaxId('11.222.333/0001-81')).toBe('**.222.333/0001-**');
  });

  it('masks text that is not a tax id entirely', () => {
    expect(maskTaxId('123-45')).toBe('***-**');
  });
});
