import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import { findDateExpressions } from '#language/date-expressions';
import { type DateSemantics, resolveDate } from '#language/dates';
import { tokenise } from '#language/tokenise';

function dateIn(text: string, today: string, semantics: DateSemantics = 'due'): string | null {
  const [match] = findDateExpressions(tokenise(text));
  return match ? resolveDate(match.expression, calendarDate(today), semantics) : null;
}

describe('resolveDate', () => {
  describe('relative days', () => {
    it.each([
      ['hoje', '2026-11-23'],
      ['hj', '2026-11-23'],
      ['amanhã', '2026-11-24'],
      ['amanha', '2026-11-24'],
      ['depois de amanhã', '2026-11-25'],
      ['ontem', '2026-11-22'],
      ['anteontem', '2026-11-21'],
      ['daqui a 10 dias', '2026-12-03'],
      ['em 7 dias', '2026-11-30'],
      ['daqui a uma semana', '2026-11-30'],
      ['daqui a duas semanas', '2026-12-07'],
      ['dentro de 5 dias', '2026-11-28'],
      ['prazo de 30 dias', '2026-12-23'],
    ])('"%s" from 2026-11-23 is %s', (text, expected) => {
      expect(dateIn(text, '2026-11-23')).toBe(expected);
    });

    it('crosses a year end', () => {
      expect(dateIn('amanhã', '2026-12-31')).toBe('2027-01-01');
      expect(dateIn('daqui a 5 dias', '2026-12-30')).toBe('2027-01-04');
    });

    it('keeps a month offset within the target month', () => {
      expect(dateIn('daqui a um mês', '2027-01-31')).toBe('2027-02-28');
    });
  });

  describe('weekdays', () => {
    it('is the next such day strictly after today for a due date', () => {
      // 2026-11-23 is a Monday.
      expect(dateIn('segunda', '2026-11-23')).toBe('2026-11-30');
      expect(dateIn('terça', '2026-11-23')).toBe('2026-11-24');
      expect(dateIn('na quarta', '2026-11-23')).toBe('2026-11-25');
      expect(dateIn('sexta-feira', '2026-11-23')).toBe('2026-11-27');
      expect(dateIn('domingo', '2026-11-23')).toBe('2026-11-29');
      expect(dateIn('segunda que vem', '2026-11-23')).toBe('2026-11-30');
      expect(dateIn('próxima sexta', '2026-11-23')).toBe('2026-11-27');
      expect(dateIn('sexta', '2026-11-27')).toBe('2026-12-04');
    });

    it('is the next such day for money that already moved too, as issue 3 states (validation questions it)', () => {
      expect(dateIn('sexta', '2026-11-23', 'past')).toBe('2026-11-27');
      expect(dateIn('última sexta', '2026-11-23', 'past')).toBe('2026-11-20');
    });

    it('follows "passada" and "que vem" whatever the semantics', () => {
      expect(dateIn('sexta passada', '2026-11-23', 'due')).toBe('2026-11-20');
      expect(dateIn('sexta que vem', '2026-11-23', 'past')).toBe('2026-11-27');
    });

    it('does not read "segunda via" as a weekday', () => {
      expect(findDateExpressions(tokenise('manda a segunda via'))).toEqual([]);
    });
  });

  describe('"dia N"', () => {
    it('is the first date on or after today with that day for a due date', () => {
      expect(dateIn('dia 10', '2026-11-23')).toBe('2026-12-10');
      expect(dateIn('dia 23', '2026-11-23')).toBe('2026-11-23');
      expect(dateIn('dia 30', '2026-11-23')).toBe('2026-11-30');
      expect(dateIn('dia 5', '2026-12-28')).toBe('2027-01-05');
    });

    it('skips months that lack the day', () => {
      expect(dateIn('dia 31', '2026-11-23')).toBe('2026-12-31');
      expect(dateIn('dia 30', '2027-01-31')).toBe('2027-03-30');
      expect(dateIn('dia 29', '2027-02-01')).toBe('2027-03-29');
      expect(dateIn('dia 29', '2028-02-01')).toBe('2028-02-29');
    });

    it('is the latest date on or before today with that day for money that already moved', () => {
      expect(dateIn('dia 5', '2026-11-23', 'past')).toBe('2026-11-05');
      expect(dateIn('dia 23', '2026-11-23', 'past')).toBe('2026-11-23');
      expect(dateIn('dia 25', '2026-11-23', 'past')).toBe('2026-10-25');
      expect(dateIn('dia 31', '2027-03-05', 'past')).toBe('2027-01-31');
    });

    it('reads ordinals, words and an explicit month', () => {
      expect(dateIn('dia primeiro', '2026-11-23')).toBe('2026-12-01');
      expect(dateIn('dia 1º', '2026-11-23')).toBe('2026-12-01');
      expect(dateIn('dia quinze', '2026-11-23')).toBe('2026-12-15');
      expect(dateIn('dia 10 do mês que vem', '2026-11-23')).toBe('2026-12-10');
      expect(dateIn('dia 5 de janeiro', '2026-11-23')).toBe('2027-01-05');
    });

    it('finds no date in an impossible day', () => {
      expect(dateIn('dia 45', '2026-11-23')).toBeNull();
      expect(dateIn('dia 31 do mês que vem', '2027-03-10')).toBeNull();
    });
  });

  describe('written dates', () => {
    it.each([
      ['05/12', '2026-12-05'],
      ['20/11', '2027-11-20'],
      ['23/11', '2026-11-23'],
      ['10/01', '2027-01-10'],
      ['10/01/2027', '2027-01-10'],
      ['10/01/27', '2027-01-10'],
      ['10-12-2026', '2026-12-10'],
      ['15 de dezembro', '2026-12-15'],
      ['15 dezembro', '2026-12-15'],
      ['10 de janeiro', '2027-01-10'],
      ['15 de março de 2027', '2027-03-15'],
      ['1º de dezembro', '2026-12-01'],
    ])('"%s" as a due date from 2026-11-23 is %s', (text, expected) => {
      expect(dateIn(text, '2026-11-23')).toBe(expected);
    });

    it('takes last year for a day/month after today when money already moved', () => {
      expect(dateIn('28/12', '2027-01-05', 'past')).toBe('2026-12-28');
      expect(dateIn('10/11', '2026-11-23', 'past')).toBe('2026-11-10');
    });

    it('finds the next 29 February for a due date', () => {
      expect(dateIn('29/02', '2026-11-23')).toBe('2028-02-29');
    });

    it('finds no date in an impossible day/month', () => {
      expect(dateIn('31/02/2027', '2026-11-23')).toBeNull();
      expect(dateIn('12/13', '2026-11-23')).toBeNull();
    });
  });

  describe('month edges', () => {
    it.each([
      ['fim do mês', '2026-11-23', '2026-11-30'],
      ['final do mês', '2027-02-10', '2027-02-28'],
      ['fim do mês', '2028-02-10', '2028-02-29'],
      ['fim de mês', '2026-12-02', '2026-12-31'],
      ['último dia do mês', '2026-11-23', '2026-11-30'],
      ['fim do mês que vem', '2026-11-23', '2026-12-31'],
      ['fim do próximo mês', '2026-12-10', '2027-01-31'],
      ['começo do mês que vem', '2026-11-23', '2026-12-01'],
    ])('"%s" from %s is %s', (text, today, expected) => {
      expect(dateIn(text, today)).toBe(expected);
    });
  });

  it('finds no date in vague periods', () => {
    expect(dateIn('semana que vem', '2026-11-23')).toBeNull();
    expect(dateIn('mês que vem', '2026-11-23')).toBeNull();
    expect(dateIn('esse mês', '2026-11-23')).toBeNull();
    expect(dateIn('em novembro', '2026-11-23')).toBeNull();
  });
});
