import { InvalidInputError } from './domain-error';

/**
 * A Brazilian phone number in canonical E.164: `+55` + two-digit area code (DDD) + subscriber number, where
 * mobiles always carry the ninth digit (`+5511987654321`) and landlines have eight digits (`+551133334444`).
 * Canonical form makes equality plain string equality: a contact stored with the ninth digit matches a
 * WhatsApp id that omits it (`551187654321`).
 */
export type E164 = string & { readonly __brand: 'E164' };

export type PhoneKind = 'mobile' | 'landline';

/** Area codes (DDD) in use in Brazil (Anatel). */
const AREA_CODES = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43, 44, 45, 46,
  47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85,
  86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
]);

const CANONICAL = /^\+55([1-9]{2})(9\d{8}|[2-5]\d{7})$/;
const FORMATTING = /[\s\u00a0().\-/]+/g;

export function isE164(value: unknown): value is E164 {
  if (typeof value !== 'string') return false;
  const match = CANONICAL.exec(value);
  return match !== null && AREA_CODES.has(Number(match[1]));
}

function invalid(text: string, reason: string): never {
  throw new InvalidInputError(`not a Brazilian phone number (${reason}): "${text}"`);
}

/** Area code + subscriber digits, from any of the ways a Brazilian number is written. */
function nationalDigits(text: string): string {
  let rest = text.trim().replace(FORMATTING, '');
  let international = false;
  if (rest.startsWith('+')) {
    international = true;
    rest = rest.slice(1);
  } else if (rest.startsWith('00')) {
    international = true; // international call prefix, as in 0055 11 ...
    rest = rest.slice(2);
  }
  if (rest === '') invalid(text, 'empty');
  if (!/^\d+$/.test(rest)) invalid(text, 'only digits, spaces, +, (, ), - and . are allowed');
  if (international) {
    if (!rest.startsWith('55')) invalid(text, 'only +55 numbers are supported');
    return rest.slice(2);
  }
  // Country code 55 without "+": 12 or 13 digits (a bare national number has at most 11, even in DDD 55).
  if ((rest.length === 12 || rest.length === 13) && rest.startsWith('55')) return rest.slice(2);
  // Trunk prefix 0 as in (011) 98765-4321: area codes never start with 0.
  if ((rest.length === 11 || rest.length === 12) && rest.startsWith('0')) return rest.slice(1);
  return rest;
}

/**
 * Normalises a Brazilian number written in any common way to canonical E.164.
 * Accepts `+55 (11) 98765-4321`, `11987654321`, `5511987654321`, `(011) 98765-4321`, `0055 11 98765 4321`
 * and WhatsApp ids without the ninth digit (`551187654321`). An 8-digit number starting 6-9 is a mobile
 * written without the ninth digit and gets it; one starting 2-5 is a landline and stays as is.
 */
export function normalizePhone(text: string): E164 {
  const national = nationalDigits(text);
  if (national.length !== 10 && national.length !== 11) {
    invalid(text, 'expected area code plus 8 or 9 digits');
  }
  const areaCode = national.slice(0, 2);
  let subscriber = national.slice(2);
  if (!AREA_CODES.has(Number(areaCode))) invalid(text, `unknown area code ${areaCode}`);
  if (subscriber.length === 9) {
    if (!subscriber.startsWith('9')) invalid(text, '9-digit numbers are mobiles and start with 9');
  } else if (/^[6-9]/.test(subscriber)) {
    subscriber = `9${subscriber}`;
  } else if (!/^[2-5]/.test(subscriber)) {
    invalid(text, '8-digit numbers start with 2-5 (landline) or 6-9 (mobile)');
  }
  return `+55${areaCode}${subscriber}` as E164;
}

/** Normalises or returns undefined, for code paths that branch instead of failing. */
export function tryNormalizePhone(text: string): E164 | undefined {
  try {
    return normalizePhone(text);
  } catch {
    return undefined;
  }
}

/** Whether two texts are the same Brazilian number (ninth digit, formatting and country code aside). */
export function samePhone(a: string, b: string): boolean {
  const left = tryNormalizePhone(a);
  return left !== undefined && left === tryNormalizePhone(b);
}

/** A WhatsApp `wa_id` / `from` (digits, country code, maybe without the ninth digit) as canonical E.164. */
export function whatsAppIdToE164(waId: string): E164 {
  if (!/^\d+$/.test(waId)) throw new InvalidInputError(`a WhatsApp id is digits only: "${waId}"`);
  return normalizePhone(`+${waId}`);
}

/** The recipient id for the WhatsApp Cloud API (`to`): the canonical number's digits, ninth digit included. */
export function e164ToWhatsAppId(e164: E164): string {
  return e164.slice(1);
}

export function phoneKind(e164: E164): PhoneKind {
  return e164.length === 14 ? 'mobile' : 'landline';
}

/** `(11) 98765-4321` / `(11) 3333-4444`, for pt-BR text. */
export function formatPhoneBr(e164: E164): string {
  const areaCode = e164.slice(3, 5);
  const subscriber = e164.slice(5);
  return `(${areaCode}) ${subscriber.slice(0, -4)}-${subscriber.slice(-4)}`;
}

/**
 * A number safe to log: country code, area code and the subscriber's first digit, then `*`, then the last
 * four digits (`+55119****4321`). Anything not canonical keeps only its last four digits.
 */
export function maskPhone(phone: string): string {
  if (isE164(phone)) return `${phone.slice(0, 6)}${'*'.repeat(phone.length - 10)}${phone.slice(-4)}`;
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}
