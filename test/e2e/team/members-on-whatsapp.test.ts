import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { addDays, type CalendarDate, formatDateBr, saoPauloDateOf } from '#domain/calendar-date';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { createLocalDynamoDbClient } from '#test/support/dynamodb-test-table';
import { ownerChat } from '#test/support/owner-chat';

/**
 * Issue 14 item 1 on the local cloud: members use IRIS on WhatsApp with their role. Bruno (operator) charges:
 * the boleto is created, the confirmation and the payment notice reach him, and its audit names him; Carla
 * (viewer) asks for a charge and is refused with nothing written; Ana (owner) makes Carla an operator by
 * WhatsApp with a confirmation, and then Carla charges.
 */
describe('members on WhatsApp with their role', () => {
  let cloud: LocalCloud;
  let repositories: ReturnType<typeof createTableRepositories>;
  const tenantId = DEMO_TENANT.tenantId;
  const [ana, bruno, carla] = DEMO_TENANT.members;
  const [joao, maria] = DEMO_TENANT.contacts;
  const chat = ownerChat(() => cloud, ana.phone);
  let today: CalendarDate;
  const ddmm = (date: CalendarDate) => formatDateBr(date).slice(0, 5);
  const boletosOf = (contactId: string) => repositories.boletos.listByContact(tenantId, contactId);
  const tapSim = async (phone: string) => {
    const buttons = chat.requestsTo(phone).at(-1)?.interactive?.action?.buttons ?? [];
    const yes = buttons.map((button) => button.reply).find((reply) => reply.title === 'Sim');
    expect(yes, `no Sim button in "${chat.lastTextTo(phone)}"`).toBeDefined();
    await chat.say({ button: yes }, phone);
  };

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    repositories = createTableRepositories(
      cloud.tableName,
      createDocumentClient(createLocalDynamoDbClient(cloud.urls.dynamoDb)),
    );
    today = saoPauloDateOf(cloud.clock.now());
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('an operator charges: the boleto is created, he is answered and told of the payment, the audit names him', async () => {
    await chat.say({ text: `cobra 150 do João dia ${ddmm(addDays(today, 10))}` }, bruno.phone);
    expect(chat.lastTextTo(bruno.phone)).toMatch(/^Confirma boleto de R\$ 150,00/);
    await tapSim(bruno.phone);
    const [boleto] = await boletosOf(joao.contactId);
    expect(boleto).toMatchObject({ status: 'sent', amountCents: 15_000, requestedByPhone: bruno.phone });
    expect(chat.lastTextTo(bruno.phone)).toMatch(/boleto/i);

    const trail = await repositories.boletos.getWithHistory(tenantId, boleto?.id ?? '');
    const requested = trail?.events.find((event) => event.type === 'BoletoRequested');
    expect(requested?.actor).toEqual({ kind: 'owner', id: bruno.phone, memberId: 'bruno' });
    const answered = trail?.activities.find((activity) => activity.kind === 'confirmation_answered');
    expect(answered?.actor).toEqual({ kind: 'owner', id: bruno.phone, memberId: 'bruno' });

    const toBruno = chat.sentTo(bruno.phone).length;
    const [billet] = cloud.simulators.paytime.controls.boletos();
    await fetch(`${cloud.apiUrl}/_sim/paytime/boletos/${billet?._id}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amount_cents: 15_000 }),
    });
    await cloud.settle();
    expect(chat.textsTo(bruno.phone).slice(toBruno).join('\n')).toMatch(/João Silva pagou/);

    await chat.say({ text: 'gastei 45 no mercado' }, bruno.phone);
    expect(chat.lastTextTo(bruno.phone)).toMatch(/^Anotado! Despesa de R\$ 45,00/);
    const entries = await repositories.ledger.listByMonth(tenantId, today.slice(0, 7) as never);
    expect(entries.find((entry) => entry.kind === 'expense')).toMatchObject({
      amountCents: 4_500,
      recordedBy: 'bruno',
    });

    // A bare amount answering "qual foi o valor?" books under the member who answered, too.
    await chat.say({ text: 'gastei no posto' }, bruno.phone);
    expect(chat.lastTextTo(bruno.phone)).toMatch(/valor/i);
    await chat.say({ text: '30' }, bruno.phone);
    expect(chat.lastTextTo(bruno.phone)).toMatch(/^Anotado! Despesa de R\$ 30,00/);
    const after = await repositories.ledger.listByMonth(tenantId, today.slice(0, 7) as never);
    expect(after.find((entry) => entry.amountCents === 3_000)).toMatchObject({ recordedBy: 'bruno' });
  }, 180_000);

  it('a viewer cannot charge: a short refusal, and nothing is written', async () => {
    const billetsBefore = cloud.simulators.paytime.controls.boletos().length;
    await chat.say({ text: `cobra 100 do João dia ${ddmm(addDays(today, 12))}` }, carla.phone);
    expect(chat.lastTextTo(carla.phone)).toBe(
      'Seu perfil é consulta: não permite emitir boletos. Peça ao dono da conta.',
    );
    expect(await boletosOf(joao.contactId)).toHaveLength(1);
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(billetsBefore);
    await chat.say({ text: 'remove o Bruno' }, carla.phone);
    expect(chat.lastTextTo(carla.phone)).toBe(
      'Seu perfil é consulta: não permite alterar a equipe. Peça ao dono da conta.',
    );
    expect(await repositories.users.findByPhone(tenantId, bruno.phone as never)).toBeDefined();
  }, 120_000);

  it('the owner makes Carla an operator with a confirmation, and then she charges', async () => {
    const summary = await chat.ask('adiciona a Carla como operadora, 11 99999-0003');
    expect(summary).toBe(`Mudar Carla Consulta (${carla.phone}) de consulta para operador?`);
    expect((await repositories.users.findByPhone(tenantId, carla.phone as never))?.role).toBe('viewer');
    await chat.tap('Sim');
    expect(chat.lastText()).toBe('Pronto: Carla Consulta está na equipe com o perfil operador.');
    expect(await repositories.users.findByPhone(tenantId, carla.phone as never)).toMatchObject({
      role: 'operator',
      memberId: 'carla',
    });

    await chat.say({ text: `cobra 80 da Maria dia ${ddmm(addDays(today, 8))}` }, carla.phone);
    expect(chat.lastTextTo(carla.phone)).toMatch(/^Confirma boleto de R\$ 80,00/);
    await tapSim(carla.phone);
    const [boleto] = await boletosOf(maria.contactId);
    expect(boleto).toMatchObject({ status: 'sent', amountCents: 8_000, requestedByPhone: carla.phone });

    // An operator may cancel too; the cancellation names him.
    await chat.say({ text: 'cancela o boleto da Maria' }, bruno.phone);
    await tapSim(bruno.phone);
    const trail = await repositories.boletos.getWithHistory(tenantId, boleto?.id ?? '');
    expect(trail?.boleto.status).toBe('cancelled');
    const cancelled = trail?.events.find((event) => event.type === 'BoletoCancelled');
    expect(cancelled?.actor).toEqual({ kind: 'owner', id: bruno.phone, memberId: 'bruno' });
  }, 180_000);

  it('the owner adds a new member and removes one, each after a Sim; a token names the new member', async () => {
    expect(await chat.ask('adiciona a Daniela como consulta, (21) 98888-7777')).toBe(
      'Adicionar Daniela à equipe?\nPerfil: consulta\nWhatsApp: +5521988887777',
    );
    await chat.tap('Sim');
    expect(await repositories.users.findByPhone(tenantId, '+5521988887777' as never)).toMatchObject({
      name: 'Daniela',
      role: 'viewer',
      memberId: 'daniela',
    });
    const token = await fetch(`${cloud.apiUrl}/_local/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'daniela' }),
    });
    expect(token.status).toBe(200);
    expect(((await token.json()) as { member: unknown }).member).toEqual({
      username: 'daniela',
      name: 'Daniela',
      role: 'viewer',
      phone: '+5521988887777',
    });

    expect(await chat.ask('remove o Bruno')).toBe(
      `Remover Bruno Operador (operador, ${bruno.phone}) da equipe?`,
    );
    expect(await repositories.users.findByPhone(tenantId, bruno.phone as never)).toBeDefined();
    await chat.tap('Sim');
    expect(chat.lastText()).toBe('Pronto: Bruno Operador saiu da equipe.');
    expect(await repositories.users.findByPhone(tenantId, bruno.phone as never)).toBeUndefined();
  }, 180_000);
});
