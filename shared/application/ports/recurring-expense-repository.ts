import type { Cents } from '#domain/money';
import type { E164 } from '#domain/phone-number';

/**
 * An expense IRIS recognised as repeating monthly (a subscription), keyed by its normalised description term:
 * offered once to the owner, then tracked (expected every month) or declined (never offered again).
 */
export interface RecurringExpense {
  tenantId: string;
  /** The normalised description term ("netflix"). */
  term: string;
  status: 'offered' | 'tracking' | 'declined';
  /** The latest occurrence's description, amount and day of the month when offered. */
  description: string;
  amountCents: Cents;
  dayOfMonth: number;
  /** Who was offered it (the one who booked the expense), and who is told about a missing or larger one. */
  ownerPhone: E164;
  offeredAt: string;
  /** A typed "sim" / "não" answers the offer until then; the buttons answer it at any time. */
  answerBy: string;
  decidedAt?: string;
  decidedBy?: string;
  /** The month (`YYYY-MM`) a missing expense was last pointed out: once a month. */
  missingPointedOut?: string;
  /** The month a larger expense was last pointed out: once a month. */
  largerPointedOut?: string;
  version: number;
}

export interface RecurringExpenseRepository {
  get(tenantId: string, term: string): Promise<RecurringExpense | undefined>;
  /** Every recurring expense of the tenant, offered, tracked or declined (one Query). */
  list(tenantId: string): Promise<RecurringExpense[]>;
  /** Stores a first offer; 'exists' when the term was offered before (then nothing is written). */
  offer(expense: RecurringExpense): Promise<'created' | 'exists'>;
  /**
   * Replaces the item if its version is still `expense.version - 1`: 'updated'; 'changed' when someone else
   * decided or pointed out first (nothing was written).
   */
  update(expense: RecurringExpense): Promise<'updated' | 'changed'>;
}
