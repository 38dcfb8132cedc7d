import { monthsOf } from '#application/ledger/ledger-period-figures';
import type { BoletoRepository } from '#application/ports/boleto-repository';
import type { ContactRepository } from '#application/ports/contact-repository';
import type { LedgerEntry, LedgerRepository } from '#application/ports/ledger-repository';
import type { Boleto } from '#domain/boleto';
import type { BudgetLimit } from '#domain/report-content';
import type { ReportPeriod } from '#domain/report-period';

/**
 * Port: what a report reads. Today it is implemented over the ledger's month partitions, the contacts and
 * their boletos (`repositoryReportSources`); the monthly per-category aggregates and budgets being built
 * beside it can implement it instead without touching the report.
 */
export interface ReportSources {
  /** The ledger entries dated in the period. */
  ledgerEntries(tenantId: string, period: ReportPeriod): Promise<LedgerEntry[]>;
  /** The budgets in force for the month (`YYYY-MM`); none until budgets exist. */
  budgets(tenantId: string, month: string): Promise<BudgetLimit[]>;
  /** The tenant's boletos with the names of their payers. */
  boletos(tenantId: string): Promise<{ boletos: Boleto[]; contactNames: Map<string, string> }>;
}

/**
 * Over what exists: one Query per month of the period on the ledger, one Query for the contacts and one per
 * contact for its boletos (by due date, every status). Budgets: none yet (no budget store on this branch).
 */
export function repositoryReportSources(deps: {
  ledger: Pick<LedgerRepository, 'listByMonth'>;
  contacts: Pick<ContactRepository, 'list'>;
  boletos: Pick<BoletoRepository, 'listByContact'>;
}): ReportSources {
  return {
    async ledgerEntries(tenantId, period) {
      const months = monthsOf(period.from, period.to);
      const all = await Promise.all(months.map((month) => deps.ledger.listByMonth(tenantId, month)));
      return all.flat().filter((entry) => entry.date >= period.from && entry.date <= period.to);
    },
    async budgets() {
      return [];
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
