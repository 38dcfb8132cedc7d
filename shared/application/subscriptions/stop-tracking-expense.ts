import type { Clock } from '#application/ports/clock';
import type { RecurringExpenseRepository } from '#application/ports/recurring-expense-repository';
import { categoryTermOf } from '#domain/category-rules';
import { recurringExpenseTexts } from './recurring-expense-texts-pt-br';

/**
 * "para de acompanhar a netflix": the tracked subscription whose term the owner's words name stops being
 * expected (it is declined, so it is not offered again either). Nothing is tracked under that name: IRIS says so.
 */
export async function stopTrackingExpense(
  deps: { recurringExpenses: RecurringExpenseRepository; clock: Clock },
  input: { tenantId: string; name: string | undefined; memberId?: string },
): Promise<string> {
  const named = categoryTermOf(input.name ?? '');
  const tracked = (await deps.recurringExpenses.list(input.tenantId)).filter(
    (expense) => expense.status === 'tracking',
  );
  const words = new Set(named.split(' '));
  const found = tracked.find(
    (expense) => named !== '' && expense.term.split(' ').every((word) => words.has(word)),
  );
  if (!found) return recurringExpenseTexts.notTracked(input.name ?? '');
  // 'changed': stopped by another message a moment ago; the answer is the same.
  await deps.recurringExpenses.update({
    ...found,
    status: 'declined',
    decidedAt: deps.clock.now().toISOString(),
    ...(input.memberId && { decidedBy: input.memberId }),
    version: found.version + 1,
  });
  return recurringExpenseTexts.stopped(found);
}
