import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toApiGatewayEvent } from '#infra/local/api-gateway-event';
import { localClockStart } from '#infra/local/clock-start';
import { parseAdvance } from '#infra/local/local-routes';
import { rawBodyOf } from '#webhooks/whatsapp/signature';

describe('toApiGatewayEvent', () => {
  const request = (body: Buffer, headers: Record<string, string | string[]> = {}) => ({
    method: 'POST',
    url: '/webhooks/whatsapp?b=2&a=1&a=3',
    headers: { host: '127.0.0.1:3000', ...headers },
    body,
    sourceIp: '127.0.0.1',
  });

  it('builds a payload 2.0 event with lower-case headers, joined repeated values and the route', () => {
    const event = toApiGatewayEvent(
      request(Buffer.from('{}'), {
        'Content-Type': 'application/json',
        'X-Forwarded-For': ['1.1.1.1', '2.2.2.2'],
      }),
      'POST /webhooks/whatsapp',
    );
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /webhooks/whatsapp',
      rawPath: '/webhooks/whatsapp',
      rawQueryString: 'b=2&a=1&a=3',
      queryStringParameters: { a: '1,3', b: '2' },
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '1.1.1.1,2.2.2.2' },
      requestContext: { http: { method: 'POST', path: '/webhooks/whatsapp' }, stage: '$default' },
      isBase64Encoded: false,
      body: '{}',
    });
    expect(event.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
  });

  it('keeps the exact bytes of a signed JSON body, so the signature still verifies', () => {
    const raw = Buffer.from('{"text":"cobra 150 do Jo\\u00e3o","emoji":"💰"}', 'utf8');
    const event = toApiGatewayEvent(
      request(raw, { 'content-type': 'application/json' }),
      'POST /webhooks/whatsapp',
    );
    const received = rawBodyOf(event);
    expect(Buffer.compare(received, raw)).toBe(0);
    const sign = (bytes: Buffer) => createHmac('sha256', 'secret').update(bytes).digest('hex');
    expect(sign(received)).toBe(sign(raw));
  });

  it('base64-encodes a binary or non-UTF-8 body', () => {
    const raw = Buffer.from([0xff, 0xd8, 0x00, 0x61]);
    const event = toApiGatewayEvent(
      request(raw, { 'content-type': 'application/json' }),
      'POST /webhooks/whatsapp',
    );
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64')).toEqual(raw);
  });
});

describe('parseAdvance', () => {
  it('accepts days, hours and minutes', () => {
    expect(parseAdvance({ days: 1, hours: 2, minutes: 30 })).toEqual({ days: 1, hours: 2, minutes: 30 });
  });

  it('refuses nothing to advance, unknown units, negative and huge advances', () => {
    expect(() => parseAdvance({})).toThrow(/days, hours or minutes/);
    expect(() => parseAdvance({ weeks: 1 })).toThrow(/unknown field/);
    expect(() => parseAdvance({ days: -1 })).toThrow(/>= 0/);
    expect(() => parseAdvance({ days: 401 })).toThrow(/at most 400 days/);
  });
});

describe('localClockStart', () => {
  it('keeps real now during business hours in São Paulo', () => {
    const tuesdayAfternoon = new Date('2026-12-01T17:30:00.000Z'); // 14:30 in São Paulo
    expect(localClockStart(tuesdayAfternoon)).toEqual(tuesdayAfternoon);
  });

  it('moves a night start to the next business day at 10:00', () => {
    expect(localClockStart(new Date('2026-12-02T01:00:00.000Z')).toISOString()).toBe(
      '2026-12-02T13:00:00.000Z',
    );
    expect(localClockStart(new Date('2026-12-01T23:00:00.000Z')).toISOString()).toBe(
      '2026-12-02T13:00:00.000Z',
    );
  });

  it('skips Sunday', () => {
    const saturdayEvening = new Date('2026-12-05T22:00:00.000Z'); // Saturday 19:00 in São Paulo
    expect(localClockStart(saturdayEvening).toISOString()).toBe('2026-12-07T13:00:00.000Z');
  });
});
