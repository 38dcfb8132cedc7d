import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { createLocalDynamoDbClient } from '#test/support/dynamodb-test-table';

/**
 * Issue 11 items 4 and 6 on the local cloud: payers write through the WhatsApp simulator (real signed
 * webhooks), IRIS re-reads Paytime, re-sends boletos, forwards to the owner; a short payment offers the owner a
 * one-tap charge of the difference, which runs through the ordinary confirm-then-create conversation.
 */
describe('the payer’s voice, end to end', () => {
  let cloud: LocalCloud;
  let repositories: ReturnType<typeof createTableRepositories>;
  const tenantId = DEMO_TENANT.tenantId;
  const owner = DEMO_TENANT.owner.phone;
  const [joao, maria] = DEMO_TENANT.contacts as unknown as [
    (typeof DEMO_TENANT.contacts)[number],
    (typeof DEMO_TENANT.contacts)[number],
  ];

  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${cloud.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, `${path} answered ${response.status}`).toBeLessThan(300);
    await cloud.settle();
  };
  const say = (from: string, message: Record<string, unknown>) =>
    post('/_sim/whatsapp/inbound', { from, ...message });
  interface CloudApiRequest {
    text?: { body: string };
    /** Outside the 24-hour window: the approved template, its parameters carrying the facts. */
    template?: { name: string; components?: Array<{ parameters?: Array<{ text?: string }> }> };
    interactive?: {
      body?: { text: string };
      action?: { buttons?: Array<{ reply: { id: string; title: string } }> };
    };
  }
  const requestsTo = (phone: string) =>
    cloud.simulators.whatsapp.controls
      .outboundTo(phone)
      .filter((message) => message.accepted)
      .map((message) => message.request as CloudApiRequest);
  const textsTo = (phone: string) =>
    requestsTo(phone).map(
      (request) =>
        request.text?.body ??
        request.interactive?.body?.text ??
        (request.template?.components ?? [])
          .flatMap((c) => (c.parameters ?? []).map((p) => p.text))
          .join(' | '),
    );
  const lastTextTo = (phone: string) => textsTo(phone).at(-1) ?? '';
  const buttonsOfLast = (phone: string) =>
    (requestsTo(phone).at(-1)?.interactive?.action?.buttons ?? []).map((button) => button.reply);
  const confirmLast = async () => {
    const yes = buttonsOfLast(owner).find((button) => button.title === 'Sim');
    expect(yes, `no Sim button in "${lastTextTo(owner)}"`).toBeDefined();
    await say(owner, { button: yes });
  };
  const boletosOf = (contactId: string) => repositories.boletos.listByContact(tenantId, contactId);

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    repositories = createTableRepositories(
      cloud.tableName,
      createDocumentClient(createLocalDynamoDbClient(cloud.urls.dynamoDb)),
    );
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('"me manda o pix" re-sends João his own boleto and the owner hears it', async () => {
    await say(owner, { text: 'cobra 150 reais do João dia 28' });
    await confirmLast();
    const [boleto] = await boletosOf(joao.contactId);
    expect(boleto?.status).toBe('sent');
    const line = boleto?.provider?.digitableLine ?? 'missing';
    const before = requestsTo(joao.phone).length;

    await say(joao.phone, { text: 'me manda o pix de novo por favor' });
    const toJoao = textsTo(joao.phone).slice(before);
    expect(toJoao).toHaveLength(1);
    expect(toJoao[0]).toContain(`Linha digitável: ${line}`);
    expect(lastTextTo(owner)).toMatch(
      /^💬 João Silva escreveu:\n“me manda o pix de novo por favor”\n📨 Pediu o boleto/,
    );
  });

  it('"já paguei" after a lost Paytime webhook: IRIS checks at once, the boleto is paid, both sides told', async () => {
    const [boleto] = await boletosOf(joao.contactId);
    const providerId = boleto?.provider?.providerId ?? 'missing';
    await post('/_sim/paytime/faults', { drop_next_webhooks: 1 });
    await post(`/_sim/paytime/boletos/${providerId}/pay`, {});
    expect((await repositories.boletos.get(tenantId, boleto?.id ?? ''))?.status).toBe('sent');

    await say(joao.phone, { text: 'Já paguei, pode parar de cobrar' });
    expect((await repositories.boletos.get(tenantId, boleto?.id ?? ''))?.status).toBe('paid');
    expect(lastTextTo(joao.phone)).toBe('Obrigado, João! Confirmei no banco o seu pagamento. ✅');
    const ownerTexts = textsTo(owner).slice(-2).join('\n');
    expect(ownerTexts).toContain('✅ Conferi no banco: pagamento confirmado.');
    expect(ownerTexts).toContain('💰 João Silva pagou R$ 150,00');
    const contact = await repositories.contacts.get(tenantId, joao.contactId);
    expect(contact?.optedOut).toBe(false);
  });

  it('a short payment: the payer hears what is missing, the owner taps "Cobrar" and a new boleto for the difference goes through the conversation', async () => {
    await say(owner, { text: 'cobra 200 reais da Maria Souza dia 28' });
    await confirmLast();
    const [first] = await boletosOf(maria.contactId);
    await post(`/_sim/paytime/boletos/${first?.provider?.providerId}/pay`, { amount_cents: 15_000 });
    expect((await repositories.boletos.get(tenantId, first?.id ?? ''))?.status).toBe('partially_paid');
    expect(lastTextTo(maria.phone)).toContain('Ficaram faltando R$ 50,00.');
    expect(lastTextTo(owner)).toContain('Quer cobrar R$ 50,00 num boleto novo?');
    const charge = buttonsOfLast(owner).find((button) => button.title === 'Cobrar R$ 50,00');
    expect(charge).toBeDefined();

    await say(owner, { button: charge });
    expect(lastTextTo(owner)).toMatch(/data de vencimento/);
    await say(owner, { text: 'dia 28' });
    expect(lastTextTo(owner)).toMatch(/^Confirma boleto de R\$ 50,00 para Maria Souza/);
    await confirmLast();

    const boletos = await boletosOf(maria.contactId);
    expect(boletos.map((boleto) => [boleto.amountCents, boleto.status]).sort()).toEqual([
      [20_000, 'cancelled'],
      [5_000, 'sent'],
    ]);
    const old = boletos.find((boleto) => boleto.amountCents === 20_000);
    expect(old?.cancelReason).toBe('balance_recharged');
  }, 90_000);
});
