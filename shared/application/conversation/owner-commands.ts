import { monthlySummary } from '../ledger/monthly-summary';
import { recordOwnerEntry } from '../ledger/record-owner-entry';
import type { Clock } from '../ports/clock';
import type { LedgerRepository } from '../ports/ledger-repository';
import type { OwnerCommands } from './interpret-owner-message';

/** Answers about boletos, implemented with the reminders and payments (each returns the pt-BR reply). */
export interface BoletoQueries {
  paymentStatus(input: { tenantId: string; contactName: string | null }): Promise<string>;
  receivables(input: { tenantId: string }): Promise<string>;
  cancel(input: {
    tenantId: string;
    ownerPhone: string;
    contactName: string | null;
    messageId: string;
  }): Promise<string>;
}

/** The intents answered at once: queries, ledger entries, the month's summary and cancellations. */
export function ownerCommands(deps: {
  ledger: LedgerRepository;
  clock: Clock;
  boletos: BoletoQueries;
}): OwnerCommands {
  return {
    async answer({ tenantId, ownerPhone, messageId, intent, interpretation }) {
      switch (intent) {
        case 'record_expense':
        case 'record_income':
          return recordOwnerEntry(deps, {
            tenantId,
            kind: intent === 'record_expense' ? 'expense' : 'income',
            amountCents: interpretation.amountCents,
            date: interpretation.date,
            description: interpretation.description ?? null,
            messageId,
          });
        case 'ledger_summary':
          return monthlySummary(deps, { tenantId });
        case 'check_status':
          return deps.boletos.paymentStatus({ tenantId, contactName: interpretation.contact });
        case 'list_receivables':
          return deps.boletos.receivables({ tenantId });
        case 'cancel_boleto':
          return deps.boletos.cancel({
            tenantId,
            ownerPhone,
            contactName: interpretation.contact,
            messageId,
          });
      }
    },
  };
}
