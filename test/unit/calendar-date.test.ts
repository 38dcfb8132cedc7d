import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDate,
  daysBetween,
  formatDateBr,
  isCalendarDate,
  lastDayOfMonth,
  saoPauloDateOf,
  saoPauloInstant,
  weekdayOf,
} from '#domain/calendar-date';

describe('CalendarDate', () => {
  it('rejects impossible dates', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(() => calendarDate('2026-13-01')).toThrow(/calendar date/);
  });

  it('adds days across months and years', () => {
    expect(addDays(calendarDate('2026-12-31'), 1)).toBe('2027-01-01');
    expect(addDays(calendarDate('2026-03-01'), -1)).toBe('2026-02-28');
    expect(daysBetween(calendarDate('2026-01-31'), calendarDate('2026-03-03'))).toBe(31);
  });

  it('knows weekdays and month ends', () => {
    expect(weekdayOf(calendarDate('2026-11-23'))).toBe(1);
    expect(lastDayOfMonth(calendarDate('2026-11-23'))).toBe('2026-11-30');
  });

  it('reads the São Paulo date of an instant, not the UTC one', () => {
    expect(saoPauloDateOf(new Date('2026-11-24T02:30:00Z'))).toBe('2026-11-23');
    expect(saoPauloDateOf(new Date('2026-11-24T03:00:00Z'))).toBe('2026-11-24');
  });

  it('builds São Paulo wall-clock instants (UTC-3, no DST since 2019)', () => {
    expect(saoPauloInstant(calendarDate('2026-12-10'), 9).toISOString()).toBe('2026-12-10T12:00:00.000Z');
  });

  it('formats as dd/mm/aaaa', () => {
    expect(formatDateBr(calendarDate('2026-12-10'))).toBe('10/12/2026');
  });
});
