import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { headerOf, isRecord } from '#simulators/http-io';

/**
 * Paytime's authentication as the simulator plays it: `POST /v1/auth/login` with `integration-key`,
 * `authentication-key` and `x-token` (as headers, or as a JSON body with the same names) returns a
 * JWT-shaped Bearer token and `expires_in`; every other call needs `Authorization: Bearer <token>` plus the
 * `integration-key` and `x-token` headers. Tokens are opaque to the simulator (not signed): it remembers
 * what it issued.
 */

export interface PaytimeSimulatorCredentials {
  integrationKey: string;
  authenticationKey: string;
  xToken: string;
}

export const DEFAULT_SIMULATOR_CREDENTIALS: PaytimeSimulatorCredentials = {
  integrationKey: 'sim-integration-key',
  authenticationKey: 'sim-authentication-key',
  xToken: 'sim-x-token',
};

export type AuthCheck = { ok: true } | { ok: false; message: string };

export class SimulatorAuth {
  private readonly tokens = new Map<string, number>();
  loginCount = 0;

  constructor(
    private readonly credentials: PaytimeSimulatorCredentials,
    private readonly tokenTtlSeconds: number,
    private readonly nowMs: () => number,
  ) {}

  /** Checks the login credentials; issues a token when they match. */
  login(request: IncomingMessage, body: unknown): { token: string; expiresIn: number } | undefined {
    const fromBody = isRecord(body) ? body : {};
    const read = (name: string) => headerOf(request, name) ?? stringOf(fromBody[name]);
    const matches =
      same(read('integration-key'), this.credentials.integrationKey) &&
      same(read('authentication-key'), this.credentials.authenticationKey) &&
      same(read('x-token'), this.credentials.xToken);
    if (!matches) return undefined;
    this.loginCount += 1;
    const expiresAtMs = this.nowMs() + this.tokenTtlSeconds * 1000;
    const token = jwtShaped(expiresAtMs);
    this.tokens.set(token, expiresAtMs);
    return { token, expiresIn: this.tokenTtlSeconds };
  }

  /** Checks the Bearer token and the two credential headers of an API call. */
  check(request: IncomingMessage): AuthCheck {
    if (!same(headerOf(request, 'integration-key'), this.credentials.integrationKey)) {
      return { ok: false, message: 'integration-key inválida' };
    }
    if (!same(headerOf(request, 'x-token'), this.credentials.xToken)) {
      return { ok: false, message: 'x-token inválido' };
    }
    const match = /^Bearer\s+(\S+)$/i.exec(headerOf(request, 'authorization') ?? '');
    const expiresAtMs = match?.[1] ? this.tokens.get(match[1]) : undefined;
    if (expiresAtMs === undefined) return { ok: false, message: 'Token inválido' };
    if (expiresAtMs <= this.nowMs()) return { ok: false, message: 'Token expirado' };
    return { ok: true };
  }

  /** Every token issued so far is refused from now on (forces clients to log in again). */
  revokeAll(): void {
    this.tokens.clear();
  }

  reset(): void {
    this.tokens.clear();
    this.loginCount = 0;
  }
}

function jwtShaped(expiresAtMs: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = part({ alg: 'HS256', typ: 'JWT' });
  const payload = part({
    sub: 'paytime-simulator',
    exp: Math.floor(expiresAtMs / 1000),
    jti: randomBytes(8).toString('hex'),
  });
  return `${header}.${payload}.${randomBytes(16).toString('base64url')}`;
}

function same(actual: string | undefined, expected: string): boolean {
  if (actual === undefined) return false;
  const a = Buffer.from(actual);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
