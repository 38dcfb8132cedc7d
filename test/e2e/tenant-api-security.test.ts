import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbContactRepository } from '#adapters/dynamodb/dynamodb-contact-repository';
import { can } from '#domain/member-permissions';
import type { Route } from '#functions/tenant-api/route-table';
import { ROUTES } from '#functions/tenant-api/routes';
import { LOCAL_USER_POOL, LocalIssuer } from '#infra/local/auth/local-issuer';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { aContact } from '#test/support/dynamodb-fixtures';
import { seedLedgerEntry, seedRequestedBoleto, validCpf } from '#test/support/tenant-api-fixtures';
import {
  apiCaller,
  DEMO_MEMBERS,
  type DemoRole,
  partitionsSnapshot,
  signInAll,
  tableClient,
} from '#test/support/tenant-api-session';

/**
 * Issue 14's security suite, driven by the route table (`functions/tenant-api/routes.ts`), so a new route is
 * covered the day it is declared. On the local cloud (the local JWT authorizer in front of the real
 * `tenant-api` handler): every route × every kind of bad token → 401 with nothing written; every route × every
 * role → 403 with nothing written where the permission matrix says no, and past the role check where it says
 * yes (reads answer 200; writes are sent with unknown ids or an empty body, so they stop at validation: their
 * 2xx by role is in tenant-api-writes.test.ts and team/members-api.test.ts); another tenant's ids → 404.
 */
const ROLES = Object.keys(DEMO_MEMBERS) as DemoRole[];
const SEEDED_BOLETO = 'security-boleto';
const SEEDED_ENTRY = 'security-entry';

interface SampleRequest {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
}

/** A request the route would carry out for a member allowed to: refusals must be what stops it. */
const SAMPLES: Record<string, SampleRequest> = {
  'POST /v1/imports': { body: { filename: 'carteira.csv', contentType: 'text/csv' } },
  'POST /v1/contacts': {
    body: { name: 'Cliente Novo', phone: '+5511977770101', taxId: validCpf(123456789) },
  },
  'PATCH /v1/contacts/{id}': { params: { id: 'joao-silva' }, body: { email: 'joao.novo@example.com' } },
  'DELETE /v1/contacts/{id}': { params: { id: 'maria-souza' } },
  'POST /v1/boletos': { body: { contactId: 'joao-silva', amountCents: 10_000, dueDate: '2099-01-10' } },
  'GET /v1/boletos/{id}': { params: { id: SEEDED_BOLETO } },
  'POST /v1/boletos/{id}/cancel': { params: { id: SEEDED_BOLETO } },
  'GET /v1/payments': { query: 'contact=joao-silva' },
  'GET /v1/ledger': { query: 'month=2026-11' },
  'POST /v1/ledger': {
    body: { kind: 'expense', amountCents: 4_500, date: '2026-11-04', description: 'mercado' },
  },
  'POST /v1/ledger/{id}/reversal': { params: { id: SEEDED_ENTRY }, body: { date: '2026-11-03' } },
  'GET /v1/exports/ledger.csv': { query: 'month=2026-11' },
  'GET /v1/exports/payments.csv': { query: 'contact=joao-silva' },
  'GET /v1/exports/statement.csv': { query: 'contact=joao-silva' },
  'POST /v1/members': { body: { name: 'Davi', role: 'operator', phone: '+5511999990009' } },
  'DELETE /v1/members/{id}': { params: { id: 'carla' } },
  'GET /v1/collection-templates/{degree}': { params: { degree: '2' } },
  'PUT /v1/collection-templates/{degree}': {
    params: { degree: '4' },
    body: { subject: 'Aviso final: {{nome_conta}}', text: 'Prezado(a) {{nome_contato}},\n{{faturas}}' },
  },
};

const keyOf = (route: Route) => `${route.method} ${route.path}`;

/** The route's path with its parameters filled (the sample's, else a contact that exists). */
function pathOf(route: Route, params: Record<string, string> = {}, query?: string): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? 'joao-silva');
  return query ? `${path}?${query}` : path;
}

