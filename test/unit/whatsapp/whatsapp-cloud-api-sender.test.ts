import { describe, expect, it } from 'vitest';
import { retryAfterOf } from '#adapters/whatsapp/graph-http';
import { WhatsAppCloudApiSender } from '#adapters/whatsapp/whatsapp-cloud-api-sender';
import { WhatsAppPermanentError, WhatsAppRetryableError } from '#application/ports/message-sender';
import { type E164, normalizePhone } from '#domain/phone-number';

const TO: E164 = normalizePhone('+5511987654321');

interface Call {
  url: string;
  init: RequestInit;
}

function senderAnswering(answer: (call: Call) => Response | Promise<Response>, timeoutMs = 1_000) {
  const calls: Call[] = [];
  const fakeFetch = (async (url: string | URL | Request, init?: RequestInit) => {
    const call = { url: String(url), init: init ?? {} };
    calls.push(call);
    return answer(call);
  }) as typeof fetch;
  const sender = new WhatsAppCloudApiSender({
    phoneNumberId: '109876543210987',
    accessToken: 'token-123',
    baseUrl: 'https://graph.example.test/',
    apiVersion: 'v23.0',
    timeoutMs,
    fetch: fakeFetch,
  });
  return { sender, calls };
}

function authorizationOf(call: Call | undefined): string | undefined {
  return (call?.init.headers as Record<string, string> | undefined)?.authorization;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function metaError(code: number, message = `(#${code}) error`) {
  return { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEf123' } };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('WhatsAppCloudApiSender', () => {
  it('posts to /{version}/{phone-number-id}/messages with the bearer token and returns the wamid', async () => {
    const { sender, calls } = senderAnswering(() =>
      json(200, {
        messaging_product: 'whatsapp',
        contacts: [{ input: '5511987654321', wa_id: '551187654321' }],
        messages: [{ id: 'wamid.ABC' }],
      }),
    );
    const sent = await sender.sendText({ to: TO, text: 'Olá' });
    expect(sent).toEqual({ providerMessageId: 'wamid.ABC', recipientWaId: '551187654321' });
    expect(calls[0]?.url).toBe('https://graph.example.test/v23.0/109876543210987/messages');
    expect(calls[0]?.init.method).toBe('POST');
    expect(authorizationOf(calls[0])).toBe('Bearer token-123');
    expect(JSON.parse(String(calls[0]?.init.body))).toMatchObject({ to: '5511987654321', type: 'text' });
  });

  it('maps code 131047 to a permanent outside_24h_window error with Meta details', async () => {
    const { sender } = senderAnswering(() => json(400, metaError(131047, '(#131047) Re-engagement message')));
    const error = await rejectionOf(sender.sendText({ to: TO, text: 'Olá' }));
    expect(error).toBeInstanceOf(WhatsAppPermanentError);
    expect(error).toMatchObject({
      reason: 'outside_24h_window',
      metaCode: 131047,
      httpStatus: 400,
      fbtraceId: 'AbCdEf123',
    });
    expect((error as Error).message).toContain('Re-engagement message');
  });

  it.each([
    [131026, 'invalid_recipient'],
    [132001, 'template_rejected'],
    [131050, 'opted_out'],
    [190, 'auth'],
  ])('maps code %i to permanent %s', async (code, reason) => {
    const { sender } = senderAnswering(() => json(code === 190 ? 401 : 400, metaError(code)));
    const error = await rejectionOf(
      sender.sendTemplate({ to: TO, templateName: 'lembrete', languageCode: 'pt_BR', parameters: ['x'] }),
    );
    expect(error).toMatchObject({ name: 'WhatsAppPermanentError', reason });
  });

  it('maps 429 with Retry-After, throughput codes and 5xx to retryable errors', async () => {
    const rateLimited = senderAnswering(() => json(429, metaError(130429), { 'retry-after': '7' }));
    const limited = await rejectionOf(rateLimited.sender.sendText({ to: TO, text: 'x' }));
    expect(limited).toBeInstanceOf(WhatsAppRetryableError);
    expect(limited).toMatchObject({
      metaCode: 130429,
      httpStatus: 429,
      retryAfterSeconds: 7,
      outcomeUnknown: false,
    });

    const pairLimit = senderAnswering(() => json(400, metaError(131056)));
    expect(await rejectionOf(pairLimit.sender.sendText({ to: TO, text: 'x' }))).toBeInstanceOf(
      WhatsAppRetryableError,
    );

    const htmlOutage = senderAnswering(() => new Response('<html>Bad Gateway</html>', { status: 502 }));
    expect(await rejectionOf(htmlOutage.sender.sendText({ to: TO, text: 'x' }))).toMatchObject({
      name: 'WhatsAppRetryableError',
      httpStatus: 502,
    });
  });

  it('treats a timeout as retryable with an unknown outcome', async () => {
    const { sender } = senderAnswering(
      (call) =>
        new Promise<Response>((_resolve, reject) => {
          call.init.signal?.addEventListener('abort', () => reject(call.init.signal?.reason));
        }),
      50,
    );
    const error = await rejectionOf(sender.sendText({ to: TO, text: 'x' }));
    expect(error).toBeInstanceOf(WhatsAppRetryableError);
    expect(error).toMatchObject({ outcomeUnknown: true });
    expect((error as Error).message).toMatch(/within 50 ms/);
  });

  it('treats a refused connection as retryable and certainly not sent', async () => {
    const { sender } = senderAnswering(() => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      });
    });
    const error = await rejectionOf(sender.sendText({ to: TO, text: 'x' }));
    expect(error).toMatchObject({ name: 'WhatsAppRetryableError', outcomeUnknown: false });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('treats a 200 without a message id as retryable with an unknown outcome', async () => {
    const { sender } = senderAnswering(() => json(200, { messaging_product: 'whatsapp', messages: [] }));
    expect(await rejectionOf(sender.sendText({ to: TO, text: 'x' }))).toMatchObject({
      name: 'WhatsAppRetryableError',
      outcomeUnknown: true,
    });
  });

  it('does not call Meta for an invalid message', async () => {
    const { sender, calls } = senderAnswering(() => json(200, {}));
    const error = await rejectionOf(sender.sendInteractiveButtons({ to: TO, body: 'x', buttons: [] }));
    expect(error).toMatchObject({ name: 'WhatsAppPermanentError', reason: 'invalid_request' });
    expect(calls).toHaveLength(0);
  });

  it('downloads media in two authenticated calls and checks its hash', async () => {
    const bytes = new TextEncoder().encode('OggS voice');
    const { createHash } = await import('node:crypto');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const { sender, calls } = senderAnswering((call) =>
      call.url.endsWith('/v23.0/1003383421387256')
        ? json(200, {
            url: 'https://lookaside.example.test/m?mid=1',
            mime_type: 'audio/ogg',
            sha256,
            file_size: bytes.length,
            id: '1003383421387256',
          })
        : new Response(bytes, { status: 200, headers: { 'content-type': 'audio/ogg' } }),
    );
    const media = await sender.downloadMedia('1003383421387256');
    expect(new TextDecoder().decode(media.bytes)).toBe('OggS voice');
    expect(media.mimeType).toBe('audio/ogg');
    expect(calls.map((call) => call.url)).toEqual([
      'https://graph.example.test/v23.0/1003383421387256',
      'https://lookaside.example.test/m?mid=1',
    ]);
    expect(
      calls.every(
        (call) => (call.init.headers as Record<string, string>).authorization === 'Bearer token-123',
      ),
    ).toBe(true);
  });

  it('refuses media whose bytes do not match the hash, or that is too large', async () => {
    const corrupted = senderAnswering((call) =>
      call.url.includes('/v23.0/')
        ? json(200, {
            url: 'https://lookaside.example.test/m',
            mime_type: 'audio/ogg',
            sha256: 'ab'.repeat(32),
          })
        : new Response('other bytes'),
    );
    expect(await rejectionOf(corrupted.sender.downloadMedia('1'))).toBeInstanceOf(WhatsAppRetryableError);
    const huge = senderAnswering(() =>
      json(200, {
        url: 'https://lookaside.example.test/m',
        mime_type: 'audio/ogg',
        file_size: 100 * 1024 * 1024,
      }),
    );
    expect(await rejectionOf(huge.sender.downloadMedia('1'))).toMatchObject({ reason: 'invalid_request' });
    expect(await rejectionOf(huge.sender.downloadMedia('../etc'))).toMatchObject({
      reason: 'invalid_request',
    });
  });
});

describe('retryAfterOf', () => {
  it('reads seconds and HTTP dates, and ignores junk', () => {
    const now = Date.parse('2026-12-08T13:00:00Z');
    expect(retryAfterOf(new Headers({ 'retry-after': '30' }), now)).toBe(30);
    expect(retryAfterOf(new Headers({ 'retry-after': 'Tue, 08 Dec 2026 13:01:00 GMT' }), now)).toBe(60);
    expect(retryAfterOf(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterOf(new Headers(), now)).toBeUndefined();
  });
});
