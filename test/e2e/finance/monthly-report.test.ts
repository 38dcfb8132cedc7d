import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import type { CalendarDate } from '#domain/calendar-date';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { LOCAL_EMAIL } from '#infra/local/local-cloud-names';
import { attachmentBytes, sesStore } from '#infra/local/ses-local';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { createLocalDynamoDbClient } from '#test/support/dynamodb-test-table';
import { ownerChat } from '#test/support/owner-chat';
import { reportScheduleOf } from '#test/support/schedule-group';

/**
 * The owner report on the local cloud: a new stack has no report schedule; the daily finance check creates it
 * (through the production Scheduler adapter) on its first morning, and it fires on the virtual clock; on the
 * first business day of January 2027 (the 1st is a holiday, the 2nd and 3rd a weekend: Monday the 4th) the
 * report function sends December's report as a WhatsApp document and an e-mail with the PDF attached, and the
 * PDF's text (the linked one and the attached one) carries totals the test computes from its own entries.
 */
describe('the monthly report', () => {
  let cloud: LocalCloud;
  const owner = DEMO_TENANT.owner.phone;
  const tenantId = DEMO_TENANT.tenantId;
  const seeds: Array<[date: string, kind: 'income' | 'expense', cents: number, category: string]> = [
    ['2026-12-02', 'expense', 4_590, 'alimentação'],
    ['2026-12-03', 'expense', 12_000, 'transporte'],
    ['2026-12-03', 'income', 150_000, 'vendas'],
    ['2026-12-04', 'expense', 98_765, 'fornecedores'],
    // November: not in December's report
    ['2026-11-30', 'expense', 55_555, 'contas'],
  ];
  const december = seeds.filter(([date]) => date.startsWith('2026-12'));
  /** Limits for December: alimentação under (45,90 of 50,00), transporte over (120,00 of 100,00). */
  const budgets: Array<[category: string, label: string, limitCents: number]> = [
    ['alimentação', 'mercado', 5_000],
    ['transporte', 'gasolina', 10_000],
  ];
  const spentOn = (category: string) =>
    december
      .filter(([, kind, , c]) => kind === 'expense' && c === category)
      .reduce((total, [, , cents]) => total + cents, 0);
  const sum = (kind: 'income' | 'expense') =>
    december.filter(([, k]) => k === kind).reduce((total, [, , cents]) => total + cents, 0);
  /** "R$ 1.234,56", written out here so the test does not use the code under test. */
  const brl = (cents: number) => {
    const reais = Math.floor(Math.abs(cents) / 100)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return `${cents < 0 ? '-' : ''}R$ ${reais},${String(Math.abs(cents) % 100).padStart(2, '0')}`;
  };

  beforeAll(async () => {
    cloud = await startLocalCloud({
      port: 0,
      clockStart: new Date('2026-12-05T13:00:00Z'),
    });
    const repositories = createTableRepositories(
      cloud.tableName,
      createDocumentClient(createLocalDynamoDbClient(cloud.urls.dynamoDb)),
    );
    for (const [category, label, limitCents] of budgets) {
      const at = '2026-12-05T13:00:00.000Z';
      await repositories.budgets.put({ tenantId, category, label, limitCents, createdAt: at, updatedAt: at });
    }
    for (const [index, [date, kind, amountCents, category]] of seeds.entries()) {
      await repositories.ledger.add({
        tenantId,
        entryId: `seed-${index}`,
        kind,
        date: date as CalendarDate,
        amountCents,
        category,
        description: category,
        createdAt: '2026-12-05T13:00:00.000Z',
      });
    }
    // The budgets read December's figures the ledger projector keeps from the stream: wait until it saw them.
    await vi.waitFor(
      async () =>
        expect((await repositories.ledgerAggregates.month(tenantId, '2026-12'))?.entryCount).toBe(4),
      { timeout: 30_000, interval: 200 },
    );
  }, 120_000);
  afterAll(async () => cloud?.stop());

  const reports = async () => {
    const response = await fetch(`${cloud.apiUrl}/_local/reports`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { reports: Array<Record<string, string>> }).reports;
  };
  const documentsTo = (phone: string) =>
    cloud.simulators.whatsapp.controls
      .outboundTo(phone)
      .map((entry) => entry.request as Record<string, unknown>)
      .map((request) => JSON.stringify(request))
      .filter((request) => request.includes('"document"'));

  /** What the PDF must say: totals and budgets computed here from the seeds. */
  const expectDecemberFigures = async (pdf: Uint8Array) => {
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text).toContain('Relatório de dezembro de 2026');
    expect(text).toContain(`Entradas ${brl(sum('income'))}`);
    expect(text).toContain(`Saídas ${brl(sum('expense'))}`);
    expect(text).toContain(`Saldo ${brl(sum('income') - sum('expense'))}`);
    expect(text).toContain(`fornecedores ${brl(0)} ${brl(98_765)}`);
    expect(text).not.toContain(brl(55_555));
    for (const [category, , limitCents] of budgets) {
      const spent = spentOn(category);
      const percent = Math.floor((spent * 100) / limitCents);
      expect(text).toContain(
        `${category} ${brl(limitCents)} ${brl(spent)} ${brl(limitCents - spent)} ${percent}%`,
      );
    }
  };

  it('sends nothing before the first business day, then December on Monday 04/01/2027 at 08:00', async () => {
    expect(reportScheduleOf(cloud, tenantId)).toBeUndefined(); // a new stack has none
    await cloud.advance({ days: 29, hours: 12 }); // Sunday 03/01/2027, 22:00 in São Paulo
    // The daily finance check's first morning (06/12, 08:00) created the monthly one.
    expect(reportScheduleOf(cloud, tenantId)?.ScheduleExpression).toBe('cron(0 8 1-7 * ? *)');
    expect(await reports()).toEqual([]);
    await cloud.advance({ hours: 11 }); // Monday 04/01/2027, 09:00 in São Paulo
    const [report, ...others] = await reports();
    expect(others).toEqual([]);
    expect(report).toMatchObject({
      reportId: 'schedule-2026-12',
      title: 'dezembro de 2026',
      trigger: 'schedule',
      format: 'pdf',
      filename: 'relatorio-2026-12.pdf',
    });
    expect(report?.createdAt?.slice(0, 16)).toBe('2027-01-04T11:00'); // 08:00 in São Paulo

    await expectDecemberFigures(new Uint8Array(await (await fetch(report?.link ?? '')).arrayBuffer()));

    const documents = documentsTo(owner);
    expect(documents).toHaveLength(1);
    expect(documents[0]).toContain('relatorio-2026-12.pdf');
    const emails = (await (await fetch(`${cloud.apiUrl}/_local/emails`)).json()) as {
      emails: Array<{ to: string[]; subject: string; text: string; attachments: unknown[] }>;
    };
    const email = emails.emails.find((e) => e.subject.includes('Relatório de dezembro de 2026'));
    expect(email?.to).toEqual([LOCAL_EMAIL.ownerReports]);
    expect(email?.text).toContain(`Entradas: ${brl(sum('income'))}`);
    expect(email?.text).toContain('Segue em anexo: relatorio-2026-12.pdf.');
    expect(email?.attachments).toEqual([{ filename: 'relatorio-2026-12.pdf', size: expect.any(Number) }]);
    // The attached PDF itself, as SES received it: the one the owner forwards to the accountant.
    const stored = (await sesStore(cloud.urls.sesViewer)).find((e) => e.subject === email?.subject);
    const [attached] = stored?.attachments ?? [];
    expect(attached?.contentType).toBe('application/pdf');
    if (!attached) throw new Error('the report e-mail reached SES without its PDF');
    await expectDecemberFigures(attachmentBytes(attached));
  }, 240_000);

  it('sends the month once: the schedule firing again on the 5th sends nothing', async () => {
    await cloud.advance({ days: 1 });
    expect(await reports()).toHaveLength(1);
    expect(documentsTo(owner)).toHaveLength(1);
  }, 120_000);

  const chat = ownerChat(() => cloud, owner);
  /** IRIS's last text to the owner (the PDF, a document, may be delivered before or after it). */
  const say = async (text: string) => {
    await chat.say({ text });
    return chat.textsTo(owner).filter(Boolean).at(-1) ?? '';
  };

  it('sends a month on demand, and its ledger as the spreadsheet CSV', async () => {
    const reply = await say('me manda o relatório de dezembro');
    expect(reply).toContain('Relatório de dezembro de 2026');
    expect(reply).toContain(`Saídas: ${brl(sum('expense'))}`);
    expect(reply).toContain('O PDF está na fila de envio.');
    expect(documentsTo(owner)).toHaveLength(2);

    expect(await say('me manda a planilha de dezembro')).toContain('lancamentos-2026-12.csv');
    expect(documentsTo(owner)).toHaveLength(3);
    const [sheet] = await reports();
    expect(sheet).toMatchObject({ format: 'csv', trigger: 'request', title: 'dezembro de 2026' });
    const bytes = Buffer.from(await (await fetch(sheet?.link ?? '')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM a pt-BR spreadsheet reads as UTF-8
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.startsWith('data;tipo;categoria;descrição;valor (R$)')).toBe(true);
    expect(csv).toContain('03/12/2026;receita;vendas;vendas;1.500,00');
    expect(csv).toContain('04/12/2026;despesa;fornecedores;fornecedores;-987,65');
    expect(csv).not.toContain('30/11/2026');
  }, 120_000);

  it('moves the schedule to Mondays and back to the first business day by message', async () => {
    const expression = () => reportScheduleOf(cloud, tenantId)?.ScheduleExpression;
    expect(expression()).toBe('cron(0 8 1-7 * ? *)');
    expect(await say('me manda o resumo toda segunda')).toContain('toda segunda-feira às 08:00');
    expect(expression()).toBe('cron(0 8 ? * MON *)');
    expect(await say('volta pro mensal')).toContain('primeiro dia útil de cada mês');
    expect(expression()).toBe('cron(0 8 1-7 * ? *)');
  }, 120_000);
});
