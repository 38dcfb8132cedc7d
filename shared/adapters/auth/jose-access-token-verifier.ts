import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import {
  type AccessTokenVerifier,
  type AuthenticatedMember,
  UnauthenticatedError,
} from '#application/ports/access-token-verifier';
import { memberOfClaims } from './cognito-claims';

/**
 * The checks API Gateway's JWT authorizer applies to a Cognito access token, as one settings object the
 * stack (authorizer) and the local cloud (this verifier) both derive from: RS256 signature by the pool's
 * JWKS, `iss` = the pool, `client_id` one of the app clients (Cognito access tokens carry no `aud`), not
 * expired (no clock skew allowed beyond 5 s), and `token_use` = `access`.
 */
export interface AccessTokenSettings {
  issuer: string;
  clientIds: readonly string[];
}

export const ALLOWED_CLOCK_SKEW_SECONDS = 5;

export class JoseAccessTokenVerifier implements AccessTokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(
    private readonly settings: AccessTokenSettings,
    keys: { jwks: JSONWebKeySet } | { jwksUrl: string },
    private readonly now: () => Date = () => new Date(),
  ) {
    this.keys = 'jwks' in keys ? createLocalJWKSet(keys.jwks) : createRemoteJWKSet(new URL(keys.jwksUrl));
  }

  async verify(token: string): Promise<AuthenticatedMember> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        algorithms: ['RS256'],
        clockTolerance: ALLOWED_CLOCK_SKEW_SECONDS,
        currentDate: this.now(),
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      throw new UnauthenticatedError('the access token did not verify', { cause: error });
    }
    const clientId = payload.client_id ?? payload.aud;
    if (typeof clientId !== 'string' || !this.settings.clientIds.includes(clientId)) {
      throw new UnauthenticatedError('the access token is for another client');
    }
    if (payload.token_use !== 'access') throw new UnauthenticatedError('not an access token');
    return memberOfClaims(payload);
  }
}
