import * as z from 'zod/mini';
import { type CalendarDate, isCalendarDate } from '#domain/calendar-date';
import type { LedgerQuery } from './language-model';

/**
 * The check every ledger plan passes before it runs, whoever proposed it (the parser or a model): dates are real
 * calendar dates in order, the aggregate is one of the known ones, and nothing else is accepted (a plan never
 * carries a number to report).
 */
const date = z.custom<CalendarDate>(isCalendarDate, 'expected a YYYY-MM-DD date');
const period = z
  .strictObject({ from: date, to: date })
  .check(z.refine((range) => range.from <= range.to, 'period must start before it ends'));

/** What a plan that names a payer can ask: the payments received from them (no categories, no ranking). */
const CONTACT_AGGREGATES: ReadonlySet<string> = new Set(['sum', 'max', 'count']);

export const ledgerQuerySchema = z
  .strictObject({
    period: z.nullable(period),
    category: z.nullable(z.string().check(z.minLength(1), z.maxLength(60))),
    side: z.enum(['expense', 'income', 'both']),
    aggregate: z.enum(['sum', 'max', 'count', 'top', 'compare', 'late_payers']),
    comparedWith: z.optional(z.nullable(period)),
    contact: z.optional(z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(80)))),
  })
  .check(
    z.refine(
      (plan) =>
        !plan.contact ||
        (CONTACT_AGGREGATES.has(plan.aggregate) && plan.side === 'income' && plan.category === null),
      'a plan about a contact is a sum, max or count of the payments received from them',
    ),
  );

/** The plan, checked; undefined when it is not one (the caller asks the owner again, nothing is read). */
export function parseLedgerQuery(plan: unknown): LedgerQuery | undefined {
  const parsed = ledgerQuerySchema.safeParse(plan);
  return parsed.success ? parsed.data : undefined;
}
