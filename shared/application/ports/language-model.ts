import type { CalendarDate } from '#domain/calendar-date';
import type { LedgerCorrectionHint } from '#domain/ledger-correction';
import type { RecurrenceTerms } from '#domain/recurring-plan';
import type { MemberDetails } from '#domain/team-member';
import type { Intent } from './interpretation.schema';

export type { Intent } from './interpretation.schema';
export { INTENTS } from './interpretation.schema';

/**
 * What an owner's message asks for, with the entities found in it. A proposal only: every interpretation goes
 * through `validateRequest` (shared/application/request-validation.ts) and, for anything that changes money,
 * the owner's explicit confirmation.
 */
export interface Interpretation {
  intent: Intent;
  /** Integer centavos, or null when the message has no amount. */
  amountCents: number | null;
  /** The person named, as written (case and accents kept), without honorifics/articles; null if none. */
  contact: string | null;
  /** A São Paulo calendar date resolved against `today` (a due date, or the day money moved); null if none. */
  date: CalendarDate | null;
  /** For expenses and income: what it was for ("mercado", "conta de luz"); null otherwise or when unclear. */
  description: string | null;
  /** Which path produced this interpretation (the OpenAI adapter reports `deterministic` when it fell back). */
  source: 'deterministic' | 'openai';
  /** Why the amount cannot be taken as read ("-50", "1e9", two charges in one message); validation asks. */
  amountDoubt?: AmountDoubt;
  /** correct_ledger: what to change (the parser fills it; without it the correction is inferred). */
  correction?: LedgerCorrectionHint;
  /** create_recurring: the day and the end of the plan, as the owner said them (the parser fills it). */
  recurrence?: RecurrenceTerms;
  /** add_member / remove_member: the person's name, role and phone as written (the parser fills it). */
  member?: MemberDetails;
  /** For ledger summaries and questions: the typed plan (period, category, side, aggregate); never numbers. */
  ledgerQuery?: LedgerQuery;
  /** set_category_rule: the description term and the category it should go in (the parser fills it). */
  categoryRule?: { term: string; category: string };
  /** stop_tracking_expense: the tracked expense named, as written ("netflix"; the parser fills it). */
  trackedExpense?: string;
  /** set_budget / remove_budget: the limit's word as written ("mercado"); null for the overall limit. */
  budgetTarget?: { word: string | null };
  /** send_report / send_spreadsheet / report_schedule: the month and the cadence asked for (the parser fills it). */
  report?: ReportTerms;
}

/** The owner report asked for by message. */
export interface ReportTerms {
  /** `YYYY-MM`, or null: the last closed month. */
  month: string | null;
  cadence: 'monthly' | 'weekly' | null;
}

/** A question over the ledger as a plan the application executes over the entries and their monthly figures. */
export interface LedgerQuery {
  /** Inclusive São Paulo dates; null means "this month so far". */
  period: { from: CalendarDate; to: CalendarDate } | null;
  /** A category name of the ledger's set, or the keyword the owner used ("gasolina"); null for all. */
  category: string | null;
  side: 'expense' | 'income' | 'both';
  /**
   * `sum` a total, `max` the largest entry, `count` how many, `top` the largest categories, `compare` two
   * periods side by side (`period` and `comparedWith`), `late_payers` payers ranked by days late.
   */
  aggregate: 'sum' | 'max' | 'count' | 'top' | 'compare' | 'late_payers';
  /** compare: the other period ("compara outubro com novembro": period = outubro, comparedWith = novembro). */
  comparedWith?: { from: CalendarDate; to: CalendarDate } | null;
  /**
   * The payer asked about, as the owner wrote the name ("João"; resolved like a charge's contact, never guessed):
   * the plan is then over the payments received from that contact (sum, max or count; side `income`), and a
   * null `period` means the whole history.
   */
  contact?: string | null;
}

export interface InterpretRequest {
  text: string;
  /** The message's "today" in São Paulo: every relative date is resolved against it. */
  today: CalendarDate;
}

/** Intent and entity extraction from one owner message. Implementations never throw for odd input. */
export interface LanguageModel {
  interpret(input: InterpretRequest): Promise<Interpretation>;
}

/**
 * What makes the amount of a message unsafe to act on, though a number was found: "-50" (a negative amount is
 * not R$ 50,00), "1e9" (scientific notation is not R$ 1,00 or R$ 9,00), "100 do João e 200 da Maria" (two
 * charges in one message: taking the first would silently drop the second). The parser reports the doubt and
 * leaves the decision to request validation, which asks the owner.
 */
export type AmountDoubt =
  | { kind: 'negative_amount'; amountCents: number }
  | { kind: 'unreadable_amount'; written: string }
  | { kind: 'several_charges'; charges: Array<{ amountCents: number; contact: string }> };
