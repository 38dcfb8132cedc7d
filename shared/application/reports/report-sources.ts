import { readBudgetStatus } from '#application/budgets/budget-status';
import { monthsOf } from '#application/ledger/ledger-period-figures';
import type { BoletoRepository } from '#application/ports/boleto-repository';
import type { BudgetRepository } from '#application/ports/budget-repository';
import type { Clock } from '#application/ports/clock';
import type { ContactRepository } from '#application/ports/contact-repository';
import type { LedgerAggregateReader } from '#application/ports/ledger-aggregates';
import type { LedgerEntry, LedgerRepository, YearMonth } from '#application/ports/ledger-repository';
import type { Boleto } from '#domain/boleto';
import type { BudgetStatus } from '#domain/report-content';
import type { ReportPeriod } from '#domain/report-period';

/** Port: what a report reads (`repositoryReportSources` implements it over the table's repositories). */
export interface ReportSources {
  /** The ledger entries dated in the period. */
  ledgerEntries(tenantId: string, period: ReportPeriod): Promise<LedgerEntry[]>;
  /** The tenant's budgets with what the month (`YYYY-MM`) spent against each. */
  budgets(tenantId: string, month: YearMonth): Promise<BudgetStatus[]>;
  /** The tenant's boletos with the names of their payers. */
  boletos(tenantId: string): Promise<{ boletos: Boleto[]; contactNames: Map<string, string> }>;
}

/**
 * One Query per month of the period on the ledger, one Query for the contacts and one per contact for its
 * boletos (by due date, every status). Budgets through `readBudgetStatus` (one Query for the budgets, one
 * GetItem for the month's figures kept by the ledger projector), the same figure as the budget alerts and
 * "quais meus limites?": the month's expenses of the budget's category, corrections netted out.
 */
export function repositoryReportSources(deps: {
  ledger: Pick<LedgerRepository, 'listByMonth'>;
  contacts: Pick<ContactRepository, 'list'>;
  boletos: Pick<BoletoRepository, 'listByContact'>;
  budgets: Pick<BudgetRepository, 'list'>;
  ledgerAggregates: LedgerAggregateReader;
  clock: Clock;
}): ReportSources {
  return {
    async ledgerEntries(tenantId, period) {
      const months = monthsOf(period.from, period.to);
      const all = await Promise.all(months.map((month) => deps.ledger.listByMonth(tenantId, month)));
      return all.flat().filter((entry) => entry.date >= period.from && entry.date <= period.to);
    },
    async budgets(tenantId, month) {
      const statuses = await readBudgetStatus(
        { budgets: deps.budgets, aggregates: deps.ledgerAggregates, clock: deps.clock },
        { tenantId, month },
      );
      return statuses.map(({ budget, usage }) => ({
        category: budget.category,
        limitCents: usage.limitCents,
        spentCents: usage.spentCents,
        remainingCents: usage.limitCents - usage.spentCents,
        usedPercent: usage.percent,
      }));
    },
    async boletos(tenantId) {
      const contacts = await deps.contacts.list(tenantId);
      const lists = await Promise.all(
        contacts.map((contact) => deps.boletos.listByContact(tenantId, contact.contactId)),
      );
      return {
        boletos: lists.flat(),
        contactNames: new Map(contacts.map((contact) => [contact.contactId, contact.name])),
      };
    },
  };
}
