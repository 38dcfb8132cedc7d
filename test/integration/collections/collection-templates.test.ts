import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbCollectionTemplates } from '#adapters/dynamodb/receivables/dynamodb-collection-templates';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { editCollectionTemplate } from '#application/collections/edit-collection-template';
import { writeCollectionEmail } from '#application/collections/queue-collection-emails';
import { ConcurrentModificationError } from '#application/ports/persistence-errors';
import { calendarDate } from '#domain/calendar-date';
import { DEFAULT_TEMPLATES } from '#domain/collections/default-templates';
import { InvalidInputError } from '#domain/domain-error';
import { uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '#test/support/record-commands';

let table: TestTable;
let recorded: string[];
let templates: DynamoDbCollectionTemplates;
const clock = { now: () => new Date('2026-12-07T13:00:00Z') };

beforeAll(async () => {
  table = await createTestTable();
  recorded = recordCommands(table.client);
  templates = new DynamoDbCollectionTemplates(new TableAccess(table.tableName, table.documentClient));
}, 60_000);

afterAll(async () => {
  expectNoScan(recorded);
  await table?.drop();
});

const body = 'Olá, {{nome_contato}}. Em {{data_posicao}}: {{total_em_aberto}}.\n\n{{faturas}}\n\n{{empresa}}';

describe('collection e-mail templates on DynamoDB Local', () => {
  it('reads the built-in version 1 until the tenant edits a degree', async () => {
    const active = await templates.active(uniqueTenantId('tpl'), 3);
    expect(active).toMatchObject({ templateId: 'collection-degree-3', version: 1, active: true });
    expect(active.subject).toBe(DEFAULT_TEMPLATES[3].subject);
  });

  it('an edit writes the next version active, keeps every earlier one inactive, and e-mails record it', async () => {
    const tenantId = uniqueTenantId('tpl');
    const edit = { tenantId, degree: 2 as const, body, editedBy: 'ana' };
    await editCollectionTemplate({ templates, clock }, { ...edit, subject: 'Cobrança: {{nome_conta}}' });
    const third = await editCollectionTemplate(
      { templates, clock },
      { ...edit, subject: 'Pendência: {{nome_conta}}' },
    );
    expect(third).toMatchObject({ version: 3, active: true, createdBy: 'ana' });
    const versions = await templates.versions(tenantId, 2);
    expect(versions.map((v) => [v.version, v.active])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(versions[0]?.subject).toBe(DEFAULT_TEMPLATES[2].subject);
    expect((await templates.active(tenantId, 1)).version).toBe(1); // other degrees untouched

    const written = await writeCollectionEmail(
      { templates, logger: { info: () => undefined, warn: () => undefined } },
      tenantId,
      {
        tenantName: 'Oficina Demo',
        accountName: 'Padaria',
        contactName: 'Ana',
        asOf: calendarDate('2026-12-07'),
        degree: 2,
        invoices: [{ number: 'NF-1', dueDate: calendarDate('2026-10-12'), outstandingCents: 25_838 }],
      },
    );
    expect(written.content.subject).toBe('Pendência: Padaria');
    expect([written.template.templateId, written.template.version]).toEqual(['collection-degree-2', 3]);
  });

  it('refuses a template without the invoices or with an unknown placeholder, changing nothing', async () => {
    const tenantId = uniqueTenantId('tpl');
    const edit = { tenantId, degree: 4 as const, subject: 'Aviso', editedBy: 'ana' };
    await expect(
      editCollectionTemplate({ templates, clock }, { ...edit, body: 'Pague {{total_em_aberto}}' }),
    ).rejects.toThrow(InvalidInputError);
    await expect(
      editCollectionTemplate({ templates, clock }, { ...edit, body: '{{faturas}} {{juros}}' }),
    ).rejects.toThrow('unknown placeholder {{juros}}');
    expect((await templates.versions(tenantId, 4)).map((v) => v.version)).toEqual([1]);
  });

  it('two edits from the same version: one wins, the other fails whole', async () => {
    const tenantId = uniqueTenantId('tpl');
    const versions = await templates.versions(tenantId, 1);
    const { nextTemplateVersion } = await import('#domain/collections/email-template');
    const a = nextTemplateVersion(versions, { degree: 1, subject: 'A', body, at: 'x', by: 'ana' });
    const b = nextTemplateVersion(versions, { degree: 1, subject: 'B', body, at: 'x', by: 'bruno' });
    await templates.saveEdit(tenantId, a);
    await expect(templates.saveEdit(tenantId, b)).rejects.toThrow(ConcurrentModificationError);
    expect((await templates.active(tenantId, 1)).subject).toBe('A');
  });
});
