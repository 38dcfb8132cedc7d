import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { JoseAccessTokenVerifier } from '#adapters/auth/jose-access-token-verifier';
import { DynamoDbUserRepository } from '#adapters/dynamodb/dynamodb-user-repository';
import { UnauthenticatedError } from '#application/ports/access-token-verifier';
import { memberIdOf } from '#application/ports/user-repository';
import type { MemberRole } from '#domain/member-permissions';
import { PUBLIC_PATHS } from '#functions/tenant-api/public-paths';
import { toApiGatewayEvent, writeApiGatewayResult } from './api-gateway-event';
import type { LocalIssuer } from './auth/local-issuer';
import { DEMO_TENANT } from './demo-tenant';
import { createLambdaContext, invokeLocalHandler, type LocalLambdaHandler } from './emulators';
import { parseJsonObject, readBody, sendJson } from './http-io';
import { functionArn } from './local-cloud-names';

/**
 * What the HTTP API does in front of `/v1` in AWS, locally: the JWT authorizer (the same checks, with the
 * local issuer's JWKS, issuer and client id) answers 401 itself, without invoking anything, when the token
 * does not verify; otherwise the tenant API function gets the event with `requestContext.authorizer.jwt`,
 * its claims flattened to strings as API Gateway does. `POST /_local/auth/token {"username"}` signs in a
 * member of the demo tenant (Cognito's hosted sign-in, locally): the user list is the tenant's members in the
 * table (seeded Ana, Bruno, Carla, and whoever an owner added), username = member id, group = role.
 */
export class LocalTenantApiGateway {
  private readonly verifier: JoseAccessTokenVerifier;

  constructor(
    readonly issuer: LocalIssuer,
    private readonly log: (line: string) => void,
    private readonly members: () => Promise<LocalMemberAccount[]>,
  ) {
    this.verifier = new JoseAccessTokenVerifier(issuer.settings, { jwks: issuer.jwks });
  }

  async issueToken(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = parseJsonObject(await readBody(request));
    const members = await this.members();
    const member = members.find((candidate) => candidate.username === body.username);
    if (!member) {
      return sendJson(response, 404, {
        message: `no such member; use one of ${members.map((m) => m.username).join(', ')}`,
      });
    }
    const accessToken = await this.issuer.accessToken({ username: member.username, role: member.role });
    sendJson(response, 200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 3_600,
      member: { username: member.username, name: member.name, role: member.role, phone: member.phone },
    });
  }

  async invoke(
    request: IncomingMessage,
    response: ServerResponse,
    handler: LocalLambdaHandler | undefined,
  ): Promise<void> {
    const body = await readBody(request);
    const authorization = request.headers.authorization ?? '';
    const token = /^Bearer (\S+)$/i.exec(authorization)?.[1];
    // The stack routes GET /v1/openapi.json and /docs without the authorizer.
    const open = request.method === 'GET' && PUBLIC_PATHS.includes((request.url ?? '/').split('?')[0] ?? '');
    let claims: Record<string, unknown> | undefined;
    if (!open) {
      try {
        if (!token) throw new UnauthenticatedError('no bearer token');
        await this.verifier.verify(token);
        claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
      } catch (error) {
        if (!(error instanceof UnauthenticatedError)) throw error;
        response.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
        response.end(JSON.stringify({ message: 'Unauthorized' }));
        return;
      }
    }
    if (!handler)
      return sendJson(response, 503, { message: 'functions/tenant-api/handler.ts is not available' });
    const method = request.method ?? 'GET';
    const event = toApiGatewayEvent(
      {
        method,
        url: request.url ?? '/',
        headers: request.headers,
        body,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
      },
      'ANY /v1/{proxy+}',
    );
    const withAuthorizer: APIGatewayProxyEventV2 = {
      ...event,
      requestContext: {
        ...event.requestContext,
        ...(claims ? { authorizer: { jwt: { claims: flattenClaims(claims), scopes: [] } } } : {}),
      } as APIGatewayProxyEventV2['requestContext'],
    };
    const context = createLambdaContext({ functionName: functionArn('tenant-api'), timeoutMs: 29_000 });
    try {
      writeApiGatewayResult(response, await invokeLocalHandler(handler, withAuthorizer, context));
    } catch (error) {
      this.log(`tenant-api threw: ${error instanceof Error ? error.message : String(error)}`);
      sendJson(response, 500, { message: 'Internal Server Error' });
    }
  }
}

/** A sign-in account of the local issuer's user list. */
export interface LocalMemberAccount {
  username: string;
  name: string;
  role: MemberRole;
  phone: string;
}

/** The local issuer's user list: the demo tenant's members in the table (username = member id). */
export function membersInTable(
  tableName: string,
  client: DynamoDBDocumentClient,
): () => Promise<LocalMemberAccount[]> {
  const users = new DynamoDbUserRepository(tableName, client);
  return async () =>
    (await users.list(DEMO_TENANT.tenantId)).map((user) => ({
      username: memberIdOf(user),
      name: user.name,
      role: user.role,
      phone: user.phone,
    }));
}

/** API Gateway's JWT authorizer passes every claim as a string; arrays as `[a b]`. */
function flattenClaims(claims: Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    flat[name] = Array.isArray(value) ? `[${value.join(' ')}]` : String(value);
  }
  return flat;
}
