import { createHash, timingSafeEqual } from 'node:crypto';

export type SubscriptionHandshakeResult = { ok: true; challenge: string } | { ok: false };

/**
 * Meta's webhook verification request: `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`.
 * Answer 200 with the challenge as plain text when the token matches, 403 otherwise.
 */
export function answerSubscriptionHandshake(
  query: Record<string, string | undefined> | undefined,
  verifyToken: string,
): SubscriptionHandshakeResult {
  const mode = query?.['hub.mode'];
  const token = query?.['hub.verify_token'];
  const challenge = query?.['hub.challenge'];
  if (mode !== 'subscribe' || token === undefined || !challenge || verifyToken.length === 0)
    return { ok: false };
  return sameSecret(token, verifyToken) ? { ok: true, challenge } : { ok: false };
}

/** Constant-time equality of two strings of any length (compares their SHA-256 digests). */
function sameSecret(received: string, expected: string): boolean {
  const a = createHash('sha256').update(received).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
