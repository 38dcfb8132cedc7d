import { describe, expect, it } from 'vitest';
import {
  isCustomerWindowOpen,
  isSubjectToOptOut,
  isSubjectToQuietHours,
  isSubjectToRateLimits,
  nextRateWindow,
  nextWindowOpening,
} from '#application/outbox/delivery-policy';
import type { ReminderWindow } from '#application/ports/tenant-repository';
import { aWhatsAppMessage } from './outbox-fixtures';

// Mondays to Saturdays, 08:00-20:00 São Paulo (UTC-3: 11:00-23:00 UTC).
const WINDOW: ReminderWindow = { startHour: 8, endHour: 20, weekdays: [1, 2, 3, 4, 5, 6] };

describe('nextWindowOpening', () => {
  it('lets a message through inside the window', () => {
    expect(nextWindowOpening(WINDOW, new Date('2026-12-09T14:00:00Z'))).toBeUndefined(); // Wed 11:00
  });

  it('waits until 08:00 the same day before the window opens', () => {
    expect(nextWindowOpening(WINDOW, new Date('2026-12-09T08:30:00Z'))?.toISOString()).toBe(
      '2026-12-09T11:00:00.000Z',
    ); // Wed 05:30 → Wed 08:00
  });

  it('waits until the next morning after the window closes', () => {
    expect(nextWindowOpening(WINDOW, new Date('2026-12-09T23:30:00Z'))?.toISOString()).toBe(
      '2026-12-10T11:00:00.000Z',
    ); // Wed 20:30 → Thu 08:00
  });

  it('skips days that are not allowed (Saturday night → Monday morning)', () => {
    expect(nextWindowOpening(WINDOW, new Date('2026-12-12T23:30:00Z'))?.toISOString()).toBe(
      '2026-12-14T11:00:00.000Z',
    );
  });

  it('treats an empty weekday list as every day', () => {
    const everyDay = { ...WINDOW, weekdays: [] };
    expect(nextWindowOpening(everyDay, new Date('2026-12-13T14:00:00Z'))).toBeUndefined(); // Sunday
  });
});

describe('nextRateWindow', () => {
  it('moves a reminder to the next allowed morning', () => {
    const reminder = aWhatsAppMessage({ kind: 'reminder', audience: 'contact' });
    expect(nextRateWindow(reminder, WINDOW, new Date('2026-12-09T14:00:00Z')).toISOString()).toBe(
      '2026-12-10T11:00:00.000Z',
    );
  });

  it('moves other contact messages to the next São Paulo midnight', () => {
    const receipt = aWhatsAppMessage({ kind: 'payment_received', audience: 'contact' });
    expect(nextRateWindow(receipt, WINDOW, new Date('2026-12-09T14:00:00Z')).toISOString()).toBe(
      '2026-12-10T03:00:00.000Z',
    );
  });
});

describe('message policies', () => {
  it('applies opt-out, caps and quiet hours to a reminder for a contact', () => {
    const reminder = aWhatsAppMessage({ kind: 'reminder', audience: 'contact' });
    expect([
      isSubjectToOptOut(reminder),
      isSubjectToRateLimits(reminder),
      isSubjectToQuietHours(reminder),
    ]).toEqual([true, true, true]);
  });

  it('never holds back a message to the owner', () => {
    const reply = aWhatsAppMessage({ kind: 'owner_reply', audience: 'owner' });
    expect([isSubjectToOptOut(reply), isSubjectToRateLimits(reply), isSubjectToQuietHours(reply)]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('still sends the confirmation of an opt-out', () => {
    const confirmation = aWhatsAppMessage({ kind: 'opt_out_confirmation', audience: 'contact' });
    expect(isSubjectToOptOut(confirmation)).toBe(false);
    expect(isSubjectToQuietHours(confirmation)).toBe(false);
  });
});

describe('isCustomerWindowOpen', () => {
  const now = new Date('2026-12-09T12:00:00Z');
  const margin = 10 * 60_000;

  it('is closed when the person never wrote', () => {
    expect(isCustomerWindowOpen(undefined, now, margin)).toBe(false);
  });

  it('is open 23 hours after their last message', () => {
    expect(isCustomerWindowOpen(new Date('2026-12-08T13:00:00Z'), now, margin)).toBe(true);
  });

  it('is closed inside the safety margin before the 24 hours end', () => {
    expect(isCustomerWindowOpen(new Date('2026-12-08T12:05:00Z'), now, margin)).toBe(false);
  });
});
