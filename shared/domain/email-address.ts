/**
 * A payer's e-mail address, as the provider needs it: trimmed, lower-case, one `@`, a dotted domain with a
 * top-level part of two letters or more, no spaces, at most 254 characters (RFC 5321's path limit). Deliberately
 * stricter than RFC 5322: an address an owner types on WhatsApp either looks like this or is a typo.
 */
export type EmailAddress = string & { readonly __brand: 'EmailAddress' };

const SHAPE = /^[a-z0-9._%+'-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/;

export function tryParseEmail(text: string): EmailAddress | undefined {
  const value = text.trim().toLowerCase();
  if (value.length > 254 || !SHAPE.test(value)) return undefined;
  if (value.includes('..') || value.startsWith('.') || value.split('@')[0]?.endsWith('.')) return undefined;
  return value as EmailAddress;
}

/** The one e-mail address inside an answer such as "é joao@exemplo.com.br", if there is exactly one. */
export function findEmailIn(text: string): EmailAddress | undefined {
  const found = text
    .split(/[\s,;<>()]+/)
    .map((word) => word.replace(/[.!?]+$/, ''))
    .filter((word) => word.includes('@'))
    .map(tryParseEmail);
  return found.length === 1 ? found[0] : undefined;
}
