import type { CalendarDate } from './calendar-date';
import { DomainError } from './domain-error';
import type { Cents } from './money';

/**
 * Corrections of an append-only ledger. An entry is never edited or deleted: "apaga o último gasto" books a
 * reversal (the same kind, category and date, with the negated amount), "a gasolina foi 54, não 45" books a
 * reversal and a replacement of 54, "isso era transporte" a reversal and a replacement in transporte. Every
 * correcting entry names the entry it corrects, so sums over any period and category net corrections out by
 * plain addition, and an entry's reversal id derives from the entry: it can be reversed only once.
 */

/** What the owner asked to change about an entry. */
export type LedgerCorrectionAction = 'reverse' | 'amount' | 'category';

/**
 * What a correction message says, beyond the intent's amount (the right amount) and description (the entry's
 * words, "gasolina"): the parser fills it; a model's interpretation may leave it out (then it is inferred).
 */
export interface LedgerCorrectionHint {
  action: LedgerCorrectionAction;
  /** "o último gasto", "isso": the latest entry, whatever its description. */
  latest: boolean;
  /** Which kind of entry the owner named ("gasto" → expense, "entrada" → income), if any. */
  kind?: 'income' | 'expense';
  /** For `category`: the category the entry should have had. */
  category?: string;
  /** "foi 54, não 45": the amount the owner says was wrong (helps pick the entry). */
  wrongAmountCents?: number;
}

/** The ledger fields a correction reads (a structural copy of the port's entry, kept in the domain). */
export interface CorrectableEntry {
  entryId: string;
  kind: 'income' | 'expense';
  date: CalendarDate;
  amountCents: Cents;
  category: string;
  description: string;
  boletoId?: string;
  /** Set on a correcting entry: the entry it reverses or replaces. */
  corrects?: string;
  correction?: 'reversal' | 'replacement';
  createdAt: string;
}

/** The id of the reversal of `entryId`: one per entry, so a second reversal is refused by the store. */
export function reversalIdOf(entryId: string): string {
  return `rev-${entryId}`.slice(0, 60);
}

/** The id of the replacement booked with the reversal of `entryId`. */
export function replacementIdOf(entryId: string): string {
  return `fix-${entryId}`.slice(0, 60);
}

export class EntryNotCorrectableError extends DomainError {
  constructor(entryId: string, why: string) {
    super('entry_not_correctable', `ledger entry ${entryId} cannot be corrected: ${why}`);
    this.name = 'EntryNotCorrectableError';
  }
}

/**
 * Entries the owner may still correct: the owner's own live entries. Not a correcting entry's reversal (a
 * reversal is never reversed), not an entry already reversed, not a boleto's payment (Paytime's record of
 * money, corrected through the boleto, not by message).
 */
export function correctableEntries<T extends CorrectableEntry>(entries: readonly T[]): T[] {
  const reversed = new Set(
    entries.filter((entry) => entry.correction === 'reversal').map((entry) => entry.corrects),
  );
  return entries.filter(
    (entry) => entry.correction !== 'reversal' && !entry.boletoId && !reversed.has(entry.entryId),
  );
}

/** The reversal of `entry`: same kind, date and category, negated amount, naming what it reverses. */
export function reversalOf<T extends CorrectableEntry>(entry: T, createdAt: string): T {
  if (entry.correction === 'reversal') throw new EntryNotCorrectableError(entry.entryId, 'it is a reversal');
  if (entry.boletoId) throw new EntryNotCorrectableError(entry.entryId, "it is a boleto's payment");
  return {
    ...entry,
    entryId: reversalIdOf(entry.entryId),
    amountCents: -entry.amountCents,
    corrects: entry.entryId,
    correction: 'reversal',
    createdAt,
  };
}

/** The entry as it should have been (new amount or category), naming the entry it replaces. */
export function replacementOf<T extends CorrectableEntry>(
  entry: T,
  change: { amountCents?: Cents; category?: string },
  createdAt: string,
): T {
  if (change.amountCents !== undefined && change.amountCents <= 0) {
    throw new EntryNotCorrectableError(entry.entryId, 'the new amount must be positive');
  }
  return {
    ...entry,
    entryId: replacementIdOf(entry.entryId),
    amountCents: change.amountCents ?? entry.amountCents,
    category: change.category ?? entry.category,
    corrects: entry.entryId,
    correction: 'replacement',
    createdAt,
  };
}

/** An entry as a correction shows it (the one corrected, or one of the numbered options). */
export interface EntrySummary {
  entryId: string;
  kind: 'income' | 'expense';
  date: CalendarDate;
  amountCents: Cents;
  category: string;
  description: string;
}

/** The owner's correction while it waits for the choice of entry and the confirmation. */
export interface LedgerCorrectionRequest {
  action: LedgerCorrectionAction;
  /** For `amount`: the right amount. */
  newAmountCents?: Cents;
  /** For `category`: the right category. */
  newCategory?: string;
  /** The entry corrected, once known. */
  entry?: EntrySummary;
  /** Several candidates: the numbered options the owner chooses from. */
  options?: EntrySummary[];
}
