import {
  addDays,
  type CalendarDate,
  calendarDateFromParts,
  compareDates,
  dateParts,
  daysInMonth,
} from './calendar-date';
import type { Cents } from './money';
import type { E164 } from './phone-number';

/**
 * A recurring charge ("cobra 100 do João todo mês dia 10"): one confirmation creates the plan; each month's
 * boleto is then issued by the same path as a one-off boleto, `ISSUE_DAYS_BEFORE_DUE` days before its due
 * date, at `ISSUE_HOUR` São Paulo. The month's boleto is identified by plan + period (`2027-01`), so a replayed
 * firing issues nothing new. Rules chosen: docs/decisions.md, "Recurring charges".
 */

/** Days between a month's issue and its due date: the payer gets the boleto with time to pay. */
export const ISSUE_DAYS_BEFORE_DUE = 10;
/** São Paulo hour of the monthly issue (inside the reminder window, so the payer's message goes at once). */
export const ISSUE_HOUR = 9;
/** A plan without an end is open-ended; "por N meses" accepts up to this many. */
export const MAX_PLAN_MONTHS = 60;

/** A calendar month, `YYYY-MM`. */
export type Period = string & { readonly __brand: 'Period' };

export type RecurringPlanStatus = 'active' | 'stopped';

export interface RecurringPlan {
  tenantId: string;
  planId: string;
  ownerPhone: E164;
  contactId: string;
  /** The contact's registered name, for texts. */
  contactName: string;
  amountCents: Cents;
  /** 1-31; in a shorter month the due date is its last day. */
  dayOfMonth: number;
  firstPeriod: Period;
  /** Absent: until stopped. */
  lastPeriod?: Period;
  description?: string;
  status: RecurringPlanStatus;
  /** The confirmed request that created it. */
  requestId: string;
  createdAt: string;
  stoppedAt?: string;
}

/** The end the owner said: "até junho" (a month name, 1-12) or "por 6 meses". */
export type PlanEnd = { untilMonth: number } | { months: number };

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function periodOf(date: CalendarDate): Period {
  return date.slice(0, 7) as Period;
}

export function addMonths(period: Period, months: number): Period {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}` as Period;
}

export function comparePeriods(a: Period, b: Period): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The month's due date: the plan's day, or the month's last day when it has fewer days (31 → 30 April,
 * 28/29 February). A weekend or bank holiday is kept, as for a one-off boleto: the payer may pay on the next
 * business day without charges (`lastChargeFreeDay`).
 */
export function dueDateIn(period: Period, dayOfMonth: number): CalendarDate {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return calendarDateFromParts(year, month, Math.min(dayOfMonth, daysInMonth(year, month)));
}

export function issueDateOf(dueDate: CalendarDate): CalendarDate {
  return addDays(dueDate, -ISSUE_DAYS_BEFORE_DUE);
}

/**
 * The first month of a plan confirmed today: the first due date after today (a due date today or past is not
 * charged: the payer would get a boleto already due). Its issue date may be past: it is then issued at once.
 */
export function firstPeriodFrom(today: CalendarDate, dayOfMonth: number): Period {
  const thisMonth = periodOf(today);
  return compareDates(dueDateIn(thisMonth, dayOfMonth), today) > 0 ? thisMonth : addMonths(thisMonth, 1);
}

/** The last month of the plan, from the owner's words; undefined = until stopped. */
export function lastPeriodOf(firstPeriod: Period, end: PlanEnd | undefined): Period | undefined {
  if (!end) return undefined;
  if ('months' in end) return addMonths(firstPeriod, end.months - 1);
  const { year, month } = dateParts(dueDateIn(firstPeriod, 1));
  const sameYear = `${year}-${String(end.untilMonth).padStart(2, '0')}` as Period;
  return end.untilMonth >= month ? sameYear : addMonths(sameYear, 12);
}

/** How many boletos a plan issues (undefined: open-ended). */
export function monthsOf(plan: Pick<RecurringPlan, 'firstPeriod' | 'lastPeriod'>): number | undefined {
  if (!plan.lastPeriod) return undefined;
  const [fy, fm] = plan.firstPeriod.split('-').map(Number) as [number, number];
  const [ly, lm] = plan.lastPeriod.split('-').map(Number) as [number, number];
  return ly * 12 + lm - (fy * 12 + fm) + 1;
}

/** Whether the plan issues a boleto for this month. */
export function coversPeriod(plan: RecurringPlan, period: Period): boolean {
  return (
    plan.status === 'active' &&
    comparePeriods(period, plan.firstPeriod) >= 0 &&
    (!plan.lastPeriod || comparePeriods(period, plan.lastPeriod) <= 0)
  );
}

/** The month after `period` the plan still covers, if any. */
export function nextPeriodOf(plan: RecurringPlan, period: Period): Period | undefined {
  const next = addMonths(period, 1);
  return coversPeriod(plan, next) ? next : undefined;
}

/** A plan's terms as the owner said them ("todo mês dia 10 até junho"): read by the parser. */
export interface RecurrenceTerms {
  /** 1-31, when the owner said it ("dia 10", "todo dia dez", "no dia 5"). */
  dayOfMonth?: number;
  end?: PlanEnd;
}
