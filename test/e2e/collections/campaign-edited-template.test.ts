import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { LocalCloudClient } from '#infra/local/local-cloud-client';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { ownerChat } from '#test/support/owner-chat';
import { apiCaller, signInAll } from '#test/support/tenant-api-session';

/**
 * A campaign uses the template as last edited (issue 13 item 4): the owner imports
 * `events/collections/aging-sample.csv`, edits degree 4 through `PUT /v1/collection-templates/4`, asks for the
 * e-mails and confirms → the degree-4 e-mails in the local SES carry version 2's subject and text (none of
 * version 1's), and the account's last e-mail records `collection-degree-4` version 2; degree 2, not edited,
 * still uses its built-in version 1.
 */

describe('a campaign with an edited template', () => {
  let cloud: LocalCloud;
  const owner = DEMO_TENANT.owner.phone;
  const { say, lastText, confirmLast } = ownerChat(() => cloud, owner);
  const sample = readFileSync(new URL('../../../events/collections/aging-sample.csv', import.meta.url));
  const edited = {
    subject: 'Último aviso (revisado): {{nome_conta}}',
    text: 'Prezado(a) {{nome_contato}},\n\nTexto revisado pela Ana em dezembro.\n\n{{faturas}}\n\nAtenciosamente.',
  };

  const local = () => new LocalCloudClient(cloud.apiUrl);
  const emailsTo = async (address: string) =>
    (await local().emails()).filter((email) => email.to.includes(address));

  beforeAll(async () => {
    // The sample's degrees on Monday 07/12/2026 (10:00 in São Paulo): 2, 4 and 4.
    cloud = await startLocalCloud({
      port: 0,
      clockStart: new Date('2026-12-07T13:00:00Z'),
    });
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('sends the degree-4 e-mails with the edited version and records its id and version', async () => {
    await say({
      document: {
        filename: 'carteira.csv',
        mime_type: 'text/csv',
        content_base64: sample.toString('base64'),
      },
    });
    expect(lastText()).toContain('• 9 importadas');

    const tokens = await signInAll(cloud);
    const put = await apiCaller(cloud)('/v1/collection-templates/4', {
      method: 'PUT',
      token: tokens.owner,
      body: edited,
    });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({ degree: 4, version: 2, active: true });

    await say({ text: 'manda as cobranças por e-mail' });
    await confirmLast();
    expect(lastText()).toBe('3 e-mails na fila de envio.');

    const [oficina] = await emailsTo('financeiro1@cliente1.com.br');
    expect(oficina?.subject).toBe('Último aviso (revisado): Oficina Lima 1');
    expect(oficina?.text).toContain('Texto revisado pela Ana em dezembro.');
    expect(oficina?.text).toContain(
      'Fatura NF-100005 – vencimento 23/06/2026 – 167 dias em atraso – R$ 495,95',
    );
    // Nothing of version 1 (its subject and its opening sentence).
    expect(oficina?.subject).not.toContain('Aviso final antes de medidas legais');
    expect(oficina?.text).not.toContain('Apesar dos avisos anteriores');

    expect(oficina?.messageId).toMatch(/\S/);
    const byEmail = new Map(
      (await local().agingAccounts()).map((account) => [account.lastEmail?.sesMessageId, account]),
    );
    expect(byEmail.get(oficina?.messageId)?.lastEmail).toMatchObject({
      degree: 4,
      templateId: 'collection-degree-4',
      templateVersion: 2,
    });
    const [mercearia] = await emailsTo('financeiro2@cliente2.com.br');
    expect(mercearia?.subject).toBe('Último aviso (revisado): Mercearia Conceição 2');
    expect(byEmail.get(mercearia?.messageId)?.lastEmail).toMatchObject({
      templateId: 'collection-degree-4',
      templateVersion: 2,
    });

    // Degree 2 was not edited: its built-in version 1.
    const [padaria] = await emailsTo('financeiro0@cliente0.com.br');
    expect(padaria?.subject).toBe('Faturas vencidas: R$ 537,57 em aberto');
    expect(byEmail.get(padaria?.messageId)?.lastEmail).toMatchObject({
      degree: 2,
      templateId: 'collection-degree-2',
      templateVersion: 1,
    });
  }, 120_000);
});
