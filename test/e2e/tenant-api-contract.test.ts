import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROUTES } from '#functions/tenant-api/routes';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { seedLedgerEntry, seedRequestedBoleto, validCpf } from '#test/support/tenant-api-fixtures';
import { apiCaller, type DemoRole, signInAll, tableClient } from '#test/support/tenant-api-session';

/**
 * The contract test: the OpenAPI document served at /v1/openapi.json (generated from the route table) and a
 * real call of every route in the table, each response validated against the document's schema for its
 * status and media type. A route added to the table without a call here fails the coverage check.
 */
type Operation = {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
};
type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components: object };

const CALLS: Record<string, { path: string; body?: unknown }> = {
  'GET /v1/contacts': { path: '/v1/contacts?limit=2' },
  'POST /v1/contacts': {
    path: '/v1/contacts',
    body: {
      name: 'Contrato Ltda',
      phone: '+5511955550001',
      taxId: validCpf(555000111),
      email: 'c@example.com',
    },
  },
  'GET /v1/contacts/{id}': { path: '/v1/contacts/joao-silva' },
  'PATCH /v1/contacts/{id}': { path: '/v1/contacts/maria-souza', body: { name: 'Maria Souza' } },
  'DELETE /v1/contacts/{id}': { path: '/v1/contacts/pedro-alvares' },
  'GET /v1/boletos': { path: '/v1/boletos?contact=joao-silva' },
  'GET /v1/aging': { path: '/v1/aging' },
  'POST /v1/boletos': {
    path: '/v1/boletos',
    body: { contactId: 'joao-silva', amountCents: 10_000, dueDate: '2099-12-01', description: 'Contrato' },
  },
  'GET /v1/boletos/{id}': { path: '/v1/boletos/contract-1' },
  'POST /v1/boletos/{id}/cancel': { path: '/v1/boletos/contract-2/cancel' },
  'GET /v1/payments': { path: '/v1/payments?contact=joao-silva' },
  'GET /v1/ledger': { path: '/v1/ledger?month=2026-11' },
  'POST /v1/ledger': {
    path: '/v1/ledger',
    body: { kind: 'expense', amountCents: 5_400, description: 'gasolina', date: '2026-11-05' },
  },
  'POST /v1/ledger/{id}/reversal': {
    path: '/v1/ledger/contract-entry/reversal',
    body: { date: '2026-11-03' },
  },
  'GET /v1/statements/{contactId}': { path: '/v1/statements/joao-silva' },
  'GET /v1/exports/ledger.csv': { path: '/v1/exports/ledger.csv?month=2026-11' },
  'GET /v1/exports/boletos.csv': { path: '/v1/exports/boletos.csv?contact=joao-silva&format=iso' },
  'GET /v1/exports/payments.csv': { path: '/v1/exports/payments.csv?contact=joao-silva' },
  'GET /v1/exports/statement.csv': { path: '/v1/exports/statement.csv?contact=joao-silva' },
  'GET /v1/members': { path: '/v1/members' },
  'POST /v1/members': {
    path: '/v1/members',
    body: { name: 'Eva Lima', role: 'viewer', phone: '(11) 97777-6666' },
  },
  'DELETE /v1/members/{id}': { path: '/v1/members/eva' },
  'GET /v1/collection-templates': { path: '/v1/collection-templates' },
  'GET /v1/collection-templates/{degree}': { path: '/v1/collection-templates/2' },
  'PUT /v1/collection-templates/{degree}': {
    path: '/v1/collection-templates/3',
    body: { subject: 'Faturas de {{nome_conta}}', text: 'Olá, {{nome_contato}}.\n\n{{faturas}}' },
  },
  'POST /v1/imports': { path: '/v1/imports', body: { filename: 'carteira.csv', contentType: 'text/csv' } },
  // Set in beforeAll: an import whose file was uploaded.
  'POST /v1/imports/{id}/start': { path: '' },
  'GET /v1/imports': { path: '/v1/imports' },
  'GET /v1/imports/{id}': { path: '' },
};

