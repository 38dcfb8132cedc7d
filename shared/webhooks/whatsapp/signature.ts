import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header Meta signs webhook deliveries with. Node lower-cases incoming header names. */
export const META_SIGNATURE_HEADER = 'x-hub-signature-256';

const SIGNATURE_PATTERN = /^sha256=([0-9a-f]{64})$/i;

/**
 * HMAC-SHA256 of the exact bytes Meta sent, keyed with the app secret, as Meta writes it in
 * `X-Hub-Signature-256` (`sha256=<lowercase hex>`). Used by the simulator and by tests.
 */
export function signMetaPayload(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * True when `header` is a valid signature of `rawBody` under any of `appSecrets` (more than one while a
 * secret is being rotated). Always verify the raw bytes: Meta signs its escaped-unicode serialisation
 * (`"Jo\u00e3o"`), so re-serialising the parsed JSON produces different bytes and a different HMAC.
 * Compares in constant time; every secret is tried so timing does not reveal which one matched.
 */
export function verifyMetaSignature(
  rawBody: Buffer,
  header: string | undefined,
  appSecrets: string[],
): boolean {
  const match = header === undefined ? null : SIGNATURE_PATTERN.exec(header.trim());
  if (!match?.[1]) return false;
  const received = Buffer.from(match[1], 'hex');
  let valid = false;
  for (const secret of appSecrets) {
    if (secret.length === 0) continue;
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    if (expected.length === received.length && timingSafeEqual(expected, received)) valid = true;
  }
  return valid;
}

/**
 * The raw request bytes of an API Gateway (HTTP API, payload v2) event. API Gateway base64-encodes bodies it
 * does not consider text (`isBase64Encoded: true`); decoding them is what gives back the bytes Meta signed.
 */
export function rawBodyOf(event: { body?: string | null; isBase64Encoded?: boolean }): Buffer {
  if (event.body === undefined || event.body === null) return Buffer.alloc(0);
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

/** Reads the signature header from API Gateway's (already lower-cased) header map, case-insensitively. */
export function signatureHeaderOf(
  headers: Record<string, string | undefined> | undefined,
): string | undefined {
  if (!headers) return undefined;
  const direct = headers[META_SIGNATURE_HEADER];
  if (direct !== undefined) return direct;
  const key = Object.keys(headers).find((name) => name.toLowerCase() === META_SIGNATURE_HEADER);
  return key === undefined ? undefined : headers[key];
}
