import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { stateMachineArn } from '#infra/local/local-cloud-names';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { ownerChat } from '#test/support/owner-chat';
import { weeklyCollectionSchedules } from '#test/support/schedule-group';

/**
 * Collection e-mails and campaigns on the local cloud (issue 13 items 5-6): the owner imports
 * `events/collections/aging-sample.csv` as a WhatsApp document, asks how the portfolio is, asks for the
 * e-mails, sees the counts per degree and a sample, taps Sim → the e-mails reach the local SES with the file's
 * amounts; a second campaign the same day queues nothing; a newer file and the weekly schedule send again only
 * where due (a degree increase at once, the same degree a week after the last e-mail).
 */

interface StoredEmail {
  to: string[];
  subject: string;
  text: string;
}

describe('collection e-mail campaigns', () => {
  let cloud: LocalCloud;
  const owner = DEMO_TENANT.owner.phone;
  const { say, ask, lastText, lastTextTo, textsTo, confirmLast } = ownerChat(() => cloud, owner);
  const viewer = DEMO_TENANT.members[2].phone;
  const sample = readFileSync(
    new URL('../../../events/collections/aging-sample.csv', import.meta.url),
    'utf8',
  );

  const sendFile = (csv: string, filename: string) =>
    say({
      document: {
        filename,
        mime_type: 'text/csv',
        content_base64: Buffer.from(csv, 'utf8').toString('base64'),
      },
    });
  const emails = async (): Promise<StoredEmail[]> => {
    const response = await fetch(`${cloud.apiUrl}/_local/emails`);
    return ((await response.json()) as { emails: StoredEmail[] }).emails;
  };
  const emailsTo = async (address: string) => (await emails()).filter((email) => email.to.includes(address));

  beforeAll(async () => {
    // Monday 07/12/2026, 10:00 in São Paulo.
    cloud = await startLocalCloud({
      port: 0,
      clockStart: new Date('2026-12-07T13:00:00Z'),
    });
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('imports the file and answers "como está minha carteira?" from its snapshots', async () => {
    await sendFile(sample, 'carteira.csv');
    expect(lastText()).toContain('• 12 linhas lidas\n• 9 importadas\n• 3 com erro');
    expect(await ask('como está minha carteira?')).toBe(
      [
        'Carteira (posição de 07/12/2026): R$ 4.463,55 em aberto, 3 contas.',
        '• 0–30 dias: R$ 854,33',
        '• 31–60 dias: R$ 258,38',
        '• 61–90 dias: R$ 733,52',
        '• 91–120 dias: R$ 812,71',
        '• mais de 120 dias: R$ 1.804,61',
        'Cobrança por e-mail:',
        '• 1 – lembrete amigável: 0 contas',
        '• 2 – lembrete firme: 1 contas',
        '• 3 – notificação formal: 0 contas',
        '• 4 – aviso final antes de medidas legais: 2 contas',
      ].join('\n'),
    );
  }, 120_000);

  it('"manda as cobranças por e-mail" shows who gets what and a sample; Sim queues grounded e-mails', async () => {
    await say({ text: 'manda as cobranças por e-mail' });
    const confirmation = lastText();
    expect(confirmation).toMatch(
      /^Carteira \(posição de 07\/12\/2026\): R\$ 4\.463,55 em aberto, 3 contas\.\n• 0–30 dias/,
    );
    expect(confirmation).toContain(
      '\n\nCobrança por e-mail (posição de 07/12/2026): 3 e-mails\n• 2 – lembrete firme: 1\n• 4 – aviso final antes de medidas legais: 2\n\nExemplo (',
    );
    expect(confirmation.length).toBeLessThanOrEqual(1024);
    expect(confirmation).toContain('Assunto: ');
    expect(confirmation).toMatch(/Confirma o envio\?$/);
    expect(await emails()).toEqual([]);

    await confirmLast();
    expect(lastText()).toBe('3 e-mails na fila de envio.');
    const [padaria] = await emailsTo('financeiro0@cliente0.com.br');
    expect(padaria?.subject).toBe('Faturas vencidas: R$ 537,57 em aberto');
    expect(padaria?.text).toContain('Fatura NF-100000 – vencimento 25/12/2026 – em dia – R$ 100,00');
    expect(padaria?.text).toContain(
      'Fatura NF-100001 – vencimento 18/11/2026 – 19 dias em atraso – R$ 179,19',
    );
    expect(padaria?.text).toContain(
      'Fatura NF-100002 – vencimento 12/10/2026 – 56 dias em atraso – R$ 258,38',
    );
    const [oficina] = await emailsTo('financeiro1@cliente1.com.br');
    expect(oficina?.subject).toBe('Aviso final antes de medidas legais: Oficina Lima 1');
    expect(oficina?.text).toContain('R$ 1.487,85');
    expect(oficina?.text).toContain(
      'Fatura NF-100005 – vencimento 23/06/2026 – 167 dias em atraso – R$ 495,95',
    );
    expect(oficina?.text).not.toContain('NF-100007'); // its row was rejected
    const [mercearia] = await emailsTo('financeiro2@cliente2.com.br');
    expect(mercearia?.text).toContain('R$ 2.438,13');
    expect(await emails()).toHaveLength(3);
  }, 120_000);

  it('a second campaign the same day queues nothing new', async () => {
    expect(await ask('manda as cobranças por e-mail')).toMatch(
      /\n\nNenhum e-mail de cobrança a enviar agora\.\nFora desta vez: 3 já cobradas nesta posição\.$/,
    );
    await cloud.settle();
    expect(await emails()).toHaveLength(3);
  }, 120_000);

  it('the owner pauses and resumes one account by message', async () => {
    expect(await ask('pausa a cobrança da Mercearia Conceição 2')).toBe(
      'Cobrança por e-mail de Mercearia Conceição 2 pausada: nenhum e-mail até você pedir "retoma a cobrança de Mercearia Conceição 2".',
    );
    expect(await ask('como está minha carteira?')).toMatch(
      /• 4 – aviso final antes de medidas legais: 1 contas\n• pausadas: 1 contas$/,
    );
    expect(await ask('retoma a cobrança da mercearia conceicao 2')).toMatch(
      /^Cobrança por e-mail de Mercearia Conceição 2 retomada/,
    );
    expect(await ask('fixa a Mercearia Conceição 2 no grau 1')).toBe(
      'Mercearia Conceição 2 fica no grau 1 (lembrete amigável) nas próximas cobranças por e-mail, enquanto tiver fatura vencida.',
    );
    expect(await ask('volta a mercearia conceicao 2 pro automático')).toBe(
      'Mercearia Conceição 2 volta ao grau automático: as próximas cobranças seguem a fatura vencida mais antiga.',
    );
  }, 120_000);

  it('a viewer may ask how the portfolio is, but not send the e-mails', async () => {
    await say({ text: 'como estão meus recebíveis?' }, viewer);
    expect(lastTextTo(viewer)).toMatch(
      /^Carteira \(posição de 07\/12\/2026\): R\$ 4\.463,55 em aberto, 3 contas\./,
    );
    await say({ text: 'manda as cobranças por e-mail' }, viewer);
    expect(lastTextTo(viewer)).toMatch(/^Seu perfil é consulta: não permite /);
    await say({ text: 'coloca a Mercearia Conceição 2 em aviso final' }, viewer);
    expect(lastTextTo(viewer)).toMatch(/^Seu perfil é consulta: não permite /);
    await cloud.settle();
    expect(await emails()).toHaveLength(3);
  }, 120_000);

  it('a weekly schedule and a newer file send again only where due', async () => {
    await say({ text: 'manda as cobranças por e-mail toda segunda' });
    expect(lastText()).toMatch(/Ligo a cobrança automática toda segunda às 9h/);
    await confirmLast();
    expect(lastText()).toBe(
      'Nenhum e-mail novo na fila: nada mais estava devido.\nCobrança automática ligada: toda segunda às 9h. Para desligar: "para as cobranças automáticas".',
    );
    expect(weeklyCollectionSchedules(cloud, DEMO_TENANT.tenantId)).toEqual([
      expect.objectContaining({
        ScheduleExpression: 'at(2026-12-14T09:00:00)',
        Target: expect.objectContaining({ Arn: stateMachineArn('conversation') }),
      }),
    ]);

    // Wednesday: a newer file. The Padaria's oldest invoice is now 61–90 days (degree 3); the Mercearia paid.
    await cloud.advance({ days: 2 });
    const newer = sample
      .split('\n')
      .filter((line) => !line.startsWith('C00002;'))
      .map((line) =>
        line.includes('NF-100002;') ? line.replace('258,38;;258,38;;;', '258,38;;;258,38;;') : line,
      )
      .join('\n');
    await sendFile(newer, 'carteira-2.csv');
    expect(lastText()).toContain('faturas que saíram da carteira foram encerradas');
    await say({ text: 'manda as cobranças por e-mail' });
    expect(lastText()).toContain(
      '\n\nCobrança por e-mail (posição de 09/12/2026): 1 e-mail\n• 3 – notificação formal: 1\n',
    );
    expect(lastText()).toContain('1 cobradas há menos de 7 dias');
    await confirmLast();
    expect(lastText()).toBe('1 e-mail na fila de envio.');
    const padaria = await emailsTo('financeiro0@cliente0.com.br');
    expect(padaria).toHaveLength(2);
    expect(padaria.map((email) => email.subject)).toContain(
      'Notificação de débito em aberto: Padaria Souza 0',
    );

    // Monday 14/12 09:00: the schedule fires; only the Oficina (degree 4, last e-mail 7 days ago) is due.
    await cloud.advance({ days: 5, hours: 1 });
    expect(textsTo(owner).at(-1)).toContain('Cobrança automática de 14/12/2026: 1 e-mail na fila de envio.');
    const oficina = await emailsTo('financeiro1@cliente1.com.br');
    expect(oficina).toHaveLength(2);
    expect(oficina.some((email) => email.text.includes('posição de 09/12/2026'))).toBe(true);
    expect(await emailsTo('financeiro2@cliente2.com.br')).toHaveLength(1);
    expect(await emails()).toHaveLength(5);
    expect(weeklyCollectionSchedules(cloud, DEMO_TENANT.tenantId)).toEqual([
      expect.objectContaining({ ScheduleExpression: 'at(2026-12-21T09:00:00)' }),
    ]);

    expect(await ask('para as cobranças automáticas')).toBe(
      'Cobrança automática desligada. Nenhum e-mail será enviado sem você pedir.',
    );
    expect(weeklyCollectionSchedules(cloud, DEMO_TENANT.tenantId)).toEqual([]);
  }, 240_000);
});
