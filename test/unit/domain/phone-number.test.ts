import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '#domain/domain-error';
import {
  type E164,
  e164ToWhatsAppId,
  formatPhoneBr,
  isE164,
  maskPhone,
  normalizePhone,
  phoneKind,
  samePhone,
  tryNormalizePhone,
  whatsAppIdToE164,
} from '#domain/phone-number';

describe('normalizePhone', () => {
  it.each([
    ['+55 (11) 98765-4321', '+5511987654321'],
    ['+5511987654321', '+5511987654321'],
    ['11987654321', '+5511987654321'],
    ['(11) 98765-4321', '+5511987654321'],
    ['5511987654321', '+5511987654321'],
    ['551187654321', '+5511987654321'],
    ['(011) 98765-4321', '+5511987654321'],
    ['0055 11 98765 4321', '+5511987654321'],
    ['11 8765-4321', '+5511987654321'],
    ['(21) 6123-4567', '+5521961234567'],
    ['(11) 3333-4444', '+551133334444'],
    ['551133334444', '+551133334444'],
    ['+55 21 2222.3333', '+552122223333'],
    // DDD 55 (Santa Maria, RS) must not be mistaken for the country code
    ['55 98765-4321', '+5555987654321'],
    ['5598765432', '+5555998765432'],
    ['+55 55 98765-4321', '+5555987654321'],
  ])('reads %s as %s', (text, expected) => {
    expect(normalizePhone(text)).toBe(expected);
  });

  it.each([
    ['', /empty/],
    ['+', /empty/],
    ['abc', /only digits/],
    ['+1 415 555 0100', /only \+55/],
    ['+55 10 98765-4321', /unknown area code 10/],
    ['(20) 98765-4321', /unknown area code 20/],
    ['(11) 88765-4321', /start with 9/],
    ['(11) 1234-5678', /start with 2-5/],
    ['(11) 0234-5678', /start with 2-5/],
    ['987654321', /area code/],
    ['+55 11 98765-43210', /area code/],
    ['11 98765-4321 ramal 2', /only digits/],
  ])('rejects %j clearly', (text, message) => {
    expect(() => normalizePhone(text)).toThrow(InvalidInputError);
    expect(() => normalizePhone(text)).toThrow(message);
  });

  it('is idempotent on canonical numbers', () => {
    const mobile = fc
      .tuple(fc.constantFrom('11', '21', '55', '61', '99'), fc.integer({ min: 0, max: 99_999_999 }))
      .map(([ddd, n]) => `+55${ddd}9${String(n).padStart(8, '0')}`);
    fc.assert(
      fc.property(mobile, (phone) => {
        const canonical = normalizePhone(phone);
        return canonical === phone && normalizePhone(canonical) === canonical && isE164(canonical);
      }),
    );
  });
});

describe('samePhone', () => {
  it('matches a stored mobile with a WhatsApp id without the ninth digit', () => {
    expect(samePhone('+55 11 98765-4321', '551187654321')).toBe(true);
    expect(samePhone('11987654321', '+5511987654321')).toBe(true);
  });

  it('tells different numbers apart, and invalid input matches nothing', () => {
    expect(samePhone('+5511987654321', '+5511987654322')).toBe(false);
    expect(samePhone('+5511987654321', '+5521987654321')).toBe(false);
    expect(samePhone('garbage', 'garbage')).toBe(false);
    expect(tryNormalizePhone('garbage')).toBeUndefined();
  });

  it('matches every mobile written with and without the ninth digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 60_000_000, max: 99_999_999 }), (eight) => {
        return samePhone(`55 11 ${eight}`, `+55 11 9${eight}`);
      }),
    );
  });
});

describe('WhatsApp ids', () => {
  it('converts wa_id to E.164 and back with the ninth digit', () => {
    const e164 = whatsAppIdToE164('551187654321');
    expect(e164).toBe('+5511987654321');
    expect(e164ToWhatsAppId(e164)).toBe('5511987654321');
    expect(whatsAppIdToE164('5511987654321')).toBe('+5511987654321');
  });

  it('rejects ids that are not digits', () => {
    expect(() => whatsAppIdToE164('+551187654321')).toThrow(/digits only/);
  });
});

describe('phone presentation', () => {
  const mobile = normalizePhone('11987654321');
  const landline = normalizePhone('1133334444');

  it('knows mobiles from landlines', () => {
    expect(phoneKind(mobile)).toBe('mobile');
    expect(phoneKind(landline)).toBe('landline');
  });

  it('formats for pt-BR text', () => {
    expect(formatPhoneBr(mobile)).toBe('(11) 98765-4321');
    expect(formatPhoneBr(landline)).toBe('(11) 3333-4444');
  });

  it('masks for logs, keeping only area code, first digit and last four', () => {
    expect(maskPhone(mobile)).toBe('+55119****4321');
    expect(maskPhone(landline)).toBe('+55113***4444');
    expect(maskPhone('5511987654321')).toBe('*********4321');
    expect(maskPhone('123')).toBe('***');
    expect(maskPhone(mobile as E164)).not.toContain('8765');
  });
});
