import type { CategoryRuleRepository } from '#application/ports/category-rule-repository';
import type { Clock } from '#application/ports/clock';
import {
  DuplicateLedgerEntryError,
  type LedgerEntry,
  type LedgerRepository,
} from '#application/ports/ledger-repository';
import type { RecurringExpenseRepository } from '#application/ports/recurring-expense-repository';
import { type ExpenseWatch, expenseWatch } from '#application/subscriptions/watch-expense';
import { type CalendarDate, formatDateBr, saoPauloDateOf } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import type { E164 } from '#domain/phone-number';
import { type EntryCategoriser, entryCategoriser } from './categorise-entry';

export interface RecordOwnerEntryInput {
  tenantId: string;
  kind: 'income' | 'expense';
  amountCents: number | null;
  /** When the money moved; today (São Paulo) when the owner did not say. */
  date: CalendarDate | null;
  description: string | null;
  /** The category when already decided (a confirmed receipt); else derived from the description. */
  category?: string;
  /** The inbound message id: the entry's id, so a replayed message records nothing new. */
  messageId: string;
  /** The member who booked it (member id), named on the entry. */
  memberId?: string;
  /** Who booked it: the phone a subscription offer or alert about it goes to. */
  ownerPhone: E164;
}

export interface RecordOwnerEntryDependencies {
  ledger: LedgerRepository;
  clock: Clock;
  categoriser: EntryCategoriser;
  expenses: ExpenseWatch;
}

/**
 * The booking dependencies over the stores: the tenant's rules categorise (then the model, when one is
 * configured), its subscriptions watch.
 */
export function ownerEntryBooking(
  deps: {
    ledger: LedgerRepository;
    categoryRules: CategoryRuleRepository;
    recurringExpenses: RecurringExpenseRepository;
    clock: Clock;
  } & Pick<Parameters<typeof entryCategoriser>[0], 'categoryProposer' | 'logger'>,
): RecordOwnerEntryDependencies {
  return {
    ledger: deps.ledger,
    clock: deps.clock,
    categoriser: entryCategoriser(deps),
    expenses: expenseWatch(deps),
  };
}

/**
 * "gastei 45 no mercado" / "recebi 135 reais": books the entry and says what was booked. Money that has
 * already moved is recorded as the owner says it; without an amount IRIS asks instead of guessing. The
 * category is the tenant's learned rule, else the keyword rules (`categoriser`); a new expense is then checked
 * against the tenant's subscriptions (an offer or a "larger than usual" note joins the reply).
 */
export async function recordOwnerEntry(
  deps: RecordOwnerEntryDependencies,
  input: RecordOwnerEntryInput,
): Promise<string> {
  if (input.amountCents == null || input.amountCents <= 0) {
    return input.kind === 'expense'
      ? 'Qual foi o valor do gasto? Ex.: "gastei 45 no mercado".'
      : 'Qual foi o valor recebido? Ex.: "recebi 150 do João".';
  }
  const today = saoPauloDateOf(deps.clock.now());
  const date = input.date ?? today;
  const description =
    (input.description ?? '').trim() || (input.kind === 'expense' ? 'despesa' : 'recebimento');
  const category =
    input.category ?? (await deps.categoriser.categorise(input.tenantId, input.kind, description)).category;
  const entryId = input.messageId.replace(/[^A-Za-z0-9_-]/g, '').slice(-40) || input.messageId;
  const entry: LedgerEntry = {
    tenantId: input.tenantId,
    entryId,
    kind: input.kind,
    date,
    amountCents: input.amountCents,
    category,
    description,
    ...(input.memberId && { recordedBy: input.memberId }),
    createdAt: deps.clock.now().toISOString(),
  };
  let note: string | undefined;
  try {
    await deps.ledger.add(entry);
    note = await deps.expenses.afterExpenseBooked({ entry, ownerPhone: input.ownerPhone });
  } catch (error) {
    if (!(error instanceof DuplicateLedgerEntryError)) throw error;
  }
  const what = input.kind === 'expense' ? 'Despesa' : 'Entrada';
  const booked = `Anotado! ${what} de ${formatBrl(input.amountCents)} (${description}, ${category}) em ${formatDateBr(date)}.`;
  return note ? `${booked}\n\n${note}` : booked;
}
