import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { DynamoDbContactRepository } from '#adapters/dynamodb/dynamodb-contact-repository';
import { LOCAL_USER_POOL, LocalIssuer } from '#infra/local/auth/local-issuer';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { aContact } from '#test/support/dynamodb-fixtures';

/**
 * Issue 14's security suite for the routes the tenant API serves today, on the local cloud (the local JWT
 * authorizer in front of the real `tenant-api` handler): every route × every role, and every kind of bad
 * token → 401 with nothing invoked; another tenant's ids → 404.
 */
const ROUTES = ['/v1/contacts', '/v1/contacts/joao-silva', '/v1/statements/joao-silva'] as const;
const MEMBERS = ['ana', 'bruno', 'carla'] as const;

describe('tenant API authentication and tenancy', () => {
  let cloud: LocalCloud;
  const tokens: Record<string, string> = {};

  const call = (path: string, token?: string) =>
    fetch(`${cloud.apiUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0, dynamoDbEndpoint: inject('dynamoDbEndpoint') });
    for (const username of MEMBERS) {
      const response = await fetch(`${cloud.apiUrl}/_local/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username }),
      });
      expect(response.status).toBe(200);
      tokens[username] = ((await response.json()) as { access_token: string }).access_token;
    }
  }, 120_000);
  afterAll(async () => {
    await cloud?.stop();
  });

  it.each(MEMBERS.flatMap((member) => ROUTES.map((route) => [member, route] as const)))(
    '%s reads %s',
    async (member, route) => {
      const response = await call(route, tokens[member]);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
    },
  );

  it('serves the statement of the contact asked for', async () => {
    const body = (await (await call('/v1/statements/joao-silva', tokens.carla)).json()) as {
      contact: { id: string; name: string };
      totals: { openBalanceCents: number };
    };
    expect(body.contact).toEqual({ id: 'joao-silva', name: 'João Silva' });
    expect(body.totals.openBalanceCents).toBe(0);
  });

  it('refuses an unknown demo member at the sign-in', async () => {
    const response = await fetch(`${cloud.apiUrl}/_local/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'mallory' }),
    });
    expect(response.status).toBe(404);
  });

  describe('bad tokens are 401 before the function runs', () => {
    const badTokens: Record<string, () => Promise<string | undefined>> = {
      'no token': async () => undefined,
      expired: () =>
        cloud.issuer.accessToken({
          username: 'ana',
          role: 'owner',
          issuedAt: new Date(Date.now() - 2 * 3_600_000),
        }),
      'wrong signature (same issuer and client, another key)': async () =>
        (await LocalIssuer.create()).accessToken({ username: 'ana', role: 'owner' }),
      "another tenant's user pool (issuer)": async () =>
        (await LocalIssuer.create({ ...LOCAL_USER_POOL, userPoolId: 'us-east-1_OtherTenant' })).accessToken({
          username: 'ana',
          role: 'owner',
        }),
      'another app client (audience)': () =>
        cloud.issuer.accessToken({
          username: 'ana',
          role: 'owner',
          extraClaims: { client_id: 'other-client' },
        }),
      'an id token instead of an access token': () =>
        cloud.issuer.accessToken({ username: 'ana', role: 'owner', extraClaims: { token_use: 'id' } }),
      'tampered claims (viewer made owner, signature kept)': async () => {
        const [header, payload, signature] = (tokens.carla ?? '').split('.');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
        claims['cognito:groups'] = ['owner'];
        return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
      },
      'a member in no role group': () =>
        cloud.issuer.accessToken({ username: 'ana', role: 'owner', extraClaims: { 'cognito:groups': [] } }),
    };
    it.each(Object.keys(badTokens).flatMap((kind) => ROUTES.map((route) => [kind, route] as const)))(
      '%s → 401 on %s',
      async (kind, route) => {
        const token = await badTokens[kind]?.();
        const response = await call(route, token);
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
      },
    );
  });

  it("answers 404 for another tenant's contact and for an unknown one, as problem+json", async () => {
    const client = createDocumentClient(
      new DynamoDBClient({
        endpoint: cloud.urls.dynamoDb,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    );
    await new DynamoDbContactRepository(cloud.tableName, client).create(
      aContact('other-tenant', { contactId: 'foreign-contact' }),
    );
    for (const path of [
      '/v1/contacts/foreign-contact',
      '/v1/statements/foreign-contact',
      '/v1/contacts/nobody',
    ]) {
      const response = await call(path, tokens.ana);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 404, title: 'Not Found' });
    }
    const list = (await (await call('/v1/contacts', tokens.ana)).json()) as { data: { id: string }[] };
    expect(list.data.map((contact) => contact.id)).not.toContain('foreign-contact');
  });

  it('answers an unknown route with a problem, not a function error', async () => {
    const response = await call('/v1/nothing-here', tokens.ana);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
