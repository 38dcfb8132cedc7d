import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbAgingUploads } from '#adapters/dynamodb/receivables/dynamodb-aging-uploads';
import { TableAccess } from '#adapters/dynamodb/table-access';
import {
  agingImportStatus,
  openAgingUpload,
  startAgingUpload,
} from '#application/collections/api-aging-import';
import { reportAgingImport } from '#application/collections/report-aging-import';
import type { TenantUser } from '#application/ports/user-repository';
import type { AgingImportRequest } from '#application/ports/workflows';
import type { E164 } from '#domain/phone-number';
import { type AgingImportRig, startAgingImportRig } from '#test/support/aging-import-rig';
import { uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '#test/support/record-commands';

/**
 * The API import's use cases on real parts (DynamoDB Local, s3rver, a real HTTP PUT to the presigned URL):
 * starting before the upload records nothing; concurrent starts record one request and start it with the
 * uploaded bytes' hash; the summary goes to the member who started it.
 */
let table: TestTable;
let recorded: string[];
let rig: AgingImportRig;
let files: AgingImportRig['files'];
let uploads: DynamoDbAgingUploads;
let receivables: AgingImportRig['receivables'];
const clock = { now: () => new Date('2026-12-07T13:00:00Z') };
let sequence = 0;
const ids = { newId: () => `upload-${Date.now()}-${++sequence}` };
const member = (memberId: string, phone: string, role: TenantUser['role']): TenantUser => ({
  tenantId: 't',
  memberId,
  phone: phone as E164,
  role,
  name: memberId,
  createdAt: clock.now().toISOString(),
});
const users = {
  list: async () => [member('ana', '+5511999990001', 'owner'), member('bruno', '+5511999990002', 'operator')],
};

beforeAll(async () => {
  table = await createTestTable();
  recorded = recordCommands(table.client);
  rig = await startAgingImportRig(table);
  files = rig.files;
  receivables = rig.receivables;
  uploads = new DynamoDbAgingUploads(new TableAccess(table.tableName, table.documentClient));
}, 60_000);

afterAll(async () => {
  expectNoScan(recorded);
  await rig?.close();
  await table?.drop();
});

describe('aging import through an upload URL', () => {
  it('refuses to start before the upload, then starts once with the bytes that arrived', async () => {
    const tenantId = uniqueTenantId('upl');
    const started: AgingImportRequest[] = [];
    const imports = { startAgingImport: async (request: AgingImportRequest) => void started.push(request) };
    const opened = await openAgingUpload(
      { files, uploads, ids, clock },
      { tenantId, filename: 'Carteira Dezembro.csv', contentType: 'text/csv', memberId: 'bruno' },
    );
    expect(opened.expiresAt).toBe('2026-12-07T13:15:00.000Z');
    const deps = { files, uploads, imports, users };
    const input = { tenantId, importId: opened.importId, memberId: 'bruno' };

    const early = await startAgingUpload(deps, input);
    expect(early).toEqual({ kind: 'not_uploaded', uploadExpiresAt: opened.expiresAt });
    expect((await uploads.get(tenantId, opened.importId))?.started).toBeUndefined();
    expect(started).toEqual([]);

    const bytes = Buffer.from('client_id;account_name\nC1;Ação Ltda\n', 'utf8');
    const put = await fetch(opened.uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': 'text/csv' },
      body: bytes,
    });
    expect(put.status).toBe(200);

    const [first, second] = await Promise.all([
      startAgingUpload(deps, input),
      startAgingUpload(deps, { ...input, memberId: 'ana' }),
    ]);
    expect(second).toEqual(first);
    expect(first).toMatchObject({
      kind: 'started',
      request: {
        tenantId,
        importId: opened.importId,
        objectKey: `imports/${tenantId}/${opened.importId}/Carteira_Dezembro.csv`,
        contentSha256: createHash('sha256').update(bytes).digest('hex'),
        filename: 'Carteira Dezembro.csv',
        messageId: `api-import-${opened.importId}`,
      },
    });
    // Whoever's start was recorded first is told; both calls started that one request.
    expect(started.every((request) => request.requestedBy === started[0]?.requestedBy)).toBe(true);
    expect(await agingImportStatus({ uploads, receivables }, tenantId, opened.importId)).toMatchObject({
      status: 'starting',
      filename: 'Carteira Dezembro.csv',
    });
  });

  it('tells the member who started it, and answers not found for an unknown id', async () => {
    const tenantId = uniqueTenantId('upl');
    const started: AgingImportRequest[] = [];
    const deps = {
      files,
      uploads,
      users,
      imports: { startAgingImport: async (request: AgingImportRequest) => void started.push(request) },
    };
    const opened = await openAgingUpload(
      { files, uploads, ids, clock },
      { tenantId, filename: 'c.csv', contentType: 'text/csv', memberId: 'bruno' },
    );
    await fetch(opened.uploadUrl, { method: 'PUT', body: 'a;b\n' });
    await startAgingUpload(deps, { tenantId, importId: opened.importId, memberId: 'bruno' });
    expect(started[0]?.requestedBy).toBe('+5511999990002');
    expect(await startAgingUpload(deps, { tenantId, importId: 'nope', memberId: 'bruno' })).toEqual({
      kind: 'not_found',
    });
    expect(await agingImportStatus({ uploads, receivables }, tenantId, 'nope')).toBeUndefined();
  });

  it('an upload the workflow refused as busy says so, and cannot be started again', async () => {
    const tenantId = uniqueTenantId('upl');
    const deps = {
      files,
      uploads,
      users,
      imports: { startAgingImport: async () => undefined },
    };
    const opened = await openAgingUpload(
      { files, uploads, ids, clock },
      { tenantId, filename: 'c.csv', contentType: 'text/csv', memberId: 'bruno' },
    );
    await fetch(opened.uploadUrl, { method: 'PUT', body: 'a;b\n' });
    const input = { tenantId, importId: opened.importId, memberId: 'bruno' };
    const first = await startAgingUpload(deps, input);
    if (first.kind !== 'started') throw new Error(`not started: ${first.kind}`);
    // The workflow's claim found another import of the tenant running: its report step ends it as busy.
    expect(await reportAgingImport(rig.deps, first.request, 'busy')).toEqual({ status: 'busy' });
    expect(await agingImportStatus({ uploads, receivables }, tenantId, opened.importId)).toMatchObject({
      status: 'busy',
    });
    // Its execution name is taken: a second start says so instead of answering "started" again.
    expect(await startAgingUpload(deps, input)).toEqual({ kind: 'busy', at: rig.time.now.toISOString() });
  });
});
