import { describe, expect, it } from 'vitest';
import { nluDevLines } from '#test/support/nlu-dev-set';
import { runNluCommand } from '#test/support/run-nlu-command';
import { ALL_EXAMPLES } from './examples';

const devLines = nluDevLines();

/** Runs `npm run --silent nlu` as a user would, with no OpenAI key. */
function runNlu(input: string) {
  return runNluCommand(input, { OPENAI_API_KEY: '' });
}

function outputLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('nlu command', () => {
  it('answers every dev line with its expected result, in order, and nothing else on stdout', async () => {
    const run = await runNlu(`${devLines.join('\n')}\n`);
    expect(run.code).toBe(0);
    const outputs = outputLines(run.stdout);
    expect(outputs).toHaveLength(devLines.length);
    devLines.forEach((line, index) => {
      const { id, expected } = JSON.parse(line) as { id: string; expected: object };
      const { period, category, ...fields } = outputs[index] ?? {};
      expect(fields).toEqual({ id, ...expected });
      // Summaries may also carry the period and category they name (issue 12); nothing else is added.
      if (period !== undefined || category !== undefined) expect(fields.intent).toMatch(/^ledger_/);
    });
    const november = outputs.find((output) => output.id === 'd36');
    expect(november?.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('adds the period and the category of a ledger summary to its line, keeping the other fields', async () => {
    const lines = [
      { id: 'p1', text: 'quanto gastei mês passado com gasolina?', today: '2026-11-23' },
      { id: 'p2', text: 'quanto recebi de janeiro a março', today: '2026-11-23' },
      { id: 'p3', text: 'quanto gastei ontem?', today: '2026-11-23' },
      { id: 'p4', text: 'quanto gastei em dezembro?', today: '2026-11-23' },
    ];
    const run = await runNlu(lines.map((line) => JSON.stringify(line)).join('\n'));
    expect(outputLines(run.stdout)).toEqual([
      {
        id: 'p1',
        intent: 'ledger_summary',
        amount_cents: null,
        contact: null,
        date: null,
        period: { from: '2026-10-01', to: '2026-10-31' },
        category: 'gasolina',
      },
      {
        id: 'p2',
        intent: 'ledger_summary',
        amount_cents: null,
        contact: null,
        date: null,
        period: { from: '2026-01-01', to: '2026-03-31' },
      },
      {
        id: 'p3',
        intent: 'ledger_summary',
        amount_cents: null,
        contact: null,
        date: '2026-11-22',
        period: { from: '2026-11-22', to: '2026-11-22' },
      },
      {
        id: 'p4',
        intent: 'ledger_summary',
        amount_cents: null,
        contact: null,
        date: null,
        period: { from: '2025-12-01', to: '2025-12-31' },
      },
    ]);
  });

  it('writes an "unknown" line for a malformed input and keeps going', async () => {
    const input = [
      'not json at all',
      JSON.stringify({ id: 'no-today', text: 'cobra 10 do Zé' }),
      JSON.stringify({ id: 'bad-today', text: 'oi', today: '2026-02-30' }),
      '',
      JSON.stringify({ id: 7, text: 'cobra 10 do Zé amanhã', today: '2026-11-23' }),
    ].join('\n');
    const run = await runNlu(input);
    expect(run.code).toBe(0);
    const nulls = { intent: 'unknown', amount_cents: null, contact: null, date: null };
    expect(outputLines(run.stdout)).toEqual([
      { id: null, ...nulls },
      { id: 'no-today', ...nulls },
      { id: 'bad-today', ...nulls },
      { id: 7, intent: 'create_boleto', amount_cents: 1000, contact: 'Zé', date: '2026-11-24' },
    ]);
    expect(run.stderr).toContain('malformed input line');
  });

  it('accepts a byte-order mark and Windows line endings', async () => {
    const input = `\uFEFF${JSON.stringify({ id: 'b', text: 'sim', today: '2026-11-23' })}\r\n${JSON.stringify({ id: 'c', text: 'não', today: '2026-11-23' })}\r\n`;
    const run = await runNlu(input);
    expect(outputLines(run.stdout).map((output) => [output.id, output.intent])).toEqual([
      ['b', 'confirm'],
      ['c', 'deny'],
    ]);
  });

  it('answers 1,000 lines, one result per line, in input order', async () => {
    const texts = [
      ...devLines.map((line) => (JSON.parse(line) as { text: string }).text),
      ...Object.values(ALL_EXAMPLES).flatMap((examples) => examples.map((example) => example.text)),
    ];
    const input = Array.from({ length: 1000 }, (_, index) =>
      JSON.stringify({ id: `m${index}`, text: texts[index % texts.length], today: '2026-11-23' }),
    ).join('\n');
    const run = await runNlu(input);
    const outputs = outputLines(run.stdout);
    expect(outputs).toHaveLength(1000);
    expect(outputs.map((output) => output.id)).toEqual(
      Array.from({ length: 1000 }, (_, index) => `m${index}`),
    );
  });
});
