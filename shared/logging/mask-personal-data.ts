/**
 * Masks personal data (CPF, CNPJ, phone numbers, e-mail addresses) wherever it appears in a log value.
 * Applied to every string the logger serialises, so a careless `logger.info('x', { payload })` cannot leak it.
 * Keys that only ever hold personal data (names, message text, documents) are replaced entirely.
 */

const FULLY_MASKED_KEYS = new Set([
  'text',
  'body',
  'caption',
  'name',
  'profileName',
  'contactName',
  'payerName',
  'first_name',
  'last_name',
  'address',
]);

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
const CNPJ = /(?<!\d)\d{2}\.?\d{3}\.?\d{3}\/?\d{4}-?\d{2}(?!\d)/g;
const CPF = /(?<!\d)\d{3}\.?\d{3}\.?\d{3}-?\d{2}(?!\d)/g;
// Brazilian phones: +55 (11) 98765-4321, 5511987654321, 551187654321, (11) 98765-4321, 11987654321
const PHONE = /(?<![\d*])(?:\+?55[\s-]?)?\(?\d{2}\)?[\s-]?9?\d{4}[\s-]?\d{4}(?!\d)/g;

function keepLast(digits: string, visible: number): string {
  const onlyDigits = digits.replace(/\D/g, '');
  return `${'*'.repeat(Math.max(onlyDigits.length - visible, 0))}${onlyDigits.slice(-visible)}`;
}

export function maskPersonalDataInText(text: string): string {
  return text
    .replace(EMAIL, (_match, first: string, domain: string) => `${first}***@${domain}`)
    .replace(CNPJ, (match) => keepLast(match, 2))
    .replace(CPF, (match) => keepLast(match, 2))
    .replace(PHONE, (match) => keepLast(match, 4));
}

/** A `JSON.stringify` replacer: plug it into the Powertools logger as `jsonReplacerFn`. */
export function maskPersonalDataReplacer(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (FULLY_MASKED_KEYS.has(key)) return value.length === 0 ? value : `[masked ${value.length} chars]`;
  return maskPersonalDataInText(value);
}
