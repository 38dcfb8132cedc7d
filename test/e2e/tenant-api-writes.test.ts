import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
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
 * Issue 14's security suite for the write routes, on the local cloud's HTTP front (local JWT authorizer in
 * front of the real `tenant-api` handler): every write route × every role → 2xx for owner and operator,
 * 403 for the viewer with nothing written (the partitions the route writes are compared before and after).
 */
const ROLES: DemoRole[] = ['owner', 'operator', 'viewer'];
const WRITTEN_PARTITIONS = (boletoId: string) => [
  'T#demo#CONTACTS',
  'T#demo#LEDGER#2026-11',
  `T#demo#BOLETO#${boletoId}`,
  'T#demo#IDEMPOTENCY',
];

interface WriteCase {
  name: string;
  method: string;
  path: (role: DemoRole) => string;
  body?: (role: DemoRole) => unknown;
  status: number;
  /** What the answer must say (e.g. the ledger entry names the member who booked it). */
  answers?: (role: DemoRole) => Record<string, unknown>;
}

const WRITES: WriteCase[] = [
  {
    name: 'POST /v1/contacts',
    method: 'POST',
    path: () => '/v1/contacts',
    body: (role) => ({
      name: `Cliente ${role}`,
      phone: `+55119777700${ROLES.indexOf(role)}1`,
      taxId: validCpf(123456700 + ROLES.indexOf(role)),
    }),
    status: 201,
  },
  {
    name: 'PATCH /v1/contacts/{id}',
    method: 'PATCH',
    path: () => '/v1/contacts/maria-souza',
    body: (role) => ({ email: `maria.${role}@example.com` }),
    status: 200,
  },
  {
    name: 'DELETE /v1/contacts/{id}',
    method: 'DELETE',
    path: (role) => `/v1/contacts/gone-${role}`,
    status: 200,
  },
  {
    name: 'POST /v1/boletos/{id}/cancel',
    method: 'POST',
    path: (role) => `/v1/boletos/cancel-me-${role}/cancel`,
    status: 200,
  },
  {
    name: 'POST /v1/ledger',
    method: 'POST',
    path: () => '/v1/ledger',
    body: () => ({ kind: 'expense', amountCents: 4_500, date: '2026-11-04', description: 'mercado' }),
    status: 201,
    answers: (role) => ({ recordedBy: DEMO_MEMBERS[role] }),
  },
  {
    name: 'POST /v1/ledger/{id}/reversal',
    method: 'POST',
    path: (role) => `/v1/ledger/entry-${role}/reversal`,
    body: () => ({ date: '2026-11-03' }),
    status: 201,
    answers: (role) => ({ reversal: expect.objectContaining({ recordedBy: DEMO_MEMBERS[role] }) }),
  },
];

describe('tenant API writes by role', () => {
  let cloud: LocalCloud;
  let client: DynamoDBDocumentClient;
  let tokens: Record<DemoRole, string>;
  let call: ReturnType<typeof apiCaller>;
  const gone = {} as Record<DemoRole, string>;

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    client = tableClient(cloud);
    tokens = await signInAll(cloud);
    call = apiCaller(cloud);
    const now = cloud.clock.now();
    for (const role of ROLES) {
      await seedRequestedBoleto(client, cloud.tableName, {
        boletoId: `cancel-me-${role}`,
        contactId: 'joao-silva',
        now,
      });
      await seedLedgerEntry(client, cloud.tableName, `entry-${role}`);
      const created = await call('/v1/contacts', {
        method: 'POST',
        token: tokens.owner,
        body: {
          name: `Apagar ${role}`,
          phone: `+55119666600${ROLES.indexOf(role)}1`,
          taxId: validCpf(98765430 + ROLES.indexOf(role)),
        },
      });
      expect(created.status).toBe(201);
      gone[role] = String(created.body.id);
    }
  }, 120_000);
  afterAll(async () => {
    await cloud?.stop();
  });

  it.each(WRITES.flatMap((write) => ROLES.map((role) => [write.name, role, write] as const)))(
    '%s as %s',
    async (_name, role, write) => {
      const path = write.path(role).replace(`gone-${role}`, gone[role]);
      const boletoId = `cancel-me-${role}`;
      const before = await partitionsSnapshot(client, cloud.tableName, WRITTEN_PARTITIONS(boletoId));
      const response = await call(path, {
        method: write.method,
        token: tokens[role],
        ...(write.body ? { body: write.body(role) } : {}),
      });
      const after = await partitionsSnapshot(client, cloud.tableName, WRITTEN_PARTITIONS(boletoId));
      if (role === 'viewer') {
        expect(response.status).toBe(403);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(after).toBe(before);
      } else {
        expect(response.status, JSON.stringify(response.body)).toBe(write.status);
        expect(after).not.toBe(before);
        if (write.answers) expect(response.body).toMatchObject(write.answers(role));
      }
    },
  );
});
