import type { ExtraHolidays } from './bank-holidays';
import {
  type BoletoBalanceFacts,
  closedBalanceCents,
  hasPayableBillet,
  payableAmountDueOn,
} from './boleto-payment';
import type { BoletoStatus } from './boleto-status';
import type { CalendarDate } from './calendar-date';
import type { InterestPolicy } from './interest-policy';
import { type Cents, sumCents } from './money';

/**
 * A payer's account statement (extrato): every boleto issued to them, every payment received (partial ones
 * included), the fine and interest received and still accruing, and what is open today. Read a page of lines
 * at a time (newest first) beside totals over the whole statement; the same for the WhatsApp answer, the API
 * and the CSV export. Pure, no I/O.
 */

/** One boleto as the statement projection keeps it (its latest version). */
export interface StatementBoletoLine extends BoletoBalanceFacts {
  readonly boletoId: string;
  readonly description: string;
  readonly status: BoletoStatus;
  /** Fine and interest received on top of the principal. */
  readonly chargesPaidCents: Cents;
  readonly paidOn?: CalendarDate;
  readonly createdAt: string;
  /** The boleto's version this line was built from (a line never goes back to an older one). */
  readonly version: number;
}

/** One payment as the projection keeps it (payments never change). */
export interface StatementPaymentLine {
  readonly paymentId: string;
  readonly boletoId: string;
  readonly amountCents: Cents;
  readonly paidOn: CalendarDate;
}

/** A stored line of either kind, as the projection returns it. */
export type StoredStatementLine =
  | { readonly kind: 'boleto'; readonly line: StatementBoletoLine }
  | { readonly kind: 'payment'; readonly line: StatementPaymentLine };

export interface StatementBoleto extends StatementBoletoLine {
  readonly kind: 'boleto';
  /** Principal still owed on the billet (0 once paid or cancelled). */
  readonly remainingCents: Cents;
  /** Fine and interest the payer would owe today on top of the remaining principal (payable billets only). */
  readonly chargesTodayCents: Cents;
  /** What this boleto contributes to the open balance today. */
  readonly openCents: Cents;
  /** Principal left by a short payment on a closed billet (charged again with a new boleto or written off). */
  readonly closedBalanceCents: Cents;
}

export interface StatementPayment extends StatementPaymentLine {
  readonly kind: 'payment';
  /** The billet it paid is still short of its principal (Paytime takes one payment per billet). */
  readonly partial: boolean;
}

export type StatementLine = StatementBoleto | StatementPayment;

/** A boleto the calendar still acts on (its billet is payable): its late charges are computed on the day read. */
export interface PayableBoletoFacts extends BoletoBalanceFacts {
  readonly boletoId: string;
}

/**
 * Everything the totals need, over ALL of a payer's lines, with nothing that depends on "today": the
 * projector keeps it beside the lines (recomputed from them after each change); readers derive today's
 * totals from it with `statementTotalsOn`, so no total is ever stale.
 */
export interface StatementSummary {
  readonly boletoCount: number;
  readonly paymentCount: number;
  /** Sum of the principal of every boleto that was not cancelled or failed. */
  readonly billedCents: Cents;
  readonly paidCents: Cents;
  readonly chargesPaidCents: Cents;
  /** Principal left on billets closed short (fixed: no charges accrue on it). */
  readonly closedBalanceCents: Cents;
  readonly payable: readonly PayableBoletoFacts[];
  /** Boletos paid short of their principal that have payments: those payments are partial. */
  readonly shortPaidBoletoIds: readonly string[];
}

export interface StatementTotals {
  readonly boletoCount: number;
  readonly paymentCount: number;
  /** Sum of the principal of every boleto that was not cancelled or failed. */
  readonly billedCents: Cents;
  readonly paidCents: Cents;
  /** Fine and interest received. */
  readonly chargesPaidCents: Cents;
  /** Fine and interest accruing today on open overdue billets. */
  readonly chargesDueTodayCents: Cents;
  /** What the payer owes today: open billets with their charges plus closed short balances. */
  readonly openBalanceCents: Cents;
}

