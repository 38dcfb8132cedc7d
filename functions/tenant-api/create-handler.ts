import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { memberOfClaims } from '#adapters/auth/cognito-claims';
import { type AuthenticatedMember, UnauthenticatedError } from '#application/ports/access-token-verifier';
import { can } from '#domain/member-permissions';
import type { AppLogger } from '#logging/create-logger';
import { problems } from './problem';
import { matchRoute, type TenantApiDependencies } from './routes';

export type TenantApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

interface JwtAuthorizerContext {
  authorizer?: { jwt?: { claims?: Record<string, unknown> } };
}

/**
 * `/v1/...` behind the HTTP API's JWT authorizer: the token was verified before this runs (issuer, client,
 * signature, expiry); its claims name the member and their role. The role is checked against the route's
 * action here, once, before any read or write; a refused request changes nothing.
 */
export function createTenantApiHandler(deps: TenantApiDependencies, logger: AppLogger): TenantApiHandler {
  return async (event) => {
    const method = event.requestContext.http.method;
    const path = event.rawPath;
    let member: AuthenticatedMember;
    try {
      const claims = (event.requestContext as JwtAuthorizerContext).authorizer?.jwt?.claims;
      if (!claims) return problems.unauthorized();
      member = memberOfClaims(claims);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return problems.unauthorized();
      throw error;
    }
    const rate = await deps.rateLimiter?.take(member.sub, deps.clock.now());
    if (rate && !rate.allowed) {
      logger.info('tenant API request limited', { member: member.sub, path });
      return problems.tooManyRequests(rate.retryAfterSeconds);
    }
    const matched = matchRoute(method, path);
    if (!matched) return problems.noRoute(method, path);
    if (!can(member.role, matched.route.action)) {
      logger.info('tenant API request refused', { member: member.sub, role: member.role, path });
      return problems.forbidden(`The ${member.role} role may not ${matched.route.action.replace('_', ' ')}.`);
    }
    try {
      return await matched.route.handle(deps, {
        member,
        params: matched.params,
        query: event.queryStringParameters ?? {},
        ...(event.body != null && {
          body: event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body,
        }),
      });
    } catch (error) {
      logger.error('tenant API request failed', { member: member.sub, method, path, error });
      return problems.internal();
    }
  };
}
