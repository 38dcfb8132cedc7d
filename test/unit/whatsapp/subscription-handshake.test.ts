import { describe, expect, it } from 'vitest';
import { answerSubscriptionHandshake } from '#webhooks/whatsapp/subscription-handshake';
import { loadWhatsAppEvent } from './event-sample';

describe('answerSubscriptionHandshake', () => {
  it('echoes the challenge when the verify token matches', () => {
    const event = loadWhatsAppEvent('verification-get');
    expect(answerSubscriptionHandshake(event.queryStringParameters, 'iris-test-verify-token')).toEqual({
      ok: true,
      challenge: '1158201444',
    });
  });

  it('refuses a wrong token, another mode, a missing challenge or an empty configured token', () => {
    const query = loadWhatsAppEvent('verification-get').queryStringParameters ?? {};
    expect(answerSubscriptionHandshake(query, 'another-token')).toEqual({ ok: false });
    expect(
      answerSubscriptionHandshake({ ...query, 'hub.mode': 'unsubscribe' }, 'iris-test-verify-token'),
    ).toEqual({ ok: false });
    expect(
      answerSubscriptionHandshake({ ...query, 'hub.challenge': undefined }, 'iris-test-verify-token'),
    ).toEqual({ ok: false });
    expect(answerSubscriptionHandshake({ ...query, 'hub.verify_token': '' }, '')).toEqual({ ok: false });
    expect(answerSubscriptionHandshake(undefined, 'iris-test-verify-token')).toEqual({ ok: false });
  });
});