export const EMPTY_STATEMENT_SUMMARY: StatementSummary = {
  boletoCount: 0,
  paymentCount: 0,
  billedCents: 0,
  paidCents: 0,
  chargesPaidCents: 0,
  closedBalanceCents: 0,
  payable: [],
  shortPaidBoletoIds: [],
};

const NOT_BILLED: ReadonlySet<BoletoStatus> = new Set(['cancelled', 'failed']);

export interface LateChargeRules {
  readonly today: CalendarDate;
  readonly policy: InterestPolicy;
  readonly extra?: ExtraHolidays;
}

export function summarizeStatement(
  boletos: readonly StatementBoletoLine[],
  payments: readonly StatementPaymentLine[],
): StatementSummary {
  const paidBoletoIds = new Set(payments.map((payment) => payment.boletoId));
  const payable: PayableBoletoFacts[] = [];
  for (const line of boletos) {
    if (!hasPayableBillet(line)) continue;
    const { boletoId, status, amountCents, paidCents, dueDate } = line;
    payable.push({
      boletoId,
      status,
      amountCents,
      paidCents,
      dueDate,
      ...(line.disputedFrom ? { disputedFrom: line.disputedFrom } : {}),
    });
  }
  return {
    boletoCount: boletos.length,
    paymentCount: payments.length,
    billedCents: sumCents(boletos.filter((b) => !NOT_BILLED.has(b.status)).map((b) => b.amountCents)),
    paidCents: sumCents(payments.map((payment) => payment.amountCents)),
    chargesPaidCents: sumCents(boletos.map((boleto) => boleto.chargesPaidCents)),
    closedBalanceCents: sumCents(boletos.map(closedBalanceCents)),
    payable,
    shortPaidBoletoIds: boletos
      .filter((b) => b.paidCents < b.amountCents && paidBoletoIds.has(b.boletoId))
      .map((b) => b.boletoId),
  };
}

/** The whole statement's totals on `rules.today`: the late charges of payable billets are computed now. */
export function statementTotalsOn(summary: StatementSummary, rules: LateChargeRules): StatementTotals {
  let chargesDueToday = 0;
  let openPayable = 0;
  for (const boleto of summary.payable) {
    const due = payableAmountDueOn(boleto, rules.today, rules.policy, rules.extra);
    chargesDueToday += due?.chargesCents ?? 0;
    openPayable += due?.totalCents ?? 0;
  }
  return {
    boletoCount: summary.boletoCount,
    paymentCount: summary.paymentCount,
    billedCents: summary.billedCents,
    paidCents: summary.paidCents,
    chargesPaidCents: summary.chargesPaidCents,
    chargesDueTodayCents: chargesDueToday,
    openBalanceCents: openPayable + summary.closedBalanceCents,
  };
}

/** One boleto line as the statement shows it on `rules.today`. */
export function statementBoletoOn(line: StatementBoletoLine, rules: LateChargeRules): StatementBoleto {
  const due = payableAmountDueOn(line, rules.today, rules.policy, rules.extra);
  const closed = closedBalanceCents(line);
  // Object.assign, not `{ ...line, … }`: V8's spread-then-add was ~5 µs a line.
  return Object.assign({ kind: 'boleto' as const }, line, {
    remainingCents: due ? due.totalCents - due.chargesCents : closed,
    chargesTodayCents: due?.chargesCents ?? 0,
    openCents: (due?.totalCents ?? 0) + closed,
    closedBalanceCents: closed,
  });
}

/** Stored lines (any order) as the statement shows them; `summary` says which payments are partial. */
export function statementLinesOn(
  stored: readonly StoredStatementLine[],
  summary: StatementSummary,
  rules: LateChargeRules,
): StatementLine[] {
  const shortPaid = new Set(summary.shortPaidBoletoIds);
  return stored.map((entry) =>
    entry.kind === 'boleto'
      ? statementBoletoOn(entry.line, rules)
      : Object.assign({ kind: 'payment' as const }, entry.line, {
          partial: shortPaid.has(entry.line.boletoId),
        }),
  );
}

/** The date a line sits on in the statement's timeline: a boleto on its due date, a payment on its date. */
export function statementLineDate(line: StoredStatementLine): CalendarDate {
  return line.kind === 'boleto' ? line.line.dueDate : line.line.paidOn;
}
