import {
  addDays,
  type CalendarDate,
  calendarDateFromParts,
  dateParts,
  daysInMonth,
  isBefore,
} from './calendar-date';
import type { Cents } from './money';

/**
 * Subscriptions and recurring expenses, recognised in the ledger: the same normalised description (see
 * `categoryTermOf`) once a month, for SUBSCRIPTION_RULES.months consecutive calendar months, each amount within
 * ±10% of the latest and each day within ±3 days of the latest's day of the month. Exactly one such expense a
 * month: several a month (fuel, groceries) is a habit, not a subscription. A tracked subscription is expected
 * every month: missing some days after its day, or more than 10% above its amount, it is pointed out.
 */
export const SUBSCRIPTION_RULES = {
  /** Consecutive months with one matching expense each (the latest month included). */
  months: 3,
  /** How far an amount may be from the latest one (fraction). */
  amountTolerance: 0.1,
  /** How far a day of the month may be from the latest one's. */
  dayTolerance: 3,
  /** Days after the usual day before a missing one is pointed out. */
  graceDays: 5,
  /** Above this fraction over the tracked amount, an expense is pointed out as larger. */
  largerThan: 0.1,
} as const;

export interface Occurrence {
  date: CalendarDate;
  amountCents: Cents;
  description: string;
}

export interface SubscriptionPattern {
  /** The latest occurrence's amount and description; its day of the month. */
  amountCents: Cents;
  description: string;
  dayOfMonth: number;
  /** The months it was seen in, oldest first (`YYYY-MM`). */
  months: string[];
}

/** `YYYY-MM` of the month `offset` months from `month` (negative: before). */
export function monthOffset(month: string, offset: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The day `dayOfMonth` in `month`, or the month's last day when it is shorter (31 → 30/04). */
export function usualDateIn(month: string, dayOfMonth: number): CalendarDate {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return calendarDateFromParts(year, number, Math.min(dayOfMonth, daysInMonth(year, number)));
}

function withinAmount(amount: Cents, reference: Cents, tolerance: number): boolean {
  return Math.abs(amount - reference) <= Math.round(reference * tolerance);
}

/**
 * The subscription the occurrences of one term show, ending with the latest one; undefined when they show
 * none. `occurrences` are the term's expenses over at least the last SUBSCRIPTION_RULES.months months.
 */
export function detectSubscription(occurrences: readonly Occurrence[]): SubscriptionPattern | undefined {
  const latest = [...occurrences].sort((a, b) => b.date.localeCompare(a.date))[0];
  if (!latest) return undefined;
  const latestMonth = latest.date.slice(0, 7);
  const day = dateParts(latest.date).day;
  const months: string[] = [];
  for (let back = SUBSCRIPTION_RULES.months - 1; back >= 0; back--) {
    const month = monthOffset(latestMonth, -back);
    const inMonth = occurrences.filter((occurrence) => occurrence.date.startsWith(month));
    const [only] = inMonth;
    if (inMonth.length !== 1 || !only) return undefined;
    if (!withinAmount(only.amountCents, latest.amountCents, SUBSCRIPTION_RULES.amountTolerance))
      return undefined;
    const usual = dateParts(usualDateIn(month, day)).day;
    if (Math.abs(dateParts(only.date).day - usual) > SUBSCRIPTION_RULES.dayTolerance) return undefined;
    months.push(month);
  }
  return { amountCents: latest.amountCents, description: latest.description, dayOfMonth: day, months };
}

/**
 * True when a tracked subscription's expense of `month` is late: `today` is its day plus the grace, or the
 * month's last day when that comes first (a day-28 subscription is pointed out within its own month).
 */
export function isOverdue(dayOfMonth: number, month: string, today: CalendarDate): boolean {
  const graced = addDays(usualDateIn(month, dayOfMonth), SUBSCRIPTION_RULES.graceDays);
  const lastDay = usualDateIn(month, 31);
  return !isBefore(today, isBefore(graced, lastDay) ? graced : lastDay);
}

/** True when an expense is more than 10% above the tracked amount. */
export function isLargerThanUsual(amountCents: Cents, usualCents: Cents): boolean {
  return amountCents > usualCents + Math.round(usualCents * SUBSCRIPTION_RULES.largerThan);
}
