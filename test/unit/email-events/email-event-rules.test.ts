import { describe, expect, it } from 'vitest';
import { addressStatusAfter, deliveryStatusOf, outranksOrEquals } from '#domain/email-events';
import { maskPersonalDataReplacer } from '#logging/mask-personal-data';

const hard = { type: 'bounce', bounceKind: 'hard' } as const;
const soft = { type: 'bounce', bounceKind: 'soft' } as const;
const complaint = { type: 'complaint' } as const;
const delivery = { type: 'delivery' } as const;

describe('addressStatusAfter', () => {
  it('marks an address invalid after a hard bounce and suppressed after a complaint', () => {
    expect(addressStatusAfter(hard, undefined)).toBe('invalid');
    expect(addressStatusAfter(complaint, undefined)).toBe('suppressed');
  });

  it('records soft bounces, deliveries, delays and rejects without changing the address', () => {
    for (const event of [soft, delivery, { type: 'delivery_delay' }, { type: 'reject' }] as const) {
      expect(addressStatusAfter(event, undefined)).toBeUndefined();
    }
  });

  it('never changes an address twice to the same status, and never downgrades a complaint', () => {
    expect(addressStatusAfter(hard, 'invalid')).toBeUndefined();
    expect(addressStatusAfter(hard, 'suppressed')).toBeUndefined();
    expect(addressStatusAfter(complaint, 'suppressed')).toBeUndefined();
    expect(addressStatusAfter(complaint, 'invalid')).toBe('suppressed');
    expect(outranksOrEquals('invalid', 'suppressed')).toBe(false);
    expect(outranksOrEquals('suppressed', 'invalid')).toBe(true);
  });
});

describe('deliveryStatusOf', () => {
  it('is sent until SES reports something, then the worst event wins', () => {
    expect(deliveryStatusOf([])).toBe('sent');
    expect(deliveryStatusOf([delivery])).toBe('delivered');
    expect(deliveryStatusOf([{ type: 'delivery_delay' }, delivery])).toBe('delivered');
    expect(deliveryStatusOf([soft])).toBe('soft_bounced');
    expect(deliveryStatusOf([soft, hard])).toBe('bounced');
    expect(deliveryStatusOf([delivery, complaint])).toBe('complained');
    expect(deliveryStatusOf([complaint, delivery])).toBe('complained');
  });
});

describe('the SES event log line', () => {
  it('masks the address and keeps the ids (Powertools replacer of every function)', () => {
    const line = JSON.stringify(
      { recipient: 'financeiro0@cliente0.com.br', sesMessageId: 'ses-123', outboxId: '01JOUTBOX' },
      maskPersonalDataReplacer,
    );
    expect(line).toBe('{"recipient":"f***@cliente0.com.br","sesMessageId":"ses-123","outboxId":"01JOUTBOX"}');
  });
});
