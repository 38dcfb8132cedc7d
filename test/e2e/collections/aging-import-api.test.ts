import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { type CloudApiRequest, textOf } from '#test/support/owner-chat';
import { apiCaller, type DemoRole, signInAll } from '#test/support/tenant-api-session';

/**
 * The aging import's second way in, on the local cloud: `POST /v1/imports` → a real HTTP PUT of
 * `events/collections/aging-sample.csv` (12 rows, every 4th broken) to the presigned URL (the S3 emulator
 * checks its signature) → `POST /v1/imports/{id}/start` runs the same workflow as a WhatsApp document → the
 * status and counts over `GET /v1/imports/{id}`, the error CSV by its link, the summary on WhatsApp to the
 * member who started it; the same bytes again are a no-op.
 */
describe('aging import through the tenant API', () => {
  let cloud: LocalCloud;
  let tokens: Record<DemoRole, string>;
  let call: ReturnType<typeof apiCaller>;
  const sample = readFileSync(new URL('../../../events/collections/aging-sample.csv', import.meta.url));
  const operator = DEMO_TENANT.members.find((member) => member.role === 'operator');

  const open = async (token: string) => {
    const opened = await call('/v1/imports', {
      method: 'POST',
      token,
      body: { filename: 'carteira-erp.csv', contentType: 'text/csv' },
    });
    expect(opened.status, opened.text).toBe(201);
    return opened.body as { importId: string; uploadUrl: string; uploadMethod: string; expiresAt: string };
  };
  const put = (uploadUrl: string) =>
    fetch(uploadUrl, { method: 'PUT', headers: { 'content-type': 'text/csv' }, body: sample });
  const start = (importId: string, token: string) =>
    call(`/v1/imports/${importId}/start`, { method: 'POST', token });
  const status = async (importId: string) => {
    const response = await call(`/v1/imports/${importId}`, { token: tokens.viewer });
    expect(response.status, response.text).toBe(200);
    return response.body as Record<string, unknown>;
  };
  /** What was sent to a phone, as read (outside 24 hours: the `iris_aviso` template, its text on one line). */
  const repliesTo = (phone: string) =>
    cloud.simulators.whatsapp.controls
      .outboundTo(phone)
      .map((sent) => textOf(sent.request as CloudApiRequest));
  const accounts = async () => (await fetch(`${cloud.apiUrl}/_local/aging`)).text();

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    tokens = await signInAll(cloud);
    call = apiCaller(cloud);
  }, 120_000);
  afterAll(async () => cloud?.stop());

  let firstImport = '';

  it('opens an import with a 15-minute presigned PUT, and refuses to start it before the file is there', async () => {
    const opened = await open(tokens.operator);
    firstImport = opened.importId;
    expect(opened.uploadMethod).toBe('PUT');
    const validFor = new Date(opened.expiresAt).getTime() - cloud.clock.now().getTime();
    expect(validFor).toBeGreaterThan(14 * 60 * 1000);
    expect(validFor).toBeLessThanOrEqual(15 * 60 * 1000);
    expect(opened.uploadUrl).toContain(`/imports/demo/${opened.importId}/carteira-erp.csv?`);
    expect(opened.uploadUrl).toContain('X-Amz-Expires=900');
    expect(await status(opened.importId)).toMatchObject({ status: 'awaiting_upload', rowsRead: 0 });

    const early = await start(opened.importId, tokens.operator);
    expect(early.status).toBe(409);
    expect(early.headers.get('content-type')).toBe('application/problem+json');
    expect(early.body.detail).toMatch(/not been uploaded yet/);

    expect((await put(opened.uploadUrl)).status).toBe(200);
  });

  it('starts the same workflow as a WhatsApp document; a second start is the first', async () => {
    const first = await start(firstImport, tokens.operator);
    expect(first.status, first.text).toBe(202);
    expect(first.body).toEqual({ importId: firstImport, status: 'started' });
    const again = await start(firstImport, tokens.owner);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    await cloud.settle();

    const done = await status(firstImport);
    expect(done).toMatchObject({
      importId: firstImport,
      filename: 'carteira-erp.csv',
      status: 'completed',
      rowsRead: 12,
      rowsImported: 9,
      rowsRejected: 3,
    });
    expect(Date.parse(String(done.finishedAt))).toBeGreaterThanOrEqual(Date.parse(String(done.startedAt)));
    const errors = await (await fetch(String(done.errorReportUrl))).text();
    expect(errors).toContain('linha;coluna;motivo');
    expect(errors.split('\r\n').filter(Boolean)).toHaveLength(4);

    // The member who started it is told, once, the summary a WhatsApp import gets.
    const replies = repliesTo(operator?.phone ?? '');
    expect(replies.filter((text) => text.startsWith('Importei carteira-erp.csv'))).toHaveLength(1);
    expect(replies.at(-1)).toContain('• 12 linhas lidas • 9 importadas • 3 com erro');
    expect(repliesTo(DEMO_TENANT.owner.phone).some((text) => text.startsWith('Importei'))).toBe(false);

    const list = await call('/v1/imports', { token: tokens.viewer });
    expect((list.body.data as Array<{ importId: string }>).map((view) => view.importId)).toContain(
      firstImport,
    );
  });

  it('imports the same bytes again as a no-op, and says which import it repeats', async () => {
    const before = await accounts();
    const opened = await open(tokens.owner);
    expect((await put(opened.uploadUrl)).status).toBe(200);
    expect((await start(opened.importId, tokens.owner)).status).toBe(202);
    await cloud.settle();
    expect(await status(opened.importId)).toMatchObject({ status: 'duplicate', duplicateOf: firstImport });
    expect(await accounts()).toBe(before);
    expect(repliesTo(DEMO_TENANT.owner.phone).at(-1)).toMatch(
      /^Esse arquivo já foi importado em .* Nada mudou\.$/,
    );
  });

  it('answers 404 for an import that does not exist, and 403 to a viewer who tries to import', async () => {
    expect((await call('/v1/imports/nope', { token: tokens.viewer })).status).toBe(404);
    expect((await start('nope', tokens.owner)).status).toBe(404);
    const refused = await call('/v1/imports', {
      method: 'POST',
      token: tokens.viewer,
      body: { filename: 'x.csv', contentType: 'text/csv' },
    });
    expect(refused.status).toBe(403);
  });
});
