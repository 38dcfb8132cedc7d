import { deterministicId } from '#application/conversation/deterministic-id';
import type { Clock } from '#application/ports/clock';
import type { LedgerRepository } from '#application/ports/ledger-repository';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import { PreconditionFailedError } from '#application/ports/persistence-errors';
import type {
  RecurringExpense,
  RecurringExpenseRepository,
} from '#application/ports/recurring-expense-repository';
import type { UnitOfWork } from '#application/ports/unit-of-work';
import { saoPauloDateOf } from '#domain/calendar-date';
import { newOutboxMessage, ownerReply } from '#domain/outbox-message';
import { isOverdue } from '#domain/subscription-pattern';
import type { AppLogger } from '#logging/create-logger';
import { recurringExpenseTexts } from './recurring-expense-texts-pt-br';
import { expensesOfTerm } from './watch-expense';

export interface CheckRecurringExpensesDependencies {
  recurringExpenses: RecurringExpenseRepository;
  ledger: LedgerRepository;
  outbox: OutboxRepository;
  unitOfWork: UnitOfWork;
  clock: Clock;
  logger: AppLogger;
}

export interface RecurringExpenseCheck {
  tracked: number;
  pointedOut: string[];
}

/**
 * The daily check: a tracked subscription with no expense this month, some days (SUBSCRIPTION_RULES.graceDays)
 * after its usual day, is pointed out to the owner, once a month. The message's id derives from the tenant, the
 * term and the month, so a rerun of the day (or of a failed run) queues nothing twice. Reads: one Query of the
 * tenant's subscriptions, and one Query of this month's ledger per subscription that is due and not yet seen.
 */
export async function checkRecurringExpenses(
  deps: CheckRecurringExpensesDependencies,
  input: { tenantId: string },
): Promise<RecurringExpenseCheck> {
  const now = deps.clock.now();
  const today = saoPauloDateOf(now);
  const month = today.slice(0, 7);
  const tracked = (await deps.recurringExpenses.list(input.tenantId)).filter(
    (expense) => expense.status === 'tracking',
  );
  const pointedOut: string[] = [];
  for (const expense of tracked) {
    if (expense.missingPointedOut === month || !isOverdue(expense.dayOfMonth, month, today)) continue;
    if ((expense.decidedAt ?? expense.offeredAt).slice(0, 7) > month) continue;
    const booked = await expensesOfTerm(deps.ledger, input.tenantId, month, expense.term);
    if (booked.length > 0) continue;
    await pointOutMissing(deps, expense, month);
    pointedOut.push(expense.term);
  }
  deps.logger.info('recurring expenses checked', {
    tenantId: input.tenantId,
    tracked: tracked.length,
    pointedOut: pointedOut.length,
  });
  return { tracked: tracked.length, pointedOut };
}

async function pointOutMissing(
  deps: CheckRecurringExpensesDependencies,
  expense: RecurringExpense,
  month: string,
): Promise<void> {
  const message = newOutboxMessage(
    ownerReply(
      expense.ownerPhone,
      recurringExpenseTexts.missing(expense, month),
      `recurring-expense-${month}`,
    ),
    {
      id: deterministicId(expense.tenantId, expense.term, month, 'recurring-expense-missing'),
      tenantId: expense.tenantId,
      now: deps.clock.now(),
    },
  );
  try {
    await deps.unitOfWork.run((tx) => deps.outbox.add(message, tx));
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error; // queued by an earlier run
  }
  await deps.recurringExpenses.update({ ...expense, missingPointedOut: month, version: expense.version + 1 });
}
