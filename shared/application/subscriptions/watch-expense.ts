import type { Clock } from '#application/ports/clock';
import type { LedgerEntry, LedgerRepository } from '#application/ports/ledger-repository';
import type {
  RecurringExpense,
  RecurringExpenseRepository,
} from '#application/ports/recurring-expense-repository';
import { categoryTermOf } from '#domain/category-rules';
import { correctableEntries } from '#domain/ledger-correction';
import type { E164 } from '#domain/phone-number';
import {
  detectSubscription,
  isLargerThanUsual,
  monthOffset,
  type Occurrence,
  SUBSCRIPTION_RULES,
} from '#domain/subscription-pattern';
import { recurringExpenseTexts } from './recurring-expense-texts-pt-br';

export interface WatchExpenseDependencies {
  ledger: LedgerRepository;
  recurringExpenses: RecurringExpenseRepository;
  clock: Clock;
}

/** How long a typed "sim" / "não" answers the offer. */
export const OFFER_ANSWER_HOURS = 24;

/** Checks each newly booked expense against the tenant's subscriptions; returns a note for the reply, if any. */
export interface ExpenseWatch {
  afterExpenseBooked(input: { entry: LedgerEntry; ownerPhone: E164 }): Promise<string | undefined>;
}

export function expenseWatch(deps: WatchExpenseDependencies): ExpenseWatch {
  return { afterExpenseBooked: (input) => watchExpense(deps, input) };
}

/** The tenant's live expenses of `month` whose description has `term` (reversed ones left out). */
export async function expensesOfTerm(
  ledger: LedgerRepository,
  tenantId: string,
  month: string,
  term: string,
): Promise<Occurrence[]> {
  const entries = correctableEntries(await ledger.listByMonth(tenantId, month));
  return entries.filter(
    (entry) =>
      entry.kind === 'expense' && entry.amountCents > 0 && categoryTermOf(entry.description) === term,
  );
}

/**
 * After an expense is booked: a tracked subscription's expense more than 10% above its amount is pointed out
 * (once a month); an expense that now repeats monthly (see SUBSCRIPTION_RULES) is offered for tracking, once per
 * term ever (a "não" is remembered). The history is read from the ledger's month partitions, newest first,
 * stopping at the first month without the term: most expenses cost one extra Query.
 */
export async function watchExpense(
  deps: WatchExpenseDependencies,
  input: { entry: LedgerEntry; ownerPhone: E164 },
): Promise<string | undefined> {
  const { entry } = input;
  const term = categoryTermOf(entry.description);
  if (entry.kind !== 'expense' || !term || entry.correction) return undefined;
  const known = await deps.recurringExpenses.get(entry.tenantId, term);
  if (known) return known.status === 'tracking' ? pointOutLarger(deps, known, entry) : undefined;
  const month = entry.date.slice(0, 7);
  const occurrences: Occurrence[] = [];
  for (let back = 1; back < SUBSCRIPTION_RULES.months; back++) {
    const found = await expensesOfTerm(deps.ledger, entry.tenantId, monthOffset(month, -back), term);
    if (found.length === 0) return undefined;
    occurrences.push(...found);
  }
  occurrences.push(...(await expensesOfTerm(deps.ledger, entry.tenantId, month, term)));
  const pattern = detectSubscription(occurrences);
  if (!pattern) return undefined;
  const now = deps.clock.now();
  const offer: RecurringExpense = {
    tenantId: entry.tenantId,
    term,
    status: 'offered',
    description: pattern.description,
    amountCents: pattern.amountCents,
    dayOfMonth: pattern.dayOfMonth,
    ownerPhone: input.ownerPhone,
    offeredAt: now.toISOString(),
    answerBy: new Date(now.getTime() + OFFER_ANSWER_HOURS * 3_600_000).toISOString(),
    version: 1,
  };
  if ((await deps.recurringExpenses.offer(offer)) === 'exists') return undefined;
  return recurringExpenseTexts.offer(offer);
}

async function pointOutLarger(
  deps: WatchExpenseDependencies,
  tracked: RecurringExpense,
  entry: LedgerEntry,
): Promise<string | undefined> {
  const month = entry.date.slice(0, 7);
  if (!isLargerThanUsual(entry.amountCents, tracked.amountCents) || tracked.largerPointedOut === month) {
    return undefined;
  }
  const saved = await deps.recurringExpenses.update({
    ...tracked,
    largerPointedOut: month,
    version: tracked.version + 1,
  });
  if (saved === 'changed') return undefined; // pointed out (or decided) by another message at the same moment
  return recurringExpenseTexts.larger(tracked, entry.amountCents);
}
