import * as z from 'zod/mini';
import { ensureReportSchedule, type ReportScheduleDependencies } from '#application/reports/report-schedule';
import {
  type CheckRecurringExpensesDependencies,
  checkRecurringExpenses,
  type RecurringExpenseCheck,
} from '#application/subscriptions/check-recurring-expenses';
import { InvalidInputError } from '#domain/domain-error';
import { financeDailyEventSchema } from './finance-daily-event.schema';

export interface FinanceDailyHandlerDependencies {
  recurringExpenses: CheckRecurringExpensesDependencies;
  /** The stack's tenant: a schedule for any other tenant is refused. */
  tenantId: string;
  /**
   * The tenant's report schedule, created (monthly) when it has none: a deployed stack starts without one, and
   * the owner would otherwise never get a report until they change its cadence by message. Absent where the
   * stack grants no schedule management.
   */
  reportSchedule?: ReportScheduleDependencies;
}

export type FinanceDailyHandler = (event: unknown) => Promise<RecurringExpenseCheck>;

/**
 * The daily schedule's target: validate, make sure the tenant has a report schedule, then point out the
 * tenant's tracked subscriptions that are missing.
 */
export function createFinanceDailyHandler(deps: FinanceDailyHandlerDependencies): FinanceDailyHandler {
  return async (event) => {
    const parsed = financeDailyEventSchema.safeParse(event);
    if (!parsed.success) throw new InvalidInputError(`finance daily input: ${z.prettifyError(parsed.error)}`);
    if (parsed.data.tenantId !== deps.tenantId) {
      throw new InvalidInputError(
        `this function serves tenant ${deps.tenantId}, not ${parsed.data.tenantId}`,
      );
    }
    if (deps.reportSchedule) await ensureReportSchedule(deps.reportSchedule, deps.tenantId);
    return checkRecurringExpenses(deps.recurringExpenses, { tenantId: deps.tenantId });
  };
}
