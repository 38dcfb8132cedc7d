import { replyOnce } from '#application/conversation/reply-once';
import type { Clock } from '#application/ports/clock';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import type {
  RecurringExpense,
  RecurringExpenseRepository,
} from '#application/ports/recurring-expense-repository';
import type { UnitOfWork } from '#application/ports/unit-of-work';
import type { E164 } from '#domain/phone-number';
import { recurringExpenseTexts } from './recurring-expense-texts-pt-br';

export interface DecideRecurringExpenseDependencies {
  recurringExpenses: RecurringExpenseRepository;
  outbox: OutboxRepository;
  unitOfWork: UnitOfWork;
  clock: Clock;
}

export interface RecurringExpenseAnswer {
  tenantId: string;
  ownerPhone: E164;
  /** The typed "sim" / "não": the reply's id derives from it. */
  messageId: string;
  decision: 'confirm' | 'deny';
  memberId?: string;
}

/** Answers the subscription offer waiting for this phone (`answer` is false when none waits). */
export interface RecurringExpenseOffers {
  answer(input: RecurringExpenseAnswer): Promise<boolean>;
}

export function recurringExpenseOffers(deps: DecideRecurringExpenseDependencies): RecurringExpenseOffers {
  return { answer: (input) => decideRecurringExpense(deps, input) };
}

/**
 * "sim" to "parece uma assinatura… quer que eu acompanhe?" tracks it (expected every month, pointed out when
 * missing or larger); "não" declines it for good: that term is never offered again. A replayed answer finds
 * the offer decided and repeats nothing (the reply's id derives from the message).
 */
export async function decideRecurringExpense(
  deps: DecideRecurringExpenseDependencies,
  input: RecurringExpenseAnswer,
): Promise<boolean> {
  const now = deps.clock.now();
  const waiting = (await deps.recurringExpenses.list(input.tenantId))
    .filter(
      (expense) =>
        expense.status === 'offered' &&
        expense.ownerPhone === input.ownerPhone &&
        Date.parse(expense.answerBy) > now.getTime(),
    )
    .sort((a, b) => b.offeredAt.localeCompare(a.offeredAt))[0];
  if (!waiting) return false;
  const decided: RecurringExpense = {
    ...waiting,
    status: input.decision === 'confirm' ? 'tracking' : 'declined',
    decidedAt: now.toISOString(),
    ...(input.memberId && { decidedBy: input.memberId }),
    version: waiting.version + 1,
  };
  const outcome =
    (await deps.recurringExpenses.update(decided)) === 'updated'
      ? decided
      : ((await deps.recurringExpenses.get(input.tenantId, waiting.term)) ?? decided);
  const text =
    outcome.status === 'declined'
      ? recurringExpenseTexts.declined(outcome)
      : recurringExpenseTexts.tracking(outcome);
  await replyOnce(
    deps,
    input.tenantId,
    input.ownerPhone,
    text,
    input.messageId,
    'recurring-expense-decision',
  );
  return true;
}
