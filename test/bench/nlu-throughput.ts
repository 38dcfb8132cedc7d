import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { calendarDate } from '#domain/calendar-date';
import { parseMessage } from '#language/parser';

const TEMPLATES = [
  'cobra {amount} do {name} dia {day}',
  'manda boleto pro {name} de {amount} pra sexta',
  'gastei {amount} no mercado',
  'o {name} já pagou?',
  'quem está devendo?',
  'Gera um boleto de R$ {amount},00 para a {name} com vencimento {day}/12',
  'recebi {amount} reais do {name} ontem',
  'cancela o boleto do {name}',
  'sim',
  'cobrar dona {name} duzentos e cinquenta reais daqui a 5 dias',
];
const NAMES = ['João', 'Maria Souza', 'Zé', 'Cida', 'Pedro Álvares', 'Ana Paula'];

function messagesOf(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    (TEMPLATES[i % TEMPLATES.length] ?? '')
      .replace('{amount}', String(50 + ((i * 37) % 2000)))
      .replace('{name}', NAMES[i % NAMES.length] ?? 'João')
      .replace('{day}', String(1 + (i % 28))),
  );
}

export interface NluFigures {
  /** The parser alone, warm, single core. */
  messagesPerSecond: number;
  /** `npm run --silent nlu < 1,000 lines` as a person runs it: process start-up, tsx, parsing, output. */
  commandMsFor1000Lines: number;
  /** Goal: 1,000 lines in < 3 s, start-up included. */
  commandHeadroom: number;
}

/**
 * The deterministic parser's throughput (the `nlu` command's engine), and the command itself end to end: a
 * fresh `npm run --silent nlu` fed 1,000 JSON lines, wall time including Node's and tsx's start-up.
 */
export async function benchNluThroughput(): Promise<NluFigures> {
  const today = calendarDate('2026-11-23');
  const messages = messagesOf(20_000);
  for (const message of messages.slice(0, 500)) parseMessage(message, today); // warm-up
  const started = performance.now();
  for (const message of messages) parseMessage(message, today);
  const seconds = (performance.now() - started) / 1000;
  const messagesPerSecond = Math.round(messages.length / seconds);

  const input = messagesOf(1000)
    .map((text, i) => JSON.stringify({ id: String(i), text, today }))
    .join('\n');
  const commandStarted = performance.now();
  const run = spawnSync('npm', ['run', '--silent', 'nlu'], { input: `${input}\n`, encoding: 'utf8' });
  const commandMs = Math.round(performance.now() - commandStarted);
  const lines = run.stdout.trim().split('\n').length;
  if (run.status !== 0 || lines !== 1000) {
    throw new Error(`nlu command failed (${run.status}, ${lines} lines): ${run.stderr.slice(0, 500)}`);
  }
  console.log(
    `parser alone: ${messagesPerSecond} messages/s (20,000 messages in ${(seconds * 1000).toFixed(0)} ms)`,
  );
  console.log(
    `npm run --silent nlu, 1,000 lines, start-up included: ${commandMs} ms (goal < 3,000 ms: ${(3000 / commandMs).toFixed(1)}x headroom) ${commandMs < 3000 ? 'ok' : 'GAP'}`,
  );
  return { messagesPerSecond, commandMsFor1000Lines: commandMs, commandHeadroom: 3000 / commandMs };
}
