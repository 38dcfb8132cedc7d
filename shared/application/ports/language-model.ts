import type { CalendarDate } from '../../domain/calendar-date';
import type { AmountDoubt } from '../../language/amount-doubts';
import type { Intent } from '../../language/interpretation.schema';

export type { Intent } from '../../language/interpretation.schema';
export { INTENTS } from '../../language/interpretation.schema';

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
