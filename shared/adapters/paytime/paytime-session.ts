import type { RetryPolicy } from 'cockatiel';
import {
  BillingProviderAuthError,
  BillingProviderUnavailableError,
} from '#application/ports/billing-provider';
import type { Clock } from '#application/ports/clock';
import { errorForReply, isSuccess, type PaytimeHttp } from './paytime-http';

/**
 * Paytime's Bearer token: `POST /v1/auth/login` with the three credentials, cached until shortly before it
 * expires, refreshed by one shared login when several calls need it at once, dropped when Paytime answers
 * 401 so the next call logs in again.
 *
 * The credentials go both as headers (`integration-key`, `authentication-key`, `x-token`) and as a JSON body
 * with the same names: integrators disagree on which one Paytime reads, and sending both costs nothing.
 * Expiry: `expires_in` (seconds) or `expires_at` when the response has them, else the token's JWT `exp`
 * claim, else `defaultTokenTtlMs`.
 */

export interface PaytimeCredentials {
  integrationKey: string;
  authenticationKey: string;
  xToken: string;
}

export interface PaytimeSessionOptions {
  /** Log in again this long before the token expires. */
  refreshMarginMs: number;
  /** Token lifetime assumed when the login response says nothing about it. */
  defaultTokenTtlMs: number;
}

interface CachedToken {
  token: string;
  expiresAtMs: number;
}

export class PaytimeSession {
  private cached: CachedToken | undefined;
  private inFlight: Promise<CachedToken> | undefined;

  constructor(
    private readonly http: PaytimeHttp,
    private readonly credentials: PaytimeCredentials,
    private readonly clock: Clock,
    private readonly retry: RetryPolicy,
    private readonly options: PaytimeSessionOptions,
  ) {}

  /** The headers every authenticated call carries. */
  credentialHeaders(): Record<string, string> {
    return { 'integration-key': this.credentials.integrationKey, 'x-token': this.credentials.xToken };
  }

  /** A token valid for at least `refreshMarginMs` more. */
  async token(): Promise<string> {
    const cached = this.cached;
    if (cached && cached.expiresAtMs - this.options.refreshMarginMs > this.clock.now().getTime()) {
      return cached.token;
    }
    if (!this.inFlight) {
      this.inFlight = this.login().finally(() => {
        this.inFlight = undefined;
      });
    }
    return (await this.inFlight).token;
  }

  /** Forget `token` (Paytime refused it); a newer token fetched meanwhile is kept. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private async login(): Promise<CachedToken> {
    const { integrationKey, authenticationKey, xToken } = this.credentials;
    const reply = await this.retry
      .execute(async () => {
        const result = await this.http.exchange({
          method: 'POST',
          path: 'v1/auth/login',
          headers: {
            'integration-key': integrationKey,
            'authentication-key': authenticationKey,
            'x-token': xToken,
          },
          body: {
            'integration-key': integrationKey,
            'authentication-key': authenticationKey,
            'x-token': xToken,
          },
        });
        if (isSuccess(result)) return result;
        const error = errorForReply(result, 'GET', 'login');
        if (result.status === 400 || result.status === 404 || result.status === 422) {
          throw new BillingProviderAuthError(error.message, { httpStatus: result.status });
        }
        throw error;
      })
      .catch((error: unknown) => {
        // A login never creates anything: whatever failed, the outcome of the caller's operation is known.
        if (error instanceof BillingProviderUnavailableError && error.outcomeUnknown) {
          throw new BillingProviderUnavailableError(error.message, {
            cause: error,
            httpStatus: error.httpStatus,
          });
        }
        throw error;
      });
    const token = tokenOf(reply.json);
    if (!token) throw new BillingProviderUnavailableError('Paytime login answered without a token');
    const nowMs = this.clock.now().getTime();
    const cached = {
      token,
      expiresAtMs: expiryOf(reply.json, token, nowMs) ?? nowMs + this.options.defaultTokenTtlMs,
    };
    this.cached = cached;
    return cached;
  }
}

function tokenOf(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const body = json as Record<string, unknown>;
  for (const key of ['token', 'access_token']) {
    const value = body[key];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return undefined;
}

function expiryOf(json: unknown, token: string, nowMs: number): number | undefined {
  const body = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const expiresIn = body.expires_in;
  if (typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0) {
    return nowMs + expiresIn * 1000;
  }
  const expiresAt = body.expires_at;
  if (typeof expiresAt === 'string') {
    const at = Date.parse(expiresAt);
    if (!Number.isNaN(at)) return at;
  }
  if (typeof expiresAt === 'number' && Number.isFinite(expiresAt)) {
    return expiresAt < 1e12 ? expiresAt * 1000 : expiresAt; // epoch seconds or milliseconds
  }
  return jwtExpiryMs(token);
}

/** The `exp` claim (seconds) of a JWT, without verifying it: only used to know when to log in again. */
export function jwtExpiryMs(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
