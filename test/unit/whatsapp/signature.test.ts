import { describe, expect, it } from 'vitest';
import {
  rawBodyOf,
  signatureHeaderOf,
  signMetaPayload,
  verifyMetaSignature,
} from '#webhooks/whatsapp/signature';
import { bodyOf, loadWhatsAppEvent, SAMPLE_APP_SECRET } from './event-sample';

const SECRET = 'app-secret-1';

describe('verifyMetaSignature', () => {
  const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');

  it('accepts the signature Meta computes over the raw body', () => {
    expect(verifyMetaSignature(body, signMetaPayload(body, SECRET), [SECRET])).toBe(true);
  });

  it('rejects a signature that is not an HMAC of the body', () => {
    expect(verifyMetaSignature(body, `sha256=${'ab'.repeat(32)}`, [SECRET])).toBe(false);
  });

  it('rejects a missing, empty or malformed header', () => {
    const valid = signMetaPayload(body, SECRET);
    expect(verifyMetaSignature(body, undefined, [SECRET])).toBe(false);
    expect(verifyMetaSignature(body, '', [SECRET])).toBe(false);
    expect(verifyMetaSignature(body, valid.slice('sha256='.length), [SECRET])).toBe(false);
    expect(verifyMetaSignature(body, valid.slice(0, -2), [SECRET])).toBe(false);
    expect(verifyMetaSignature(body, `sha1=${valid.slice(7)}`, [SECRET])).toBe(false);
  });

  it('rejects a signature made with another secret', () => {
    expect(verifyMetaSignature(body, signMetaPayload(body, 'other-secret'), [SECRET])).toBe(false);
  });

  it('rejects a body changed by one byte', () => {
    const signature = signMetaPayload(body, SECRET);
    const tampered = Buffer.from(body);
    tampered[tampered.length - 2] = (tampered[tampered.length - 2] ?? 0) ^ 0x01;
    expect(verifyMetaSignature(tampered, signature, [SECRET])).toBe(false);
  });

  it('accepts any of the active secrets while one is being rotated', () => {
    const signature = signMetaPayload(body, 'new-secret');
    expect(verifyMetaSignature(body, signature, ['old-secret', 'new-secret'])).toBe(true);
    expect(verifyMetaSignature(body, signature, ['old-secret'])).toBe(false);
  });

  it('never accepts with no secret or an empty secret configured', () => {
    expect(verifyMetaSignature(body, signMetaPayload(body, ''), [''])).toBe(false);
    expect(verifyMetaSignature(body, signMetaPayload(body, SECRET), [])).toBe(false);
  });

  it('accepts upper-case hex and surrounding whitespace in the header', () => {
    const signature = signMetaPayload(body, SECRET);
    expect(verifyMetaSignature(body, ` sha256=${signature.slice(7).toUpperCase()} `, [SECRET])).toBe(true);
  });

  it('verifies escaped unicode only on the raw bytes: re-serialised JSON fails', () => {
    const raw = bodyOf('text-message');
    expect(raw).toContain('Jo\\u00e3o');
    expect(raw).toContain('\\ud83d\\ude4f');
    expect(raw).toContain('10\\/12');
    const signature = signMetaPayload(raw, SAMPLE_APP_SECRET);
    expect(verifyMetaSignature(Buffer.from(raw, 'utf8'), signature, [SAMPLE_APP_SECRET])).toBe(true);

    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(reserialised).toContain('João');
    expect(verifyMetaSignature(Buffer.from(reserialised, 'utf8'), signature, [SAMPLE_APP_SECRET])).toBe(
      false,
    );
  });

  it('verifies a body with literal UTF-8 emoji and accents byte for byte', () => {
    const raw = Buffer.from('{"text":{"body":"Pagou? 👍 ação"}}', 'utf8');
    const signature = signMetaPayload(raw, SECRET);
    expect(verifyMetaSignature(raw, signature, [SECRET])).toBe(true);
    const latin1 = Buffer.from(raw.toString('utf8'), 'latin1');
    expect(verifyMetaSignature(latin1, signature, [SECRET])).toBe(false);
  });
});

describe('rawBodyOf', () => {
  it('decodes a base64-encoded API Gateway body to the bytes Meta signed', () => {
    const event = loadWhatsAppEvent('text-message-base64');
    expect(event.isBase64Encoded).toBe(true);
    const raw = rawBodyOf(event);
    expect(raw.toString('utf8')).toBe(bodyOf('text-message'));
    expect(verifyMetaSignature(raw, signatureHeaderOf(event.headers), [SAMPLE_APP_SECRET])).toBe(true);
  });

  it('fails verification when a base64 body is treated as text', () => {
    const event = loadWhatsAppEvent('text-message-base64');
    const wrong = rawBodyOf({ body: event.body, isBase64Encoded: false });
    expect(verifyMetaSignature(wrong, signatureHeaderOf(event.headers), [SAMPLE_APP_SECRET])).toBe(false);
  });

  it('keeps a plain body as its UTF-8 bytes and an absent body as empty', () => {
    expect(rawBodyOf({ body: 'ação', isBase64Encoded: false })).toEqual(Buffer.from('ação', 'utf8'));
    expect(rawBodyOf({})).toHaveLength(0);
  });
});

describe('signatureHeaderOf', () => {
  it('finds the header whatever its case', () => {
    expect(signatureHeaderOf({ 'X-Hub-Signature-256': 'sha256=1' })).toBe('sha256=1');
    expect(signatureHeaderOf({ 'x-hub-signature-256': 'sha256=2' })).toBe('sha256=2');
    expect(signatureHeaderOf({ 'x-hub-signature': 'sha1=3' })).toBeUndefined();
    expect(signatureHeaderOf(undefined)).toBeUndefined();
  });
});
