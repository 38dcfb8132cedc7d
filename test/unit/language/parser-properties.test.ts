import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INTENTS } from '#application/ports/interpretation.schema';
import { addDays, calendarDate, isCalendarDate } from '#domain/calendar-date';
import { parseMessage } from '#language/parser';

const base = calendarDate('2024-01-01');
const today = fc.integer({ min: 0, max: 3650 }).map((days) => addDays(base, days));
const words = [
  'cobra',
  'boleto',
  'do',
  'João',
  'dia',
  '10',
  'mil',
  'e',
  'R$',
  '1.200,50',
  'sexta',
  'gastei',
  '/',
  '31/02',
];
const chatty = fc.array(fc.constantFrom(...words), { maxLength: 12 }).map((parts) => parts.join(' '));

describe('parseMessage (properties)', () => {
  it('never throws and always returns a well-formed interpretation', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 80 }), chatty),
        today,
        (text, day) => {
          const result = parseMessage(text, day);
          expect(INTENTS).toContain(result.intent);
          expect(result.amountCents === null || Number.isSafeInteger(result.amountCents)).toBe(true);
          expect(result.amountCents === null || result.amountCents > 0).toBe(true);
          expect(result.date === null || isCalendarDate(result.date)).toBe(true);
          expect(result.source).toBe('deterministic');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads any whole amount written as "R$ n" back in centavos', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), (reais) => {
        const grouped = reais.toLocaleString('pt-BR');
        const result = parseMessage(`cobra R$ ${grouped} do Pedro`, base);
        expect(result.amountCents).toBe(reais * 100);
      }),
    );
  });

  it('always resolves "dia N" to a due date on or after today whose day is N', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), today, (day, now) => {
        const result = parseMessage(`cobra 100 do Pedro dia ${day}`, now);
        expect(result.date).not.toBeNull();
        expect(result.date && result.date >= now).toBe(true);
        expect(Number(result.date?.slice(8))).toBe(day);
      }),
    );
  });
});
