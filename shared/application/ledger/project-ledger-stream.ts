import { alertBudgets, type BudgetAlertDependencies } from '#application/budgets/budget-alerts';
import type { LatePaymentLines, LedgerAggregates } from '#application/ports/ledger-aggregates';
import type { LedgerEntry, LedgerRepository } from '#application/ports/ledger-repository';
import type { Boleto } from '#domain/boleto';
import { isAfter } from '#domain/calendar-date';
import type { LedgerMonthAggregate } from '#domain/ledger-aggregate';
import { projectLedgerMonth } from './project-ledger-month';

export type LedgerProjectionSource =
  | { kind: 'entry'; entry: LedgerEntry }
  | { kind: 'boleto'; boleto: Boleto };

export interface LedgerProjectionDependencies extends BudgetAlertDependencies {
  ledger: LedgerRepository;
  aggregates: LedgerAggregates;
  latePayments: LatePaymentLines;
}

/**
 * One batch of the table's stream onto the ledger's read models. A month is recomputed once per batch however
 * many of its entries the batch holds (the recomputation reads the month as it is now, so it covers every entry
 * whose record is in the batch); an expense then checks the budgets of its category. A boleto paid after its
 * due date becomes (or updates) its late-payment line. Every effect is conditional: records replayed, retried
 * or out of order leave the same read models and send each alert once.
 */
export function ledgerStreamProjector(deps: LedgerProjectionDependencies) {
  const months = new Map<string, Promise<LedgerMonthAggregate>>();
  const monthOf = (tenantId: string, month: string): Promise<LedgerMonthAggregate> => {
    const key = `${tenantId}|${month}`;
    let pending = months.get(key);
    if (!pending) {
      pending = projectLedgerMonth(deps, { tenantId, month }).then(({ aggregate }) => aggregate);
      months.set(key, pending);
    }
    return pending;
  };
  return async (source: LedgerProjectionSource): Promise<void> => {
    if (source.kind === 'boleto') {
      const { boleto } = source;
      if (!boleto.paidOn || !isAfter(boleto.paidOn, boleto.dueDate)) return;
      await deps.latePayments.put({
        tenantId: boleto.tenantId,
        boletoId: boleto.id,
        contactId: boleto.contactId,
        dueDate: boleto.dueDate,
        paidOn: boleto.paidOn,
        amountCents: boleto.amountCents,
        version: boleto.version,
      });
      return;
    }
    const { entry } = source;
    const aggregate = await monthOf(entry.tenantId, entry.date.slice(0, 7));
    if (entry.kind === 'expense' && entry.amountCents > 0) {
      await alertBudgets(deps, { aggregate, expenseCategories: [entry.category] });
    }
  };
}
