import { describe, expect, it } from 'vitest';
import { calendarDateFromParts } from '#domain/calendar-date';
import { ledgerQueryOf } from '#language/ledger-query';

/** "nos últimos N meses/dias" reads N in digits or in words, with the one list of number words. */
describe('ledgerQueryOf: the last N months or days', () => {
  const today = calendarDateFromParts(2026, 12, 10);

  it.each([
    ['quanto gastei nos últimos 3 meses?', calendarDateFromParts(2026, 10, 1)],
    ['quanto gastei nos últimos três meses?', calendarDateFromParts(2026, 10, 1)],
    ['quanto gastei nos últimos doze meses?', calendarDateFromParts(2026, 1, 1)],
    ['quanto gastei nos últimos quinze dias?', calendarDateFromParts(2026, 11, 26)],
    [
      'quanto gastei nas últimas duas semanas ou nos últimos trinta dias?',
      calendarDateFromParts(2026, 11, 11),
    ],
  ])('%s', (text, from) => {
    expect(ledgerQueryOf(text, today).period).toEqual({ from, to: today });
  });

  it('reads no period from a word that is not a number', () => {
    expect(ledgerQueryOf('quanto gastei nos últimos muitos dias?', today).period).toBeNull();
  });
});
