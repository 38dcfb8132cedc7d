import { describe, expect, it } from 'vitest';
import { attr, key, sortableNumber } from '#adapters/dynamodb/keys/key-template';

describe('key template', () => {
  const contactKey = key('T', attr('tenantId'), 'CONTACT', attr('contactId'));

  it('joins literals and attribute values in declaration order', () => {
    expect(contactKey.build({ tenantId: 't1', contactId: 'c9' })).toBe('T#t1#CONTACT#c9');
  });

  it('builds literal-only keys', () => {
    expect(key('PROFILE').build({})).toBe('PROFILE');
  });

  it('gives a prefix up to the first missing attribute, ending with the separator', () => {
    expect(contactKey.prefix({ tenantId: 't1' })).toBe('T#t1#CONTACT#');
    expect(contactKey.prefix({})).toBe('T#');
    expect(key('ENTRY', attr('date'), attr('id')).prefix({ date: '2026-05' })).toBe('ENTRY#2026-05#');
  });

  it('refuses a value containing the separator, so an id cannot reach another tenant', () => {
    expect(() => contactKey.build({ tenantId: 't1#CONTACT#x', contactId: 'c1' })).toThrow(/must not contain/);
    expect(() => contactKey.prefix({ tenantId: 'a#b' })).toThrow(/must not contain/);
  });

  it('refuses empty and missing values', () => {
    expect(() => contactKey.build({ tenantId: '', contactId: 'c1' })).toThrow(/non-empty/);
    expect(() => contactKey.build({ tenantId: 't1' } as never)).toThrow(/missing/);
  });
});

describe('sortableNumber', () => {
  it('zero-pads so that string order is numeric order', () => {
    expect(sortableNumber(7, 4)).toBe('0007');
    expect(sortableNumber(10, 4) > sortableNumber(9, 4)).toBe(true);
  });

  it('refuses negatives, fractions and numbers wider than the field', () => {
    expect(() => sortableNumber(-1, 4)).toThrow();
    expect(() => sortableNumber(1.5, 4)).toThrow();
    expect(() => sortableNumber(12345, 4)).toThrow(/does not fit/);
  });
});
