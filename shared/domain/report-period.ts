import { nextBusinessDayOnOrAfter } from './business-days';
import {
  addDays,
  type CalendarDate,
  calendarDateFromParts,
  dateParts,
  daysInMonth,
  formatDateBr,
  weekdayOf,
} from './calendar-date';
import { InvalidInputError } from './domain-error';
import { MONTH_NAMES_PT_BR } from './month-names';

/**
 * The period a report covers: whole São Paulo calendar days, `from` and `to` inclusive. A monthly report covers
 * a calendar month; a weekly one the seven days Monday to Sunday before the Monday it is sent.
 */
export interface ReportPeriod {
  from: CalendarDate;
  to: CalendarDate;
  /** `month` for a calendar month, `week` for Monday to Sunday. */
  span: 'month' | 'week';
}

/** How often the owner gets the report: the first business day of each month, or every Monday. */
export type ReportCadence = 'monthly' | 'weekly';

/** `2026-11` → the whole of November 2026. */
export function monthPeriod(yearMonth: string): ReportPeriod {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new InvalidInputError(`not a month: ${yearMonth}`);
  const year = Number(match[1]);
  return {
    from: calendarDateFromParts(year, month, 1),
    to: calendarDateFromParts(year, month, daysInMonth(year, month)),
    span: 'month',
  };
}

/** The calendar month before the one `today` is in. */
export function previousMonthPeriod(today: CalendarDate): ReportPeriod {
  const { year, month } = dateParts(today);
  return monthPeriod(month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`);
}

/** Monday to Sunday of the week before the one `today` is in. */
export function previousWeekPeriod(today: CalendarDate): ReportPeriod {
  const mondayThisWeek = addDays(today, -((weekdayOf(today) + 6) % 7));
  return { from: addDays(mondayThisWeek, -7), to: addDays(mondayThisWeek, -1), span: 'week' };
}

/** The first bank business day (FEBRABAN calendar) of the month `date` is in. */
export function firstBusinessDayOfMonth(date: CalendarDate): CalendarDate {
  const { year, month } = dateParts(date);
  return nextBusinessDayOnOrAfter(calendarDateFromParts(year, month, 1));
}

/** The month of a report period, `YYYY-MM` (a weekly period: the month it ends in). */
export function periodMonth(period: ReportPeriod): string {
  return period.to.slice(0, 7);
}

/** "novembro de 2026", or "30/11/2026 a 06/12/2026" for a week. */
export function periodTitle(period: ReportPeriod): string {
  if (period.span === 'week') return `${formatDateBr(period.from)} a ${formatDateBr(period.to)}`;
  const { year, month } = dateParts(period.from);
  return `${MONTH_NAMES_PT_BR[month - 1]} de ${year}`;
}

/** A stable id part for the period: `2026-11` for a month, `2026-11-30_2026-12-06` for a week. */
export function periodKey(period: ReportPeriod): string {
  return period.span === 'month' ? periodMonth(period) : `${period.from}_${period.to}`;
}
