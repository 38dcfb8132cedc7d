import type { Clock } from '#application/ports/clock';
import {
  DuplicateLedgerEntryError,
  type LedgerEntry,
  type LedgerRepository,
} from '#application/ports/ledger-repository';
import type { UnitOfWork } from '#application/ports/unit-of-work';
import type { CalendarDate } from '#domain/calendar-date';
import {
  correctableEntries,
  type LedgerCorrectionAction,
  replacementOf,
  reversalOf,
} from '#domain/ledger-correction';

export interface BookLedgerCorrectionInput {
  tenantId: string;
  /** The entry corrected and the day it was booked on (its key). */
  entryId: string;
  date: CalendarDate;
  action: LedgerCorrectionAction;
  /** For `amount`. */
  newAmountCents?: number;
  /** For `category`. */
  newCategory?: string;
  /** The member correcting: the reversal and replacement name them (not the original's author). */
  memberId?: string;
}

export type LedgerCorrectionResult =
  | {
      outcome: 'booked';
      /** The entry as it was. */
      original: LedgerEntry;
      reversal: LedgerEntry;
      /** The entry as it should have been (amount and category changes). */
      replacement?: LedgerEntry;
    }
  /** The entry was reversed before (by this correction's earlier try or another one): nothing was written. */
  | { outcome: 'already_corrected'; original: LedgerEntry }
  | { outcome: 'not_found' };

/**
 * Books a correction of the append-only ledger: the reversal of the entry (and, for a new amount or category,
 * its replacement) in one transaction. The reversal's id derives from the entry, so an entry is reversed at most
 * once, and a retried or replayed correction writes nothing the second time. This is the one way to correct
 * the ledger; e.g. the finance feature calls it for "isso é transporte" and learns the rule from the result's
 * `original.description` and `replacement.category`.
 */
export async function bookLedgerCorrection(
  deps: { ledger: LedgerRepository; unitOfWork: UnitOfWork; clock: Clock },
  input: BookLedgerCorrectionInput,
): Promise<LedgerCorrectionResult> {
  const month = await deps.ledger.listByMonth(input.tenantId, input.date.slice(0, 7));
  const original = month.find((entry) => entry.entryId === input.entryId && entry.date === input.date);
  if (!original) return { outcome: 'not_found' };
  if (!correctableEntries(month).some((entry) => entry.entryId === original.entryId)) {
    return { outcome: 'already_corrected', original };
  }
  const at = deps.clock.now().toISOString();
  const reversal = recordedBy(reversalOf(original, at), input.memberId);
  const replacement =
    input.action === 'reverse'
      ? undefined
      : recordedBy(
          replacementOf(
            original,
            input.action === 'amount'
              ? { amountCents: input.newAmountCents ?? original.amountCents }
              : { category: input.newCategory ?? original.category },
            at,
          ),
          input.memberId,
        );
  try {
    await deps.unitOfWork.run(async (tx) => {
      await deps.ledger.add(reversal, tx);
      if (replacement) await deps.ledger.add(replacement, tx);
    });
  } catch (error) {
    if (!(error instanceof DuplicateLedgerEntryError)) throw error;
    return { outcome: 'already_corrected', original };
  }
  return { outcome: 'booked', original, reversal, ...(replacement ? { replacement } : {}) };
}

/** A correction names who booked it, never the corrected entry's author. */
function recordedBy(entry: LedgerEntry, memberId: string | undefined): LedgerEntry {
  const { recordedBy: _original, ...rest } = entry;
  return memberId ? { ...rest, recordedBy: memberId } : rest;
}
