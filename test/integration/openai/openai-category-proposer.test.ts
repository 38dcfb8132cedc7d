import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { OpenAiCategoryProposer } from '#adapters/openai/openai-category-proposer';
import { entryCategoriser, learnCategoryRule } from '#application/ledger/categorise-entry';
import { uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { type FakeOpenAiServer, json, startFakeOpenAiServer } from './fake-openai-server';

/**
 * The model's category for a new entry, against a local Chat Completions server and the tenant's rules on
 * DynamoDB Local: asked only when neither a learned rule nor a keyword knows the entry, constrained to the
 * set by the answer's schema, and checked against the set again; a failure or an answer outside the set
 * leaves "outros".
 */
describe('entryCategoriser with OpenAiCategoryProposer', () => {
  let server: FakeOpenAiServer;
  let table: TestTable;
  let repositories: ReturnType<typeof createTableRepositories>;
  const warnings: string[] = [];
  const clock = { now: () => new Date('2026-12-05T13:00:00Z') };

  beforeAll(async () => {
    server = await startFakeOpenAiServer();
    table = await createTestTable();
    repositories = createTableRepositories(table.tableName, table.documentClient);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await table?.drop();
  });

  const categoriser = () =>
    entryCategoriser({
      categoryRules: repositories.categoryRules,
      categoryProposer: new OpenAiCategoryProposer({
        apiKey: 'sk-test-not-a-real-key',
        baseURL: server.baseURL,
        model: 'gpt-4o-mini',
        timeoutMs: 2_000,
      }),
      logger: { warn: (message: unknown) => void warnings.push(String(message)) },
    });

  it('files an entry the keywords do not know where the model says, asking with the set as an enum', async () => {
    server.script(json({ category: 'marketing' }));
    const before = server.requests.length;
    const result = await categoriser().categorise(uniqueTenantId(), 'expense', 'brindes pro evento');
    expect(result).toEqual({ category: 'marketing', source: 'model' });
    expect(server.requests).toHaveLength(before + 1);
    const body = server.requests.at(-1)?.body as {
      response_format: { json_schema: { strict: boolean; schema: { properties: { category: unknown } } } };
      messages: Array<{ content: string }>;
    };
    expect(body.response_format.json_schema.strict).toBe(true);
    expect(JSON.stringify(body.response_format.json_schema.schema.properties.category)).toContain(
      '"marketing"',
    );
    expect(JSON.parse(body.messages[1]?.content ?? '{}')).toMatchObject({
      KIND: 'expense',
      DESCRIPTION: 'brindes pro evento',
    });
  });

  it('does not ask the model when a keyword or a learned rule decides (the learned rule wins)', async () => {
    const tenantId = uniqueTenantId();
    const before = server.requests.length;
    expect(await categoriser().categorise(tenantId, 'expense', 'gasolina do carro')).toEqual({
      category: 'transporte',
      source: 'keyword',
    });
    await learnCategoryRule(
      { categoryRules: repositories.categoryRules, clock },
      {
        tenantId,
        kind: 'expense',
        description: 'brindes',
        category: 'fornecedores',
        learnedFrom: 'correction',
      },
    );
    expect(await categoriser().categorise(tenantId, 'expense', 'brindes pro evento')).toMatchObject({
      category: 'fornecedores',
      source: 'learned',
    });
    expect(server.requests).toHaveLength(before);
  });

  it('keeps "outros" when the model answers outside the set, answers null, or fails', async () => {
    const tenantId = uniqueTenantId();
    const outros = { category: 'outros', source: 'default' };
    server.script(json({ category: 'presentes' }));
    expect(await categoriser().categorise(tenantId, 'expense', 'brindes pro evento')).toEqual(outros);
    server.script(json({ category: null }));
    expect(await categoriser().categorise(tenantId, 'expense', 'brindes pro evento')).toEqual(outros);
    server.script({ kind: 'status', status: 500 });
    warnings.length = 0;
    expect(await categoriser().categorise(tenantId, 'expense', 'brindes pro evento')).toEqual(outros);
    expect(warnings).toEqual(['category proposal failed; the entry stays in outros']);
  });

  it('offers income entries only the income categories', async () => {
    server.script(json({ category: 'vendas' }));
    expect(await categoriser().categorise(uniqueTenantId(), 'income', 'pix da feirinha')).toEqual({
      category: 'vendas',
      source: 'model',
    });
    const body = server.requests.at(-1)?.body as { messages: Array<{ content: string }> };
    expect(JSON.parse(body.messages[1]?.content ?? '{}').CATEGORIES).toEqual(['vendas', 'serviços']);
  });
});
