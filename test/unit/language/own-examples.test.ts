import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../../shared/domain/calendar-date';
import { parseMessage } from '../../../shared/language/parser';
import { ALL_EXAMPLES } from './examples';

const DEFAULT_TODAY = '2026-11-23';

describe('parseMessage on our own examples', () => {
  for (const [group, examples] of Object.entries(ALL_EXAMPLES)) {
    describe(group, () => {
      it.each(examples)('$text', (example) => {
        const result = parseMessage(example.text, calendarDate(example.today ?? DEFAULT_TODAY));
        expect({
          intent: result.intent,
          amount: result.amountCents,
          contact: result.contact,
          date: result.date,
        }).toEqual({
          intent: example.intent,
          amount: example.amount,
          contact: example.contact,
          date: example.date,
        });
      });
    });
  }

  it('has at least 150 examples', () => {
    const count = Object.values(ALL_EXAMPLES).reduce((sum, examples) => sum + examples.length, 0);
    expect(count).toBeGreaterThanOrEqual(150);
  });
});
