import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbTenantRepository } from '#adapters/dynamodb/dynamodb-tenant-repository';
import { DynamoDbOutboxRepository } from '#adapters/dynamodb/outbox/dynamodb-outbox-repository';
import { DynamoDbAccountControls } from '#adapters/dynamodb/receivables/dynamodb-account-controls';
import { DynamoDbCollectionEmailLog } from '#adapters/dynamodb/receivables/dynamodb-collection-email-log';
import { DynamoDbReceivablesRepository } from '#adapters/dynamodb/receivables/dynamodb-receivables-repository';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { DynamoDbUnitOfWork } from '#adapters/dynamodb/transaction/dynamodb-unit-of-work';
import { type AccountControlChange, setAccountControl } from '#application/collections/account-controls';
import { collectionEmailId, selectDueAccounts } from '#application/collections/collection-email-selection';
import {
  defaultCollectionTemplates,
  type QueueCollectionDeps,
  queueCollectionEmails,
} from '#application/collections/queue-collection-emails';
import type { CollectionEmailWriter } from '#application/ports/collection-emails';
import { type CalendarDate, calendarDate } from '#domain/calendar-date';
import { EMPTY_AGING } from '#domain/collections/aging-buckets';
import type { AgingRow } from '#domain/collections/aging-row';
import { groundingProblems, textToHtml } from '#domain/collections/collection-email';
import type { EmailAddress } from '#domain/email-address';
import { uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '#test/support/record-commands';
import { seedAgingRows } from '#test/support/seed-receivables';

let table: TestTable;
let recorded: string[];
let receivables: DynamoDbReceivablesRepository;
let outbox: DynamoDbOutboxRepository;
let now = new Date('2026-12-07T13:00:00Z');
const logged: Array<{ message: string; extra: Record<string, unknown> }> = [];

beforeAll(async () => {
  table = await createTestTable();
  recorded = recordCommands(table.client);
  receivables = new DynamoDbReceivablesRepository(new TableAccess(table.tableName, table.documentClient));
  outbox = new DynamoDbOutboxRepository(table.tableName, table.documentClient);
}, 60_000);

afterAll(async () => {
  expectNoScan(recorded);
  await table?.drop();
});

function deps(writer?: CollectionEmailWriter): QueueCollectionDeps {
  return {
    receivables,
    tenants: new DynamoDbTenantRepository(table.tableName, table.documentClient),
    clock: { now: () => now },
    outbox,
    emailLog: new DynamoDbCollectionEmailLog(new TableAccess(table.tableName, table.documentClient)),
    unitOfWork: new DynamoDbUnitOfWork(table.tableName, table.documentClient),
    templates: defaultCollectionTemplates,
    ...(writer && { writer }),
    logger: {
      info: () => undefined,
      warn: (message: string, ...extra: object[]) =>
        logged.push({ message, extra: Object.assign({}, ...extra) }),
    } as QueueCollectionDeps['logger'],
  };
}

function row(
  clientId: string,
  invoice: string,
  due: string,
  cents: number,
  bucket: keyof typeof EMPTY_AGING,
): AgingRow {
  return {
    clientId,
    accountName: `Conta ${clientId}`,
    contact: {
      firstName: 'Ana',
      lastName: 'Souza',
      email: `fin@${clientId.toLowerCase()}.com.br` as EmailAddress,
      isBilling: true,
    },
    invoiceNumber: invoice,
    dueDate: calendarDate(due),
    invoiceAmountCents: cents,
    outstandingCents: cents,
    aging: { ...EMPTY_AGING, [bucket]: cents },
  };
}

/** What the import writes for these rows on `asOf` (accounts, contacts, invoices, snapshots, derived aging). */
async function importRows(tenantId: string, asOf: string, rows: AgingRow[]) {
  await seedAgingRows(new TableAccess(table.tableName, table.documentClient), tenantId, asOf, rows);
}

async function seedTenant(tenantId: string) {
  await new DynamoDbTenantRepository(table.tableName, table.documentClient).saveProfile({
    tenantId,
    name: 'Oficina Demo',
    limits: { maxBoletoAmountCents: 500_000, maxMessagesPerContactPerDay: 2 },
    interestPolicy: { fineBps: 200, monthlyInterestBps: 100 },
    reminderWindow: { startHour: 9, endHour: 18, weekdays: [1, 2, 3, 4, 5] },
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
}

function control(tenantId: string, name: string, change: AccountControlChange) {
  const controls = new DynamoDbAccountControls(new TableAccess(table.tableName, table.documentClient));
  return setAccountControl({ receivables, controls }, { tenantId, name, change });
}

async function setOn(key: { pk: string; sk: string }, attribute: string, value: unknown) {
  await table.documentClient.send(
    new UpdateCommand({
      TableName: table.tableName,
      Key: key,
      UpdateExpression: 'SET #a = :v',
      ExpressionAttributeNames: { '#a': attribute },
      ExpressionAttributeValues: { ':v': value },
    }),
  );
}

async function queuedAccounts(tenantId: string) {
  const result = await queueCollectionEmails(deps(), { tenantId, correlationId: 'c' });
  return result.queued.map((queued) => queued.clientId);
}

const portfolio = [
  row('C1', 'NF-1', '2026-11-20', 17_919, 'days0To30'),
  row('C1', 'NF-2', '2026-10-12', 25_838, 'days31To60'),
  row('C2', 'NF-3', '2026-07-30', 41_676, 'daysOver120'),
  row('C3', 'NF-4', '2026-12-25', 10_000, 'days0To30'), // not due yet: nothing to chase
];

describe('queueCollectionEmails on DynamoDB Local', () => {
  it('queues one grounded e-mail per account due, with lastEmail, and nothing more on a second run', async () => {
    const tenantId = uniqueTenantId('mail');
    await seedTenant(tenantId);
    await importRows(tenantId, '2026-12-07', portfolio);

    const first = await queueCollectionEmails(deps(), { tenantId, correlationId: 'campaign-1' });
    expect(first.queued.map((q) => [q.clientId, q.degree])).toEqual([
      ['C1', 2],
      ['C2', 4],
    ]);
    const id = collectionEmailId(tenantId, 'C1', 2, calendarDate('2026-12-07'));
    const message = await outbox.get(tenantId, id);
    expect(message).toMatchObject({
      channel: 'email',
      kind: 'collection_email',
      recipient: 'fin@c1.com.br',
      audience: 'contact',
      accountId: 'C1',
      status: 'pending',
      emailTemplate: { templateId: 'collection-degree-2', version: 1, modelWritten: false },
    });
    const content = message?.content as { subject: string; text: string };
    expect(content.text).toContain('Fatura NF-1 – vencimento 20/11/2026 – 17 dias em atraso – R$ 179,19');
    expect(content.text).toContain('Fatura NF-2 – vencimento 12/10/2026 – 56 dias em atraso – R$ 258,38');
    expect(content.text).toContain('R$ 437,57');
    const accounts = await receivables.listAccounts(tenantId);
    expect(accounts.find((a) => a.clientId === 'C1')?.lastEmail).toEqual({
      outboxMessageId: id,
      degree: 2,
      snapshotDate: '2026-12-07',
      templateId: 'collection-degree-2',
      templateVersion: 1,
      modelWritten: false,
      queuedAt: now.toISOString(),
    });
    expect(accounts.find((a) => a.clientId === 'C3')?.lastEmail).toBeUndefined();

    const again = await queueCollectionEmails(deps(), { tenantId, correlationId: 'campaign-2' });
    expect(again).toEqual({ queued: [], alreadyQueued: 0, skipped: 3 });
  }, 60_000);

  it('sends a degree increase at once and the same degree only from a newer snapshot a week later', async () => {
    const tenantId = uniqueTenantId('mail');
    await seedTenant(tenantId);
    await importRows(tenantId, '2026-12-07', portfolio.slice(0, 3));
    await queueCollectionEmails(deps(), { tenantId, correlationId: 'c1' });

    now = new Date('2026-12-09T13:00:00Z');
    // C1's oldest invoice moved to 61-90 (degree 3); C2 unchanged (degree 4): a new snapshot of both.
    await importRows(tenantId, '2026-12-09', [
      row('C1', 'NF-1', '2026-11-20', 17_919, 'days0To30'),
      row('C1', 'NF-2', '2026-10-12', 25_838, 'days61To90'),
      portfolio[2] as AgingRow,
    ]);
    const midweek = await queueCollectionEmails(deps(), { tenantId, correlationId: 'c2' });
    expect(midweek.queued.map((q) => [q.clientId, q.degree])).toEqual([['C1', 3]]);

    now = new Date('2026-12-14T12:00:00Z');
    const weekLater = await queueCollectionEmails(deps(), { tenantId, correlationId: 'c3' });
    expect(weekLater.queued.map((q) => [q.clientId, q.degree])).toEqual([['C2', 4]]);
    now = new Date('2026-12-07T13:00:00Z');
  }, 60_000);

  it('skips paused accounts and contacts whose address bounced or was suppressed', async () => {
    const tenantId = uniqueTenantId('mail');
    await seedTenant(tenantId);
    await importRows(tenantId, '2026-12-07', portfolio.slice(0, 3));
    // What the SES event handler (another session's scope) writes on a complaint.
    await setOn(
      { pk: `T#${tenantId}#AR_ACCOUNT#C2`, sk: 'CONTACT#fin@c2.com.br' },
      'emailStatus',
      'suppressed',
    );
    expect(await queuedAccounts(tenantId)).toEqual(['C1']);
    const other = uniqueTenantId('mail');
    await seedTenant(other);
    await importRows(other, '2026-12-07', portfolio.slice(0, 3));
    const pause = (name: string, paused: boolean) => control(other, name, { paused });
    expect(await pause('conta c1', true)).toMatchObject({ kind: 'done', account: { clientId: 'C1' } });
    expect(await pause('Conta', true)).toMatchObject({ kind: 'several' });
    expect(await pause('Padaria Estrela', true)).toEqual({ kind: 'not_found', name: 'Padaria Estrela' });
    expect(await queuedAccounts(other)).toEqual(['C2']);
    await pause('Conta C1', false);
    expect(await queuedAccounts(other)).toEqual(['C1']);
  }, 60_000);

  it('a pinned degree drives the next selection; a pause wins over it; nothing past due stays unsent', async () => {
    const tenantId = uniqueTenantId('mail');
    await seedTenant(tenantId);
    await importRows(tenantId, '2026-12-07', portfolio);
    const degrees = async () => {
      const selection = await selectDueAccounts(deps(), tenantId);
      return {
        due: selection.due.map((account) => [account.clientId, account.degree]),
        skipped: selection.skipped.map((skip) => [skip.clientId, skip.reason]),
      };
    };
    expect((await degrees()).due).toEqual([
      ['C1', 2],
      ['C2', 4],
    ]);
    expect(await control(tenantId, 'Conta C1', { pinnedDegree: 4 })).toMatchObject({
      kind: 'done',
      account: { clientId: 'C1', control: { pinnedDegree: 4 } },
    });
    await control(tenantId, 'Conta C3', { pinnedDegree: 4 });
    await control(tenantId, 'Conta C2', { pinnedDegree: 1 });
    await control(tenantId, 'Conta C2', { paused: true });
    expect(await degrees()).toEqual({
      due: [['C1', 4]],
      skipped: [
        ['C2', 'paused'],
        ['C3', 'nothing_overdue'],
      ],
    });
    await control(tenantId, 'Conta C2', { paused: false });
    await control(tenantId, 'Conta C1', { pinnedDegree: undefined });
    expect((await degrees()).due).toEqual([
      ['C1', 2],
      ['C2', 1],
    ]);
    expect(await control(tenantId, 'Padaria', { pinnedDegree: 3 })).toMatchObject({ kind: 'not_found' });
  }, 60_000);

  it('uses the model’s e-mail only when grounded, and the template when it invents a number or fails', async () => {
    const grounded: CollectionEmailWriter = {
      async write({ facts }) {
        const text = `Olá ${facts.contactName}, a fatura NF-3 de R$ 416,76 está com 130 dias em atraso.`;
        return { subject: 'Fatura em aberto', text, html: textToHtml(text) };
      },
    };
    const invented: CollectionEmailWriter = {
      async write() {
        const text = 'A fatura NF-3 de R$ 500,00 tem multa de R$ 10,00.';
        return { subject: 'x', text, html: textToHtml(text) };
      },
    };
    const failing: CollectionEmailWriter = {
      async write() {
        throw new Error('timeout');
      },
    };
    const outcomes: Array<boolean | undefined> = [];
    for (const writer of [grounded, invented, failing]) {
      const tenantId = uniqueTenantId('mail');
      await seedTenant(tenantId);
      await importRows(tenantId, '2026-12-07', [portfolio[2] as AgingRow]);
      await queueCollectionEmails(deps(writer), { tenantId, correlationId: 'c' });
      const message = await outbox.get(
        tenantId,
        collectionEmailId(tenantId, 'C2', 4, calendarDate('2026-12-07')),
      );
      const content = message?.content as { subject: string; text: string; html: string };
      expect(
        groundingProblems(content, {
          tenantName: 'Oficina Demo',
          accountName: 'Conta C2',
          contactName: 'Ana',
          asOf: calendarDate('2026-12-07') as CalendarDate,
          degree: 4,
          invoices: [{ number: 'NF-3', dueDate: calendarDate('2026-07-30'), outstandingCents: 41_676 }],
        }),
      ).toEqual([]);
      outcomes.push(message?.emailTemplate?.modelWritten);
    }
    expect(outcomes).toEqual([true, false, false]);
    expect(logged.map((l) => l.message)).toEqual([
      'model-written collection e-mail not grounded; using the template',
      'collection e-mail writer failed; using the template',
    ]);
    expect(new Set(logged[0]?.extra.problems as string[])).toEqual(new Set(['amount']));
  }, 60_000);
});
