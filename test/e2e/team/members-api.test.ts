import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MEMBER_REQUESTS_PER_MINUTE } from '#config/tenant-api-config';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';

/**
 * Issue 14 items 2 and 5 through the local cloud's HTTP API: `/v1/members` is the owner's (operators and viewers
 * get 403 and nothing changes), a member added there signs in and is recognised; a burst from one member gets
 * 429 problem+json with Retry-After while another member is still served.
 */
describe('/v1/members and per-member rate limits', () => {
  let cloud: LocalCloud;
  const tokens: Record<string, string> = {};

  const signIn = async (username: string) => {
    const response = await fetch(`${cloud.apiUrl}/_local/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  };
  const call = (username: string, method: string, path: string, body?: unknown) =>
    fetch(`${cloud.apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[username]}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  const memberIds = async () => {
    const response = await call('ana', 'GET', '/v1/members');
    expect(response.status).toBe(200);
    return ((await response.json()) as { data: Array<{ id: string }> }).data
      .map((member) => member.id)
      .sort();
  };

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    for (const member of DEMO_TENANT.members) tokens[member.username] = await signIn(member.username);
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('lets the owner list, add and remove members; others get 403 and change nothing', async () => {
    expect(await memberIds()).toEqual(['ana', 'bruno', 'carla']);
    const listed = await call('ana', 'GET', '/v1/members');
    expect(((await listed.json()) as { data: unknown[] }).data).toContainEqual({
      id: 'bruno',
      name: 'Bruno Operador',
      role: 'operator',
      phone: '+5511999990002',
    });
    for (const other of ['bruno', 'carla']) {
      expect((await call(other, 'GET', '/v1/members')).status).toBe(403);
      const refused = await call(other, 'POST', '/v1/members', {
        name: 'Eva',
        role: 'owner',
        phone: '11977776666',
      });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect((await call(other, 'DELETE', '/v1/members/ana')).status).toBe(403);
    }
    expect(await memberIds()).toEqual(['ana', 'bruno', 'carla']);

    const bad = await call('ana', 'POST', '/v1/members', { name: 'Eva', role: 'boss', phone: '123' });
    expect(bad.status).toBe(400);
    expect(await memberIds()).toEqual(['ana', 'bruno', 'carla']);

    const added = await call('ana', 'POST', '/v1/members', {
      name: 'Eva Lima',
      role: 'operator',
      phone: '(11) 97777-6666',
    });
    expect(added.status).toBe(201);
    expect(await added.json()).toEqual({
      id: 'eva',
      name: 'Eva Lima',
      role: 'operator',
      phone: '+5511977776666',
    });
    tokens.eva = await signIn('eva');
    expect((await call('eva', 'GET', '/v1/contacts')).status).toBe(200);

    const payer = await call('ana', 'POST', '/v1/members', {
      name: 'João',
      role: 'viewer',
      phone: DEMO_TENANT.contacts[0].phone,
    });
    expect(payer.status).toBe(409);
    expect((await call('ana', 'DELETE', '/v1/members/ana')).status).toBe(409); // the last owner stays

    expect((await call('ana', 'DELETE', '/v1/members/eva')).status).toBe(204);
    expect((await call('ana', 'DELETE', '/v1/members/eva')).status).toBe(404);
    expect(await memberIds()).toEqual(['ana', 'bruno', 'carla']);
  }, 120_000);

  it('answers a burst from one member with 429 and Retry-After, while another member is still served', async () => {
    // A fixed window allows at most the limit per window: twice the limit plus one, sent well within a minute,
    // must cross it whichever window boundary falls inside the burst.
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let sent = 0; sent <= 2 * DEFAULT_MEMBER_REQUESTS_PER_MINUTE && !limited; sent++) {
      const response = await call('bruno', 'GET', '/v1/contacts');
      statuses.push(response.status);
      if (response.status === 429) limited = response;
      else await response.arrayBuffer();
    }
    expect(limited, `statuses: ${[...new Set(statuses)].join(', ')}`).toBeDefined();
    expect(statuses[0]).toBe(200); // served until the limit, then refused
    expect(limited?.headers.get('content-type')).toBe('application/problem+json');
    const retryAfter = Number(limited?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited?.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });

    expect((await call('carla', 'GET', '/v1/contacts')).status).toBe(200);
  }, 120_000);
});
