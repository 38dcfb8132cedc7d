import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAgingCsv } from '#application/collections/aging-csv';
import { applyAgingBatch } from '#application/collections/apply-aging-batch';
import { claimAgingImport, normaliseAgingFile } from '#application/collections/import-aging-file';
import { deterministicId } from '#application/conversation/deterministic-id';
import { addAging, EMPTY_AGING } from '#domain/collections/aging-buckets';
import { agingFileBytes, generateAgingFile } from '#simulators/collections/aging-file-generator';
import { type AgingImportRig, startAgingImportRig } from '#test/support/aging-import-rig';
import { uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { ROWS_PER_BATCH } from '#workflows/aging-import-workflow';

let table: TestTable;
let rig: AgingImportRig;

beforeAll(async () => {
  table = await createTestTable();
  rig = await startAgingImportRig(table);
}, 60_000);

afterAll(async () => {
  await rig?.close();
  await table?.drop();
});

describe('aging import rules (workflow steps on DynamoDB Local and s3rver)', () => {
  it('a second, different file the same day keeps the day snapshots and derives the aging from them', async () => {
    const tenantId = uniqueTenantId();
    const first = await rig.importFile(tenantId, generateAgingFile({ rows: 40 }), 'wamid.morning');
    expect(first.execution.status).toBe('SUCCEEDED');
    const before = await rig.receivables.snapshotsOf(tenantId, 'C00001', '2026-12-05' as never);
    const accountBefore = (await rig.receivables.listAccounts(tenantId)).find((a) => a.clientId === 'C00001');

    const afternoon = generateAgingFile({ rows: 40, outstandingPercent: 50 });
    const second = await rig.importFile(tenantId, afternoon, 'wamid.afternoon');
    expect(second.execution.status, second.execution.cause).toBe('SUCCEEDED');
    expect(await rig.receivables.getImport(tenantId, second.request.importId)).toMatchObject({
      status: 'completed',
      sameDayImports: true,
      rowsImported: 40,
      snapshotsKept: 40,
      invoicesClosed: 0,
    });
    expect(await rig.receivables.snapshotsOf(tenantId, 'C00001', '2026-12-05' as never)).toEqual(before);
    const invoices = await rig.receivables.openInvoices(tenantId);
    expect(invoices.find((invoice) => invoice.invoiceNumber === 'NF-100004')?.lastSeenImportId).toBe(
      second.request.importId,
    );
    const accountAfter = (await rig.receivables.listAccounts(tenantId)).find((a) => a.clientId === 'C00001');
    expect(accountAfter?.aging).toEqual(accountBefore?.aging);
  }, 120_000);

  it('one import per tenant at a time: a second claim is busy until the first is released', async () => {
    const tenantId = uniqueTenantId();
    const request = (messageId: string, sha: string) => ({
      tenantId,
      importId: deterministicId(tenantId, messageId, 'aging-import'),
      objectKey: `imports/${tenantId}/x/carteira.csv`,
      contentSha256: sha.repeat(64),
      filename: 'carteira.csv',
      requestedBy: '+5511999990001',
      messageId,
    });
    const a = request('wamid.a', 'a');
    const b = request('wamid.b', 'b');
    expect(await claimAgingImport(rig.deps, a)).toMatchObject({ outcome: 'claimed' });
    expect(await claimAgingImport(rig.deps, a)).toMatchObject({ outcome: 'claimed' });
    expect(await claimAgingImport(rig.deps, b)).toEqual({ outcome: 'busy' });
    expect(await rig.receivables.getImport(tenantId, b.importId)).toBeUndefined();
    await rig.receivables.releaseImport(a, false);
    expect(await claimAgingImport(rig.deps, b)).toMatchObject({ outcome: 'claimed' });
  }, 60_000);

  it('a retried batch writes the same items and is counted once', async () => {
    const tenantId = uniqueTenantId();
    const generated = generateAgingFile({ rows: 12 });
    const { request } = await rig.importFile(tenantId, generated, 'wamid.retry');
    const record = await rig.receivables.getImport(tenantId, request.importId);
    const normalised = await rig.files.get(record?.normalisedKey ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of normalised.body) chunks.push(Buffer.from(chunk));
    const [header, ...lines] = Buffer.concat(chunks).toString('utf8').trim().split('\n');
    const columns = (header ?? '').split(',');
    const items = lines.map((line) =>
      Object.fromEntries(line.split(',').map((cell, at) => [columns[at], cell])),
    );
    const before = await rig.deps.batches.totals(tenantId, request.importId);
    await applyAgingBatch(rig.deps, { tenantId, importId: request.importId, items });
    await applyAgingBatch(rig.deps, { tenantId, importId: request.importId, items });
    expect(await rig.deps.batches.totals(tenantId, request.importId)).toEqual(before);
    expect(before).toMatchObject({ batches: 1, rowsImported: 12, snapshotsWritten: 12, snapshotsKept: 0 });
  }, 60_000);

  it('rejects a repeated invoice row, so an invoice in two batches counts once in the aging', async () => {
    const tenantId = uniqueTenantId();
    const lines = [...generateAgingFile({ rows: ROWS_PER_BATCH + 10 }).lines];
    const firstRow = lines[1] ?? '';
    const repeatedLine = lines.length + 1;
    const { execution, request } = await rig.importFile(
      tenantId,
      { bytes: new TextEncoder().encode(`${[...lines, firstRow].join('\r\n')}\r\n`) },
      'wamid.repeated',
    );
    expect(execution.status, execution.cause).toBe('SUCCEEDED');
    const record = await rig.receivables.getImport(tenantId, request.importId);
    expect(record).toMatchObject({
      status: 'completed',
      rowsRead: ROWS_PER_BATCH + 11,
      rowsImported: ROWS_PER_BATCH + 10,
      rowsRejected: 1,
    });
    const errors = await rig.files.get(record?.errorReportKey ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of errors.body) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).toString('utf8')).toContain(
      `${repeatedLine};invoice_number;fatura repetida na linha 2`,
    );
    const account = (await rig.receivables.listAccounts(tenantId)).find((a) => a.clientId === 'C00000');
    const csv = await openAgingCsv(agingFileBytes(generateAgingFile({ rows: 4 })));
    let expected = EMPTY_AGING;
    for await (const row of csv.records)
      if (row.validation.ok) expected = addAging(expected, row.validation.row.aging);
    expect(account?.aging).toEqual(expected);
  }, 120_000);

  it('refuses an empty file whole, recording why', async () => {
    const tenantId = uniqueTenantId();
    const { execution, request, summary } = await rig.importFile(
      tenantId,
      { bytes: new Uint8Array() },
      'wamid.empty',
    );
    expect(execution.status).toBe('SUCCEEDED');
    expect(summary).toBe('Não importei carteira.csv: o arquivo está vazio. Nada foi alterado.');
    expect(await rig.receivables.getImport(tenantId, request.importId)).toMatchObject({ status: 'refused' });
    expect(await normaliseAgingFile(rig.deps, request)).toEqual({ outcome: 'refused' });
  }, 60_000);
});
