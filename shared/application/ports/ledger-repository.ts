import type { CalendarDate } from '#domain/calendar-date';
import { DomainError } from '#domain/domain-error';
import type { Cents } from '#domain/money';
import type { Page, PageRequest } from './page';
import type { TransactionContext } from './unit-of-work';

export type LedgerEntryKind = 'income' | 'expense';

/** A calendar month, `YYYY-MM`. */
export type YearMonth = string;

export interface LedgerEntry {
  tenantId: string;
  entryId: string;
  kind: LedgerEntryKind;
  /** São Paulo calendar date of the income or expense. */
  date: CalendarDate;
  /**
   * Positive; `kind` says which way the money went. Only a reversal (`correction: 'reversal'`) is negative: the
   * negated amount of the entry it reverses, so every sum nets corrections out by plain addition.
   */
  amountCents: Cents;
  category: string;
  description: string;
  /** Set when the entry is a boleto's payment. */
  boletoId?: string;
  paymentId?: string;
  /** A correcting entry: the id of the entry it reverses or replaces (see domain/ledger-correction.ts). */
  corrects?: string;
  correction?: 'reversal' | 'replacement';
  /** The member (member id) who booked it on WhatsApp, when one did. */
  recordedBy?: string;
  createdAt: string;
}

/** An entry with this id was already recorded on this date. Nothing was written. */
export class DuplicateLedgerEntryError extends DomainError {
  constructor(
    readonly entryId: string,
    options?: { cause?: unknown },
  ) {
    super('duplicate_ledger_entry', `ledger entry ${entryId} was already recorded`, options);
    this.name = 'DuplicateLedgerEntryError';
  }
}

/** The ledger is append-only: a correction is a reversal entry, never an edit or a delete. */
export interface LedgerRepository {
  /** Throws `DuplicateLedgerEntryError` if this entry (same date and id) exists: derive ids from their cause. */
  add(entry: LedgerEntry, tx?: TransactionContext): Promise<void>;
  /** A month's entries, ordered by date then id (`consistentRead` for the stream's recomputations). */
  listByMonth(
    tenantId: string,
    month: YearMonth,
    options?: { consistentRead?: boolean },
  ): Promise<LedgerEntry[]>;
  /** One page of a month's entries, by date. */
  listMonthPage(tenantId: string, month: YearMonth, page: PageRequest): Promise<Page<LedgerEntry>>;
}
