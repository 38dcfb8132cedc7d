import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { deterministicId } from '#application/conversation/deterministic-id';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { createLocalDynamoDbClient } from '#test/support/dynamodb-test-table';
import { ownerChat } from '#test/support/owner-chat';

/**
 * Issue 11, items 1, 5 and 11 on the local cloud: a new payer end to end (WhatsApp, CPF and e-mail in one
 * dialogue), Paytime's 422 turned into a precise question with no debris, terminal failures that end `failed`,
 * and degraded mode while Paytime is down (the owner hears it at once, the request waits and is issued once).
 */
describe('boleto creation tells the truth', () => {
  let cloud: LocalCloud;
  let repositories: ReturnType<typeof createTableRepositories>;
  const owner = DEMO_TENANT.owner.phone;
  const tenantId = DEMO_TENANT.tenantId;
  const [joao, maria, pedro] = DEMO_TENANT.contacts;

  const { say, sentTo, textsTo, lastTextTo, confirmLast } = ownerChat(() => cloud, owner);
  const billets = () => cloud.simulators.paytime.controls.boletos();
  const paytime = () => cloud.simulators.paytime.controls;

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    repositories = createTableRepositories(
      cloud.tableName,
      createDocumentClient(createLocalDynamoDbClient(cloud.urls.dynamoDb)),
    );
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('a new payer: asks WhatsApp, CPF and e-mail, then issues one boleto with the e-mail at Paytime', async () => {
    await say({ text: 'cobra 120 conto do Kleiton pra dia 28' });
    expect(lastTextTo(owner)).toMatch(/Qual o WhatsApp de Kleiton/);
    await say({ text: '11 91234-5678' });
    expect(lastTextTo(owner)).toMatch(/CPF ou CNPJ de Kleiton/);
    await say({ text: '390.533.447-05' });
    expect(lastTextTo(owner)).toMatch(/Qual o e-mail de Kleiton\?.*"não tem"/);
    await say({ text: 'kleiton@' });
    expect(lastTextTo(owner)).toMatch(/^Esse e-mail não parece válido.*\nQual o e-mail de Kleiton/);
    await say({ text: 'é Kleiton.Souza@exemplo.com.br' });
    expect(lastTextTo(owner)).toMatch(
      /^Confirma boleto de R\$ 120,00 para Kleiton \(novo contato\), vencimento 28\//,
    );
    const before = billets().length;
    await confirmLast();
    expect(billets()).toHaveLength(before + 1);
    expect(billets().at(-1)).toMatchObject({ client: { email: 'kleiton.souza@exemplo.com.br' } });
    const kleiton = await repositories.contacts.findByPhone(tenantId, '+5511912345678' as never);
    expect(kleiton).toMatchObject({
      name: 'Kleiton',
      taxId: '39053344705',
      email: 'kleiton.souza@exemplo.com.br',
    });
    const [boleto] = await repositories.boletos.listByContact(tenantId, kleiton?.contactId ?? '');
    expect(boleto?.status).toMatch(/registered|sent/);
    const history = await repositories.boletos.getWithHistory(tenantId, boleto?.id ?? '');
    const kinds = history?.activities.map((activity) => activity.kind) ?? [];
    expect(kinds).toEqual(
      expect.arrayContaining(['confirmation_requested', 'confirmation_answered', 'creation_attempted']),
    );
    const attempt = history?.activities.find((activity) => activity.kind === 'creation_attempted');
    expect(attempt?.detail).toMatchObject({ outcome: 'created', providerId: boleto?.provider?.providerId });
  });

  it('"não tem" e-mail, refused by Paytime: one precise question, no contact debris, then one boleto', async () => {
    await say({ text: 'cobra 150 da Jurema dia 28' });
    await say({ text: '11 97777-1234' });
    await say({ text: '248.438.034-80' });
    expect(lastTextTo(owner)).toMatch(/Qual o e-mail de Jurema/);
    await say({ text: 'não tem' });
    expect(lastTextTo(owner)).toMatch(/^Confirma boleto de R\$ 150,00 para Jurema \(novo contato\)/);
    const before = billets().length;
    await confirmLast();
    // Paytime answered 422 `client.email: is required`: nothing there, nothing left here, a precise question.
    expect(billets()).toHaveLength(before);
    expect(lastTextTo(owner)).toBe(
      'A Paytime só emite o boleto com um e-mail para Jurema. Qual e-mail posso usar? (pode ser o seu, para receber a cópia)',
    );
    expect(textsTo(owner).join('\n')).not.toMatch(/Tente de novo/);
    expect(await repositories.contacts.findByPhone(tenantId, '+5511977771234' as never)).toBeUndefined();
    const requestId = await lastRequestId();
    const firstBoleto = await repositories.boletos.get(
      tenantId,
      deterministicId('boleto', tenantId, requestId),
    );
    expect(firstBoleto).toMatchObject({ status: 'failed', failureReason: 'provider_rejected:payer.email' });
    const history = await repositories.boletos.getWithHistory(tenantId, firstBoleto?.id ?? '');
    expect(history?.events.map((event) => event.type)).toEqual(['BoletoRequested', 'BoletoCreationFailed']);
    expect(history?.activities.find((a) => a.kind === 'creation_attempted')?.detail).toMatchObject({
      outcome: 'rejected',
      reason: 'payer.email',
    });
    expect(history?.activities.some((a) => a.kind === 'creation_failed')).toBe(true);

    await say({ text: 'ana@oficinademo.com.br' });
    expect(lastTextTo(owner)).toMatch(/^Confirma boleto de R\$ 150,00 para Jurema/);
    await confirmLast();
    expect(billets()).toHaveLength(before + 1);
    expect(billets().at(-1)).toMatchObject({ client: { email: 'ana@oficinademo.com.br' } });
    expect(lastTextTo(owner)).toMatch(/Linha digitável/);
    const jurema = await repositories.contacts.findByPhone(tenantId, '+5511977771234' as never);
    expect(jurema?.email).toBe('ana@oficinademo.com.br');
    const boletos = await repositories.boletos.listByContact(tenantId, jurema?.contactId ?? '');
    expect(boletos.map((b) => b.status).sort()).toEqual(['failed', expect.stringMatching(/registered|sent/)]);
  });

  it('while Paytime is down the owner hears it at once; the request waits and is issued once when it is back', async () => {
    await say({ text: 'cobra 130 do João dia 28' });
    const before = billets().length;
    paytime().failNext(10_000, { status: 503 });
    await confirmLast();
    expect(lastTextTo(owner)).toBe('A Paytime está fora do ar; emito assim que voltar e te aviso.');
    expect(billets()).toHaveLength(before);
    const requestId = await lastRequestId();
    const waiting = await repositories.boletos.get(tenantId, deterministicId('boleto', tenantId, requestId));
    expect(waiting?.status).toBe('requested');

    // Still down a few minutes later: nothing new is said, nothing is created.
    await cloud.advance({ minutes: 4 });
    expect(lastTextTo(owner)).toBe('A Paytime está fora do ar; emito assim que voltar e te aviso.');
    paytime().clearFaults();
    await cloud.advance({ minutes: 10 });
    expect(billets()).toHaveLength(before + 1);
    expect(lastTextTo(owner)).toMatch(/R\$ 130,00 para João Silva.*\n?Linha digitável/s);
    const issued = await repositories.boletos.get(tenantId, waiting?.id ?? '');
    expect(issued?.status).toMatch(/registered|sent/);
    const history = await repositories.boletos.getWithHistory(tenantId, waiting?.id ?? '');
    const outcomes = history?.activities
      .filter((a) => a.kind === 'creation_attempted')
      .map((a) => a.detail?.outcome);
    expect(outcomes?.at(-1)).toBe('created');
    expect(outcomes?.filter((outcome) => outcome === 'unavailable').length).toBeGreaterThanOrEqual(2);
  });

  it('an outage past the horizon ends the boleto failed, tells the owner, and queries never say "sendo emitido"', async () => {
    await say({ text: 'cobra 140 do Pedro dia 28' });
    const before = billets().length;
    paytime().failNext(100_000, { status: 503 });
    await confirmLast();
    expect(lastTextTo(owner)).toMatch(/fora do ar/);
    const requestId = await lastRequestId();
    await cloud.advance({ hours: 25 });
    paytime().clearFaults();
    expect(billets()).toHaveLength(before);
    const failed = await repositories.boletos.get(tenantId, deterministicId('boleto', tenantId, requestId));
    expect(failed).toMatchObject({ status: 'failed', failureReason: 'provider_unavailable' });
    expect(
      textsTo(owner).some((text) => /continuou fora do ar.*R\$ 140,00 para Pedro Álvares/.test(text)),
    ).toBe(true);
    expect((await repositories.conversations.getRequest(tenantId, requestId))?.status).toBe('failed');
    await say({ text: 'o Pedro pagou?' });
    expect(lastTextTo(owner)).not.toMatch(/sendo emitido/);
    expect(lastTextTo(owner)).not.toMatch(/R\$ 140,00/);
  }, 180_000);

  it('the confirmation for an opted-out payer says it will not reach them on WhatsApp', async () => {
    const contact = await repositories.contacts.get(tenantId, maria.contactId);
    if (!contact) throw new Error('demo contact missing');
    await repositories.contacts.update({ ...contact, optedOut: true });
    await say({ text: 'cobra 90 da Maria Souza dia 28' });
    expect(lastTextTo(owner)).toMatch(
      /^Confirma boleto de R\$ 90,00 para Maria Souza, vencimento 28\/\d{2}\/\d{4}\?\nAtenção: Maria Souza pediu para não receber mensagens/,
    );
    expect(joao && pedro).toBeTruthy();
  });

  /** The request of the latest confirmation buttons shown to the owner (`confirm:<requestId>:<version>`). */
  async function lastRequestId(): Promise<string> {
    for (const entry of [...sentTo(owner)].reverse()) {
      const match = /confirm:([A-Za-z0-9_-]+):\d+/.exec(JSON.stringify(entry.request));
      if (match?.[1]) return match[1];
    }
    throw new Error('no confirmation was shown');
  }
});
