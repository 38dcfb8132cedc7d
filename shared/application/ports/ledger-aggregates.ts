import type { CalendarDate } from '#domain/calendar-date';
import type { LedgerMonthAggregate } from '#domain/ledger-aggregate';
import type { Cents } from '#domain/money';
import type { YearMonth } from './ledger-repository';

/**
 * Port: the ledger's monthly figures kept by the stream (`ledger-projector`). The read side (`month`,
 * `months`) is what questions, budgets and the monthly report use; `save` is the projector's alone.
 */
export interface LedgerAggregates {
  /** One month's figures (GetItem); undefined when the month has no entries yet (or the stream is behind). */
  month(tenantId: string, month: YearMonth): Promise<LedgerMonthAggregate | undefined>;
  /** The months from `from` to `to` inclusive that have figures, oldest first (one Query). */
  months(tenantId: string, from: YearMonth, to: YearMonth): Promise<LedgerMonthAggregate[]>;
  /** Stores a recomputed month unless a version with at least as many entries is stored (`stale`). */
  save(aggregate: LedgerMonthAggregate): Promise<'stored' | 'stale'>;
}

/** The read side, for whoever only reads the figures (the monthly report, questions). */
export type LedgerAggregateReader = Pick<LedgerAggregates, 'month' | 'months'>;

/** A boleto paid after its due date, kept by the stream for "quem mais atrasa?". */
export interface LatePaymentLine {
  tenantId: string;
  boletoId: string;
  contactId: string;
  dueDate: CalendarDate;
  paidOn: CalendarDate;
  amountCents: Cents;
  version: number;
}

/** Port: boletos paid late, one line per boleto (its latest version), one Query per tenant. */
export interface LatePaymentLines {
  put(line: LatePaymentLine): Promise<'stored' | 'stale'>;
  list(tenantId: string): Promise<LatePaymentLine[]>;
}
