import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import { atExpression, cronExpression } from '#domain/schedule-expression';
import { nextFiring, parseScheduleExpression } from '#infra/local/emulators/scheduler/index';

const SP = 'America/Sao_Paulo';
const next = (expression: string, after: string, window: { startDate?: Date; endDate?: Date } = {}) =>
  nextFiring(parseScheduleExpression(expression), SP, new Date(after), {
    anchor: new Date(after),
    ...window,
  })?.toISOString();

describe('schedule expressions', () => {
  it('builds at() and cron() with exactly one day field', () => {
    expect(atExpression(calendarDate('2027-01-05'), 9)).toBe('at(2027-01-05T09:00:00)');
    expect(cronExpression({ minute: 0, hour: 9, dayOfMonth: 10 })).toBe('cron(0 9 10 * ? *)');
    expect(cronExpression({ minute: 30, hour: 8, weekday: 'MON' })).toBe('cron(30 8 ? * MON *)');
    expect(cronExpression({ minute: 0, hour: 7, dayOfMonth: 'L' })).toBe('cron(0 7 L * ? *)');
    expect(cronExpression({ minute: 0, hour: 8, dayOfMonth: { from: 1, to: 7 } })).toBe(
      'cron(0 8 1-7 * ? *)',
    );
    expect(() => cronExpression({ minute: 0, hour: 8, dayOfMonth: { from: 7, to: 1 } })).toThrow(/backwards/);
    expect(() => cronExpression({ minute: 0, hour: 8, dayOfMonth: { from: 0, to: 7 } })).toThrow(/1-31/);
    expect(() => cronExpression({ minute: 0, hour: 9 })).toThrow(RangeError);
    expect(() => cronExpression({ minute: 0, hour: 9, dayOfMonth: 32 })).toThrow(RangeError);
  });

  it('evaluates cron in São Paulo wall-clock time', () => {
    expect(next('cron(0 9 10 * ? *)', '2026-12-10T11:59:00Z')).toBe('2026-12-10T12:00:00.000Z');
    expect(next('cron(0 9 10 * ? *)', '2026-12-10T12:00:00Z')).toBe('2027-01-10T12:00:00.000Z');
    expect(next('cron(30 8 ? * MON *)', '2026-12-05T12:00:00Z')).toBe('2026-12-07T11:30:00.000Z');
    expect(next('cron(0 9 ? * 2#1 *)', '2026-12-08T12:00:00Z')).toBe('2027-01-04T12:00:00.000Z');
    expect(next('cron(0 9 ? * 6L *)', '2026-12-01T12:00:00Z')).toBe('2026-12-25T12:00:00.000Z');
    expect(next('cron(0/15 9-10 1,15 JAN-MAR ? 2027)', '2026-12-05T12:00:00Z')).toBe(
      '2027-01-01T12:00:00.000Z',
    );
    expect(next('cron(0 9 31 * ? *)', '2027-03-31T13:00:00Z')).toBe('2027-05-31T12:00:00.000Z');
  });

  it('honours start and end dates of recurring schedules, and fires at() once at its time', () => {
    expect(
      next('cron(0 9 10 * ? *)', '2026-12-01T00:00:00Z', { startDate: new Date('2027-02-01T00:00:00Z') }),
    ).toBe('2027-02-10T12:00:00.000Z');
    expect(
      next('cron(0 9 10 * ? *)', '2026-12-11T00:00:00Z', { endDate: new Date('2027-01-05T00:00:00Z') }),
    ).toBeUndefined();
    expect(next('at(2027-01-05T09:00:00)', '2026-12-05T12:00:00Z')).toBe('2027-01-05T12:00:00.000Z');
    expect(next('rate(2 hours)', '2026-12-05T12:00:00Z')).toBe('2026-12-05T14:00:00.000Z');
  });

  it('rejects what Scheduler rejects', () => {
    for (const bad of [
      'cron(0 9 10 * * *)',
      'cron(0 9 ? * ? *)',
      'cron(0 25 1 * ? *)',
      'rate(0 days)',
      'rate(1 week)',
      'at(2027-13-01T00:00:00)',
      'every day',
    ]) {
      expect(() => parseScheduleExpression(bad), bad).toThrow(/Invalid Schedule Expression/);
    }
  });
});
