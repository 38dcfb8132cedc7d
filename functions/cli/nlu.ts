import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { Interpretation, LanguageModel } from '#application/ports/language-model';
import { languageConfig } from '#config/language-config';
import { calendarDate, isCalendarDate } from '#domain/calendar-date';
import { DeterministicLanguageModel } from '#language/deterministic-language-model';

/**
 * `npm run --silent nlu`: JSON Lines in on stdin ({"id", "text", "today"}), one JSON line out per input, in
 * input order ({"id", "intent", "amount_cents", "contact", "date"}, plus "period": {"from", "to"} and "category"
 * for ledger summaries and questions that name them). The deterministic parser runs unless
 * OPENAI_API_KEY is set. stdout carries results only; diagnostics go to stderr. A malformed line yields an
 * "unknown" result (and a note on stderr) instead of stopping the run.
 */

const inputLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  today: z.string().refine(isCalendarDate, 'today must be a calendar date YYYY-MM-DD'),
});

interface OutputLine {
  id: string | number | null;
  intent: Interpretation['intent'];
  amount_cents: number | null;
  contact: string | null;
  date: string | null;
  /** Summaries and ledger questions only: the period asked about (inclusive), when the message names one. */
  period?: { from: string; to: string };
  /** Summaries and ledger questions only: the category or keyword ("gasolina"), when the message names one. */
  category?: string;
}

/** Concurrent requests when a remote model is used; the local parser is synchronous anyway. */
const REMOTE_CONCURRENCY = 8;
const FLUSH_BYTES = 64 * 1024;

function log(level: 'INFO' | 'WARN' | 'ERROR', message: string, extra: object[]): void {
  process.stderr.write(`${JSON.stringify(Object.assign({ level, message }, ...extra))}\n`);
}

function note(message: string, extra: object = {}): void {
  log('WARN', message, [extra]);
}

const stderrLogger = {
  info: (message: string, ...extra: object[]) => log('INFO', message, extra),
  warn: (message: string, ...extra: object[]) => log('WARN', message, extra),
  error: (message: string, ...extra: object[]) => log('ERROR', message, extra),
};

/** The OpenAI SDK is only loaded when a key is set: the offline path starts faster without it. */
async function buildLanguageModel(): Promise<{ model: LanguageModel; remote: boolean }> {
  const deterministic = new DeterministicLanguageModel();
  const { openai } = languageConfig();
  if (!openai) return { model: deterministic, remote: false };
  const { OpenAiLanguageModel } = await import('#adapters/openai/openai-language-model');
  const model = new OpenAiLanguageModel({ ...openai, fallback: deterministic, logger: stderrLogger });
  return { model, remote: true };
}

function idOf(value: unknown): string | number | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  const { id } = value as { id: unknown };
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

async function interpretLine(model: LanguageModel, line: string, lineNumber: number): Promise<OutputLine> {
  let json: unknown;
  try {
    json = JSON.parse(line.replace(/^\uFEFF/, ''));
  } catch {
    note('malformed input line: not JSON', { line: lineNumber });
    return { id: null, intent: 'unknown', amount_cents: null, contact: null, date: null };
  }
  const parsed = inputLine.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    note('malformed input line', { line: lineNumber, fields });
    return { id: idOf(json), intent: 'unknown', amount_cents: null, contact: null, date: null };
  }
  const { id, text, today } = parsed.data;
  try {
    const result = await model.interpret({ text, today: calendarDate(today) });
    const output: OutputLine = {
      id,
      intent: result.intent,
      amount_cents: result.amountCents,
      contact: result.contact,
      date: result.date,
    };
    if (result.ledgerQuery?.period) output.period = result.ledgerQuery.period;
    if (result.ledgerQuery?.category) output.category = result.ledgerQuery.category;
    return output;
  } catch (error) {
    note('could not interpret line', {
      line: lineNumber,
      error: error instanceof Error ? error.message : 'unknown',
    });
    return { id, intent: 'unknown', amount_cents: null, contact: null, date: null };
  }
}

async function main(): Promise<void> {
  const { model, remote } = await buildLanguageModel();
  const concurrency = remote ? REMOTE_CONCURRENCY : 1;
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  const pending: Promise<OutputLine>[] = [];
  let buffer = '';
  const emit = (output: OutputLine) => {
    buffer += `${JSON.stringify(output)}\n`;
    if (buffer.length >= FLUSH_BYTES) {
      process.stdout.write(buffer);
      buffer = '';
    }
  };
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    pending.push(interpretLine(model, line, lineNumber));
    if (pending.length >= concurrency) emit(await (pending.shift() as Promise<OutputLine>));
  }
  for (const output of pending) emit(await output);
  process.stdout.write(buffer);
}

main().catch((error: unknown) => {
  process.stderr.write(`nlu failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
