import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAgingCsv } from '#application/collections/aging-csv';
import { AGING_BUCKETS, addAging, EMPTY_AGING } from '#domain/collections/aging-buckets';
import {
  type AgingFileOptions,
  agingFileBytes,
  generateAgingFile,
} from '#simulators/collections/aging-file-generator';
import { type AgingImportRig, startAgingImportRig } from '#test/support/aging-import-rig';
import { uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '#test/support/record-commands';

let table: TestTable;
let rig: AgingImportRig;
let recorded: string[];

beforeAll(async () => {
  table = await createTestTable();
  recorded = recordCommands(table.client);
  rig = await startAgingImportRig(table);
}, 60_000);

afterAll(async () => {
  expectNoScan(recorded);
  await rig?.close();
  await table?.drop();
});

/** Per account, the sum of the file's valid rows' buckets (what the aging must show). */
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

async function text(key: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await rig.files.get(key)).body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

describe('aging import workflow (Distributed Map on the local emulator, DynamoDB Local, s3rver)', () => {
  const tenantId = uniqueTenantId();
  const first: AgingFileOptions = { rows: 5_000, badEvery: 50 };

  it('imports 5,000 rows in batches: exact counts, error CSV, snapshots, aging, one summary at the end', async () => {
    const generated = generateAgingFile(first);
    expect(generated.expected).toEqual({ rowsRead: 5_000, rowsImported: 4_900, rowsRejected: 100 });
    const { execution, request, summary } = await rig.importFile(tenantId, generated, 'wamid.first');
    expect(execution.status, execution.cause).toBe('SUCCEEDED');
    const record = await rig.receivables.getImport(tenantId, request.importId);
    expect(record).toMatchObject({
      ...generated.expected,
      status: 'completed',
      asOf: '2026-12-05',
      invoicesClosed: 0,
      snapshotsKept: 0,
      normalisedKey: `imports/${tenantId}/${request.importId}/normalised.csv`,
    });
    expect(summary).toMatch(
      /^Importei carteira\.csv \(posição de 05\/12\/2026\):\n• 5000 linhas lidas\n• 4900 importadas\n• 100 com erro/,
    );
    expect(summary).toContain('Arquivo de erros (linha, coluna, motivo; vale 7 dias): http');
    const errors = await text(record?.errorReportKey ?? '');
    expect(errors.split('\r\n').filter(Boolean)).toHaveLength(101);
    expect(errors).toContain('51;due_date;"vencimento inválida');

    const expectedAging = await agingFromFile(first);
    const accounts = await rig.receivables.listAccounts(tenantId);
    expect(accounts).toHaveLength(1_250);
    for (const account of accounts) {
      expect(account.aging, account.clientId).toEqual(expectedAging.get(account.clientId) ?? EMPTY_AGING);
    }
    expect(await rig.receivables.openInvoices(tenantId)).toHaveLength(4_900);
    const snapshots = await rig.receivables.snapshotsOf(tenantId, 'C00000', '2026-12-05' as never);
    expect(snapshots).toHaveLength(4);
    expect(snapshots.every((snapshot) => snapshot.importId === request.importId)).toBe(true);
  }, 600_000);

  it('re-importing the same file changes nothing and says when it was imported', async () => {
    const before = await rig.receivables.listImports(tenantId);
    const { execution, summary } = await rig.importFile(tenantId, generateAgingFile(first), 'wamid.again');
    expect(execution.status).toBe('SUCCEEDED');
    expect(summary).toBe('Esse arquivo já foi importado em 05/12/2026 (4900 linhas). Nada mudou.');
    expect(await rig.receivables.listImports(tenantId)).toEqual(before);
  }, 120_000);

  it('a newer file closes vanished invoices (not rejected ones), keeps older snapshots unchanged, adds its own', async () => {
    const older = await rig.receivables.snapshotsOf(tenantId, 'C00100', '2026-12-05' as never);
    rig.time.now = new Date('2026-12-12T13:00:00Z');
    const newer: AgingFileOptions = {
      rows: 5_000,
      badEvery: 50,
      asOf: '2026-12-12',
      outstandingPercent: 60,
      skip: (i: number) => i < 100,
    };
    const generated = generateAgingFile(newer);
    const { execution, request, summary } = await rig.importFile(tenantId, generated, 'wamid.newer');
    expect(execution.status, execution.cause).toBe('SUCCEEDED');
    // 100 rows gone, of which 2 were bad rows that never became invoices: 98 open invoices closed.
    expect(await rig.receivables.getImport(tenantId, request.importId)).toMatchObject({
      ...generated.expected,
      invoicesClosed: 98,
      asOf: '2026-12-12',
    });
    expect(summary).toContain('• 98 faturas que saíram da carteira foram encerradas');
    const open = await rig.receivables.openInvoices(tenantId);
    expect(open).toHaveLength(4_900 - 98);
    expect(open.every((invoice) => invoice.lastSeenImportId === request.importId)).toBe(true);
    const expectedAging = await agingFromFile(newer);
    for (const account of await rig.receivables.listAccounts(tenantId)) {
      expect(account.aging, account.clientId).toEqual(expectedAging.get(account.clientId) ?? EMPTY_AGING);
    }
    expect(await rig.receivables.snapshotsOf(tenantId, 'C00100', '2026-12-05' as never)).toEqual(older);
    const latest = await rig.receivables.snapshotsOf(tenantId, 'C00100', '2026-12-12' as never);
    expect(latest).toHaveLength(older.length);
    const total = (snapshots: typeof older) =>
      snapshots.reduce((sum, s) => sum + AGING_BUCKETS.reduce((t, b) => t + s.aging[b], 0), 0);
    expect(total(latest)).toBeLessThan(total(older));
  }, 600_000);

  it('refuses a file without the required columns, saying which, and changes nothing', async () => {
    const other = uniqueTenantId();
    const bytes = new TextEncoder().encode('client_id;account_name\nC1;X\n');
    const { execution, summary } = await rig.importFile(other, { bytes }, 'wamid.refused');
    expect(execution.status).toBe('SUCCEEDED');
    expect(summary).toMatch(
      /^Não importei carteira\.csv: faltam colunas: .*contact_email.*Nada foi alterado\.$/,
    );
    expect(await rig.receivables.listAccounts(other)).toEqual([]);
  }, 120_000);
});
