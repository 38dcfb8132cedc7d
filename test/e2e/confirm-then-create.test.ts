import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { e164ToWhatsAppId, normalizePhone } from '#domain/phone-number';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { LOCAL_SECRETS, stateMachineArn } from '#infra/local/local-cloud-names';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { inboundMessagePayload, metaJson } from '#simulators/whatsapp/webhook-payloads';
import { createLocalDynamoDbClient } from '#test/support/dynamodb-test-table';
import { ownerChat } from '#test/support/owner-chat';
import { signMetaPayload } from '#webhooks/whatsapp/signature';

/**
 * Issue 4's flow on the local cloud: the real webhook handler, the conversation workflow as the stack deploys
 * it (run by aws-local-stepfunctions), DynamoDB Local, the Paytime and WhatsApp simulators over HTTP.
 */
describe('confirm-then-create-boleto', () => {
  let cloud: LocalCloud;
  let repositories: ReturnType<typeof createTableRepositories>;
  const owner = DEMO_TENANT.owner.phone;
  const joao = DEMO_TENANT.contacts[0];

  const { say, sentTo, lastTextTo, buttonsOfLast, confirmLast } = ownerChat(() => cloud, owner);

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    repositories = createTableRepositories(
      cloud.tableName,
      createDocumentClient(createLocalDynamoDbClient(cloud.urls.dynamoDb)),
    );
  }, 120_000);
  afterAll(async () => cloud?.stop());

  const lastConversation = () =>
    cloud.sfn.listExecutions({ stateMachineArn: stateMachineArn('conversation') })[0];

  /**
   * The simulator issues a boleto 30 ms after creating it; a reply that takes 50 ms means the boleto is issued by
   * the time IRIS reads it back (without it, a fast machine reads it still processing and the run goes on to
   * AwaitPending's polling: a race, not the path under test).
   */
  const withProviderIssuingBeforeTheReadBack = async (run: () => Promise<void>) => {
    cloud.simulators.paytime.controls.setLatency(50);
    try {
      await run();
    } finally {
      cloud.simulators.paytime.controls.setLatency(0);
    }
  };

  it('asks what is missing, confirms, creates exactly one boleto and tells both sides', async () => {
    await say({ text: 'cobra 150 reais do João' });
    expect(lastTextTo(owner)).toMatch(/data de vencimento/);

    await say({ text: 'dia 10' });
    expect(lastTextTo(owner)).toMatch(
      /^Confirma boleto de R\$ 150,00 para João Silva, vencimento 10\/\d{2}\/\d{4}\?$/,
    );
    const before = cloud.simulators.paytime.controls.boletos().length;

    await withProviderIssuingBeforeTheReadBack(confirmLast);
    const issued = cloud.simulators.paytime.controls.boletos();
    expect(issued).toHaveLength(before + 1);
    const boletos = await repositories.boletos.listByContact(DEMO_TENANT.tenantId, joao.contactId);
    expect(boletos).toHaveLength(1);
    // Registered with its digitable line, then `sent` once the WhatsApp delivery recorded it.
    expect(boletos[0]).toMatchObject({ amountCents: 15000, status: 'sent' });
    const digitable = boletos[0]?.provider?.digitableLine ?? 'missing';
    expect(lastTextTo(owner)).toContain(`Linha digitável: ${digitable}`);
    const toJoao = sentTo(joao.phone);
    expect(toJoao.filter((m) => m.accepted)).toHaveLength(1);
    expect(JSON.stringify(toJoao[0]?.request)).toContain(digitable);
    // Interpret, Route, AskOwner, MergeReply, Route, AskConfirmation, HandleDecision.
    // The reply can reach the simulator a moment before the execution records its last transition.
    await vi.waitFor(
      () => expect(lastConversation()).toMatchObject({ status: 'SUCCEEDED', stateTransitions: 7 }),
      { timeout: 10_000 },
    );
  });

  it('the happy path costs 4 state transitions: Interpret, Route, AskConfirmation, HandleDecision', async () => {
    await say({ text: 'cobra 120 reais do João dia 14' });
    const before = cloud.simulators.paytime.controls.boletos().length;
    await withProviderIssuingBeforeTheReadBack(confirmLast);
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before + 1);
    expect(lastTextTo(owner)).toMatch(/Linha digitável/);
    // The reply can reach the simulator a moment before the execution records its last transition.
    await vi.waitFor(
      () => expect(lastConversation()).toMatchObject({ status: 'SUCCEEDED', stateTransitions: 4 }),
      { timeout: 10_000 },
    );
  });

  it('a correction after the summary asks again with the new amount, then creates one boleto of it', async () => {
    await say({ text: 'cobra 50 reais do João dia 13' });
    expect(lastTextTo(owner)).toMatch(/^Confirma boleto de R\$ 50,00 para João Silva/);
    const before = cloud.simulators.paytime.controls.boletos().length;
    await say({ text: 'não, é 55' });
    expect(lastTextTo(owner)).toMatch(/^Confirma boleto de R\$ 55,00 para João Silva/);
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before);
    await withProviderIssuingBeforeTheReadBack(confirmLast);
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before + 1);
    expect(cloud.simulators.paytime.controls.boletos().at(-1)).toMatchObject({ original_amount: 5500 });
    // + AskConfirmation and HandleDecision once more (the decision's OwnerConfirmationAwaited is caught there).
    // The reply can reach the simulator a moment before the execution records its last transition.
    await vi.waitFor(
      () => expect(lastConversation()).toMatchObject({ status: 'SUCCEEDED', stateTransitions: 6 }),
      { timeout: 10_000 },
    );
  });

  it('a correction naming a new payer after the summary asks the question, then nothing is created yet', async () => {
    await say({ text: 'cobra 45 reais do João dia 17' });
    expect(lastTextTo(owner)).toMatch(/^Confirma boleto de R\$ 45,00 para João Silva/);
    const before = cloud.simulators.paytime.controls.boletos().length;
    await say({ text: 'não, é do Kleiton' });
    expect(lastTextTo(owner)).toMatch(/Qual o WhatsApp de Kleiton/);
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before);
    // The decision's OwnerAnswerAwaited was caught into AskOwner: the execution waits there.
    const execution = lastConversation();
    expect(execution).toMatchObject({ status: 'RUNNING' });
    const entered = cloud.sfn
      .executionHistory(execution?.executionArn ?? 'none')
      .flatMap((event) => (event.type === 'StateEntered' ? [event.state.name] : []));
    expect(entered.slice(-2)).toEqual(['HandleDecision', 'AskOwner']);
    await say({ text: 'cancelar' });
  });

  it('a "sim" replayed after the request was decided creates nothing', async () => {
    const before = cloud.simulators.paytime.controls.boletos().length;
    await say({ text: 'sim' });
    expect(lastTextTo(owner)).toMatch(/Não há nada aguardando/);
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before);
  });

  it('survives two Paytime 5xx on create and still issues exactly one boleto', async () => {
    await say({ text: 'cobra 80 reais da Maria Souza dia 15' });
    const before = cloud.simulators.paytime.controls.boletos().length;
    cloud.simulators.paytime.controls.failNext(2, { status: 503, operations: ['create'] });
    await confirmLast();
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before + 1);
    expect(lastTextTo(owner)).toMatch(/Linha digitável/);
  });

  it('a lost response after Paytime created the boleto does not create a second one', async () => {
    await say({ text: 'cobra 95 reais do Pedro dia 20' });
    const before = cloud.simulators.paytime.controls.boletos().length;
    cloud.simulators.paytime.controls.loseNextCreateResponses(1);
    await confirmLast();
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before + 1);
    expect(lastTextTo(owner)).toMatch(/Linha digitável/);
  });

  it('"não" cancels the request and nothing is created', async () => {
    await say({ text: 'cobra 70 do João dia 12' });
    const before = cloud.simulators.paytime.controls.boletos().length;
    const no = buttonsOfLast(owner).find((button) => button.title === 'Não');
    await say({ button: no });
    expect(lastTextTo(owner)).toMatch(/cancelei o pedido/);
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before);
  });

  it('the same webhook delivered 50 times at once stores one message and starts one workflow', async () => {
    const conversations = () =>
      cloud.sfn.listExecutions({ stateMachineArn: stateMachineArn('conversation') }).length;
    const startedBefore = conversations();
    const repliesBefore = sentTo(owner).length;
    const body = metaJson(
      inboundMessagePayload(
        {
          wabaId: '102290129340398',
          phoneNumberId: DEMO_TENANT.whatsAppPhoneNumberId,
          displayPhoneNumber: DEMO_TENANT.whatsAppDisplayNumber,
        },
        { waId: e164ToWhatsAppId(normalizePhone(owner)), profileName: 'Ana Demo' },
        {
          from: e164ToWhatsAppId(normalizePhone(owner)),
          id: 'wamid.duplicate-delivery-test',
          timestamp: String(Math.floor(cloud.clock.now().getTime() / 1000)),
          type: 'text',
          text: { body: 'quem está devendo?' },
        },
      ),
    );
    const signature = signMetaPayload(body, LOCAL_SECRETS.whatsAppAppSecret);
    const statuses = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${cloud.apiUrl}/webhooks/whatsapp`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
          body,
        }).then((response) => response.status),
      ),
    );
    await cloud.settle();
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(conversations()).toBe(startedBefore + 1);
    const stored = await repositories.inbound.storeIfNew({
      tenantId: DEMO_TENANT.tenantId,
      messageId: 'wamid.duplicate-delivery-test',
      from: normalizePhone(owner),
      senderRole: 'owner',
      content: { type: 'text', text: 'probe' },
      receivedAt: cloud.clock.now().toISOString(),
    });
    expect(stored.outcome).toBe('duplicate');
    expect(sentTo(owner).length).toBe(repliesBefore + 1);
  });

  it('a new charge for someone else while one awaits confirmation says which one is pending', async () => {
    await say({ text: 'cobra 60 reais do João dia 11' });
    expect(lastTextTo(owner)).toMatch(/^Confirma boleto de R\$ 60,00 para João Silva/);
    const before = cloud.simulators.paytime.controls.boletos().length;
    await say({ text: 'cobra 300 da Maria Souza dia 20' });
    expect(lastTextTo(owner)).toMatch(/aguardando confirmação: R\$ 60,00 para João Silva/);
    await confirmLast();
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before + 1);
    expect(cloud.simulators.paytime.controls.boletos().at(-1)).toMatchObject({ original_amount: 6000 });
    // Issue 12: the new charge was kept for after and is proposed now (never dropped); "não" drops it.
    const sent = sentTo(owner).map((message) => JSON.stringify(message.request));
    expect(sent.some((request) => request.includes('Confirma boleto de R$ 300,00 para Maria Souza'))).toBe(
      true,
    );
    await say({ text: 'não' });
    expect(lastTextTo(owner)).toMatch(/cancelei o pedido/);
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before + 1);
  });

  it('answers a voice note without a transcription service and an unreadable photo, in Portuguese', async () => {
    const before = cloud.simulators.paytime.controls.boletos().length;
    await say({ audio: {} });
    expect(lastTextTo(owner)).toBe('Não consegui entender o áudio. Pode escrever, por favor?');
    await say({ image: { caption: 'olha isso' } });
    expect(lastTextTo(owner)).toMatch(/^Não consegui ler o valor total desse comprovante/);
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before);
  });

  it('answers "o João já pagou?" from the table', async () => {
    await say({ text: 'o João já pagou?' });
    expect(lastTextTo(owner)).toMatch(/João Silva/);
    expect(lastTextTo(owner)).toMatch(/R\$ 150,00/);
  });

  it('when Paytime keeps failing, says so at once and issues exactly one boleto once it is back', async () => {
    await say({ text: 'cobra 45 reais da Maria Souza dia 18' });
    const before = cloud.simulators.paytime.controls.boletos().length;
    cloud.simulators.paytime.controls.failNext(20, { status: 500, operations: ['create'] });
    await confirmLast();
    expect(lastTextTo(owner)).toBe('A Paytime está fora do ar; emito assim que voltar e te aviso.');
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before);
    cloud.simulators.paytime.controls.clearFaults();
    await cloud.advance({ minutes: 2 });
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before + 1);
    expect(lastTextTo(owner)).toMatch(/R\$ 45,00 para Maria Souza/);
  });

  it('cancels a boleto only after the owner confirms, at Paytime and here', async () => {
    const pedro = DEMO_TENANT.contacts[2];
    const [open] = await repositories.boletos.listByContact(DEMO_TENANT.tenantId, pedro.contactId);
    expect(open?.status).toBe('sent');
    await say({ text: 'cancela o boleto do Pedro' });
    expect(lastTextTo(owner)).toMatch(/^Cancelar o boleto de R\$ 95,00 de Pedro Álvares, vencimento 20\//);
    expect((await repositories.boletos.get(DEMO_TENANT.tenantId, open?.id ?? ''))?.status).toBe('sent');
    await confirmLast();
    expect((await repositories.boletos.get(DEMO_TENANT.tenantId, open?.id ?? ''))?.status).toBe('cancelled');
    const atPaytime = cloud.simulators.paytime.controls
      .boletos()
      .find((b) => b._id === open?.provider?.providerId);
    expect(atPaytime?.status).toBe('CANCELED');
  });

  it('books expenses and income from WhatsApp, asking for a missing amount and taking the bare answer once', async () => {
    await say({ text: 'gastei no mercado' });
    expect(lastTextTo(owner)).toBe('Qual o valor do gasto?');
    await say({ text: '45' });
    expect(lastTextTo(owner)).toMatch(/^Anotado! Despesa de R\$ 45,00 \(mercado, alimentação\)/);
    await say({ text: '45' });
    expect(lastTextTo(owner)).toMatch(/^R\$ 45,00 de quê\?/);
    await say({ text: 'recebi 135 reais da venda de bolos' });
    expect(lastTextTo(owner)).toMatch(/^Anotado! Entrada de R\$ 135,00/);
  });
});
