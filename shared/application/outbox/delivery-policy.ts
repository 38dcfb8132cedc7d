import type { RateCharge } from '#application/ports/outbox-repository';
import type { ReminderWindow } from '#application/ports/tenant-repository';
import {
  addDays,
  type CalendarDate,
  saoPauloDateOf,
  saoPauloInstant,
  saoPauloTimeOf,
  weekdayOf,
} from '#domain/calendar-date';
import type { OutboxMessage, OutboxMessageKind } from '#domain/outbox-message';

/**
 * Delivery rules decided before a message is sent (docs/decisions.md, "Outbox and delivery"). Pure functions:
 * the delivery use case reads the tenant, the contact and the clock, and asks these.
 */

/** Proactive messages to payers: they wait for the tenant's reminder window (hours and weekdays, São Paulo). */
const QUIET_HOURS_KINDS: ReadonlySet<OutboxMessageKind> = new Set([
  'reminder',
  'boleto_to_contact',
  'collection_email',
]);

/** Every message to a contact except the confirmation of their own opt-out. */
export function isSubjectToOptOut(message: OutboxMessage): boolean {
  return message.audience === 'contact' && message.kind !== 'opt_out_confirmation';
}

/** Same set as opt-out: the daily caps protect payers (and the tenant's bill); owners are never throttled. */
export function isSubjectToRateLimits(message: OutboxMessage): boolean {
  return message.audience === 'contact' && message.kind !== 'opt_out_confirmation';
}

export function isSubjectToQuietHours(message: OutboxMessage): boolean {
  return message.audience === 'contact' && QUIET_HOURS_KINDS.has(message.kind);
}

/** Whole hours 0-24; an empty weekday list means every day (a misconfiguration must not block forever). */
function allowsDay(window: ReminderWindow, date: CalendarDate): boolean {
  return window.weekdays.length === 0 || window.weekdays.includes(weekdayOf(date));
}

/**
 * `undefined` when `now` is inside the window; otherwise the next instant it opens (São Paulo wall clock,
 * [startHour, endHour) on allowed weekdays).
 */
export function nextWindowOpening(window: ReminderWindow, now: Date): Date | undefined {
  const today = saoPauloDateOf(now);
  const { hour } = saoPauloTimeOf(now);
  if (allowsDay(window, today) && hour >= window.startHour && hour < window.endHour) return undefined;
  if (allowsDay(window, today) && hour < window.startHour) return saoPauloInstant(today, window.startHour);
  for (let offset = 1; offset <= 7; offset++) {
    const day = addDays(today, offset);
    if (allowsDay(window, day)) return saoPauloInstant(day, window.startHour);
  }
  return saoPauloInstant(addDays(today, 1), window.startHour);
}

/**
 * When a message refused by a full daily counter may try again: the next São Paulo day, at the window's
 * opening for messages subject to quiet hours, at midnight for the others.
 */
export function nextRateWindow(message: OutboxMessage, window: ReminderWindow, now: Date): Date {
  const midnight = saoPauloInstant(addDays(saoPauloDateOf(now), 1));
  if (!isSubjectToQuietHours(message)) return midnight;
  return nextWindowOpening(window, midnight) ?? midnight;
}

export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 3_600_000;

/**
 * Free-form WhatsApp is allowed while the person's last message is less than 24 h old. `marginMs` keeps a
 * safety margin for clock skew and the time the send takes (the provider judges by its own clock).
 */
export function isCustomerWindowOpen(lastInboundAt: Date | undefined, now: Date, marginMs: number): boolean {
  if (!lastInboundAt) return false;
  const age = now.getTime() - lastInboundAt.getTime();
  return age >= -marginMs && age < CUSTOMER_SERVICE_WINDOW_MS - marginMs;
}

/** The daily counters a message to a contact is charged against when claimed (São Paulo day of `now`). */
export function dailyRateCharges(
  recipient: string,
  now: Date,
  limits: { perContact: number; perTenant: number },
): RateCharge[] {
  const day = saoPauloDateOf(now);
  return [
    { scope: 'contact', recipient, day, limit: limits.perContact },
    { scope: 'tenant', day, limit: limits.perTenant },
  ];
}
