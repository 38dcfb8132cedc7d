import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbContactRepository } from '#adapters/dynamodb/dynamodb-contact-repository';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { aContact } from '#test/support/dynamodb-fixtures';
import { seedLedgerEntry, seedRequestedBoleto } from '#test/support/tenant-api-fixtures';
import {
  apiCaller,
  type DemoRole,
  partitionsSnapshot,
  signInAll,
  tableClient,
} from '#test/support/tenant-api-session';

/**
 * The tenant API's read routes for every role, cursor pagination, archive-not-delete, tenancy (another
 * tenant's ids are 404) and `Idempotency-Key` replay and conflict, through the local cloud's HTTP front.
 */
const ROLES: DemoRole[] = ['owner', 'operator', 'viewer'];
const READS = [
  '/v1/contacts?limit=2',
  '/v1/contacts/joao-silva',
  '/v1/boletos',
  '/v1/boletos?contact=joao-silva&status=requested&overdue=false',
  '/v1/boletos/read-me',
  '/v1/payments?contact=joao-silva',
  '/v1/ledger?month=2026-11',
  '/v1/statements/joao-silva',
  '/v1/aging',
  '/v1/exports/ledger.csv?month=2026-11',
  '/v1/exports/boletos.csv?format=iso',
];

describe('tenant API reads, pagination, tenancy and idempotency', () => {
  let cloud: LocalCloud;
  let client: DynamoDBDocumentClient;
  let tokens: Record<DemoRole, string>;
  let call: ReturnType<typeof apiCaller>;

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    client = tableClient(cloud);
    tokens = await signInAll(cloud);
    call = apiCaller(cloud);
    const now = cloud.clock.now();
    await seedRequestedBoleto(client, cloud.tableName, { boletoId: 'read-me', contactId: 'joao-silva', now });
    await seedRequestedBoleto(client, cloud.tableName, {
      boletoId: 'foreign-boleto',
      contactId: 'foreign-contact',
      tenantId: 'other-tenant',
      now,
    });
    await new DynamoDbContactRepository(cloud.tableName, client).create(
      aContact('other-tenant', { contactId: 'foreign-contact' }),
    );
    await seedLedgerEntry(client, cloud.tableName, 'entry-a');
  }, 120_000);
  afterAll(async () => {
    await cloud?.stop();
  });

  it.each(ROLES.flatMap((role) => READS.map((path) => [role, path] as const)))(
    '%s reads %s',
    async (role, path) => {
      const response = await call(path, { token: tokens[role] });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    },
  );

  it('shows a boleto with its audit trail naming who acted', async () => {
    const { body } = await call('/v1/boletos/read-me', { token: tokens.viewer });
    expect(body).toMatchObject({ id: 'read-me', status: 'requested', contactId: 'joao-silva' });
    expect(body.audit).toEqual([
      expect.objectContaining({ kind: 'BoletoRequested', actor: { kind: 'owner', id: 'member:test' } }),
    ]);
  });

  it('pages through contacts with an opaque cursor and refuses a forged one', async () => {
    const first = await call('/v1/contacts?limit=2', { token: tokens.owner });
    expect(first.body.data).toHaveLength(2);
    const cursor = String(first.body.nextCursor);
    const second = await call(`/v1/contacts?limit=2&cursor=${encodeURIComponent(cursor)}`, {
      token: tokens.owner,
    });
    const ids = [...(first.body.data ?? []), ...(second.body.data ?? [])].map(
      (c) => (c as { id: string }).id,
    );
    expect(new Set(ids).size).toBe(4);
    const forged = Buffer.from(JSON.stringify({ pk: 'T#other-tenant#CONTACTS', sk: 'CONTACT#a' })).toString(
      'base64url',
    );
    const refused = await call(`/v1/contacts?cursor=${forged}`, { token: tokens.owner });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
  });

  it("answers 404 for another tenant's boleto, contact and statement", async () => {
    for (const path of [
      '/v1/boletos/foreign-boleto',
      '/v1/contacts/foreign-contact',
      '/v1/statements/foreign-contact',
    ]) {
      const response = await call(path, { token: tokens.owner });
      expect(response.status).toBe(404);
    }
    const cancel = await call('/v1/boletos/foreign-boleto/cancel', { method: 'POST', token: tokens.owner });
    expect(cancel.status).toBe(404);
  });

  it('refuses a request that does not match its schema with 400 and writes nothing', async () => {
    const before = await partitionsSnapshot(client, cloud.tableName, ['T#demo#CONTACTS']);
    const response = await call('/v1/contacts', {
      method: 'POST',
      token: tokens.owner,
      body: { name: 'Sem CPF', phone: '+5511977770099', taxId: '11111111111' },
    });
    expect(response.status).toBe(400);
    expect(await partitionsSnapshot(client, cloud.tableName, ['T#demo#CONTACTS'])).toBe(before);
    const noAmount = await call('/v1/ledger', {
      method: 'POST',
      token: tokens.owner,
      body: { kind: 'expense' },
    });
    expect(noAmount.status).toBe(400);
    expect(noAmount.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'body.amountCents' })]),
    );
  });

  it('archives a contact that has boletos instead of deleting it, and says so', async () => {
    const response = await call('/v1/contacts/joao-silva', { method: 'DELETE', token: tokens.operator });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ outcome: 'archived' });
    expect(String(response.body.detail)).toMatch(/archived, not deleted/);
    const contact = await call('/v1/contacts/joao-silva', { token: tokens.viewer });
    expect(contact.body).toMatchObject({ id: 'joao-silva', archived: true });
    const boleto = await call('/v1/boletos/read-me', { token: tokens.viewer });
    expect(boleto.status).toBe(200);
  });

  describe('Idempotency-Key', () => {
    const entry = { kind: 'income', amountCents: 12_345, date: '2026-11-20', description: 'venda balcão' };

    it('replays the first response for the same key and body, booking once', async () => {
      const first = await call('/v1/ledger', {
        method: 'POST',
        token: tokens.owner,
        body: entry,
        idempotencyKey: 'erp-1',
      });
      const again = await call('/v1/ledger', {
        method: 'POST',
        token: tokens.owner,
        body: entry,
        idempotencyKey: 'erp-1',
      });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const month = await call('/v1/ledger?month=2026-11', { token: tokens.owner });
      const booked = (month.body.data ?? []).filter(
        (e) => (e as { amountCents: number }).amountCents === 12_345,
      );
      expect(booked).toHaveLength(1);
    });

    it('answers 422 for the same key with another body, and books nothing', async () => {
      const before = await partitionsSnapshot(client, cloud.tableName, ['T#demo#LEDGER#2026-11']);
      const response = await call('/v1/ledger', {
        method: 'POST',
        token: tokens.owner,
        body: { ...entry, amountCents: 99 },
        idempotencyKey: 'erp-1',
      });
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await partitionsSnapshot(client, cloud.tableName, ['T#demo#LEDGER#2026-11'])).toBe(before);
    });

    it('refuses a malformed key', async () => {
      const response = await call('/v1/ledger', {
        method: 'POST',
        token: tokens.owner,
        body: entry,
        idempotencyKey: 'não vale',
      });
      expect(response.status).toBe(400);
    });
  });
});
