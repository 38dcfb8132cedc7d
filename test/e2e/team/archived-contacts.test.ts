import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { LocalCloudClient } from '#infra/local/local-cloud-client';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { ownerChat } from '#test/support/owner-chat';
import { apiCaller, signInAll } from '#test/support/tenant-api-session';

/**
 * Issue 14 on the local cloud: a contact archived by `DELETE /v1/contacts/{id}` (it has a boleto) keeps its
 * history on WhatsApp ("extrato do Pedro", "o Pedro já pagou?"), but a new charge never picks it: "cobra 100 do
 * Pedro" is asked about as for an unknown payer, and no boleto is created for the archived contact.
 */
describe('archived contacts on WhatsApp', () => {
  let cloud: LocalCloud;
  let client: LocalCloudClient;
  const { ask } = ownerChat(() => cloud, DEMO_TENANT.owner.phone);

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    client = new LocalCloudClient(cloud.apiUrl);
  }, 60_000);
  afterAll(async () => {
    await cloud?.stop();
  });

  it('an archived contact answers for its history but is never matched for a new charge', async () => {
    expect(await ask('cobra 200 do Pedro dia 20')).toMatch(
      /^Confirma boleto de R\$ 200,00 para Pedro Álvares/,
    );
    await ask('sim');
    expect(await client.paytimeBoletos()).toHaveLength(1);
    await cloud.settle();

    const tokens = await signInAll(cloud);
    const call = apiCaller(cloud);
    const archived = await call('/v1/contacts/pedro-alvares', { method: 'DELETE', token: tokens.owner });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ outcome: 'archived' });
    const boletos = await call('/v1/boletos?contact=pedro-alvares', { token: tokens.owner });
    expect(boletos.body.data).toHaveLength(1);

    // Its history still answers by name.
    const statement = await ask('extrato do Pedro');
    expect(statement).toContain('📄 Extrato de Pedro Álvares');
    expect(statement).toMatch(/R\$ 200,00: vence 20\//);
    expect(await ask('o Pedro já pagou?')).toMatch(/Pedro Álvares.*R\$ 200,00|R\$ 200,00.*Pedro Álvares/s);

    // A new charge does not pick the archived contact: it asks as for an unknown payer.
    expect(await ask('cobra 100 do Pedro dia 25')).toBe(
      'Não encontrei Pedro nos seus contatos. Qual o WhatsApp de Pedro? (com DDD)',
    );
    expect(await client.paytimeBoletos()).toHaveLength(1);
    const after = await call('/v1/boletos?contact=pedro-alvares', { token: tokens.owner });
    expect(after.body.data).toHaveLength(1);

    // Given the archived contact's own phone, the owner charges that contact again: it is active again.
    let question = await ask('11 98888-0003');
    if (/CPF/.test(question)) question = await ask('935.411.347-80');
    if (/e-mail/.test(question)) question = await ask('pedro.alvares@example.com');
    expect(question).toMatch(/^Confirma boleto de R\$ 100,00/);
    await ask('sim');
    expect(await client.paytimeBoletos()).toHaveLength(2);
    const charged = await call('/v1/boletos?contact=pedro-alvares', { token: tokens.owner });
    expect(charged.body.data).toHaveLength(2);
    const contact = await call('/v1/contacts/pedro-alvares', { token: tokens.owner });
    expect(contact.status).toBe(200);
    expect(contact.body).toMatchObject({ id: 'pedro-alvares', archived: false });
  }, 180_000);
});
