import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../../shared/domain/calendar-date';
import { parseMessage } from '../../../shared/language/parser';

interface DevCase {
  id: string;
  text: string;
  today: string;
  expected: { intent: string; amount_cents: number | null; contact: string | null; date: string | null };
}

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const devSetPath = path.resolve(repoRoot, '..', 'shared', 'eval', 'nlu-dev.jsonl');
const cases: DevCase[] = readFileSync(devSetPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as DevCase);

describe('parseMessage on ../shared/eval/nlu-dev.jsonl', () => {
  it('reads all 47 examples', () => {
    expect(cases).toHaveLength(47);
  });

  it.each(cases)('$id: $text', (devCase) => {
    const result = parseMessage(devCase.text, calendarDate(devCase.today));
    expect({
      intent: result.intent,
      amount_cents: result.amountCents,
      contact: result.contact,
      date: result.date,
    }).toEqual(devCase.expected);
  });
});
