import type { MemberRole } from '#domain/member-permissions';

/** Who called the API, from a verified access token (Cognito: `sub`, `username`, `cognito:groups`). */
export interface AuthenticatedMember {
  /** Cognito's immutable user id. */
  sub: string;
  /** The sign-in username (immutable in the pool): the member id audit entries name, as on WhatsApp. */
  username: string;
  role: MemberRole;
}

/** The token is missing, expired, badly signed, from another issuer or client, or not an access token. */
export class UnauthenticatedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnauthenticatedError';
  }
}

/** Verifies a bearer token the way the HTTP API's JWT authorizer does; throws `UnauthenticatedError`. */
export interface AccessTokenVerifier {
  verify(token: string): Promise<AuthenticatedMember>;
}
