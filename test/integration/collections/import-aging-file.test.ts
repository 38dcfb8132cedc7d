import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbReceivablesRepository } from '#adapters/dynamodb/receivables/dynamodb-receivables-repository';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { createS3Client } from '#adapters/s3/create-s3-client';
import { S3ObjectStore } from '#adapters/s3/s3-object-store';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import { openAgingCsv } from '#application/collections/aging-csv';
import { importAgingFile, storeAgingFile } from '#application/collections/import-aging-file';
import { AGING_BUCKETS, addAging, EMPTY_AGING } from '#domain/collections/aging-buckets';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/local-cloud-names';
import { type RunningS3Local, startS3Local } from '#infra/local/s3-local';
import {
  type AgingFileOptions,
  agingFileBytes,
  generateAgingFile,
} from '#simulators/collections/aging-file-generator';
import { uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '#test/support/record-commands';

let table: TestTable;
let s3: RunningS3Local;
let files: S3ObjectStore;
let receivables: DynamoDbReceivablesRepository;
let recorded: string[];
let now = new Date('2026-12-05T13:00:00Z');
const clock = { now: () => now };
const ids = new TimeOrderedIdGenerator(clock);

beforeAll(async () => {
  table = await createTestTable();
  recorded = recordCommands(table.client);
  receivables = new DynamoDbReceivablesRepository(new TableAccess(table.tableName, table.documentClient));
  s3 = await startS3Local({ bucketName: 'iris-test-imports', credentials: LOCAL_CREDENTIALS });
  files = new S3ObjectStore(
    { bucketName: s3.bucketName },
    createS3Client({
      endpoint: s3.endpoint,
      forcePathStyle: true,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    }),
  );
}, 60_000);

afterAll(async () => {
  expectNoScan(recorded);
  await s3?.close();
  await table?.drop();
});

const deps = () => ({ files, receivables, clock, ids });

async function store(tenantId: string, options: AgingFileOptions) {
  const generated = generateAgingFile(options);
  const file = await storeAgingFile(deps(), {
    tenantId,
    filename: 'carteira.csv',
    contentType: 'text/csv',
    body: agingFileBytes(generated),
  });
  return { file, expected: generated.expected };
}

/** Per account, the sum of the file's valid rows' buckets (what the aging report must show). */
async function agingFromFile(options: AgingFileOptions) {
  const csv = await openAgingCsv(agingFileBytes(generateAgingFile(options)));
  const byAccount = new Map<string, typeof EMPTY_AGING>();
  for await (const record of csv.records) {
    if (!record.validation.ok) continue;
    const { clientId, aging } = record.validation.row;
    byAccount.set(clientId, addAging(byAccount.get(clientId) ?? EMPTY_AGING, aging));
  }
  return byAccount;
}

describe('importAgingFile (DynamoDB Local + S3 emulator)', () => {
  const tenantId = uniqueTenantId();
  const first: AgingFileOptions = { rows: 1000, badEvery: 50 };

  it('imports a 1,000-row file with deliberate bad rows: exact counts, an error CSV, the aging of the file', async () => {
    const { file, expected } = await store(tenantId, first);
    expect(expected).toEqual({ rowsRead: 1000, rowsImported: 980, rowsRejected: 20 });
    const outcome = await importAgingFile(deps(), { tenantId, file, requestedBy: '+5511999990001' });
    expect(outcome.kind).toBe('imported');
    if (outcome.kind !== 'imported') return;
    expect(outcome.record).toMatchObject({
      ...expected,
      status: 'completed',
      asOf: '2026-12-05',
      invoicesClosed: 0,
    });
    expect(outcome.errors).toHaveLength(20);
    expect(outcome.errors.map((e) => e.column).sort()).toEqual(
      [
        ...Array(5).fill('contact_email'),
        ...Array(5).fill('due_date'),
        ...Array(5).fill('invoice_amount'),
        ...Array(5).fill('total_outstanding'),
      ].sort(),
    );
    const report = await files.get(outcome.record.errorReportKey ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of report.body) chunks.push(Buffer.from(chunk));
    const csv = Buffer.concat(chunks).toString('utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(21);
    expect(csv).toContain('51;due_date;"vencimento inválida');
    expect(csv).toContain('201;contact_email;"e-mail inválido: ""sem-email"""');

    const expectedAging = await agingFromFile(first);
    const accounts = await receivables.listAccounts(tenantId);
    expect(accounts).toHaveLength(250);
    for (const account of accounts) {
      expect(account.aging, account.clientId).toEqual(expectedAging.get(account.clientId) ?? EMPTY_AGING);
      expect(account.agingAsOf).toBe('2026-12-05');
    }
    const contacts = await receivables.contactsOf(tenantId, 'C00000');
    expect(contacts).toEqual([
      expect.objectContaining({
        email: 'financeiro0@cliente0.com.br',
        isBilling: true,
      }),
    ]);
    // A usable address has no `emailStatus` (only a bounce or a complaint sets one).
    expect(contacts[0]).not.toHaveProperty('emailStatus');
    expect((await receivables.openInvoices(tenantId)).length).toBe(980 + 0);
  }, 300_000);

  it('treats the same file again as a no-op', async () => {
    const before = await receivables.listImports(tenantId);
    const { file } = await store(tenantId, first);
    const outcome = await importAgingFile(deps(), { tenantId, file, requestedBy: '+5511999990001' });
    expect(outcome.kind).toBe('duplicate');
    if (outcome.kind === 'duplicate') expect(outcome.previous.importId).toBe(before[0]?.importId);
    expect(await receivables.listImports(tenantId)).toEqual(before);
  });

  it('a newer file updates amounts, closes the invoices it no longer lists (not the rejected ones) and adds a snapshot', async () => {
    now = new Date('2026-12-12T13:00:00Z');
    // Rows 0..99 paid (gone), the rest at 60% of their amount; the same rows are bad as before.
    const newer: AgingFileOptions = {
      rows: 1000,
      badEvery: 50,
      asOf: '2026-12-12',
      outstandingPercent: 60,
      skip: (i: number) => i < 100,
    };
    const { file, expected } = await store(tenantId, newer);
    const outcome = await importAgingFile(deps(), { tenantId, file, requestedBy: '+5511999990001' });
    expect(outcome.kind).toBe('imported');
    if (outcome.kind !== 'imported') return;
    // 100 rows gone, of which 2 were bad rows that never became invoices: 98 open invoices closed.
    expect(outcome.record).toMatchObject({ ...expected, invoicesClosed: 98, asOf: '2026-12-12' });
    const open = await receivables.openInvoices(tenantId);
    expect(open).toHaveLength(980 - 98);
    expect(open.every((invoice) => invoice.lastSeenImportId === outcome.record.importId)).toBe(true);
    const expectedAging = await agingFromFile(newer);
    for (const account of await receivables.listAccounts(tenantId)) {
      expect(account.aging, account.clientId).toEqual(expectedAging.get(account.clientId) ?? EMPTY_AGING);
    }
    // Both dates keep their own snapshot: the first import's is unchanged.
    const older = await receivables.snapshotsOf(tenantId, 'C00100', '2026-12-05' as never);
    const latest = await receivables.snapshotsOf(tenantId, 'C00100', '2026-12-12' as never);
    expect(older.length).toBeGreaterThan(0);
    expect(latest.length).toBe(older.length);
    const total = (snapshots: typeof older) =>
      snapshots.reduce((sum, s) => sum + AGING_BUCKETS.reduce((t, b) => t + s.aging[b], 0), 0);
    expect(total(latest)).toBeLessThan(total(older));
  }, 300_000);

  it('refuses a file without the required columns, saying which, and changes nothing', async () => {
    const other = uniqueTenantId();
    const file = await storeAgingFile(deps(), {
      tenantId: other,
      filename: 'x.csv',
      contentType: 'text/csv',
      body: (async function* () {
        yield new TextEncoder().encode('client_id;account_name\nC1;X\n');
      })(),
    });
    const outcome = await importAgingFile(deps(), { tenantId: other, file, requestedBy: '+5511999990001' });
    expect(outcome.kind).toBe('refused');
    if (outcome.kind === 'refused') expect(outcome.record.refusal).toMatch(/faltam colunas: .*contact_email/);
    expect(await receivables.listAccounts(other)).toEqual([]);
  });
});
