import { describe, expect, it } from 'vitest';
import { collectionEmailId } from '#application/collections/collection-email-selection';
import { nextWeeklyRun, weeklyScheduleName } from '#application/collections/weekly-collections';
import { calendarDate } from '#domain/calendar-date';
import {
  cadenceVerdict,
  isEmailUsable,
  type LastCollectionEmail,
} from '#domain/collections/collection-cadence';

const last: LastCollectionEmail = {
  outboxMessageId: 'x',
  degree: 2,
  snapshotDate: calendarDate('2026-12-01'),
  templateId: 'collection-degree-2',
  templateVersion: 1,
  modelWritten: false,
  queuedAt: '2026-12-01T13:00:00.000Z',
};

describe('collection e-mail cadence', () => {
  const verdict = (changes: { degree?: 1 | 2 | 3 | 4; snapshot?: string; today: string }, previous = last) =>
    cadenceVerdict({
      last: previous,
      degree: changes.degree ?? 2,
      snapshotDate: calendarDate(changes.snapshot ?? '2026-12-01'),
      today: calendarDate(changes.today),
    });

  it('sends the first e-mail of an account', () => {
    expect(
      cadenceVerdict({
        last: undefined,
        degree: 1,
        snapshotDate: calendarDate('2026-12-01'),
        today: calendarDate('2026-12-01'),
      }),
    ).toEqual({ due: true, reason: 'first_email' });
  });

  it('sends a higher degree at once, even the same day and snapshot', () => {
    expect(verdict({ degree: 3, today: '2026-12-01' })).toEqual({ due: true, reason: 'degree_increased' });
  });

  it('never repeats the same degree for the same snapshot, however long ago', () => {
    expect(verdict({ today: '2026-12-30' })).toEqual({ due: false, reason: 'already_emailed_for_snapshot' });
  });

  it('repeats the same degree from a newer snapshot only after 7 São Paulo days', () => {
    expect(verdict({ snapshot: '2026-12-05', today: '2026-12-07' })).toEqual({
      due: false,
      reason: 'emailed_recently',
    });
    expect(verdict({ snapshot: '2026-12-05', today: '2026-12-08' })).toEqual({
      due: true,
      reason: 'interval_passed',
    });
  });

  it('counts days in São Paulo: queued at 23:30 São Paulo is that day, not the next UTC day', () => {
    const lateQueued = { ...last, queuedAt: '2026-12-02T02:30:00.000Z' }; // 01/12 23:30 in São Paulo
    expect(verdict({ snapshot: '2026-12-05', today: '2026-12-08' }, lateQueued).due).toBe(true);
  });

  it('treats a lower degree like the same one (a partial payment does not re-send at once)', () => {
    expect(verdict({ degree: 1, snapshot: '2026-12-05', today: '2026-12-03' }).due).toBe(false);
  });

  it('skips bounced, invalid, complained and suppressed addresses', () => {
    expect(isEmailUsable(undefined)).toBe(true);
    expect(isEmailUsable('valid')).toBe(true);
    for (const status of ['invalid', 'suppressed', 'bounced', 'complained'])
      expect(isEmailUsable(status)).toBe(false);
  });
});

describe('collection e-mail ids and the weekly schedule', () => {
  it('derives one outbox id per tenant + account + degree + snapshot date', () => {
    const id = collectionEmailId('t1', 'C1', 2, calendarDate('2026-12-01'));
    expect(collectionEmailId('t1', 'C1', 2, calendarDate('2026-12-01'))).toBe(id);
    expect(
      new Set([
        id,
        collectionEmailId('t2', 'C1', 2, calendarDate('2026-12-01')),
        collectionEmailId('t1', 'C2', 2, calendarDate('2026-12-01')),
        collectionEmailId('t1', 'C1', 3, calendarDate('2026-12-01')),
        collectionEmailId('t1', 'C1', 2, calendarDate('2026-12-02')),
      ]).size,
    ).toBe(5);
  });

  it('runs on the next Monday at 09:00 São Paulo, strictly after now', () => {
    expect(nextWeeklyRun(new Date('2026-12-05T15:00:00Z'))).toBe('2026-12-07'); // Saturday → Monday
    expect(nextWeeklyRun(new Date('2026-12-07T11:59:00Z'))).toBe('2026-12-07'); // Monday 08:59 → today
    expect(nextWeeklyRun(new Date('2026-12-07T12:00:00Z'))).toBe('2026-12-14'); // Monday 09:00 → next week
  });

  it('names the schedule within Scheduler limits', () => {
    expect(weeklyScheduleName('demo#tenant')).toMatch(/^[0-9a-zA-Z\-_.]{1,64}$/);
  });
});
