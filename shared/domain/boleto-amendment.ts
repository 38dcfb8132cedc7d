import type { CalendarDate } from './calendar-date';
import type { Cents } from './money';

/**
 * "muda o vencimento do boleto do João pra dia 30": a boleto is amended by replacing it. Paytime has no update
 * (docs/paytime.md: create, get, list, cancel), so the owner confirms once and IRIS issues the new boleto
 * through the usual create path, cancels the old one only once the new one is issued, and sends the payer the
 * new boleto alone. The old and new boletos name each other in their audit trails.
 */

/** A boleto as the amendment shows it (the one replaced, or one of the numbered options). */
export interface AmendableBoleto {
  boletoId: string;
  amountCents: Cents;
  dueDate: CalendarDate;
  description: string;
}

export interface BoletoAmendment {
  /** What the owner asked for: a new amount, a new due date, or both. */
  newAmountCents?: Cents;
  newDueDate?: CalendarDate;
  /** The boleto replaced, once known. */
  replaces?: AmendableBoleto;
  /** Several open boletos: the numbered options the owner chooses from. */
  options?: AmendableBoleto[];
}

/** The terms of the new boleto: what the owner changed, the rest as the old boleto had it. */
export function amendedTerms(
  amendment: BoletoAmendment,
  old: AmendableBoleto,
): { amountCents: Cents; dueDate: CalendarDate } {
  return {
    amountCents: amendment.newAmountCents ?? old.amountCents,
    dueDate: amendment.newDueDate ?? old.dueDate,
  };
}

/** True when the amendment would issue the same boleto again (nothing to change). */
export function changesNothing(amendment: BoletoAmendment, old: AmendableBoleto): boolean {
  const terms = amendedTerms(amendment, old);
  return terms.amountCents === old.amountCents && terms.dueDate === old.dueDate;
}