describe('tenant API contract', () => {
  let cloud: LocalCloud;
  let tokens: Record<DemoRole, string>;
  let call: ReturnType<typeof apiCaller>;
  let document: Document;
  const ajv = new Ajv2020({ strict: false, allErrors: true });

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    const client = tableClient(cloud);
    tokens = await signInAll(cloud);
    call = apiCaller(cloud);
    const now = cloud.clock.now();
    for (const boletoId of ['contract-1', 'contract-2'])
      await seedRequestedBoleto(client, cloud.tableName, { boletoId, contactId: 'joao-silva', now });
    await seedLedgerEntry(client, cloud.tableName, 'contract-entry');
    const opened = await call('/v1/imports', {
      method: 'POST',
      token: tokens.owner,
      body: { filename: 'contrato.csv', contentType: 'text/csv' },
    });
    const upload = opened.body as { importId: string; uploadUrl: string };
    const csv = readFileSync(new URL('../../events/collections/aging-sample.csv', import.meta.url));
    expect((await fetch(upload.uploadUrl, { method: 'PUT', body: csv })).status).toBe(200);
    CALLS['POST /v1/imports/{id}/start'] = { path: `/v1/imports/${upload.importId}/start` };
    CALLS['GET /v1/imports/{id}'] = { path: `/v1/imports/${upload.importId}` };
    const response = await fetch(`${cloud.apiUrl}/v1/openapi.json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as Document;
  }, 120_000);
  afterAll(async () => {
    await cloud?.stop();
  });

  it('serves an OpenAPI 3.1 document without a token, covering every route of the table', () => {
    expect(document.openapi).toBe('3.1.0');
    for (const route of ROUTES)
      expect(document.paths[route.path]?.[route.method.toLowerCase()]).toBeDefined();
    expect(Object.keys(CALLS).sort()).toEqual(ROUTES.map((route) => `${route.method} ${route.path}`).sort());
  });

  it('serves the reference page at /docs without a token', async () => {
    const response = await fetch(`${cloud.apiUrl}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain('/v1/openapi.json');
  });

  it.each(ROUTES.map((route) => `${route.method} ${route.path}`))(
    '%s answers as the document says',
    async (name) => {
      const [method = 'GET', templatePath = ''] = name.split(' ');
      const planned = CALLS[name];
      if (!planned) throw new Error(`no contract call for ${name}`);
      const response = await call(planned.path, {
        method,
        token: tokens.owner,
        ...(planned.body ? { body: planned.body } : {}),
      });
      expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
      const operation = document.paths[templatePath]?.[method.toLowerCase()];
      if (response.status === 204) {
        expect(operation?.responses['204'], `${name} 204 is in the document`).toBeDefined();
        return;
      }
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0] ?? '';
      const schema = operation?.responses[String(response.status)]?.content?.[mediaType]?.schema;
      expect(schema, `${name} ${response.status} ${mediaType} is in the document`).toBeDefined();
      const validate = ajv.compile({ ...schema, components: document.components });
      expect(validate(response.body), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  it('exports the ledger as the owner sees it, with the same total as the API', async () => {
    const json = await call('/v1/ledger?month=2026-11&limit=100', { token: tokens.viewer });
    const expected = (json.body.data ?? []).reduce(
      (sum: number, e) =>
        sum +
        ((e as { kind: string }).kind === 'expense' ? -1 : 1) * (e as { amountCents: number }).amountCents,
      0,
    );
    const exported = await call('/v1/exports/ledger.csv?month=2026-11', { token: tokens.viewer });
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = exported.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe('data;tipo;categoria;descrição;valor (R$)');
    const total = rows
      .map((row) => row.split(';').at(-1) ?? '0')
      .reduce((sum, value) => sum + Math.round(Number(value.replace(/\./g, '').replace(',', '.')) * 100), 0);
    expect(rows.length).toBeGreaterThan(0);
    expect(total).toBe(expected);
    expect(rows[0]).toMatch(/^\d{2}\/\d{2}\/2026;/);
  });

  it("exports a payer's statement with the same totals as GET /v1/statements/{contactId}", async () => {
    const charged = await call('/v1/boletos', {
      method: 'POST',
      token: tokens.operator,
      body: { contactId: 'joao-silva', amountCents: 12_345, dueDate: '2099-12-02', description: 'Extrato' },
    });
    expect(charged.status).toBe(202);
    await cloud.settle();
    const statement = await vi.waitFor(async () => {
      const read = await call('/v1/statements/joao-silva', { token: tokens.viewer });
      const lines = read.body.lines as { kind: string; boletoId: string; status: string }[];
      expect(lines.find((line) => line.boletoId === charged.body.id)?.status).toMatch(/registered|sent/);
      return read.body as {
        totals: Record<
          'boletoCount' | 'paymentCount' | 'billedCents' | 'paidCents' | 'openBalanceCents',
          number
        >;
      };
    });
    // Paged one line at a time, the statement lists every line once, and the totals never change with the page.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await call(`/v1/statements/joao-silva?limit=1${query}`, { token: tokens.viewer });
      expect(page.status).toBe(200);
      expect(page.body.totals).toEqual(statement.totals);
      paged.push(
        ...(page.body.lines as { kind: string; boletoId: string }[]).map((l) => `${l.kind}:${l.boletoId}`),
      );
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(paged).toHaveLength(statement.totals.boletoCount + statement.totals.paymentCount);
    expect((await call('/v1/statements/joao-silva?limit=201', { token: tokens.viewer })).status).toBe(400);
    expect(statement.totals.openBalanceCents).toBeGreaterThanOrEqual(12_345);
    const exported = await call('/v1/exports/statement.csv?contact=joao-silva', { token: tokens.viewer });
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = exported.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe('data;tipo;boleto;descrição;situação;valor (R$);pago (R$);em aberto hoje (R$)');
    const cents = (cell = '') =>
      cell ? Math.round(Number(cell.replace(/\./g, '').replace(',', '.')) * 100) : 0;
    const cells = rows.map((row) => row.split(';'));
    const total = cells.at(-1) ?? [];
    expect(total[1]).toBe('total');
    expect(cents(total[5])).toBe(statement.totals.billedCents);
    expect(cents(total[6])).toBe(statement.totals.paidCents);
    expect(cents(total[7])).toBe(statement.totals.openBalanceCents);
    const lines = cells.slice(0, -1);
    expect(lines).toHaveLength(paged.length);
    expect(lines.reduce((sum, line) => sum + cents(line[7]), 0)).toBe(statement.totals.openBalanceCents);
    const machine = await call('/v1/exports/statement.csv?contact=joao-silva&format=iso', {
      token: tokens.viewer,
    });
    expect(machine.text.trim().split('\r\n').at(-1)?.split(',').at(-1)).toBe(
      String(statement.totals.openBalanceCents),
    );
    const missing = await call('/v1/exports/statement.csv', { token: tokens.viewer });
    expect(missing.status).toBe(400);
    expect((await call('/v1/exports/statement.csv?contact=nobody', { token: tokens.viewer })).status).toBe(
      404,
    );
  });

  it('describes its refusals as problem details, and they are', async () => {
    const response = await call('/v1/contacts/nobody', { token: tokens.viewer });
    expect(response.status).toBe(404);
    const schema =
      document.paths['/v1/contacts/{id}']?.get?.responses['404']?.content?.['application/problem+json']
        ?.schema;
    const validate = ajv.compile(schema ?? {});
    expect(validate(response.body), JSON.stringify(validate.errors)).toBe(true);
  });
});
