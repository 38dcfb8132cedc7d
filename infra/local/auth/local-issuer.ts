import { createHash, randomUUID } from 'node:crypto';
import { type CryptoKey, exportJWK, generateKeyPair, type JSONWebKeySet, SignJWT } from 'jose';
import type { AccessTokenSettings } from '#adapters/auth/jose-access-token-verifier';
import type { MemberRole } from '#domain/member-permissions';

/**
 * The local cloud's stand-in for a tenant-stage Cognito user pool: an RS256 key pair made at start, its JWKS,
 * and access tokens with the claims Cognito puts in one (`sub`, `cognito:groups`, `iss`, `client_id`,
 * `token_use`, `scope`, `auth_time`, `iat`, `exp`, `jti`, `username`). The issuer has Cognito's URL shape.
 */

export const LOCAL_USER_POOL = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_IrisDemoLocal',
  clientId: 'iris-local-console',
} as const;

export const ACCESS_TOKEN_LIFETIME_SECONDS = 3_600;

export function cognitoIssuer(region: string, userPoolId: string): string {
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

export interface TokenRequest {
  username: string;
  role: MemberRole;
  /** Default: now. */
  issuedAt?: Date;
  lifetimeSeconds?: number;
  /** Claims to add or override (tests: tampering, other clients). */
  extraClaims?: Record<string, unknown>;
}

export class LocalIssuer {
  private constructor(
    readonly settings: AccessTokenSettings,
    readonly jwks: JSONWebKeySet,
    private readonly privateKey: CryptoKey,
    private readonly kid: string,
  ) {}

  static async create(
    pool: { region: string; userPoolId: string; clientId: string } = LOCAL_USER_POOL,
  ): Promise<LocalIssuer> {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomUUID();
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    return new LocalIssuer(
      { issuer: cognitoIssuer(pool.region, pool.userPoolId), clientIds: [pool.clientId] },
      { keys: [jwk] },
      privateKey,
      kid,
    );
  }

  /** Cognito's `sub` is a UUID per user; here a stable one derived from the pool and the username. */
  subOf(username: string): string {
    const hex = createHash('sha256').update(`${this.settings.issuer}|${username}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  async accessToken(request: TokenRequest): Promise<string> {
    const issuedAt = Math.floor((request.issuedAt ?? new Date()).getTime() / 1000);
    const lifetime = request.lifetimeSeconds ?? ACCESS_TOKEN_LIFETIME_SECONDS;
    return new SignJWT({
      sub: this.subOf(request.username),
      'cognito:groups': [request.role],
      iss: this.settings.issuer,
      client_id: this.settings.clientIds[0],
      origin_jti: randomUUID(),
      event_id: randomUUID(),
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: issuedAt,
      iat: issuedAt,
      exp: issuedAt + lifetime,
      jti: randomUUID(),
      username: request.username,
      ...request.extraClaims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid })
      .sign(this.privateKey);
  }
}
