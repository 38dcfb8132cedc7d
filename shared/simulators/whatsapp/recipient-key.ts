import { tryNormalizePhone } from '#domain/phone-number';

/**
 * Phone matching inside the simulator: a number written with or without '+', punctuation, or Brazil's 9th
 * mobile digit is the same WhatsApp user (Meta's wa_ids for older Brazilian accounts omit the 9).
 */

/** Digits only (`+55 (11) 98765-4321` → `5511987654321`). */
export function digitsOf(phone: string): string {
  return phone.replace(/\D/g, '');
}

/**
 * Canonical key: the domain's canonical E.164 for Brazilian numbers, the bare digits for others, and a
 * business-scoped user id (`BR.1502576394655843`) as it is.
 */
export function recipientKey(phone: string): string {
  if (/^[A-Z]{2}\./.test(phone)) return phone;
  const digits = digitsOf(phone);
  return tryNormalizePhone(`+${digits}`) ?? digits;
}

/** The wa_id Meta would report for a number: legacy Brazilian accounts drop the mobile's 9th digit. */
export function waIdOf(phone: string, legacyBrazilianWaIds: boolean): string {
  const digits = digitsOf(phone);
  if (legacyBrazilianWaIds && /^55\d{2}9\d{8}$/.test(digits))
    return `${digits.slice(0, 4)}${digits.slice(5)}`;
  return digits;
}
