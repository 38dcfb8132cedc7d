import { createHash, timingSafeEqual } from 'node:crypto';
import type { BasicCredential } from '#config/paytime-webhook-config';

/**
 * HTTP Basic auth of Paytime's (otherwise unsigned) webhooks, in constant time: the presented `user:password`
 * and every accepted pair are hashed to equal-length digests and ALL are compared (no early exit), so neither
 * the position of a match nor a length tells an attacker anything. Two pairs are accepted while rotating.
 */
export function basicAuthMatches(header: string | undefined, accepted: readonly BasicCredential[]): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header ?? '');
  const presented = digest(match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '\u0000');
  let ok = false;
  for (const credential of accepted) {
    const equal = timingSafeEqual(presented, digest(`${credential.user}:${credential.password}`));
    ok = equal || ok;
  }
  return match !== null && ok;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** API Gateway (HTTP API, payload 2.0) lower-cases header names; REST and tests may not. */
export function headerOf(
  headers: Record<string, string | undefined> | undefined,
  name: string,
): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
