import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { addDays, type CalendarDate, formatDateBr, saoPauloDateOf } from '#domain/calendar-date';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { createLocalDynamoDbClient } from '#test/support/dynamodb-test-table';
import { ownerChat } from '#test/support/owner-chat';

/**
 * Issue 12 item 4 on the local cloud: "muda o vencimento / o valor do boleto do João pra …" is one confirmation,
 * then a new boleto through the create path, the old one cancelled at Paytime and here, the payer told once
 * (the new boleto, no cancellation notice), and the two boletos linked in their audit trails.
 */
describe('amending a boleto', () => {
  let cloud: LocalCloud;
  let repositories: ReturnType<typeof createTableRepositories>;
  const tenantId = DEMO_TENANT.tenantId;
  const owner = DEMO_TENANT.owner.phone;
  const [joao, maria] = DEMO_TENANT.contacts;
  const chat = ownerChat(() => cloud, owner);
  let today: CalendarDate;
  const ddmm = (date: CalendarDate) => formatDateBr(date).slice(0, 5);
  const billets = () => cloud.simulators.paytime.controls.boletos();
  const boletosOf = (contactId: string) => repositories.boletos.listByContact(tenantId, contactId);

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    repositories = createTableRepositories(
      cloud.tableName,
      createDocumentClient(createLocalDynamoDbClient(cloud.urls.dynamoDb)),
    );
    today = saoPauloDateOf(cloud.clock.now());
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('replaces the boleto after one confirmation and tells the payer once, with the new boleto', async () => {
    const due = addDays(today, 10);
    const newDue = addDays(today, 25);
    expect(await chat.ask(`cobra 150 do João dia ${ddmm(due)}`)).toMatch(/^Confirma boleto de R\$ 150,00/);
    await chat.tap('Sim');
    const [old] = await boletosOf(joao.contactId);
    expect(old?.status).toBe('sent');
    const toJoaoBefore = chat.sentTo(joao.phone).length;
    const billetsBefore = billets().length;

    expect(await chat.ask(`muda o vencimento do boleto do João pra dia ${ddmm(newDue)}`)).toBe(
      `Trocar o boleto de João Silva de R$ 150,00 (vence ${formatDateBr(due)}) por R$ 150,00 vencendo ${formatDateBr(newDue)}? O antigo será cancelado.`,
    );
    expect(billets()).toHaveLength(billetsBefore); // nothing happens before the yes
    const ownerBefore = chat.sentTo(owner).length;
    await chat.tap('Sim');

    const boletos = await boletosOf(joao.contactId);
    const renewed = boletos.find((boleto) => boleto.id !== old?.id);
    expect(boletos.find((boleto) => boleto.id === old?.id)?.status).toBe('cancelled');
    expect(renewed).toMatchObject({ status: 'sent', amountCents: 15000, dueDate: newDue });
    expect(billets()).toHaveLength(billetsBefore + 1);
    const oldBillet = billets().find((billet) => billet._id === old?.provider?.providerId);
    const newBillet = billets().find((billet) => billet._id === renewed?.provider?.providerId);
    expect(oldBillet?.status).toBe('CANCELED');
    expect(newBillet?.status).toBe('PENDING');
    expect(newBillet?.expiration_at.slice(0, 10)).toBe(newDue);

    const toJoao = chat.sentTo(joao.phone).slice(toJoaoBefore);
    expect(toJoao).toHaveLength(1); // the new boleto only: no separate cancellation notice
    expect(JSON.stringify(toJoao[0])).toContain(formatDateBr(newDue));
    expect(chat.textsSince(ownerBefore).join('\n')).toContain(
      `Troquei o boleto de João Silva: o antigo (R$ 150,00, vencimento ${formatDateBr(due)}) foi cancelado`,
    );

    const oldHistory = await repositories.boletos.getWithHistory(tenantId, old?.id ?? '');
    const newHistory = await repositories.boletos.getWithHistory(tenantId, renewed?.id ?? '');
    expect(oldHistory?.activities).toContainEqual(
      expect.objectContaining({ kind: 'replaced_by', detail: { replacedBy: renewed?.id } }),
    );
    expect(newHistory?.activities).toContainEqual(
      expect.objectContaining({ kind: 'replaces', detail: { replaces: old?.id } }),
    );
  }, 120_000);

  it('a paid boleto is not amended: IRIS says so and changes nothing', async () => {
    const [open] = (await boletosOf(joao.contactId)).filter((boleto) => boleto.status === 'sent');
    cloud.simulators.paytime.controls.pay(open?.provider?.providerId ?? '');
    await cloud.settle();
    expect((await repositories.boletos.get(tenantId, open?.id ?? ''))?.status).toBe('paid');
    const before = billets().length;
    expect(await chat.ask('muda o valor do boleto do João pra 300')).toMatch(
      /^João Silva já pagou o boleto de R\$ 150,00 .*não mudei nada\.$/,
    );
    expect(billets()).toHaveLength(before);
  }, 120_000);

  it('with several open boletos asks which (numbered); "não" keeps them as they were', async () => {
    for (const [amount, days] of [
      [80, 8],
      [120, 12],
    ] as const) {
      await chat.ask(`cobra ${amount} da Maria dia ${ddmm(addDays(today, days))}`);
      await chat.tap('Sim');
    }
    const question = await chat.ask(`adia o boleto da Maria pra ${ddmm(addDays(today, 30))}`);
    expect(question).toMatch(
      /^Maria Souza tem 2 boletos em aberto:\n1\) R\$ 80,00, vence .*\n2\) R\$ 120,00, vence /,
    );
    expect(await chat.ask('2')).toBe(
      `Trocar o boleto de Maria Souza de R$ 120,00 (vence ${formatDateBr(addDays(today, 12))}) por R$ 120,00 vencendo ${formatDateBr(addDays(today, 30))}? O antigo será cancelado.`,
    );
    const before = billets().length;
    await chat.tap('Não');
    expect(chat.lastText()).toBe('Tudo bem, o boleto continua como estava.');
    expect(billets()).toHaveLength(before);
    expect((await boletosOf(maria.contactId)).map((boleto) => boleto.status)).toEqual(['sent', 'sent']);
  }, 120_000);

  it('when the old boleto was paid meanwhile, the new one is cancelled unsent and the owner told', async () => {
    const pedro = DEMO_TENANT.contacts[2];
    expect(await chat.ask(`cobra 150 do Pedro dia ${ddmm(addDays(today, 9))}`)).toMatch(/^Confirma boleto/);
    await chat.tap('Sim');
    const [old] = await boletosOf(pedro.contactId);
    expect(old?.status).toBe('sent');
    cloud.simulators.paytime.controls.dropNextWebhooks(1); // IRIS does not hear of the payment
    cloud.simulators.paytime.controls.pay(old?.provider?.providerId ?? '');
    await cloud.settle();
    expect((await repositories.boletos.get(tenantId, old?.id ?? ''))?.status).toBe('sent');
    const toPedroBefore = chat.sentTo(pedro.phone).length;

    expect(
      await chat.ask(`muda o vencimento do boleto do Pedro pra dia ${ddmm(addDays(today, 20))}`),
    ).toMatch(/^Trocar o boleto de Pedro Álvares de R\$ 150,00/);
    await chat.tap('Sim');
    expect((await chat.transcript()).join('\n')).toContain(
      'Não troquei: Pedro Álvares pagou o boleto de R$ 150,00',
    );
    const boletos = await boletosOf(pedro.contactId);
    const renewed = boletos.find((boleto) => boleto.id !== old?.id);
    expect(boletos.find((boleto) => boleto.id === old?.id)?.status).toBe('paid');
    expect(renewed?.status).toBe('failed');
    const newBillet = billets().at(-1); // the one created for the amendment
    expect(newBillet?._id).not.toBe(old?.provider?.providerId);
    expect(newBillet?.status).toBe('CANCELED');
    expect(chat.sentTo(pedro.phone).slice(toPedroBefore)).toHaveLength(0); // nothing stale reached Pedro
  }, 120_000);

  it('when Paytime stays down, no new boleto is issued and the old one stays valid', async () => {
    const before = await boletosOf(maria.contactId);
    expect(await chat.ask('muda o valor do boleto da Maria de 80 pra 90')).toMatch(
      /^Maria Souza tem 2 boletos/,
    );
    expect(await chat.ask('o de 80')).toMatch(
      /^Trocar o boleto de Maria Souza de R\$ 80,00 .* por R\$ 90,00/,
    );
    const billetsBefore = billets().length;
    cloud.simulators.paytime.controls.failNext(100_000, { status: 503, operations: ['create'] });
    await chat.tap('Sim');
    expect(chat.lastText()).toBe('A Paytime está fora do ar; emito assim que voltar e te aviso.');
    await cloud.advance({ hours: 25 });
    cloud.simulators.paytime.controls.clearFaults();
    expect((await chat.transcript()).join('\n')).toMatch(
      /não consegui emitir o boleto de R\$ 90,00 para Maria Souza\. Nenhum boleto foi criado/,
    );
    expect(billets()).toHaveLength(billetsBefore);
    const after = await boletosOf(maria.contactId);
    for (const boleto of before) expect(after.find((b) => b.id === boleto.id)?.status).toBe('sent');
  }, 180_000);
});
