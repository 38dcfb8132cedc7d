import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import { parseMessage } from '#language/parser';
import { nluDevLines } from '#test/support/nlu-dev-set';

interface DevCase {
  id: string;
  text: string;
  today: string;
  expected: { intent: string; amount_cents: number | null; contact: string | null; date: string | null };
}

const cases: DevCase[] = nluDevLines().map((line) => JSON.parse(line) as DevCase);

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
