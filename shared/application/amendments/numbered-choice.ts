import type { Interpretation } from '#application/ports/language-model';
import type { CalendarDate } from '#domain/calendar-date';

/**
 * "Qual deles?" for amendments and ledger corrections: the owner answers with the number ("2", "o segundo"),
 * or with the amount or the date that tells one option apart ("o de 150", "o do dia 10").
 */
export interface ChoosableOption {
  amountCents: number;
  /** A due date or the day money moved. */
  dueDate?: CalendarDate;
  date?: CalendarDate;
}

const ORDINALS = ['primeiro', 'segundo', 'terceiro', 'quarto', 'quinto'];

/** "2", "o segundo": the 0-based index of a numbered option the owner chose; undefined if none. */
export function chosenIndex(text: string): number | undefined {
  const folded = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
  const digit = /^\D*(\d{1,2})\D*$/.exec(folded);
  if (digit) return Number(digit[1]) - 1;
  const ordinal = ORDINALS.findIndex((word) => folded.includes(word));
  return ordinal >= 0 ? ordinal : undefined;
}

export function chooseOption<T extends ChoosableOption>(
  options: readonly T[],
  text: string,
  interpretation: Pick<Interpretation, 'amountCents' | 'date'>,
): T | undefined {
  const byAmount = (option: T) =>
    interpretation.amountCents == null || option.amountCents === interpretation.amountCents;
  const byDate = (option: T) =>
    interpretation.date == null || (option.dueDate ?? option.date) === interpretation.date;
  if (interpretation.date != null || (interpretation.amountCents ?? 0) >= 1000) {
    const matching = options.filter((option) => byAmount(option) && byDate(option));
    if (matching.length === 1) return matching[0];
  }
  const index = chosenIndex(text);
  return index === undefined ? undefined : options[index];
}

/** "1) R$ 150,00, vence 10/12/2026" lines, numbered from 1. */
export function numberedLines(labels: readonly string[]): string {
  return labels.map((label, index) => `${index + 1}) ${label}`).join('\n');
}
