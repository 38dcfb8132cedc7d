import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { normalizePhone } from '#domain/phone-number';
import { parseTaxId } from '#domain/tax-id';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { createLocalDynamoDbClient } from '#test/support/dynamodb-test-table';

/**
 * Issue 12, rule 3, on the local cloud (real webhook, conversation workflow, DynamoDB Local, simulators):
 * a cancellation among several open boletos, "De qual deles?" answered by number or surname, a new request
 * while another awaits confirmation, and two charges in one message each finish instead of dead-ending.
 */
describe('dialogues that finish', () => {
  let cloud: LocalCloud;
  let repositories: ReturnType<typeof createTableRepositories>;
  const owner = DEMO_TENANT.owner.phone;
  const tenantId = DEMO_TENANT.tenantId;

  interface CloudApiRequest {
    text?: { body: string };
    interactive?: {
      body?: { text: string };
      action?: { buttons?: Array<{ reply: { id: string; title: string } }> };
    };
  }
  const sentToOwner = () => cloud.simulators.whatsapp.controls.outboundTo(owner);
  const lastRequest = () => sentToOwner().at(-1)?.request as CloudApiRequest | undefined;
  const textOf = (request: CloudApiRequest | undefined) =>
    request?.text?.body ?? request?.interactive?.body?.text ?? '';
  const lastText = () => textOf(lastRequest());
  const say = async (message: Record<string, unknown>) => {
    const response = await fetch(`${cloud.apiUrl}/_sim/whatsapp/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: owner, ...message }),
    });
    expect(response.status).toBeLessThan(300);
    await cloud.settle();
  };
  /** Says `text` and returns every text IRIS sent the owner in answer. */
  const exchange = async (text: string): Promise<string[]> => {
    const before = sentToOwner().length;
    await say({ text });
    return sentToOwner()
      .slice(before)
      .map((sent) => textOf(sent.request as CloudApiRequest));
  };
  /** The latest message with Sim/Não buttons (a creation's reply may arrive after the next confirmation). */
  const lastQuestion = () =>
    sentToOwner()
      .map((sent) => sent.request as CloudApiRequest)
      .filter((request) => (request.interactive?.action?.buttons ?? []).length > 0)
      .at(-1);
  const tap = async (title: 'Sim' | 'Não') => {
    const buttons = lastQuestion()?.interactive?.action?.buttons ?? [];
    const button = buttons.find((b) => b.reply.title === title);
    expect(button, `no ${title} button in "${textOf(lastQuestion())}"`).toBeDefined();
    await say({ button: button?.reply });
  };
  const openBoletosOf = async (contactId: string) =>
    (await repositories.boletos.listByContact(tenantId, contactId)).filter(
      (boleto) => boleto.status !== 'cancelled' && boleto.status !== 'failed',
    );

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    repositories = createTableRepositories(
      cloud.tableName,
      createDocumentClient(createLocalDynamoDbClient(cloud.urls.dynamoDb)),
    );
    await repositories.contacts.create({
      tenantId,
      contactId: 'joao-souza',
      name: 'João Souza',
      phone: normalizePhone('+5511988880077'),
      taxId: parseTaxId('39053344705'),
      email: 'joao.souza@example.com',
      optedOut: false,
      createdAt: new Date().toISOString(),
    });
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('cancelling with two open boletos offers a numbered choice, and "2" cancels the second after a Sim', async () => {
    for (const text of ['cobra 100 da Maria dia 10', 'cobra 200 da Maria dia 20']) {
      await say({ text });
      expect(lastText()).toMatch(/^Confirma boleto de R\$ [12]00,00 para Maria Souza/);
      await tap('Sim');
    }
    expect(await openBoletosOf('maria-souza')).toHaveLength(2);

    const [choice] = await exchange('cancela o boleto da Maria');
    expect(choice).toMatch(
      /^Maria Souza tem 2 boletos em aberto:\n1\) R\$ 100,00, vence 10\/12\/\d{4}\n2\) R\$ 200,00, vence 20\/12\/\d{4}\n/,
    );
    await say({ text: '2' });
    expect(lastText()).toMatch(/^Cancelar o boleto de R\$ 200,00 de Maria Souza, vencimento 20\/12\/\d{4}\?/);
    await tap('Sim');
    const open = await openBoletosOf('maria-souza');
    expect(open.map((boleto) => boleto.amountCents)).toEqual([10000]);
  }, 120_000);

  it('a cancellation that names the amount picks that boleto directly', async () => {
    await say({ text: 'cobra 300 da Maria dia 22' });
    await tap('Sim');
    expect(await openBoletosOf('maria-souza')).toHaveLength(2);
    const [question] = await exchange('cancela o boleto de 300 da Maria');
    expect(question).toMatch(/^Cancelar o boleto de R\$ 300,00 de Maria Souza, vencimento 22\/12\/\d{4}\?/);
    await tap('Não');
    expect(await openBoletosOf('maria-souza')).toHaveLength(2);
  });

  it('"De qual deles?" in a status question takes a surname, and a number', async () => {
    const [question] = await exchange('o João já pagou?');
    expect(question).toMatch(
      /^Encontrei mais de um contato parecido com "João":\n1\) João S\w+\n2\) João S\w+\nDe qual deles\?/,
    );
    const [bySurname] = await exchange('o Souza');
    expect(bySurname).toMatch(/João Souza/);
    expect(bySurname).not.toMatch(/Não entendi|de quê/);

    await exchange('o João já pagou?');
    const [byNumber] = await exchange('1');
    expect(byNumber).toMatch(/João S(ilva|ouza)/);
    expect(byNumber).not.toMatch(/Não entendi|R\$ 1,00/);
  });

  it('a new request while one awaits confirmation is kept for after: Sim issues the first, then the second is proposed', async () => {
    const before = cloud.simulators.paytime.controls.boletos().length;
    await say({ text: 'cobra 150 do Pedro dia 15' });
    expect(lastText()).toMatch(/^Confirma boleto de R\$ 150,00 para Pedro Álvares/);
    const [again] = await exchange('cobra 80 do Caio dia 12');
    expect(again).toMatch(/R\$ 150,00 para Pedro Álvares/);
    expect(again).toContain('Depois sigo com o próximo pedido: "cobra 80 do Caio dia 12"');
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before);

    await tap('Sim');
    expect(
      sentToOwner()
        .map((sent) => textOf(sent.request as CloudApiRequest))
        .join('\n'),
    ).toMatch(/Boleto de R\$ 150,00 para Pedro Álvares/);
    expect(textOf(lastQuestion())).toMatch(/^Confirma boleto de R\$ 80,00 para Caio Teixeira/);
    await tap('Sim');
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before + 2);
  });

  it('Não to the waiting request drops it and takes up the new one', async () => {
    const before = cloud.simulators.paytime.controls.boletos().length;
    await say({ text: 'cobra 70 do Pedro dia 16' });
    await exchange('gastei 30 de uber');
    expect(lastText()).toContain('Depois sigo com o próximo pedido: "gastei 30 de uber"');
    const answers = await exchange('não');
    expect(answers.join('\n')).toMatch(/cancelei o pedido/);
    expect(answers.join('\n')).toMatch(/R\$ 30,00/);
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before);
  });

  it('two charges in one message are both proposed, one confirmation each', async () => {
    const before = cloud.simulators.paytime.controls.boletos().length;
    await say({ text: 'cobra 110 do Caio dia 11 e 210 do Pedro dia 21' });
    expect(lastText()).toMatch(/^Confirma boleto de R\$ 110,00 para Caio Teixeira/);
    expect(lastText()).toContain('Depois sigo com o próximo pedido');
    await tap('Sim');
    expect(textOf(lastQuestion())).toMatch(
      /^Confirma boleto de R\$ 210,00 para Pedro Álvares, vencimento 21\//,
    );
    await tap('Sim');
    const issued = cloud.simulators.paytime.controls.boletos().slice(before);
    expect(issued.map((billet) => billet.original_amount).sort()).toEqual([11000, 21000]);
  });

  /** A confirmation waits for "R$ 150,00 para João Silva, vencimento 10/12"; what each near-miss of a yes does. */
  it.each([
    ['sim, mas pro Pedro', /^Confirma boleto de R\$ 150,00 para Pedro Álvares/],
    ['ok mas muda o valor pra 200', /^Confirma boleto de R\$ 200,00 para João Silva/],
    ['pode ser dia 15?', /^Confirma boleto de R\$ 150,00 para João Silva, vencimento 15\//],
    ['faz um pix pra mim', /aguardando confirmação: R\$ 150,00 para João Silva/],
    ['ok mas muda o valor', /aguardando confirmação: R\$ 150,00 para João Silva/],
    ['vai lá', /aguardando confirmação: R\$ 150,00 para João Silva/],
    ['quem me deve?', /Depois sigo com o próximo pedido: "quem me deve\?"/],
  ])(
    'with a confirmation waiting, "%s" confirms nothing and is read as what it is',
    async (text, expected) => {
      await say({ text: 'cobra 150 do João Silva dia 10' });
      expect(lastText()).toMatch(/^Confirma boleto de R\$ 150,00 para João Silva/);
      const before = cloud.simulators.paytime.controls.boletos().length;
      await say({ text });
      expect(textOf(lastQuestion())).toMatch(expected);
      expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before);
      await tap('Não');
      expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before);
    },
  );
});
