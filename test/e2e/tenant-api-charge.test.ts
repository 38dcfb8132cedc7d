import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, saoPauloDateOf } from '#domain/calendar-date';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import {
  apiCaller,
  type DemoRole,
  partitionsSnapshot,
  signInAll,
  tableClient,
} from '#test/support/tenant-api-session';

/**
 * `POST /v1/boletos` on the local cloud: the member's request is its own confirmation and the conversation
 * workflow's create path issues it at the Paytime simulator; a retried POST with the same Idempotency-Key
 * issues nothing more; a viewer is refused with nothing written.
 */
describe('tenant API charge', () => {
  let cloud: LocalCloud;
  let tokens: Record<DemoRole, string>;
  let call: ReturnType<typeof apiCaller>;

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    tokens = await signInAll(cloud);
    call = apiCaller(cloud);
  }, 120_000);
  afterAll(async () => {
    await cloud?.stop();
  });

  const charge = () => ({
    contactId: 'maria-souza',
    amountCents: 23_450,
    dueDate: addDays(saoPauloDateOf(cloud.clock.now()), 10),
    description: 'Revisão',
  });

  it('issues the boleto through the same create path, once for a retried key', async () => {
    const body = charge();
    const first = await call('/v1/boletos', {
      method: 'POST',
      token: tokens.operator,
      body,
      idempotencyKey: 'erp-charge-1',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    const id = String(first.body.id);
    expect(first.headers.get('location')).toBe(`/v1/boletos/${id}`);
    await vi.waitFor(
      async () => {
        const boleto = await call(`/v1/boletos/${id}`, { token: tokens.viewer });
        expect(boleto.status).toBe(200);
        expect(['registered', 'sent']).toContain(boleto.body.status);
        expect(boleto.body).toMatchObject({ amountCents: 23_450, contactId: 'maria-souza' });
        expect(String(boleto.body.digitableLine)).toMatch(/^\d{47}$/);
        // The audit names the member who asked, as a WhatsApp request does.
        expect(JSON.stringify(boleto.body.audit)).toContain('"memberId":"bruno"');
      },
      { timeout: 20_000, interval: 200 },
    );
    const again = await call('/v1/boletos', {
      method: 'POST',
      token: tokens.operator,
      body,
      idempotencyKey: 'erp-charge-1',
    });
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(id);
    const list = await call('/v1/boletos?contact=maria-souza', { token: tokens.owner });
    expect(
      (list.body.data ?? []).filter((b) => (b as { amountCents: number }).amountCents === 23_450),
    ).toHaveLength(1);
  });

  it('refuses a viewer with nothing written, and a due date in the past with 422', async () => {
    const client = tableClient(cloud);
    const before = await partitionsSnapshot(client, cloud.tableName, ['T#demo#IDEMPOTENCY']);
    const viewer = await call('/v1/boletos', {
      method: 'POST',
      token: tokens.viewer,
      body: charge(),
      idempotencyKey: 'v-1',
    });
    expect(viewer.status).toBe(403);
    expect(await partitionsSnapshot(client, cloud.tableName, ['T#demo#IDEMPOTENCY'])).toBe(before);
    const past = await call('/v1/boletos', {
      method: 'POST',
      token: tokens.owner,
      body: { ...charge(), dueDate: addDays(saoPauloDateOf(cloud.clock.now()), -1) },
    });
    expect(past.status).toBe(422);
  });
});
