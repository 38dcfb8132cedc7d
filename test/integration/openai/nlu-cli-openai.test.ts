import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNluCommand } from '#test/support/run-nlu-command';
import { type FakeOpenAiServer, json, startFakeOpenAiServer } from './fake-openai-server';

let server: FakeOpenAiServer;

beforeAll(async () => {
  server = await startFakeOpenAiServer();
});

afterAll(async () => {
  await server.close();
});

function runNlu(input: string) {
  return runNluCommand(input, {
    OPENAI_API_KEY: 'sk-test-not-a-real-key',
    OPENAI_BASE_URL: server.baseURL,
    OPENAI_MAX_RETRIES: '0',
    OPENAI_TIMEOUT_MS: '2000',
  });
}

const line = (id: string, text: string) => JSON.stringify({ id, text, today: '2026-11-23' });
const parse = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((output) => JSON.parse(output) as object);

describe('nlu command with OPENAI_API_KEY set', () => {
  it('uses the model’s answer', async () => {
    server.script(
      json({
        intent: 'create_boleto',
        amountCents: 20000,
        contact: 'Maria',
        date: '2026-12-10',
        description: null,
      }),
    );
    const run = await runNlu(line('a', 'cobra 150 do João e 200 da Maria dia 10'));
    expect(run.code).toBe(0);
    expect(parse(run.stdout)).toEqual([
      { id: 'a', intent: 'create_boleto', amount_cents: 20000, contact: 'Maria', date: '2026-12-10' },
    ]);
    expect(server.requests).toHaveLength(1);
  });

  it('falls back to the deterministic parser when the endpoint fails, keeping stdout clean and in order', async () => {
    server.script({ kind: 'status', status: 500 });
    const input = [
      line('1', 'cobra 150 reais do João dia 10'),
      line('2', 'gastei 45 reais no mercado'),
      line('3', 'sim'),
    ];
    const run = await runNlu(input.join('\n'));
    expect(run.code).toBe(0);
    expect(parse(run.stdout)).toEqual([
      { id: '1', intent: 'create_boleto', amount_cents: 15000, contact: 'João', date: '2026-12-10' },
      { id: '2', intent: 'record_expense', amount_cents: 4500, contact: null, date: null },
      { id: '3', intent: 'confirm', amount_cents: null, contact: null, date: null },
    ]);
    expect(run.stderr).toContain('falling back to the deterministic parser');
  });
});
