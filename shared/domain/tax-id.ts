import { formatCnpj, formatCpf, isValidCnpj, isValidCpf } from '@brazilian-utils/brazilian-utils';
import { InvalidInputError } from './domain-error';

/**
 * A payer's CPF (11 digits) or CNPJ (14 characters), normalised without punctuation. Check digits are always
 * validated. CNPJs issued since July 2026 may be alphanumeric (IN RFB 2.229/2024): the first twelve characters
 * are digits or upper-case letters, the last two are digits; the old numeric CNPJs are a special case of it.
 */
export type TaxId = string & { readonly __brand: 'TaxId' };

export type TaxIdKind = 'cpf' | 'cnpj';

const PUNCTUATION = /[\s\u00a0.\-/]+/g;
const CPF_SHAPE = /^\d{11}$/;
const CNPJ_SHAPE = /^[0-9A-Z]{12}\d{2}$/;

function compact(text: string): string {
  return text.replace(PUNCTUATION, '').toUpperCase();
}

/**
 * Parses `123.456.789-09`, `12345678909`, `11.222.333/0001-81`, `12.ABC.345/01DE-35` (any case) into a TaxId.
 * Throws InvalidInputError naming what is wrong: the shape, or the check digits.
 */
export function parseTaxId(text: string): TaxId {
  const value = compact(text);
  if (CPF_SHAPE.test(value)) {
    if (!isValidCpf(value))
      throw new InvalidInputError(`CPF check digits do not match: "${maskTaxId(text)}"`);
    return value as TaxId;
  }
  if (CNPJ_SHAPE.test(value)) {
    if (!isValidCnpj(value, { version: 2 })) {
      throw new InvalidInputError(`CNPJ check digits do not match: "${maskTaxId(text)}"`);
    }
    return value as TaxId;
  }
  throw new InvalidInputError('not a CPF (11 digits) or CNPJ (14 characters)');
}

export function tryParseTaxId(text: string): TaxId | undefined {
  try {
    return parseTaxId(text);
  } catch {
    return undefined;
  }
}

export function isValidTaxId(text: string): boolean {
  return tryParseTaxId(text) !== undefined;
}

export function taxIdKind(taxId: TaxId): TaxIdKind {
  return taxId.length === 11 ? 'cpf' : 'cnpj';
}

/** `123.456.789-09` or `11.222.333/0001-81`, for pt-BR text and the boleto's payer field. */
export function formatTaxId(taxId: TaxId): string {
  return taxIdKind(taxId) === 'cpf' ? formatCpf(taxId) : formatCnpj(taxId, { version: 2 });
}

/**
 * A tax id safe to log, following the Brazilian government's convention: `***.456.789-**` for a CPF,
 * `**.222.333/0001-**` for a CNPJ. Text that is not shaped like either is fully masked (its length kept).
 */
export function maskTaxId(text: string): string {
  const value = compact(text);
  if (CPF_SHAPE.test(value)) return formatCpf(value, { obfuscate: true });
  if (CNPJ_SHAPE.test(value)) return formatCnpj(value, { version: 2, obfuscate: true });
  return text.replace(/[0-9A-Za-z]/g, '*');
}
