import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { createLocalDynamoDbClient } from '#test/support/dynamodb-test-table';
import { ownerChat } from '#test/support/owner-chat';

/**
 * Issue 11, items 2 and 3, on the local cloud: a charge confirmed on Saturday night is held for the reminder
 * window; the owner is told when it will go, not that it went. One boleto is paid and the other cancelled on
 * Sunday: on Monday at 08:00 neither payer receives anything (no boleto, no cancellation notice).
 */
describe('delivery tells the truth across a weekend (local cloud)', () => {
  let cloud: LocalCloud;
  let repositories: ReturnType<typeof createTableRepositories>;
  const owner = DEMO_TENANT.owner.phone;
  const [joao, maria, pedro] = DEMO_TENANT.contacts;
  const tenantId = DEMO_TENANT.tenantId;

  const { say, sentTo, textsTo, confirmLast } = ownerChat(() => cloud, owner);
  const onlyBoletoOf = async (contactId: string) => {
    const boletos = await repositories.boletos.listByContact(tenantId, contactId);
    expect(boletos).toHaveLength(1);
    return boletos[0] as NonNullable<(typeof boletos)[0]>;
  };

  beforeAll(async () => {
    cloud = await startLocalCloud({
      port: 0,
      clockStart: new Date('2026-12-12T23:35:00Z'), // Saturday 20:35 in São Paulo
    });
    repositories = createTableRepositories(
      cloud.tableName,
      createDocumentClient(createLocalDynamoDbClient(cloud.urls.dynamoDb)),
    );
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('says when a Saturday-night charge will go, then sends nothing stale on Monday', async () => {
    await say({ text: 'cobra 150 reais do João dia 20' });
    await confirmLast();
    const toOwnerAfterJoao = textsTo(owner);
    expect(toOwnerAfterJoao.at(-1)).toMatch(
      /^✅ Boleto de R\$ 150,00 para João Silva, vencimento 20\/12\/2026: emitido\. Vou enviar para João segunda às 08:00/,
    );
    expect(toOwnerAfterJoao.join('\n')).not.toMatch(/enviado no WhatsApp/);
    expect(sentTo(joao.phone)).toHaveLength(0);

    await say({ text: 'cobra 80 reais da Maria Souza dia 21' });
    await confirmLast();
    expect(textsTo(owner).at(-1)).toMatch(/Vou enviar para Maria segunda às 08:00/);
    expect(sentTo(maria.phone)).toHaveLength(0);

    await say({ text: 'cobra 95 reais do Pedro dia 22' });
    await confirmLast();
    expect(textsTo(owner).at(-1)).toMatch(/Vou enviar para Pedro segunda às 08:00/);

    await cloud.advance({ hours: 16 }); // Sunday 12:35
    const joaoBoleto = await onlyBoletoOf(joao.contactId);
    cloud.simulators.paytime.controls.pay(joaoBoleto.provider?.providerId ?? 'missing');
    await cloud.simulators.paytime.controls.settle();
    await cloud.settle();
    expect((await repositories.boletos.get(tenantId, joaoBoleto.id))?.status).toBe('paid');

    await say({ text: 'cancela o boleto da Maria' });
    await confirmLast();
    const mariaBoleto = await onlyBoletoOf(maria.contactId);
    expect(mariaBoleto.status).toBe('cancelled');
    expect(textsTo(owner).at(-1)).toMatch(/^✅ Cancelei o boleto de Maria Souza/);
    expect(textsTo(owner).at(-1)).not.toMatch(/Avisei|Vou avisar/);

    const ownerMessagesBeforeMonday = sentTo(owner).length;
    await cloud.advance({ hours: 20 }); // Monday 08:35
    expect(sentTo(joao.phone)).toHaveLength(0);
    expect(sentTo(maria.phone)).toHaveLength(0);
    // Pedro's boleto is still open: it goes at 08:00, as the template (he never wrote), with PDF and Pix.
    const toPedro = sentTo(pedro.phone);
    expect(toPedro.filter((record) => record.accepted)).toHaveLength(1);
    const billet = cloud.simulators.paytime.controls.boleto(
      (await onlyBoletoOf(pedro.contactId)).provider?.providerId ?? '',
    );
    const request = JSON.stringify(toPedro[0]?.request);
    expect(request).toContain('"type":"template"');
    expect(request).toContain(`"link":"${billet?.url}"`);
    expect(request).toContain(String(billet?.pix_emv ?? 'no pix'));
    expect((await onlyBoletoOf(pedro.contactId)).status).toBe('sent');
    expect(textsTo(owner).slice(ownerMessagesBeforeMonday).join('\n')).not.toMatch(/enviad|enviei/i);

    const joaoHistory = await repositories.boletos.getWithHistory(tenantId, joaoBoleto.id);
    expect(joaoHistory?.activities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'message_deferred' }),
        expect.objectContaining({
          kind: 'message_superseded',
          detail: expect.objectContaining({ reason: 'boleto_paid' }),
        }),
      ]),
    );
    const mariaHistory = await repositories.boletos.getWithHistory(tenantId, mariaBoleto.id);
    const superseded = (mariaHistory?.activities ?? [])
      .filter((activity) => activity.kind === 'message_superseded')
      .map((activity) => activity.detail?.reason)
      .sort();
    // She never had it: no cancellation notice was even queued, and the owner was not told she was warned.
    expect(superseded).toEqual(['boleto_cancelled']);

    // The console's outbox says why each dropped message was dropped.
    const { outbox } = (await (await fetch(`${cloud.apiUrl}/_local/outbox`)).json()) as {
      outbox: Array<{ boletoId: string | null; status: string; supersededReason: string | null }>;
    };
    const dropped = outbox.filter((item) => item.status === 'superseded');
    expect(dropped.map((item) => [item.boletoId, item.supersededReason]).sort()).toEqual(
      [
        [joaoBoleto.id, 'boleto_paid'],
        [mariaBoleto.id, 'boleto_cancelled'],
      ].sort(),
    );
  }, 120_000); // a Saturday-to-Monday run of the clock: every scheduled job, stream consumer and schedule fires on the way
});