describe('tenant API security, every route', () => {
  let cloud: LocalCloud;
  let client: DynamoDBDocumentClient;
  let tokens: Record<DemoRole, string>;
  let call: ReturnType<typeof apiCaller>;
  const badTokens: Record<string, string | undefined> = {};

  /**
   * Every partition a route could write and Paytime's boletos. A 401 must not even count against a member's
   * rate window; an authenticated request is counted (by design, before the route runs), so the role checks
   * leave the rate windows out.
   */
  const everything = async (rateWindows = true) => {
    const members = rateWindows ? Object.values(DEMO_MEMBERS) : [];
    const subs = members.map((username) => cloud.issuer.subOf(username));
    const table = await partitionsSnapshot(client, cloud.tableName, [
      'T#demo#CONTACTS',
      'T#demo#TENANT',
      'T#demo#IDEMPOTENCY',
      'T#demo#EMAIL_TEMPLATES',
      'T#demo#AR_UPLOADS',
      'T#demo#AR_IMPORTS',
      'T#demo#LEDGER#2026-11',
      `T#demo#BOLETO#${SEEDED_BOLETO}`,
      'T#demo#STATEMENT#joao-silva',
      ...subs.map((sub) => `T#demo#RATE#${sub}`),
    ]);
    const paytime = cloud.simulators.paytime.controls.boletos().length;
    return `${table}|paytime:${paytime}`;
  };

  const send = (route: Route, token: string | undefined, sample: SampleRequest = {}) =>
    fetch(`${cloud.apiUrl}${pathOf(route, sample.params, sample.query)}`, {
      method: route.method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(sample.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(sample.body === undefined ? {} : { body: JSON.stringify(sample.body) }),
    });

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    client = tableClient(cloud);
    tokens = await signInAll(cloud);
    call = apiCaller(cloud);
    await seedRequestedBoleto(client, cloud.tableName, {
      boletoId: SEEDED_BOLETO,
      contactId: 'joao-silva',
      now: cloud.clock.now(),
    });
    await seedLedgerEntry(client, cloud.tableName, SEEDED_ENTRY);
    // An import opened (not uploaded): reads of it answer 200; its start is what the roles are tried on.
    const opened = await call('/v1/imports', {
      method: 'POST',
      token: tokens.owner,
      body: { filename: 'seguranca.csv', contentType: 'text/csv' },
    });
    const importId = String(opened.body.importId);
    SAMPLES['GET /v1/imports/{id}'] = { params: { id: importId } };
    SAMPLES['POST /v1/imports/{id}/start'] = { params: { id: importId } };
    const owner = { username: 'ana', role: 'owner' as const };
    const [header, payload, signature] = tokens.viewer.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
    claims['cognito:groups'] = ['owner'];
    Object.assign(badTokens, {
      'no token': undefined,
      expired: await cloud.issuer.accessToken({ ...owner, issuedAt: new Date(Date.now() - 2 * 3_600_000) }),
      'wrong signature (same issuer and client, another key)': await (await LocalIssuer.create()).accessToken(
        owner,
      ),
      "another tenant's user pool (issuer)": await (
        await LocalIssuer.create({ ...LOCAL_USER_POOL, userPoolId: 'us-east-1_OtherTenant' })
      ).accessToken(owner),
      'another app client (audience)': await cloud.issuer.accessToken({
        ...owner,
        extraClaims: { client_id: 'other-client' },
      }),
      'an id token instead of an access token': await cloud.issuer.accessToken({
        ...owner,
        extraClaims: { token_use: 'id' },
      }),
      'tampered claims (viewer made owner, signature kept)': `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`,
      'a member in no role group': await cloud.issuer.accessToken({
        ...owner,
        extraClaims: { 'cognito:groups': [] },
      }),
    });
  }, 120_000);
  afterAll(async () => {
    await cloud?.stop();
  });

  it('the route table has routes, each with a sample when it needs one', () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(21);
    for (const route of ROUTES) {
      if (route.method !== 'GET' && route.body) expect(SAMPLES[keyOf(route)], keyOf(route)).toBeDefined();
    }
  });

  const BAD_TOKEN_KINDS = [
    'no token',
    'expired',
    'wrong signature (same issuer and client, another key)',
    "another tenant's user pool (issuer)",
    'another app client (audience)',
    'an id token instead of an access token',
    'tampered claims (viewer made owner, signature kept)',
    'a member in no role group',
  ];
  it.each(BAD_TOKEN_KINDS.flatMap((kind) => ROUTES.map((route) => [kind, keyOf(route), route] as const)))(
    '%s → 401 on %s, nothing written',
    async (kind, _name, route) => {
      expect(Object.keys(badTokens)).toContain(kind);
      const before = await everything();
      const response = await send(route, badTokens[kind], SAMPLES[keyOf(route)]);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await everything()).toBe(before);
    },
  );

  it.each(ROUTES.flatMap((route) => ROLES.map((role) => [keyOf(route), role, route] as const)))(
    '%s as %s: the permission matrix decides',
    async (_name, role, route) => {
      const sample = SAMPLES[keyOf(route)] ?? {};
      if (!can(role, route.action)) {
        // The request the route would carry out: only the role check stops it.
        const before = await everything(false);
        const response = await send(route, tokens[role], sample);
        expect(response.status).toBe(403);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(await everything(false)).toBe(before);
        return;
      }
      if (route.method === 'GET') {
        const response = await send(route, tokens[role], sample);
        expect(response.status, await response.clone().text()).toBe(200);
        return;
      }
      // Allowed writes, sent with an unknown id or an empty body: past the role check, stopped by validation.
      const params = Object.fromEntries(Object.keys(sample.params ?? {}).map((name) => [name, 'no-such-id']));
      const before = await everything(false);
      const response = await send(route, tokens[role], { params, ...(route.body ? { body: {} } : {}) });
      expect([400, 404], `${response.status} ${await response.clone().text()}`).toContain(response.status);
      expect(await everything(false)).toBe(before);
    },
  );

  it("answers 404 for another tenant's contact and for an unknown one, as problem+json", async () => {
    await new DynamoDbContactRepository(cloud.tableName, client).create(
      aContact('other-tenant', { contactId: 'foreign-contact' }),
    );
    for (const path of [
      '/v1/contacts/foreign-contact',
      '/v1/statements/foreign-contact',
      '/v1/contacts/nobody',
    ]) {
      const response = await call(path, { token: tokens.owner });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.body).toMatchObject({ status: 404, title: 'Not Found' });
    }
    const list = await call('/v1/contacts', { token: tokens.owner });
    expect((list.body.data as { id: string }[]).map((contact) => contact.id)).not.toContain(
      'foreign-contact',
    );
  });

  it('serves the statement of the contact asked for', async () => {
    const response = await call('/v1/statements/joao-silva', { token: tokens.viewer });
    expect(response.body.contact).toEqual({ id: 'joao-silva', name: 'João Silva' });
  });

  it('refuses an unknown demo member at the sign-in', async () => {
    const response = await fetch(`${cloud.apiUrl}/_local/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'mallory' }),
    });
    expect(response.status).toBe(404);
  });

  it('answers an unknown route with a problem, not a function error', async () => {
    const response = await call('/v1/nothing-here', { token: tokens.owner });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
