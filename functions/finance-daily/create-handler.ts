import * as z from 'zod/mini';
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
}

export type FinanceDailyHandler = (event: unknown) => Promise<RecurringExpenseCheck>;

/** The daily schedule's target: validate, then point out the tenant's tracked subscriptions that are missing. */
export function createFinanceDailyHandler(deps: FinanceDailyHandlerDependencies): FinanceDailyHandler {
  return async (event) => {
    const parsed = financeDailyEventSchema.safeParse(event);
    if (!parsed.success) throw new InvalidInputError(`finance daily input: ${z.prettifyError(parsed.error)}`);
    if (parsed.data.tenantId !== deps.tenantId) {
      throw new InvalidInputError(
        `this function serves tenant ${deps.tenantId}, not ${parsed.data.tenantId}`,
      );
    }
    return checkRecurringExpenses(deps.recurringExpenses, { tenantId: deps.tenantId });
  };
}
