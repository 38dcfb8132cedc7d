import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { normalizePhone } from '#domain/phone-number';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { createLocalDynamoDbClient } from '#test/support/dynamodb-test-table';

/**
 * Issue 18 on the local cloud: an owner who hides their number behind a username (the webhook carries only
 * their business-scoped user id) creates a boleto end to end, and a stranger known only by a BSUID gets one
 * "not registered" answer at that BSUID.
 */
describe('an owner known only by business-scoped user id', () => {
  let cloud: LocalCloud;
  let repositories: ReturnType<typeof createTableRepositories>;
  const owner = DEMO_TENANT.owner.phone;
  const ownerBsuid = 'BR.1502576394655843';
  const joao = DEMO_TENANT.contacts[0];

  const say = async (message: Record<string, unknown>) => {
    const response = await fetch(`${cloud.apiUrl}/_sim/whatsapp/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: owner, ...message }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { status: number }).status).toBe(200);
    await cloud.settle();
  };
  const hiddenOwnerSays = (message: Record<string, unknown>) =>
    say({ userId: ownerBsuid, username: '@ana.demo', ...message });
  interface CloudApiRequest {
    text?: { body: string };
    interactive?: {
      body?: { text: string };
      action?: { buttons?: Array<{ reply: { id: string; title: string } }> };
    };
  }
  const lastRequestTo = (to: string) =>
    cloud.simulators.whatsapp.controls.outboundTo(to).at(-1)?.request as CloudApiRequest | undefined;
  const lastTextTo = (to: string) =>
    lastRequestTo(to)?.text?.body ?? lastRequestTo(to)?.interactive?.body?.text ?? '';

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    repositories = createTableRepositories(
      cloud.tableName,
      createDocumentClient(createLocalDynamoDbClient(cloud.urls.dynamoDb)),
    );
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('links the BSUID when it first comes with the phone, then creates a boleto from BSUID-only messages', async () => {
    if (!joao) throw new Error('demo tenant without contacts');
    await say({ userId: ownerBsuid, text: 'oi' });
    expect(
      (await repositories.users.findByPhone(DEMO_TENANT.tenantId, normalizePhone(owner)))?.whatsAppUserId,
    ).toBe(ownerBsuid);

    await hiddenOwnerSays({ text: 'cobra 150 reais do João' });
    expect(lastTextTo(owner)).toMatch(/data de vencimento/);
    await hiddenOwnerSays({ text: 'dia 10' });
    expect(lastTextTo(owner)).toMatch(/^Confirma boleto de R\$ 150,00 para João Silva/);
    const yes = (lastRequestTo(owner)?.interactive?.action?.buttons ?? [])
      .map((button) => button.reply)
      .find((reply) => reply.title === 'Sim');
    expect(yes).toBeDefined();
    const before = cloud.simulators.paytime.controls.boletos().length;

    await hiddenOwnerSays({ button: yes });

    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before + 1);
    const boletos = await repositories.boletos.listByContact(DEMO_TENANT.tenantId, joao.contactId);
    expect(boletos.filter((boleto) => boleto.amountCents === 15000)).toHaveLength(1);
    expect(lastTextTo(owner)).toMatch(/Linha digitável/);
  });

  it('answers a stranger known only by a BSUID once, at the BSUID, however often they write', async () => {
    const stranger = 'BR.9981726354433221';
    for (const text of ['olá', 'alguém aí?', 'oi']) {
      await say({ from: '+5521966665555', userId: stranger, username: '@visitante', text });
    }
    const answers = cloud.simulators.whatsapp.controls.outboundTo(stranger);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ accepted: true, request: { recipient: stranger } });
    expect(JSON.stringify(answers[0]?.request)).toContain('Não encontrei seu cadastro');
    expect(cloud.simulators.whatsapp.controls.outboundTo('+5521966665555')).toHaveLength(0);
  });
});
