import type { Page, PageRequest } from '#application/ports/page';
import type { CalendarDate } from '#domain/calendar-date';
import type {
  StatementBoletoLine,
  StatementPaymentLine,
  StatementSummary,
  StoredStatementLine,
} from '#domain/statement';

/** Every line of a payer's statement (unordered) and the line-write counter they were read at. */
export interface StatementLinesAtSeq {
  seq: number;
  boletos: StatementBoletoLine[];
  payments: StatementPaymentLine[];
}

/**
 * The per-contact statement read model, kept by the table's stream (`statement-projector`): one line per
 * boleto (its latest version) and per payment, and a totals item (the summary of all lines). Line writes are
 * idempotent and order-proof (a boleto's line only ever moves to a newer version, a payment's line is written
 * once) and each one that changes something advances the statement's `seq`; a summary is stored only for the
 * `seq` it was computed at, so an older recompute never overwrites a newer one.
 */
export interface StatementProjection {
  /** `stale` (nothing written) when the line already holds this version of the boleto or a newer one. */
  putBoleto(tenantId: string, contactId: string, line: StatementBoletoLine): Promise<'stored' | 'stale'>;
  /** `duplicate` (nothing written) when this payment is already on the statement. */
  putPayment(
    tenantId: string,
    contactId: string,
    line: StatementPaymentLine,
  ): Promise<'stored' | 'duplicate'>;
  /** All lines, read strongly consistent after reading the statement's `seq` (for recomputing the summary). */
  readAllLines(tenantId: string, contactId: string): Promise<StatementLinesAtSeq>;
  /** Stores the summary computed at `seq`; `superseded` (nothing written) when a line changed since. */
  putSummary(
    tenantId: string,
    contactId: string,
    summary: StatementSummary,
    seq: number,
  ): Promise<'stored' | 'superseded'>;
  /** The stored summary (GetItem); `undefined` when the statement has no line yet. */
  readSummary(tenantId: string, contactId: string): Promise<StatementSummary | undefined>;
  /**
   * One page of lines by date (one Query), `newestFirst` or oldest first; the cursor is the page's. With
   * `dates`, only the lines dated within them, inclusive (a boleto on its due date, a payment on its date).
   */
  readLinePage(
    tenantId: string,
    contactId: string,
    page: PageRequest & { newestFirst: boolean; dates?: { from: CalendarDate; to: CalendarDate } },
  ): Promise<Page<StoredStatementLine>>;
}
