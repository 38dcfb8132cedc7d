import { type CalendarDate, dateParts, daysInMonth } from './calendar-date';
import { InvalidInputError } from './domain-error';
import type { Cents } from './money';

/**
 * A monthly spending limit: per expense category ("meu limite de mercado é 800 por mês" → alimentação), or over
 * all expenses ("meu limite de gastos é 5 mil"). Months are São Paulo calendar months; the spent amount is the
 * month's expense total of the category, corrections netted out (ledger aggregates).
 */
export interface Budget {
  tenantId: string;
  /** An expense category of the ledger's set, or null for all expenses. */
  category: string | null;
  /** The word the owner used ("mercado"), shown beside the category when it differs. */
  label: string;
  limitCents: Cents;
  createdAt: string;
  updatedAt: string;
}

/** Alerts are sent when a month's spending reaches these percentages of the limit, once each per month. */
export const BUDGET_THRESHOLDS = [80, 100] as const;
export type BudgetThreshold = (typeof BUDGET_THRESHOLDS)[number];

/** Largest monthly limit accepted: R$ 10 milhões. */
export const MAX_BUDGET_CENTS = 1_000_000_000;

export function assertBudgetLimit(limitCents: number): Cents {
  if (!Number.isInteger(limitCents) || limitCents <= 0 || limitCents > MAX_BUDGET_CENTS) {
    throw new InvalidInputError(`a budget limit must be 1 to ${MAX_BUDGET_CENTS} cents: ${limitCents}`);
  }
  return limitCents;
}

export interface BudgetUsage {
  limitCents: Cents;
  spentCents: Cents;
  /** Whole percent used, rounded down (R$ 799,99 of R$ 800,00 is 99%, never 100%). */
  percent: number;
  /** What is left before the limit (0 once reached). */
  remainingCents: Cents;
  /** Over the limit by this much (0 while under). */
  overCents: Cents;
  /** Days left in the month, today included. */
  daysLeft: number;
}

export function budgetUsage(limitCents: Cents, spentCents: Cents, today: CalendarDate): BudgetUsage {
  const { year, month, day } = dateParts(today);
  const spent = Math.max(0, spentCents);
  return {
    limitCents,
    spentCents: spent,
    percent: Math.floor((spent * 100) / limitCents),
    remainingCents: Math.max(0, limitCents - spent),
    overCents: Math.max(0, spent - limitCents),
    daysLeft: daysInMonth(year, month) - day + 1,
  };
}

/** The thresholds a month's spending has reached (a spent amount at exactly 80% reaches 80). */
export function thresholdsReached(limitCents: Cents, spentCents: Cents): BudgetThreshold[] {
  return BUDGET_THRESHOLDS.filter((threshold) => spentCents * 100 >= limitCents * threshold);
}
