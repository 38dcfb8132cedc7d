import { isValidTaxId } from '#domain/tax-id';

/**
 * Masks personal data in log values, by key and by validated shape, and never touches identifiers:
 * - keys that only ever hold a person's words or name (`text`, `body`, `name`, …) are replaced whole;
 * - in any other string, a CPF or CNPJ is masked only when its check digits are valid, a phone only when it is
 *   shaped like a Brazilian one (`+55…`/`55…` with 12-13 digits, or `(11) 98765-4321`, or `11 98765-4321`, or a
 *   bare `11987654321` that is not a valid CPF), an e-mail always;
 * - values under id keys (`outboxId`, `messageId`, `correlation_id`, `_id`, `boletoIds`, …) and error names
 *   (`PaytimeValidationError`, `ConditionalCheckFailedException`) are kept as they are, and digits inside an
 *   alphanumeric token (a ULID, a `wamid.…`) are never read as a CPF or a phone.
 * Applied to every value the logger serialises, so a careless `logger.info('x', { payload })` cannot leak it.
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
  // a template message's body parameters: the payer's name, the business, the amount
  'parameters',
]);

/** `outboxId`, `boletoIds`, `eventID`, `correlation_id`, `_id`, `id`, … — except WhatsApp's `wa_id` (a phone). */
const ID_KEY = /(?:^id|Ids?|ID|_ids?|^_id)$/;
const PERSONAL_ID_KEYS = new Set(['wa_id', 'waId']);
const ERROR_NAME = /^[A-Z][A-Za-z0-9]*(?:Error|Exception|Fault)$/;

// Separators allowed inside a number: none, or the usual punctuation. An alphanumeric neighbour means the
// digits belong to a larger token (an id), so they are left alone.
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
const CNPJ = /(?<![A-Za-z0-9])\d{2}\.?\d{3}\.?\d{3}\/?\d{4}-?\d{2}(?![A-Za-z0-9])/g;
const CPF = /(?<![A-Za-z0-9])\d{3}\.?\d{3}\.?\d{3}-?\d{2}(?![A-Za-z0-9])/g;
const INTERNATIONAL_PHONE =
  /(?<![A-Za-z0-9*+])\+?55[\s-]?\(?\d{2}\)?[\s-]?9?\d{4}[\s-]?\d{4}(?![A-Za-z0-9])/g;
const NATIONAL_PHONE = /(?<![A-Za-z0-9*])(?:\(\d{2}\)\s?|\d{2}[\s-])9?\d{4}-?\d{4}(?![A-Za-z0-9])/g;
const BARE_MOBILE = /(?<![A-Za-z0-9*])[1-9]{2}9\d{8}(?![A-Za-z0-9])/g;

function keepLast(digits: string, visible: number): string {
  const onlyDigits = digits.replace(/\D/g, '');
  return `${'*'.repeat(Math.max(onlyDigits.length - visible, 0))}${onlyDigits.slice(-visible)}`;
}

function maskTaxIdShape(match: string): string {
  return isValidTaxId(match) ? keepLast(match, 2) : match;
}

export function maskPersonalDataInText(text: string): string {
  return text
    .replace(EMAIL, (_match, first: string, domain: string) => `${first}***@${domain}`)
    .replace(CNPJ, maskTaxIdShape)
    .replace(CPF, maskTaxIdShape)
    .replace(INTERNATIONAL_PHONE, (match) => keepLast(match, 4))
    .replace(NATIONAL_PHONE, (match) => keepLast(match, 4))
    .replace(BARE_MOBILE, (match) => keepLast(match, 4));
}

function isIdKey(key: string): boolean {
  return ID_KEY.test(key) && !PERSONAL_ID_KEYS.has(key);
}

/** A `JSON.stringify` replacer: plug it into the Powertools logger as `jsonReplacerFn`. */
export function maskPersonalDataReplacer(key: string, value: unknown): unknown {
  if (FULLY_MASKED_KEYS.has(key) && value !== null && typeof value === 'object') return maskWhole(value);
  if (typeof value !== 'string') return value;
  if (isIdKey(key) || ERROR_NAME.test(value)) return value;
  if (FULLY_MASKED_KEYS.has(key)) return maskWhole(value);
  return maskPersonalDataInText(value);
}

/** Every string under a personal key, however wrapped (a DynamoDB image's `text: { S: "…" }`). */
function maskWhole(value: unknown): unknown {
  if (typeof value === 'string') return value.length === 0 ? value : `[masked ${value.length} chars]`;
  if (Array.isArray(value)) return value.map(maskWhole);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskWhole(v)]));
  return value;
}
